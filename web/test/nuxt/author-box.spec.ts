import { mountSuspended } from '@nuxt/test-utils/runtime'
import { describe, expect, it } from 'vitest'
import AuthorBox from '~/components/author/AuthorBox.vue'

const author = {
  documentId: 'a1',
  name: 'Marcus Reid',
  slug: 'marcus-reid',
  jobTitle: 'IP Strategist',
  bio: 'Marcus helps founders work safely with factories.',
  links: [{ label: 'LinkedIn', url: 'https://www.linkedin.com/in/example' }],
  avatar: { url: 'http://cms.test/uploads/m.jpg', alt: 'Portrait of Marcus Reid', width: 400, height: 400, mime: 'image/jpeg', formats: [{ url: 'http://cms.test/uploads/thumbnail_m.jpg', width: 156, height: 156 }] },
}

describe('AuthorBox', () => {
  it('shows avatar, name linking to the author page, job title, bio and links', async () => {
    const box = await mountSuspended(AuthorBox, { props: { author } })
    expect(box.find('img').attributes()).toMatchObject({ src: 'http://cms.test/uploads/thumbnail_m.jpg', alt: 'Portrait of Marcus Reid', width: '96', height: '96' })
    expect(box.find('h2 a').attributes('href')).toBe('/authors/marcus-reid')
    expect(box.text()).toContain('IP Strategist')
    expect(box.text()).toContain('Marcus helps founders work safely with factories.')
    expect(box.find('.author-box__links a').attributes()).toMatchObject({ href: 'https://www.linkedin.com/in/example', rel: 'noopener noreferrer' })
  })

  it('is the page heading, without a self-link, on the author\'s own page', async () => {
    const box = await mountSuspended(AuthorBox, { props: { author: { ...author, avatar: null }, heading: 'h1' } })
    expect(box.find('h1').text()).toBe('Marcus Reid')
    expect(box.find('h1 a').exists()).toBe(false)
    expect(box.find('img').exists()).toBe(false)
  })
})
