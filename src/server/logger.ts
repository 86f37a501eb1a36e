import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Structured JSON logs (to stdout unless `destination` is given). Secrets are
 * redacted wherever they might appear.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'kg-graphql' },
      redact: {
        paths: [
          'authorization',
          'headers.authorization',
          'req.headers.authorization',
          '*.password',
          '*.apiToken',
          'password',
          'apiToken',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
