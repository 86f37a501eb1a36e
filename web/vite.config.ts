/**
 * Vite config for the graph explorer page. Run from the repository root:
 *
 *   npx vite build --config web/vite.config.ts
 *
 * The page is served by the API server at /explorer (see
 * src/server/http-server.ts), so assets are built for that base path into
 * web/dist. Everything (Cytoscape included) is bundled: no CDN.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/explorer/',
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    // `npx vite --config web/vite.config.ts` serves the page with /graphql proxied to a local API server.
    proxy: { '/graphql': process.env.EXPLORER_API_ORIGIN ?? 'http://127.0.0.1:4000' },
  },
});
