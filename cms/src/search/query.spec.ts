import { describe, expect, it } from 'vitest'
import { MAX_QUERY_LENGTH, parseSearchQuery, SearchQueryError, toFts5Match, toTsQuery, widenPrefix } from './query'

describe('parseSearchQuery', () => {
  it('reads words, folds case and accents, and treats the word being typed as a prefix', () => {
    expect(parseSearchQuery('Café PATENTS manufac')).toEqual([
      { words: ['cafe'], prefix: false },
      { words: ['patents'], prefix: false },
      { words: ['manufac'], prefix: true },
    ])
    expect(parseSearchQuery('patents ')).toEqual([{ words: ['patents'], prefix: false }])
  })

  it('can widen a half-typed word to the stem it is heading for, since both engines index stems', () => {
    expect(widenPrefix(parseSearchQuery('cheap toolin'))).toEqual([{ words: ['cheap'], prefix: false }, { words: ['tool'], prefix: true }])
    expect(widenPrefix(parseSearchQuery('patents'))).toEqual([{ words: ['patent'], prefix: true }])
    expect(widenPrefix(parseSearchQuery('manufac'))).toBeNull()
    expect(widenPrefix(parseSearchQuery('tooling '))).toBeNull() // a finished word is not a prefix
  })

  it('keeps "quoted phrases" together and ignores an unbalanced quote', () => {
    expect(parseSearchQuery('"utility model" china')).toEqual([{ words: ['utility', 'model'], prefix: false }, { words: ['china'], prefix: true }])
    expect(parseSearchQuery('"utility model')).toEqual([{ words: ['utility'], prefix: false }, { words: ['model'], prefix: true }])
  })

  it('turns Chinese into a phrase of characters', () => {
    expect(parseSearchQuery('专利 申请')).toEqual([{ words: ['专', '利'], prefix: false }, { words: ['申', '请'], prefix: false }])
  })

  it('drops every character that means something to a full-text engine, so input never becomes syntax', () => {
    const terms = parseSearchQuery('a* -b c:d (e OR f) NEAR(g h) \'; DROP TABLE posts; -- 🦄')
    expect(terms.flatMap(term => term.words)).toEqual(['a', 'b', 'c', 'd', 'e', 'or', 'f', 'near', 'g', 'h', 'drop', 'table', 'posts'])
    expect(toFts5Match(terms)).toMatch(/^("[\p{L}\p{N} ]+"\*? AND )*"[\p{L}\p{N} ]+"\*?$/u)
    expect(toTsQuery(terms)).toMatch(/^[\p{L}\p{N}:*&<>\-() ]+$/u)
  })

  it('gives nothing to search for in empty or symbol-only input', () => {
    expect(parseSearchQuery('')).toEqual([])
    expect(parseSearchQuery('  "" * - :: () 🦄 ')).toEqual([])
  })

  it(`refuses queries over ${MAX_QUERY_LENGTH} characters with a message`, () => {
    expect(() => parseSearchQuery('x'.repeat(10_000))).toThrow(SearchQueryError)
    expect(() => parseSearchQuery('x'.repeat(10_000))).toThrow(/at most 200 characters/)
  })
})

describe('engine expressions', () => {
  const terms = parseSearchQuery('"utility model" 专利 filin')
  it('quotes every FTS5 term and marks the prefix', () => {
    expect(toFts5Match(terms)).toBe('"utility model" AND "专 利" AND "filin"*')
  })
  it('joins tsquery phrases with <-> and marks the prefix with :*', () => {
    expect(toTsQuery(terms)).toBe('(utility <-> model) & (专 <-> 利) & filin:*')
  })
})
