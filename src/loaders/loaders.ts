import DataLoader from 'dataloader';
import type { GraphNode, ReadQueries, Related } from '../graph';
import type { NodeLabel } from '../model/graph-model';
import { TRAVERSALS, type Traversal } from './traversals';

/** Called once per batch, with the loader's name and the batch size (for metrics). */
export type BatchObserver = (loader: string, size: number) => void;

/** Huge id lists are split so that one batched query never carries more than this many ids. */
export const MAX_BATCH_SIZE = 1000;

/**
 * The DataLoaders of one request. Created per request, never shared: their
 * caches hold what this request has seen, nothing more.
 *
 * Each loader batches every key asked for in one tick of execution (one level
 * of the GraphQL response) into one query over `$ids` (nodes by UNWIND, which
 * the embedded engine answers from its primary-key index; traversals by
 * `id IN $ids`, see `cypher/traverse/outgoing.cypher`). Loaders are keyed by
 * traversal, the parent's label and arguments, so a field asked twice with
 * different arguments gets its own batch, and each traversal query starts
 * from one label's table.
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

  /**
   * Related nodes along `traversal`, at most `limit` per parent, in the
   * traversal's order. Keys are ids of parents labelled `parentLabel` (the
   * parent node's label): the query then starts from that label alone.
   * `withSources`: statements come with their sources (see `primeSources`).
   */
  related(
    traversal: Traversal,
    limit: number,
    parentLabel?: string,
    withSources = false,
  ): DataLoader<string, Related[]> {
    const shape = fromLabel(traversal, parentLabel);
    const variant = `${shape.type}:${shape.parentLabels.join('|')}:${shape.nodeLabels.join('|')}:${shape.orderKey}:${shape.newestBy ?? ''}:${limit}:${withSources}`;
    return this.loader(`traverse/${shape.direction}`, variant, async (ids) => {
      const byParent = await this.queries.traverse(shape, ids, limit, { withSources });
      this.primeSources(byParent);
      return ids.map((id) => byParent.get(id) ?? []);
    });
  }

  /** How many incoming relationships of the traversal's type, from the traversal's node labels, each parent (labelled `parentLabel`) has. */
  countIncoming(traversal: Traversal, parentLabel?: string): DataLoader<string, number> {
    const shape = fromLabel(traversal, parentLabel);
    const variant = `${shape.type}:${shape.parentLabels.join('|')}:${shape.nodeLabels.join('|')}`;
    return this.loader('count-incoming', variant, async (ids) => {
      const totals = await this.queries.countIncoming(shape, ids);
      return ids.map((id) => totals.get(id) ?? 0);
    });
  }

  /**
   * Statements that came with their source (a traversal ending at statements
   * fetches it in the same query) answer `Statement.source` from this batch:
   * the loader that field uses is primed, so it runs no query of its own.
   */
  private primeSources(byParent: Map<string, Related[]>): void {
    for (const related of byParent.values()) {
      for (const { node, source } of related) {
        if (source)
          this.related(TRAVERSALS.sourcesReporting, 1, node.label).prime(node.id, [source]);
      }
    }
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

/** The traversal from parents of one label, when the parent's label is one of its own. */
function fromLabel(traversal: Traversal, parentLabel: string | undefined): Traversal {
  const label = traversal.parentLabels.find((l) => l === parentLabel);
  return label && traversal.parentLabels.length > 1
    ? { ...traversal, parentLabels: [label] }
    : traversal;
}
