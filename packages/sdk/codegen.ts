import type { CodegenConfig } from '@graphql-codegen/cli'

// schema.graphql is written by the CMS (see scripts/contract.mjs); the generated typed documents are committed.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['src/operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        // Adds .js to relative imports, as Node's ESM resolution needs.
        emitLegacyCommonJSImports: false,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true },
        scalars: { DateTime: 'string', JSON: 'unknown', ID: 'string', Long: 'number', Date: 'string', I18NLocaleCode: 'string' },
        documentMode: 'documentNode',
      },
    },
  },
}

export default config
