import { describe, expect, it } from 'vitest'
import { publishProblems } from './post-publish-rules'

describe('publishProblems', () => {
  it('accepts a post with an author and a described cover, or no cover', () => {
    expect(publishProblems({ author: { id: 1 }, cover: { alternativeText: 'A patent drawing' } })).toEqual([])
    expect(publishProblems({ author: { id: 1 }, cover: null })).toEqual([])
  })

  it('asks for an author, and for alt text on the cover by name', () => {
    expect(publishProblems({ author: null, cover: { alternativeText: '  ', name: 'cover.jpg' } })).toEqual([
      'Choose an author for this post.',
      'Add alternative text to the cover image "cover.jpg" (Media Library → edit the image): screen readers and search engines need it.',
    ])
  })
})

describe('publishProblems and the slug', () => {
  it('names a slug that does not fit the pattern, with the fix', () => {
    const pattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
    expect(publishProblems({ slug: 'fine-slug', author: { id: 1 } }, pattern)).toEqual([])
    expect(publishProblems({ slug: 'double--dash', author: { id: 1 } }, pattern)).toEqual([
      'The URL slug "double--dash" can\'t be used. Use lowercase letters, digits and single dashes (e.g. utility-models-in-china).',
    ])
  })
})
