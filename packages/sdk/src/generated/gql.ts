/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment Image on UploadFile {\n  url\n  alternativeText\n  width\n  height\n  mime\n  formats\n}\n\nfragment AuthorSummary on Author {\n  documentId\n  name\n  slug\n  avatar {\n    ...Image\n  }\n}\n\nfragment CategoryFields on Category {\n  documentId\n  name\n  slug\n  description\n}\n\nfragment PostSummary on Post {\n  documentId\n  slug\n  title\n  excerpt\n  date\n  publishedAt\n  readingTimeMinutes\n  featured\n  cover {\n    ...Image\n  }\n  author {\n    documentId\n    name\n    slug\n  }\n  categories {\n    ...CategoryFields\n  }\n}\n\nfragment PostFull on Post {\n  ...PostSummary\n  bodyHtml\n  updatedAt\n  author {\n    ...AuthorSummary\n  }\n  seo {\n    metaTitle\n    metaDescription\n    canonicalUrl\n    noIndex\n    shareImage {\n      ...Image\n    }\n  }\n}\n\nfragment PageInfo on Pagination {\n  page\n  pageSize\n  pageCount\n  total\n}": typeof types.ImageFragmentDoc,
    "query ListPosts($filters: PostFiltersInput, $page: Int!, $pageSize: Int!, $sort: [String] = [\"date:desc\", \"publishedAt:desc\"]) {\n  posts_connection(\n    filters: $filters\n    pagination: {page: $page, pageSize: $pageSize}\n    sort: $sort\n  ) {\n    nodes {\n      ...PostSummary\n    }\n    pageInfo {\n      ...PageInfo\n    }\n  }\n}\n\nquery PostBySlug($slug: String!) {\n  posts(filters: {slug: {eq: $slug}}, pagination: {limit: 1}) {\n    ...PostFull\n  }\n}": typeof types.ListPostsDocument,
    "query SearchPosts($query: String!, $page: Int!, $pageSize: Int!, $category: String) {\n  searchPosts(\n    query: $query\n    page: $page\n    pageSize: $pageSize\n    category: $category\n  ) {\n    hits {\n      snippet\n      rank\n      post {\n        ...PostSummary\n      }\n    }\n    total\n    page\n    pageSize\n    pageCount\n  }\n}": typeof types.SearchPostsDocument,
    "query ListCategories {\n  categories(sort: [\"name:asc\"], pagination: {limit: 100}) {\n    ...CategoryFields\n  }\n}\n\nquery CategoryBySlug($slug: String!) {\n  categories(filters: {slug: {eq: $slug}}, pagination: {limit: 1}) {\n    ...CategoryFields\n  }\n}\n\nquery ListAuthors {\n  authors(sort: [\"name:asc\"], pagination: {limit: 100}) {\n    ...AuthorSummary\n  }\n}\n\nquery AuthorBySlug($slug: String!) {\n  authors(filters: {slug: {eq: $slug}}, pagination: {limit: 1}) {\n    ...AuthorSummary\n    jobTitle\n    bio\n    links {\n      label\n      url\n    }\n  }\n}": typeof types.ListCategoriesDocument,
};
const documents: Documents = {
    "fragment Image on UploadFile {\n  url\n  alternativeText\n  width\n  height\n  mime\n  formats\n}\n\nfragment AuthorSummary on Author {\n  documentId\n  name\n  slug\n  avatar {\n    ...Image\n  }\n}\n\nfragment CategoryFields on Category {\n  documentId\n  name\n  slug\n  description\n}\n\nfragment PostSummary on Post {\n  documentId\n  slug\n  title\n  excerpt\n  date\n  publishedAt\n  readingTimeMinutes\n  featured\n  cover {\n    ...Image\n  }\n  author {\n    documentId\n    name\n    slug\n  }\n  categories {\n    ...CategoryFields\n  }\n}\n\nfragment PostFull on Post {\n  ...PostSummary\n  bodyHtml\n  updatedAt\n  author {\n    ...AuthorSummary\n  }\n  seo {\n    metaTitle\n    metaDescription\n    canonicalUrl\n    noIndex\n    shareImage {\n      ...Image\n    }\n  }\n}\n\nfragment PageInfo on Pagination {\n  page\n  pageSize\n  pageCount\n  total\n}": types.ImageFragmentDoc,
    "query ListPosts($filters: PostFiltersInput, $page: Int!, $pageSize: Int!, $sort: [String] = [\"date:desc\", \"publishedAt:desc\"]) {\n  posts_connection(\n    filters: $filters\n    pagination: {page: $page, pageSize: $pageSize}\n    sort: $sort\n  ) {\n    nodes {\n      ...PostSummary\n    }\n    pageInfo {\n      ...PageInfo\n    }\n  }\n}\n\nquery PostBySlug($slug: String!) {\n  posts(filters: {slug: {eq: $slug}}, pagination: {limit: 1}) {\n    ...PostFull\n  }\n}": types.ListPostsDocument,
    "query SearchPosts($query: String!, $page: Int!, $pageSize: Int!, $category: String) {\n  searchPosts(\n    query: $query\n    page: $page\n    pageSize: $pageSize\n    category: $category\n  ) {\n    hits {\n      snippet\n      rank\n      post {\n        ...PostSummary\n      }\n    }\n    total\n    page\n    pageSize\n    pageCount\n  }\n}": types.SearchPostsDocument,
    "query ListCategories {\n  categories(sort: [\"name:asc\"], pagination: {limit: 100}) {\n    ...CategoryFields\n  }\n}\n\nquery CategoryBySlug($slug: String!) {\n  categories(filters: {slug: {eq: $slug}}, pagination: {limit: 1}) {\n    ...CategoryFields\n  }\n}\n\nquery ListAuthors {\n  authors(sort: [\"name:asc\"], pagination: {limit: 100}) {\n    ...AuthorSummary\n  }\n}\n\nquery AuthorBySlug($slug: String!) {\n  authors(filters: {slug: {eq: $slug}}, pagination: {limit: 1}) {\n    ...AuthorSummary\n    jobTitle\n    bio\n    links {\n      label\n      url\n    }\n  }\n}": types.ListCategoriesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment Image on UploadFile {\n  url\n  alternativeText\n  width\n  height\n  mime\n  formats\n}\n\nfragment AuthorSummary on Author {\n  documentId\n  name\n  slug\n  avatar {\n    ...Image\n  }\n}\n\nfragment CategoryFields on Category {\n  documentId\n  name\n  slug\n  description\n}\n\nfragment PostSummary on Post {\n  documentId\n  slug\n  title\n  excerpt\n  date\n  publishedAt\n  readingTimeMinutes\n  featured\n  cover {\n    ...Image\n  }\n  author {\n    documentId\n    name\n    slug\n  }\n  categories {\n    ...CategoryFields\n  }\n}\n\nfragment PostFull on Post {\n  ...PostSummary\n  bodyHtml\n  updatedAt\n  author {\n    ...AuthorSummary\n  }\n  seo {\n    metaTitle\n    metaDescription\n    canonicalUrl\n    noIndex\n    shareImage {\n      ...Image\n    }\n  }\n}\n\nfragment PageInfo on Pagination {\n  page\n  pageSize\n  pageCount\n  total\n}"): (typeof documents)["fragment Image on UploadFile {\n  url\n  alternativeText\n  width\n  height\n  mime\n  formats\n}\n\nfragment AuthorSummary on Author {\n  documentId\n  name\n  slug\n  avatar {\n    ...Image\n  }\n}\n\nfragment CategoryFields on Category {\n  documentId\n  name\n  slug\n  description\n}\n\nfragment PostSummary on Post {\n  documentId\n  slug\n  title\n  excerpt\n  date\n  publishedAt\n  readingTimeMinutes\n  featured\n  cover {\n    ...Image\n  }\n  author {\n    documentId\n    name\n    slug\n  }\n  categories {\n    ...CategoryFields\n  }\n}\n\nfragment PostFull on Post {\n  ...PostSummary\n  bodyHtml\n  updatedAt\n  author {\n    ...AuthorSummary\n  }\n  seo {\n    metaTitle\n    metaDescription\n    canonicalUrl\n    noIndex\n    shareImage {\n      ...Image\n    }\n  }\n}\n\nfragment PageInfo on Pagination {\n  page\n  pageSize\n  pageCount\n  total\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ListPosts($filters: PostFiltersInput, $page: Int!, $pageSize: Int!, $sort: [String] = [\"date:desc\", \"publishedAt:desc\"]) {\n  posts_connection(\n    filters: $filters\n    pagination: {page: $page, pageSize: $pageSize}\n    sort: $sort\n  ) {\n    nodes {\n      ...PostSummary\n    }\n    pageInfo {\n      ...PageInfo\n    }\n  }\n}\n\nquery PostBySlug($slug: String!) {\n  posts(filters: {slug: {eq: $slug}}, pagination: {limit: 1}) {\n    ...PostFull\n  }\n}"): (typeof documents)["query ListPosts($filters: PostFiltersInput, $page: Int!, $pageSize: Int!, $sort: [String] = [\"date:desc\", \"publishedAt:desc\"]) {\n  posts_connection(\n    filters: $filters\n    pagination: {page: $page, pageSize: $pageSize}\n    sort: $sort\n  ) {\n    nodes {\n      ...PostSummary\n    }\n    pageInfo {\n      ...PageInfo\n    }\n  }\n}\n\nquery PostBySlug($slug: String!) {\n  posts(filters: {slug: {eq: $slug}}, pagination: {limit: 1}) {\n    ...PostFull\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchPosts($query: String!, $page: Int!, $pageSize: Int!, $category: String) {\n  searchPosts(\n    query: $query\n    page: $page\n    pageSize: $pageSize\n    category: $category\n  ) {\n    hits {\n      snippet\n      rank\n      post {\n        ...PostSummary\n      }\n    }\n    total\n    page\n    pageSize\n    pageCount\n  }\n}"): (typeof documents)["query SearchPosts($query: String!, $page: Int!, $pageSize: Int!, $category: String) {\n  searchPosts(\n    query: $query\n    page: $page\n    pageSize: $pageSize\n    category: $category\n  ) {\n    hits {\n      snippet\n      rank\n      post {\n        ...PostSummary\n      }\n    }\n    total\n    page\n    pageSize\n    pageCount\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ListCategories {\n  categories(sort: [\"name:asc\"], pagination: {limit: 100}) {\n    ...CategoryFields\n  }\n}\n\nquery CategoryBySlug($slug: String!) {\n  categories(filters: {slug: {eq: $slug}}, pagination: {limit: 1}) {\n    ...CategoryFields\n  }\n}\n\nquery ListAuthors {\n  authors(sort: [\"name:asc\"], pagination: {limit: 100}) {\n    ...AuthorSummary\n  }\n}\n\nquery AuthorBySlug($slug: String!) {\n  authors(filters: {slug: {eq: $slug}}, pagination: {limit: 1}) {\n    ...AuthorSummary\n    jobTitle\n    bio\n    links {\n      label\n      url\n    }\n  }\n}"): (typeof documents)["query ListCategories {\n  categories(sort: [\"name:asc\"], pagination: {limit: 100}) {\n    ...CategoryFields\n  }\n}\n\nquery CategoryBySlug($slug: String!) {\n  categories(filters: {slug: {eq: $slug}}, pagination: {limit: 1}) {\n    ...CategoryFields\n  }\n}\n\nquery ListAuthors {\n  authors(sort: [\"name:asc\"], pagination: {limit: 100}) {\n    ...AuthorSummary\n  }\n}\n\nquery AuthorBySlug($slug: String!) {\n  authors(filters: {slug: {eq: $slug}}, pagination: {limit: 1}) {\n    ...AuthorSummary\n    jobTitle\n    bio\n    links {\n      label\n      url\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;