import { describe, expect, it } from 'vitest'
import { MAX_POST_PATH_GROUPS, toDate, tooManyGroups } from './post-paths'

describe('postPathGroups\' limit', () => {
  it('allows up to 1,000 groups and names the smallest size that fits when asked for more', () => {
    expect(MAX_POST_PATH_GROUPS).toBe(1_000)
    expect(tooManyGroups(0, 1)).toBeUndefined()
    expect(tooManyGroups(1_000, 1)).toBeUndefined()
    expect(tooManyGroups(100_000, 100)).toBeUndefined()
    expect(tooManyGroups(1_001, 1)).toBe('size 1 cuts the 1,001 published posts into 1,001 groups; at most 1,000 are returned: ask for a size of at least 2.')
    expect(tooManyGroups(100_010, 5)).toBe('size 5 cuts the 100,010 published posts into 20,002 groups; at most 1,000 are returned: ask for a size of at least 101.')
  })
})

describe('dates as the databases return them', () => {
  it('reads a Date (PostgreSQL), epoch milliseconds as a number or text (SQLite) and ISO text alike', () => {
    const iso = '2025-12-01T09:00:00.000Z'
    for (const value of [new Date(iso), Date.parse(iso), String(Date.parse(iso)), iso]) expect(toDate(value).toISOString()).toBe(iso)
    expect(() => toDate('not a date')).toThrow(/Unreadable post date/)
  })
})
