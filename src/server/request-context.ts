import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The id of the HTTP request being served, for every log line written while
 * serving it. Apollo's `formatError` gets no context, yet its internal-error
 * line must name the request; an async-local store reaches it (and any other
 * code on the request's path) without passing the id through every call.
 */
const requestStore = new AsyncLocalStorage<{ readonly requestId: string }>();

/** Runs `work` (and everything it starts) as part of request `requestId`. */
export function runInRequest<T>(requestId: string, work: () => T): T {
  return requestStore.run({ requestId }, work);
}

/** Log fields of the current request: `{ reqId }` inside one, `{}` outside. A pino `mixin`. */
export function requestLogFields(): { reqId?: string } {
  const store = requestStore.getStore();
  return store ? { reqId: store.requestId } : {};
}
