import { describe, expect, inject, it } from 'vitest'
import { graphql } from '../support/graphql'

const QUERY = 'query Cached($slug: String!) { categories(filters: { slug: { eq: $slug } }) { name description } }'

describe('the anonymous GraphQL response cache', () => {
  it('answers a repeated anonymous query from memory without touching the database', async () => {
    const first = await graphql(QUERY, { slug: 'trademarks' })
    const second = await graphql(QUERY, { slug: 'trademarks' })
    expect(first.headers.get('x-cache')).toBe('MISS')
    expect(first.sqlQueries).toBeGreaterThan(0)
    expect(second.headers.get('x-cache')).toBe('HIT')
    expect(second.sqlQueries).toBe(0)
    expect(second.body).toEqual(first.body)
  })

  it('keys on the variables too', async () => {
    await graphql(QUERY, { slug: 'patents' })
    const other = await graphql(QUERY, { slug: 'crowdfunding' })
    expect(other.body.data!.categories[0].name).toBe('Crowdfunding')
  })

  it('never caches requests with a token, nor answers with errors', async () => {
    const token = inject('apiToken')
    await graphql(QUERY, { slug: 'trademarks' }, token)
    const withToken = await graphql(QUERY, { slug: 'trademarks' }, token)
    expect(withToken.headers.get('x-cache')).toBeNull()
    expect(withToken.sqlQueries).toBeGreaterThan(0)

    await graphql('{ posts { nope } }')
    const failed = await graphql('{ posts { nope } }')
    expect(failed.status).toBe(400)
    expect(failed.headers.get('x-cache')).not.toBe('HIT')
  })
})
