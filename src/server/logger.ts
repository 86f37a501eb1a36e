import pino, { type Logger } from 'pino';

/** Structured JSON logs. Secrets are redacted wherever they might appear. */
export function createLogger(level: string): Logger {
  return pino({
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
  });
}
