import { describe, expect, it } from 'vitest'
import { graphql } from '../support/graphql'

// What the site's blog index asks for: a page of posts with author, categories and cover, and totals.
const LIST = `query List($pageSize: Int!) {
  posts_connection(pagination: { pageSize: $pageSize }, sort: ["date:desc"]) {
    nodes { slug title excerpt date readingTimeMinutes cover { url alternativeText width height formats } author { name slug } categories { name slug } }
    pageInfo { total pageCount }
  }
}`

describe('SQL queries per request (counted at the database connection)', () => {
  it('listing 50 posts with author, categories and cover runs no more queries than listing 10 — at most 6', async () => {
    const ten = await graphql(LIST, { pageSize: 10 })
    const fifty = await graphql(LIST, { pageSize: 50 })
    expect(ten.body.data!.posts_connection.nodes).toHaveLength(10)
    expect(fifty.body.data!.posts_connection.nodes).toHaveLength(50)
    expect(fifty.body.data!.posts_connection.nodes.every((post: { author: unknown, cover: unknown }) => post.author && post.cover)).toBe(true)
    expect(fifty.sqlQueries).toBe(ten.sqlQueries)
    expect(fifty.sqlQueries).toBeLessThanOrEqual(6)
  })

  it('a relation queried with its own arguments is still answered correctly', async () => {
    const { body } = await graphql('{ posts(pagination: { limit: 3 }, filters: { categories: { slug: { eq: "patents" } } }) { categories(filters: { slug: { eq: "patents" } }) { slug } } }')
    for (const post of body.data!.posts) expect(post.categories).toEqual([{ slug: 'patents' }])
  })

  it('a post by slug with author avatar, categories, cover and SEO runs a bounded number of queries', async () => {
    const { body, sqlQueries } = await graphql('{ posts(filters: { slug: { eq: "protecting-your-idea-before-you-talk-to-manufacturers" } }) { title bodyHtml author { name avatar { url } } categories { name } cover { url } seo { metaTitle } } }')
    expect(body.data!.posts).toHaveLength(1)
    expect(sqlQueries).toBeLessThanOrEqual(8)
  })

  it('a page of search hits with author, categories, cover and SEO runs no more queries than a single hit', async () => {
    const SEARCH = `query Search($pageSize: Int!) {
      searchPosts(query: "patent", pageSize: $pageSize) { total hits { snippet post { slug cover { url } author { name avatar { url } } categories { slug } seo { metaTitle } } } }
    }`
    const one = await graphql(SEARCH, { pageSize: 1 })
    const five = await graphql(SEARCH, { pageSize: 5 })
    expect(one.body.data!.searchPosts.hits).toHaveLength(1)
    expect(five.body.data!.searchPosts.hits).toHaveLength(5)
    expect(five.body.data!.searchPosts.hits.every((hit: { post: { author: unknown, cover: unknown } }) => hit.post.author && hit.post.cover)).toBe(true)
    expect(five.sqlQueries).toBe(one.sqlQueries)
  })
})
