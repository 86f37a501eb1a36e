/**
 * The naive (N+1) implementation: the same schema, the same resolvers and the
 * same Cypher queries, but with no batching. Every `.load` goes to a fresh
 * `Loaders` (hence a fresh DataLoader), so each parent issues its own query:
 * one query per parent per field, as a hand-written resolver would.
 */
import { type ApiContext, type ContextOptions, createContext } from '../src/resolvers';
import { Loaders } from '../src/loaders';

export function createNaiveContext(options: ContextOptions): ApiContext {
  const ctx = createContext(options);
  const fresh = () => new Loaders(ctx.queries, options.onBatch);
  const unbatched = {
    nodes: (...args: Parameters<Loaders['nodes']>) => fresh().nodes(...args),
    related: (...args: Parameters<Loaders['related']>) => fresh().related(...args),
    countIncoming: (...args: Parameters<Loaders['countIncoming']>) =>
      fresh().countIncoming(...args),
  } as unknown as Loaders;
  return { ...ctx, loaders: unbatched };
}

/** The naive implementation uses the real resolver map unchanged; only the context differs. */
export { resolvers as naiveResolvers } from '../src/resolvers';
