import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import matter from 'gray-matter'
import type { z } from 'zod'
import type { AuthorFrontMatter, CategoryFrontMatter, PostFrontMatter } from './front-matter'
import { authorFrontMatter, categoryFrontMatter, describeIssues, postFrontMatter } from './front-matter'

export interface ParsedFile<T> {
  file: string
  /** Folder the file lives in: relative image paths resolve from here. */
  dir: string
  data: T
  /** The Markdown below the front matter. */
  markdown: string
}

export interface FileProblem {
  file: string
  reason: string
}

export interface ContentFolder {
  authors: ParsedFile<AuthorFrontMatter>[]
  categories: ParsedFile<CategoryFrontMatter>[]
  posts: ParsedFile<PostFrontMatter>[]
  problems: FileProblem[]
}

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter(name => name.endsWith('.md') && !name.startsWith('.'))
    .sort()
    .map(name => path.join(dir, name))
}

function parseFile<T>(file: string, schema: z.ZodType<T>, problems: FileProblem[]): ParsedFile<T>[] {
  let parsed: matter.GrayMatterFile<string>
  try {
    // An empty cache: gray-matter otherwise memoizes by content and returns stale objects.
    parsed = matter(readFileSync(file, 'utf8'), {})
  }
  catch (error) {
    problems.push({ file, reason: `the front matter is not valid YAML (${(error as Error).message.split('\n')[0]})` })
    return []
  }
  const result = schema.safeParse(parsed.data)
  if (!result.success) {
    problems.push({ file, reason: describeIssues(result.error) })
    return []
  }
  return [{ file, dir: path.dirname(file), data: result.data, markdown: parsed.content.trim() }]
}

/**
 * Reads a folder of Markdown content. Either `posts/`, `authors/` and `categories/` subfolders (the demo
 * content), or Markdown posts directly in the folder. Files that fail validation are collected in
 * `problems` with a reason; the rest are returned for import.
 */
export function readContentFolder(folder: string): ContentFolder {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new Error(`No folder at ${folder}.`)
  }
  const problems: FileProblem[] = []
  const postsDir = existsSync(path.join(folder, 'posts')) ? path.join(folder, 'posts') : folder
  return {
    authors: markdownFiles(path.join(folder, 'authors')).flatMap(file => parseFile(file, authorFrontMatter, problems)),
    categories: markdownFiles(path.join(folder, 'categories')).flatMap(file => parseFile(file, categoryFrontMatter, problems)),
    posts: markdownFiles(postsDir).flatMap(file => parseFile(file, postFrontMatter, problems)),
    problems,
  }
}
