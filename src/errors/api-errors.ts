import { GraphQLError } from 'graphql';

/**
 * Error codes clients see in `extensions.code`. Apollo's standard codes plus
 * the few this domain needs. Stable: clients branch on them.
 */
export const ApiErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  BAD_REQUEST: 'BAD_REQUEST',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INSUFFICIENT_STORAGE: 'INSUFFICIENT_STORAGE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];

abstract class ApiError extends GraphQLError {
  protected constructor(
    message: string,
    code: ApiErrorCode,
    extensions: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...extensions } });
  }
}

/** A malformed argument or input field; `argument` names it ("first", "input.speakerId"). */
export class BadUserInputError extends ApiError {
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(`${argument}: ${message}`, ApiErrorCode.BAD_USER_INPUT, { argument });
  }
}

/** A mutation refers to an id that does not exist. */
export class NotFoundError extends ApiError {
  constructor(argument: string, id: string, what = 'node') {
    super(`${argument}: no ${what} has the id "${id}".`, ApiErrorCode.NOT_FOUND, { argument });
  }
}

export class UnauthenticatedError extends ApiError {
  constructor(message: string) {
    super(message, ApiErrorCode.UNAUTHENTICATED);
  }
}

export class ForbiddenError extends ApiError {
  constructor(message: string) {
    super(message, ApiErrorCode.FORBIDDEN);
  }
}

/** The write would break the graph (an id taken by another label, dependants left behind). */
export class ConflictError extends ApiError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, ApiErrorCode.CONFLICT, extensions);
  }
}
