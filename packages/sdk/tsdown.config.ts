import { defineConfig } from 'tsdown';

/**
 * Builds the published package: ESM and CommonJS with bundled declarations into dist/, one file per
 * entry (`.` and `./documents`). Inside the monorepo nothing needs this build: package.json's
 * `exports` point at src/*.ts and `publishConfig` swaps in dist/ when the package is packed.
 */
export default defineConfig({
  entry: { index: 'src/index.ts', documents: 'src/documents.ts' },
  format: ['esm', 'cjs'],
  platform: 'neutral',
  target: 'es2022',
  outDir: 'dist',
  clean: true,
  // Maps @graphql-typed-document-node/core (types only) to a local copy of the one type the client
  // needs, so the declarations need neither that package nor graphql, except `./documents`, whose
  // DocumentNode types come from graphql (which urql and Apollo users have).
  tsconfig: 'tsconfig.build.json',
  dts: true,
  copy: [{ from: 'src/generated/persisted-documents.json', to: 'dist' }],
});
