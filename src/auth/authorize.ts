import { createHash, timingSafeEqual } from 'node:crypto';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import type { Credentials } from './credentials';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Lets a mutation through only with `Authorization: Bearer <API_TOKEN>`.
 * Tokens are compared as SHA-256 digests with `timingSafeEqual`, so neither
 * the content nor the length of the token leaks through timing.
 */
export function authorizeWrite(credentials: Credentials): void {
  if (!credentials.apiToken) {
    throw new ForbiddenError(
      'Writes are disabled on this server: no API_TOKEN is configured. Set API_TOKEN (at least 16 characters) ' +
        'and send it as "Authorization: Bearer <token>".',
    );
  }
  const header = credentials.authorization?.trim();
  if (!header) {
    throw new UnauthenticatedError('Mutations need an "Authorization: Bearer <token>" header.');
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) {
    throw new UnauthenticatedError('The Authorization header must have the form "Bearer <token>".');
  }
  if (!timingSafeEqual(digest(match[1] as string), digest(credentials.apiToken))) {
    throw new ForbiddenError('The bearer token is not valid for writes.');
  }
}
