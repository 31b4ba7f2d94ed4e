import { stemmer } from 'stemmer'
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

/**
 * The same terms with the word being typed cut back to the stem it is heading for, or null when that changes
 * nothing. For a second try when the typed prefix finds nothing (see prefixOfStem).
 */
export function widenPrefix(terms: SearchTerm[]): SearchTerm[] | null {
  const last = terms.at(-1)
  if (!last?.prefix) return null
  const widened = prefixOfStem(last.words[0]!)
  return widened === last.words[0] ? null : [...terms.slice(0, -1), { words: [widened], prefix: true }]
}

const ENDINGS = ['', 'e', 'g', 's', 'ing', 'ed', 'es', 'ion', 'ions', 'ation', 'ment', 'ly', 'er', 'ers']

/**
 * Both engines index stems ("tooling" → "tool"), so a half-typed word can run past its stem: "toolin" is a prefix
 * of no stem. Completing the word with common endings finds the stem it is heading for; the shortest such stem
 * that is a prefix of what was typed is the wider prefix ("toolin" → "tool"). Wider means looser ("zephyri" →
 * "zephyr"), so it is only tried when the typed prefix finds nothing.
 */
export function prefixOfStem(typed: string): string {
  let prefix = typed
  for (const ending of ENDINGS) {
    const stem = stemmer(typed + ending)
    if (stem.length >= 3 && stem.length < prefix.length && typed.startsWith(stem)) prefix = stem
  }
  return prefix
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
