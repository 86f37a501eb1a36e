import { BadUserInputError } from '../errors';
import { intInRange } from '../model/validate';

/** Page sizes: default 20, at most 100. A larger request is refused, not cut. */
export const MAX_PAGE_SIZE = 100;

/** `first` on lists and connections: 0..100, default 20 unless stated. */
export function pageSize(
  value: number | null | undefined,
  fallback = 20,
  argument = 'first',
): number {
  return intInRange(argument, value, { min: 0, max: MAX_PAGE_SIZE, fallback });
}

/** Keyset cursors: the sort key and id of the last row, opaque to clients. */
export function encodeCursor(key: unknown, id: string): string {
  return Buffer.from(JSON.stringify([key, id]), 'utf8').toString('base64url');
}

export function decodeCursor(
  after: string | null | undefined,
  keyType: 'string' | 'number',
): { key: string | number; id: string } | null {
  if (after === null || after === undefined) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === keyType &&
      typeof value[1] === 'string' &&
      value[1] !== ''
    ) {
      return { key: value[0] as string | number, id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new BadUserInputError(
    'after',
    'is not a cursor from this list; pass the endCursor of a previous page of the same query.',
  );
}
