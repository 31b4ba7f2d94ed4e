import { foldForSearch, isCjk, searchWords } from './text'

/** The longest query accepted; longer ones are refused with a 400 rather than truncated silently. */
export const MAX_QUERY_LENGTH = 200

/** One thing every hit must contain: a word (the last one typed may be a prefix) or a phrase of words in order. */
export interface SearchTerm {
  words: string[]
  prefix: boolean
}

export class SearchQueryError extends Error {}

/**
 * Reads what a visitor typed: "quoted phrases" match as phrases, other words must all appear (stemmed), and the
 * last word matches as a prefix while it is still being typed (no space after it). Every character that means
 * something to a full-text engine (* - : ( ) NEAR …) is dropped, so input can never become query syntax.
 */
export function parseSearchQuery(raw: string): SearchTerm[] {
  if (raw.length > MAX_QUERY_LENGTH) {
    throw new SearchQueryError(`Search queries can be at most ${MAX_QUERY_LENGTH} characters long (this one has ${raw.length}).`)
  }
  const terms: SearchTerm[] = []
  // Quoted phrases first; an unmatched quote is ignored.
  for (const [, phrase] of raw.matchAll(/"([^"]*)"/g)) {
    const words = searchWords(foldForSearch(phrase ?? ''))
    if (words.length > 0) terms.push({ words, prefix: false })
  }
  const unquoted = raw.replace(/"[^"]*"/g, ' ').replace(/"/g, ' ')
  for (const chunk of unquoted.split(/\s+/)) {
    // Within what was typed as one word, consecutive CJK characters form a phrase of single-character words.
    let cjkRun: string[] = []
    const flush = () => {
      if (cjkRun.length > 0) terms.push({ words: cjkRun, prefix: false })
      cjkRun = []
    }
    for (const word of searchWords(foldForSearch(chunk))) {
      if (isCjk(word)) cjkRun.push(word)
      else {
        flush()
        terms.push({ words: [word], prefix: false })
      }
    }
    flush()
  }
  // Search-as-you-type: the last word, still being typed (nothing after it), matches as a prefix.
  const last = terms.at(-1)
  const stillTyping = /[\p{L}\p{N}]$/u.test(unquoted) && !/"\s*$/.test(raw)
  if (last && stillTyping && last.words.length === 1 && !isCjk(last.words[0]!) && last.words[0]!.length >= 2) last.prefix = true
  return terms
}

/** An FTS5 MATCH expression: every word quoted (so it is only ever a word), terms joined by AND. */
export function toFts5Match(terms: SearchTerm[]): string {
  return terms.map(term => `"${term.words.join(' ')}"${term.prefix ? '*' : ''}`).join(' AND ')
}

/** A to_tsquery('english', …) expression: words only (letters and digits), phrases with <->, prefixes with :*. */
export function toTsQuery(terms: SearchTerm[]): string {
  return terms.map((term) => {
    if (term.words.length > 1) return `(${term.words.join(' <-> ')})`
    return `${term.words[0]}${term.prefix ? ':*' : ''}`
  }).join(' & ')
}
