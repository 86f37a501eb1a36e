/**
 * A small typed GraphQL client: POSTs an operation generated from
 * operations.graphql to /graphql as JSON and returns its typed `data`.
 */
import type { TypedDocumentString } from './generated/graphql';

export const GRAPHQL_ENDPOINT = '/graphql';

/** The request failed: network, HTTP status, or GraphQL `errors`. */
export class RequestError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
  /** Sent as `Authorization: Bearer <token>`; mutations need it. */
  token?: string,
): Promise<TResult> {
  let response: Response;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
  };
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: document.toString(), variables }),
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new RequestError('Could not reach the server. Check your connection and try again.');
  }
  let body: GraphQLResponse<TResult>;
  try {
    body = (await response.json()) as GraphQLResponse<TResult>;
  } catch {
    throw new RequestError(
      `The server answered with HTTP ${response.status} and no readable body.`,
    );
  }
  if (body.errors && body.errors.length > 0) {
    const first = body.errors[0];
    throw new RequestError(body.errors.map((e) => e.message).join(' '), first?.extensions?.code);
  }
  if (!response.ok || body.data == null) {
    throw new RequestError(`The server answered with HTTP ${response.status}.`);
  }
  return body.data;
}
