import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/** The site's look, read from the browser: its font and navy header, and the landmarks every page has. */
export async function expectSiteLayout(page: Page): Promise<void> {
  const look = await page.evaluate(() => ({
    font: getComputedStyle(document.body).fontFamily,
    header: getComputedStyle(document.querySelector('header.site-header')!).backgroundColor,
  }))
  expect(look.font).toMatch(/^system-ui/)
  expect(look.header).toBe('rgb(15, 42, 74)')
  await expect(page.getByRole('banner').count()).resolves.toBe(1)
  await expect(page.getByRole('main').count()).resolves.toBe(1)
  await expect(page.getByRole('contentinfo').count()).resolves.toBe(1)
  await expect(page.getByRole('search').count()).resolves.toBeGreaterThan(0)
  await expect(page.getByRole('link', { name: 'About us' }).count()).resolves.toBe(1)
}
