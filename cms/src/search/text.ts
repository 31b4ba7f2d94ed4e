/**
 * Text as the search index stores it, and queries are read: lower-case, accents removed, and each CJK character a
 * word of its own. Done here rather than in the database, so SQLite FTS5 and PostgreSQL index exactly the same words
 * (neither segments Chinese, which has no spaces between words; a phrase of single characters finds 专利 anywhere).
 */
/** One Chinese, Japanese or Korean character (a regular-expression class). */
export const CJK_CHARACTER = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}]'
const CJK = new RegExp(`(${CJK_CHARACTER})`, 'gu')
const HAS_CJK = new RegExp(CJK_CHARACTER, 'u')
/** ASCII has no accents and no CJK: lower case is all its folding needs (Unicode normalisation is the costly part). */
const NON_ASCII = /[^\p{ASCII}]/u

export function foldForSearch(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase()
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(CJK, ' $1 ')
}

/** Words of folded text: runs of letters and digits (CJK characters are already words of one). */
export function searchWords(folded: string): string[] {
  return folded.match(/[\p{L}\p{N}]+/gu) ?? []
}

export function isCjk(word: string): boolean {
  return HAS_CJK.test(word)
}
