import pino, { type DestinationStream, type Logger } from 'pino';
import { requestLogFields } from './request-context';

/**
 * Structured JSON logs. Secrets are redacted wherever they might appear, and a
 * line written while serving a request carries its id (`reqId`).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'kg-graphql' },
    mixin: requestLogFields,
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
  };
  return destination ? pino(options, destination) : pino(options);
}
