/**
 * Vite config for the GraphiQL playground. Run from the repository root:
 *
 *   npx vite build --config web/playground/vite.config.ts
 *
 * The server sends index.html to browsers that GET /graphql, and the bundle
 * (GraphiQL, React, Monaco and its workers, fonts) from /graphql/playground/.
 * Everything is bundled: the page fetches nothing from another origin.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/graphql/playground/',
  publicDir: false,
  // JSX through esbuild's automatic runtime; no React plugin (no fast refresh needed).
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 8192,
    rollupOptions: {
      // framer-motion (via GraphiQL) marks modules "use client", which means nothing in a bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  worker: { format: 'es' },
});
