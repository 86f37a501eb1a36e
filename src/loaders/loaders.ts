import DataLoader from 'dataloader';
import type { GraphNode, ReadQueries, Related } from '../graph';
import type { NodeLabel } from '../model/graph-model';
import type { Traversal } from './traversals';

/** Called once per batch, with the loader's name and the batch size (for metrics). */
export type BatchObserver = (loader: string, size: number) => void;

/** Huge id lists are split so that one batched query never carries more than this many ids. */
export const MAX_BATCH_SIZE = 1000;

/**
 * The DataLoaders of one request. Created per request, never shared: their
 * caches hold what this request has seen, nothing more.
 *
 * Each loader batches every key asked for in one tick of execution (one level
 * of the GraphQL response) into one query over `$ids` (nodes by UNWIND; traversals by
 * `id IN $ids`, which the embedded engine answers from its primary-key index). Loaders are keyed by
 * traversal and arguments, so a field asked twice with different arguments
 * gets its own batch.
 */
export class Loaders {
  private readonly byKey = new Map<string, DataLoader<string, unknown>>();

  constructor(
    private readonly queries: ReadQueries,
    private readonly onBatch: BatchObserver = () => undefined,
  ) {}

  /** Nodes by id among `labels`; null for an unknown id. */
  nodes(labels: readonly NodeLabel[]): DataLoader<string, GraphNode | null> {
    return this.loader('nodes', labels.join('|'), async (ids) => {
      const found = await this.queries.nodesByIds(labels, ids);
      return ids.map((id) => found.get(id) ?? null);
    });
  }

  /** Related nodes along `traversal`, at most `limit` per parent, in the traversal's order. */
  related(traversal: Traversal, limit: number): DataLoader<string, Related[]> {
    const variant = `${traversal.type}:${traversal.parentLabels.join('|')}:${traversal.nodeLabels.join('|')}:${traversal.orderKey}:${traversal.newestBy ?? ''}:${limit}`;
    return this.loader(`traverse/${traversal.direction}`, variant, async (ids) => {
      const byParent = await this.queries.traverse(traversal, ids, limit);
      return ids.map((id) => byParent.get(id) ?? []);
    });
  }

  /** How many incoming relationships of the traversal's type, from the traversal's node labels, each parent has. */
  countIncoming(traversal: Traversal): DataLoader<string, number> {
    const variant = `${traversal.type}:${traversal.parentLabels.join('|')}:${traversal.nodeLabels.join('|')}`;
    return this.loader('count-incoming', variant, async (ids) => {
      const totals = await this.queries.countIncoming(traversal, ids);
      return ids.map((id) => totals.get(id) ?? 0);
    });
  }

  /** The loader `name` (for metrics) of one `variant` (its arguments), created on first use. */
  private loader<V>(
    name: string,
    variant: string,
    batch: (ids: readonly string[]) => Promise<V[]>,
  ): DataLoader<string, V> {
    const key = `${name}:${variant}`;
    let loader = this.byKey.get(key) as DataLoader<string, V> | undefined;
    if (!loader) {
      const created: DataLoader<string, V> = new DataLoader<string, V>(
        async (ids) => {
          this.onBatch(created.name ?? name, ids.length);
          return batch(ids);
        },
        { maxBatchSize: MAX_BATCH_SIZE, name },
      );
      loader = created;
      this.byKey.set(key, loader as DataLoader<string, unknown>);
    }
    return loader;
  }
}
