import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** The page: sources in src/web, built to dist/web, which the Fastify server serves. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/web'),
  base: '/',
  resolve: { conditions: ['source'] },
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    // The vocabularies the page imports also build zod schemas at module level; building a schema
    // has no effect beyond its value, so unused ones (and zod with them) are left out of the bundle.
    rolldownOptions: { treeshake: { manualPureFunctions: ['z'] } },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
