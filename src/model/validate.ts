/**
 * Checks of client input that every layer may use: ids, text, dates and
 * integer ranges. Each failure is a BAD_USER_INPUT naming the argument, what
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

/** Checks a string's length; returns it trimmed. */
export function checkText(
  argument: string,
  value: string,
  { min = 1, max }: { min?: number; max: number },
): string {
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
    throw new BadUserInputError(
      argument,
      `"${value.slice(0, 40)}" is not an ISO-8601 date; use YYYY, YYYY-MM or YYYY-MM-DD.`,
    );
  }
  return value;
}
