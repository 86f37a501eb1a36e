/**
 * Checks of client input that every layer may use: ids, text, dates, numbers
 * and integer ranges. Each failure is a BAD_USER_INPUT naming the argument, what
 * was expected and what arrived.
 */
import { BadUserInputError } from '../errors';
import { ID_MAX_LENGTH, ID_PATTERN } from './graph-model';

/** Checks an integer argument against its range; null or undefined gives the default. */
export function intInRange(
  argument: string,
  value: number | null | undefined,
  { min, max, fallback }: { min: number; max: number; fallback: number },
): number {
  if (value === null || value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(
      argument,
      `must be an integer from ${min} to ${max}; got ${value}.`,
    );
  }
  return value;
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

/**
 * C0 controls other than tab, line feed and carriage return, DEL and the C1
 * controls: invisible, and NUL ends strings in many tools that read the graph.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Refuses control characters (NUL etc.) in a name or text. */
export function checkNoControlCharacters(argument: string, value: string): string {
  const found = CONTROL_CHARACTER.exec(value);
  if (found) {
    const code = `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    throw new BadUserInputError(
      argument,
      `must not contain control characters; found ${code} at position ${found.index}. Remove it.`,
    );
  }
  return value;
}

/** Checks a string's length and characters; returns it trimmed. */
export function checkText(
  argument: string,
  value: string,
  { min = 1, max }: { min?: number; max: number },
): string {
  checkNoControlCharacters(argument, value);
  const trimmed = value.trim();
  if (trimmed.length < min)
    throw new BadUserInputError(
      argument,
      min === 1 ? 'must not be blank.' : `must have at least ${min} characters.`,
    );
  if (trimmed.length > max)
    throw new BadUserInputError(
      argument,
      `must be at most ${max} characters; got ${trimmed.length}.`,
    );
  return trimmed;
}

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Checks an ISO-8601 date at year, month or day precision ("2022", "2022-02", "2022-02-24"). */
export function checkDate(argument: string, value: string): string {
  if (!isIsoDate(value)) {
    throw new BadUserInputError(
      argument,
      `"${value.slice(0, 40)}" is not an ISO-8601 date; use YYYY, YYYY-MM or YYYY-MM-DD.`,
    );
  }
  return value;
}

/** True for a real calendar date at year, month or day precision. */
function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  const month = match?.[2] ? Number(match[2]) : 1;
  const day = match?.[3] ? Number(match[3]) : 1;
  return (
    match !== null &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= new Date(Date.UTC(Number(match[1]), month, 0)).getUTCDate()
  );
}

const ISO_TIME =
  /^([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/**
 * Checks an ISO-8601 date (as `checkDate`) or a date-time with a zone
 * ("2024-11-01T09:30:00Z", "2024-11-01T09:30+01:00"). Anything after the date
 * must be a valid time: "2024-11-01 this is not a date" is refused, not cut.
 */
export function checkIsoDateTime(argument: string, value: string): string {
  const [date = '', time, ...rest] = value.split('T');
  const validTime =
    time === undefined || (rest.length === 0 && date.length === 10 && ISO_TIME.test(time));
  if (!validTime || !isIsoDate(date)) {
    throw new BadUserInputError(
      argument,
      `"${value.slice(0, 40)}" is not an ISO-8601 date or date-time; use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss]Z.`,
    );
  }
  return value;
}

/**
 * Checks a number a mutation stores: finite, and no larger in magnitude than
 * 2^53 - 1 (Number.MAX_SAFE_INTEGER). Beyond that a double no longer holds
 * every integer (9007199254740993 arrives as ...992), and the embedded engine
 * refuses such values rather than store them inexactly.
 */
export function checkStorableNumber(argument: string, value: number): number {
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) {
    throw new BadUserInputError(
      argument,
      `must be a finite number from -${Number.MAX_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER} (2^53 - 1); got ${value}. ` +
        'Give larger figures in a bigger unit (e.g. "billion troops").',
    );
  }
  return value;
}
