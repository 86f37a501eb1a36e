/** Public surface of the per-request loaders. */
export { Loaders, MAX_BATCH_SIZE } from './loaders';
export type { BatchObserver, Related } from './loaders';
export { requestPort } from './request-port';
export type { RequestBudget } from './request-port';
export { TRAVERSALS, narrowed } from './traversals';
export type { Traversal } from './traversals';
