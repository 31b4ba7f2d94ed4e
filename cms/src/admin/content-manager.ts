import type { ReactNode, SyntheticEvent } from 'react'

// The few Content Manager extension types this admin uses. They are @strapi/content-manager's, which the project
// does not depend on directly; the shapes are documented for plugins (addEditViewSidePanel, addDocumentAction).

export const POST = 'api::post.post'

/** The document as the edit view holds it. */
export type EditedDocument = Record<string, unknown> & { documentId?: string, status?: string }

export interface EditViewProps {
  activeTab: 'draft' | 'published' | null
  collectionType: string
  document?: EditedDocument
  documentId?: string
  model: string
}

export interface PanelDescription {
  title: string
  content: ReactNode
}

export interface DocumentActionDescription {
  label: string
  onClick?: (event: SyntheticEvent) => Promise<boolean | void> | boolean | void
  disabled?: boolean
  position?: Array<'panel' | 'header' | 'table-row' | 'preview' | 'relation-modal'>
  variant?: 'secondary' | 'tertiary' | 'ghost'
}

export type PanelComponent = (props: EditViewProps) => PanelDescription | null
export type DocumentActionComponent = (props: EditViewProps) => DocumentActionDescription | null

export interface ContentManagerApis {
  addEditViewSidePanel: (panels: PanelComponent[]) => void
  addDocumentAction: (actions: DocumentActionComponent[]) => void
}

/** A column the list view's `inject-column-in-table` hook adds. */
export interface ListViewHeader {
  name: string
  label: string | { id: string, defaultMessage: string }
  attribute: { type: string }
  searchable: boolean
  sortable: boolean
  cellFormatter?: (row: Record<string, unknown>) => ReactNode
}

export interface ListViewHookArgs {
  displayedHeaders: ListViewHeader[]
  layout: { layout?: Array<{ name: string }>, settings?: Record<string, unknown>, options?: Record<string, unknown> }
}
