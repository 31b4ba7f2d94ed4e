import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { AdminApi } from '../../../testing/admin-api'
import { adminApi, adminUserWithRole, POSTS } from '../../../testing/admin-api'
import { launchBrowser, openPage } from './browser'

// The editor's day in the admin itself, in a real browser: history with a version opened, the trash, redirects,
// and what a guest Author sees. The screenshots in the README come from here (UPDATE_SCREENSHOTS=1).
const REDIRECTS = '/content-manager/collection-types/api::redirect.redirect'
const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }]
let browser: Browser
let api: AdminApi
let byline = ''
const created: string[] = []
const cms = () => inject('e2eCmsUrl')

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${cms()}/admin/auth/login`)
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', password)
  await page.click('button[type="submit"]')
  await page.waitForURL(url => !url.pathname.includes('/auth/'), { timeout: 30_000 })
}

/** Strapi's guided tour greets a new admin with a popover over the page; an editor who knows the way skips it. */
async function skipTour(page: Page) {
  const skip = page.getByRole('button', { name: 'Skip' })
  if (await skip.isVisible().catch(() => false)) await skip.click()
}

async function screenshot(page: Page, name: string) {
  if (!process.env.UPDATE_SCREENSHOTS) return
  await page.waitForTimeout(600) // let popovers and dialogs finish their transitions
  mkdirSync(path.resolve('docs/screenshots'), { recursive: true })
  await page.screenshot({ path: path.resolve(`docs/screenshots/${name}.png`) })
}

async function writePost(as: AdminApi, slug: string, title: string, text: string): Promise<string> {
  const response = await as('POST', POSTS, { title, slug, body: paragraph(text), author: { connect: [{ documentId: byline }] } })
  expect(response.status).toBe(201)
  created.push(response.body.data.documentId)
  return response.body.data.documentId
}

beforeAll(async () => {
  browser = await launchBrowser()
  api = adminApi(cms())
  byline = (await api('GET', '/content-manager/collection-types/api::author.author?pageSize=1')).body.results[0].documentId
})

afterAll(async () => {
  for (const documentId of created) await api('DELETE', `${POSTS}/${documentId}`)
  await browser?.close()
})

describe('the admin, for editors', () => {
  it('lists a post\'s versions in its History panel and opens one, read-only, to restore', async () => {
    const documentId = await writePost(api, 'admin-history-tour', 'Utility models in China: a first draft', 'The first words the editor wrote.')
    const current = await api('GET', `${POSTS}/${documentId}`)
    await api('PUT', `${POSTS}/${documentId}`, { ...current.body.data, title: 'Utility models in China: what to file first', body: paragraph('The words as they stand today.') })

    const { page } = await openPage(browser, { viewport: { width: 1440, height: 1000 } })
    await signIn(page, 'erin@example.com', 'Editor-Passw0rd!')
    await page.goto(`${cms()}/admin/content-manager/collection-types/api::post.post/${documentId}`)
    const views = page.getByRole('button', { name: 'View' })
    await views.first().waitFor()
    await skipTour(page)
    expect(await views.count()).toBe(2)
    await views.last().click()
    const dialog = page.getByRole('dialog')
    await dialog.getByText('The first words the editor wrote.').waitFor()
    await expect(dialog.innerText()).resolves.toContain('Utility models in China: a first draft')
    await expect(dialog.getByRole('button', { name: 'Restore as draft' }).isEnabled()).resolves.toBe(true)
    await screenshot(page, 'admin-history')
  })

  it('keeps deleted posts under "Deleted posts", ready to restore', async () => {
    const documentId = await writePost(api, 'admin-trash-tour', 'Trademark watch services: a comparison', 'Deleted, then missed.')
    expect((await api('DELETE', `${POSTS}/${documentId}`)).status).toBe(200)
    const { page } = await openPage(browser, { viewport: { width: 1440, height: 1000 } })
    await signIn(page, 'erin@example.com', 'Editor-Passw0rd!')
    await page.goto(`${cms()}/admin/content-manager/collection-types/api::post.post`)
    const trash = page.getByRole('button', { name: /^Deleted posts \(\d+\)$/ })
    await trash.waitFor()
    await skipTour(page)
    await trash.click()
    const dialog = page.getByRole('dialog')
    await dialog.getByText('Trademark watch services: a comparison').waitFor()
    await screenshot(page, 'admin-trash')
    await dialog.getByRole('button', { name: 'Restore' }).first().click()
    await page.waitForLoadState('load')
    const back = await api('GET', `${POSTS}/${documentId}`)
    expect(back.status).toBe(200)
  })

  it('manages redirects by hand, beside the ones slug changes make', async () => {
    const made = await api('POST', REDIRECTS, { from: '/2024/03/15/utility-models-explained/', to: '/posts/admin-history-tour', statusCode: 301, note: 'The old WordPress permalink.' })
    expect(made.status).toBe(201)
    const { page } = await openPage(browser, { viewport: { width: 1440, height: 1000 } })
    await signIn(page, 'erin@example.com', 'Editor-Passw0rd!')
    await page.goto(`${cms()}/admin/content-manager/collection-types/api::redirect.redirect`)
    await page.getByText('/2024/03/15/utility-models-explained').waitFor()
    await skipTour(page)
    await screenshot(page, 'admin-redirects')
    await api('DELETE', `${REDIRECTS}/${made.body.data.documentId}`)
  })

  it('shows a guest Author their draft with Publish and the schedule shut', async () => {
    const person = { firstname: 'Gus', lastname: 'Guest', email: `gus-${Date.now()}@example.com` }
    const author = await adminUserWithRole(cms(), api, 'strapi-author', person)
    const documentId = await writePost(author, 'admin-guest-draft', 'A guest post on design patents', 'Written by a guest author.')
    const { page } = await openPage(browser, { viewport: { width: 1440, height: 1000 } })
    await signIn(page, person.email, 'Colleague-Passw0rd!')
    await page.goto(`${cms()}/admin/content-manager/collection-types/api::post.post/${documentId}`)
    await page.getByRole('button', { name: 'Save' }).waitFor()
    await skipTour(page)
    await screenshot(page, 'admin-author')
    const publish = page.getByRole('button', { name: 'Publish' })
    expect(await publish.count() === 0 || await publish.isDisabled()).toBe(true)
    // The schedule's fields are shown shut ("No permissions to see this field"), and its panel says why.
    for (const field of ['Publish at', 'Unpublish at']) await expect(page.getByLabel(field, { exact: true }).isDisabled(), field).resolves.toBe(true)
    await page.getByText('Only editors can schedule posts.').waitFor()
  })
})
