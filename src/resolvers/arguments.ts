import { BadUserInputError } from '../errors';
import { ID_MAX_LENGTH, ID_PATTERN } from '../model/graph-model';

/** Page sizes: default 20, at most 100. A larger request is refused, not cut. */
export const MAX_PAGE_SIZE = 100;

/** Checks an integer argument against its range; null or undefined gives the default. */
export function intInRange(
  argument: string,
  value: number | null | undefined,
  { min, max, fallback }: { min: number; max: number; fallback: number },
): number {
  if (value === null || value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(argument, `must be an integer from ${min} to ${max}; got ${value}.`);
  }
  return value;
}

/** `first` on lists and connections: 0..100, default 20 unless stated. */
export function pageSize(value: number | null | undefined, fallback = 20, argument = 'first'): number {
  return intInRange(argument, value, { min: 0, max: MAX_PAGE_SIZE, fallback });
}

/** Checks an id given to a mutation: a lower-case slug. */
export function checkId(argument: string, id: string): string {
  if (id.length === 0 || id.length > ID_MAX_LENGTH || !ID_PATTERN.test(id)) {
    throw new BadUserInputError(
      argument,
      `"${id.slice(0, 100)}" is not a valid id; ids are lower-case slugs of letters, digits and single dashes ` +
        `(e.g. "antony-blinken"), at most ${ID_MAX_LENGTH} characters.`,
    );
  }
  return id;
}

/** Checks a string's length; returns it trimmed. */
export function checkText(argument: string, value: string, { min = 1, max }: { min?: number; max: number }): string {
  const trimmed = value.trim();
  if (trimmed.length < min) throw new BadUserInputError(argument, min === 1 ? 'must not be blank.' : `must have at least ${min} characters.`);
  if (trimmed.length > max) throw new BadUserInputError(argument, `must be at most ${max} characters; got ${trimmed.length}.`);
  return trimmed;
}

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Checks an ISO-8601 date at year, month or day precision ("2022", "2022-02", "2022-02-24"). */
export function checkDate(argument: string, value: string): string {
  const match = ISO_DATE.exec(value);
  const month = match?.[2] ? Number(match[2]) : 1;
  const day = match?.[3] ? Number(match[3]) : 1;
  const valid =
    match !== null &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= new Date(Date.UTC(Number(match[1]), month, 0)).getUTCDate();
  if (!valid) {
    throw new BadUserInputError(argument, `"${value.slice(0, 40)}" is not an ISO-8601 date; use YYYY, YYYY-MM or YYYY-MM-DD.`);
  }
  return value;
}

/** Keyset cursors: the sort key and id of the last row, opaque to clients. */
export function encodeCursor(key: unknown, id: string): string {
  return Buffer.from(JSON.stringify([key, id]), 'utf8').toString('base64url');
}

export function decodeCursor(after: string | null | undefined, keyType: 'string' | 'number'): { key: string | number; id: string } | null {
  if (after === null || after === undefined) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === keyType && typeof value[1] === 'string' && value[1] !== '') {
      return { key: value[0] as string | number, id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new BadUserInputError('after', 'is not a cursor from this list; pass the endCursor of a previous page of the same query.');
}
