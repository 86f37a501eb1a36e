import type cors from 'cors';

/**
 * Request headers a browser client may send: JSON bodies, the bearer token,
 * Apollo's CSRF-preflight headers, the request id, and Apollo Client's
 * client-awareness headers. Anything else is refused at preflight.
 */
export const ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'x-request-id',
  'apollographql-client-name',
  'apollographql-client-version',
] as const;

/** How long browsers may reuse a preflight answer (Chromium caps it at 2 hours). */
export const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * CORS for /graphql: only the allow-listed origins, only GET and POST, an
 * explicit header list (the `cors` package would otherwise echo whatever a
 * preflight asks for), a max-age so browsers do not repeat preflights, and
 * `x-request-id` readable by scripts, for bug reports.
 */
export function corsOptions(origins: readonly string[]): cors.CorsOptions {
  return {
    origin: origins.length > 0 ? [...origins] : false,
    credentials: false,
    methods: ['GET', 'POST'],
    allowedHeaders: [...ALLOWED_HEADERS],
    exposedHeaders: ['x-request-id'],
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
  };
}
