import { inject } from 'vitest'

export interface GraphqlResponse<T = Record<string, any>> {
  status: number
  /** SQL statements that moved data while serving the request (X-SQL-Queries). */
  sqlQueries: number
  body: { data?: T | null, errors?: Array<{ message: string, extensions?: Record<string, unknown> }> }
  headers: Headers
}

/** POSTs a GraphQL operation to the test CMS, anonymously unless a token is given. */
export async function graphql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphqlResponse<T>> {
  const response = await fetch(`${inject('cmsUrl')}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  })
  return {
    status: response.status,
    sqlQueries: Number(response.headers.get('x-sql-queries')),
    body: await response.json() as GraphqlResponse<T>['body'],
    headers: response.headers,
  }
}

/** GETs a REST path of the test CMS. */
export async function rest(pathAndQuery: string, token?: string) {
  const response = await fetch(`${inject('cmsUrl')}${pathAndQuery}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  })
  return { status: response.status, body: await response.json() as Record<string, any> }
}

/** Number of posts in the database, drafts included (a token reads drafts). */
export async function countAllPostRows(): Promise<number> {
  const token = inject('apiToken')
  const [published, drafts] = await Promise.all([
    graphql('{ posts_connection { pageInfo { total } } }', {}, token),
    graphql('{ posts_connection(status: DRAFT) { pageInfo { total } } }', {}, token),
  ])
  return published.body.data!.posts_connection.pageInfo.total + drafts.body.data!.posts_connection.pageInfo.total
}
