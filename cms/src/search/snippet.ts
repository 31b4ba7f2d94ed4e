import { escapeHtml } from '@pressroom/richtext'
import { stemmer } from 'stemmer'
import type { SearchTerm } from './query'
import { CJK_CHARACTER, foldForSearch, isCjk } from './text'

const WINDOW_WORDS = 30
const WORD = new RegExp(`${CJK_CHARACTER}|[\\p{L}\\p{N}]+`, 'gu')

/**
 * Does a word of the text answer one of the query's words? Same stem, or — for the word being typed — a prefix.
 * Each distinct word is folded and stemmed once: a page of hits repeats the same few hundred words thousands of
 * times (5.7 ms for ten 450-word bodies without the memo).
 */
function matcher(terms: SearchTerm[]) {
  const exact = new Set<string>()
  const prefixes: string[] = []
  for (const term of terms) {
    for (const word of term.words) {
      if (term.prefix) prefixes.push(word)
      else exact.add(isCjk(word) ? word : stemmer(word))
    }
  }
  const answers = (folded: string) => exact.has(isCjk(folded) ? folded : stemmer(folded)) || prefixes.some(prefix => folded.startsWith(prefix))
  const known = new Map<string, boolean>()
  return (word: string) => {
    let matched = known.get(word)
    if (matched === undefined) {
      matched = answers(foldForSearch(word).trim())
      known.set(word, matched)
    }
    return matched
  }
}

/**
 * About 30 words of a text around the densest run of matches, as HTML: the text escaped, the only markup <mark>
 * around matched words, and … where the text was cut. The same on SQLite and PostgreSQL (it reads the text, not
 * the index). One snippet maker serves a whole page of hits.
 */
export function snippetMaker(terms: SearchTerm[]): (text: string) => string {
  const isMatch = matcher(terms)
  return text => snippetOf(text, isMatch)
}

function snippetOf(text: string, isMatch: (word: string) => boolean): string {
  const words = [...text.matchAll(WORD)].map(match => ({ start: match.index, end: match.index + match[0].length, word: match[0] }))
  if (words.length === 0) return ''
  const matched = words.map(word => isMatch(word.word))
  // The window with the most matches (the first such), starting a few words before its first match.
  let best = 0
  let bestCount = -1
  let count = 0
  for (let index = 0; index < words.length; index += 1) {
    if (matched[index]) count += 1
    if (index >= WINDOW_WORDS && matched[index - WINDOW_WORDS]) count -= 1
    if (count > bestCount) {
      bestCount = count
      best = Math.max(0, index - WINDOW_WORDS + 1)
    }
  }
  const firstMatch = matched.indexOf(true, best)
  const from = firstMatch === -1 ? 0 : Math.max(0, Math.min(best, firstMatch - 5))
  const to = Math.min(words.length, from + WINDOW_WORDS)
  let html = from > 0 ? '… ' : ''
  let cursor = from > 0 ? words[from]!.start : 0
  for (let index = from; index < to; index += 1) {
    const word = words[index]!
    html += escapeHtml(text.slice(cursor, word.start))
    html += matched[index] ? `<mark>${escapeHtml(word.word)}</mark>` : escapeHtml(word.word)
    cursor = word.end
  }
  if (to < words.length) html += ' …'
  else html += escapeHtml(text.slice(cursor))
  return html.replace(/\s+/g, ' ').trim()
}
