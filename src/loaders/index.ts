/** Public surface of the per-request loaders. */
export { Loaders, MAX_BATCH_SIZE } from './loaders';
export type { BatchObserver } from './loaders';
export { TRAVERSALS, narrowed } from './traversals';
export type { Traversal } from './traversals';
