// Deterministic synthetic posts for tests and the benchmark: many posts, realistic sizes, no randomness
// between runs (same seed → same text), so figures are comparable.
const WORDS = ('patent utility model invention trademark design filing application examination claim prior art '
  + 'novelty inventive step manufacturer supplier factory prototype sample agreement confidentiality licence '
  + 'royalty market launch crowdfunding backer campaign disclosure grace period search office registration '
  + 'priority international protection enforcement infringement copycat marketplace takedown evidence court '
  + 'strategy budget timeline product packaging brand logo china europe united states founder startup').split(' ')

export function generator(seed) {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

export function sentence(random, words) {
  const picked = Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)])
  const text = picked.join(' ')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
}

/** Blocks for a body of about `paragraphs` × 60 words, with a heading and a list like real posts. */
export function syntheticBody(index, paragraphs = 5) {
  const random = generator(index + 1)
  const paragraph = () => ({ type: 'paragraph', children: [{ type: 'text', text: Array.from({ length: 4 }, () => sentence(random, 15)).join(' ') }] })
  return [
    paragraph(),
    { type: 'heading', level: 2, children: [{ type: 'text', text: sentence(random, 5) }] },
    ...Array.from({ length: paragraphs - 1 }, paragraph),
    { type: 'list', format: 'unordered', children: Array.from({ length: 3 }, () => ({ type: 'list-item', children: [{ type: 'text', text: sentence(random, 8) }] })) },
  ]
}

/**
 * Creates and publishes `count` posts titled "Synthetic post N" (N from `first` + 1), in the given category,
 * alternating between the given authors, dated one hour apart going back from 2024-12-31.
 */
export async function createSyntheticPosts(strapi, { first = 0, count, authorIds, categoryId, coverId, onProgress }) {
  const posts = strapi.documents('api::post.post')
  const start = Date.parse('2024-12-31T12:00:00Z')
  for (let index = first; index < first + count; index += 1) {
    const number = index + 1
    const created = await posts.create({
      data: {
        title: `Synthetic post ${number}`,
        slug: `synthetic-post-${number}`,
        body: syntheticBody(index),
        date: new Date(start - index * 3_600_000).toISOString(),
        author: authorIds[index % authorIds.length],
        categories: [categoryId],
        cover: coverId,
      },
    })
    await posts.publish({ documentId: created.documentId })
    if (onProgress && number % 100 === 0) onProgress(number)
  }
}
