import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql 16 ships both ESM and CJS; the Apollo packages require() the CJS entry.
// Resolving every `graphql` import to that one entry keeps a single module realm.
const require = createRequire(import.meta.url);
const graphqlEntry = require.resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/**/*.e2e.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
