import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Request, type Router } from 'express';

/** The built GraphiQL page (see `web/playground/`), sent to browsers at GET /graphql. */
export const PLAYGROUND_DIR = path.resolve(__dirname, '../../web/playground/dist');

/**
 * True for a browser navigating to /graphql: it prefers HTML and sends no
 * operation. GraphQL clients ask for JSON, and a GET with `query` is an
 * operation even when a browser sends it.
 */
export function wantsPlayground(req: Request): boolean {
  return (
    req.method === 'GET' &&
    req.query.query === undefined &&
    req.accepts(['application/json', 'text/html']) === 'text/html'
  );
}

/**
 * GraphiQL at GET /graphql for browsers, its bundle under /graphql/playground/.
 * Mounted before the GraphQL middleware; everything else falls through to it.
 */
export function playgroundRouter(dir: string = PLAYGROUND_DIR): Router {
  const router = express.Router();
  const index = path.join(dir, 'index.html');
  router.use('/playground', express.static(dir, { index: false, immutable: true, maxAge: '1y' }));
  router.get('/', (req, res, next) => {
    if (!wantsPlayground(req)) return next();
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/plain')
        .send(
          'The GraphiQL playground is not built: run `npm run build` (or `npm run playground:build`) and reload.',
        );
      return;
    }
    // The page names its hashed assets, so it must be revalidated after a rebuild.
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
