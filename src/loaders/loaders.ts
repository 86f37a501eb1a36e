import DataLoader from 'dataloader';
import type { GraphNode, ReadQueries, Related, TimelinePart, TimelineRow } from '../graph';
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
 * `id IN $ids`, a filtered scan that beats UNWIND there, see
 * `cypher/traverse/outgoing.cypher`). Loaders are keyed by
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
   * With `sources`, statements come with their sources, and the loader of
   * their sources at `sources.limit` is primed (see `primeSources`).
   */
  related(
    traversal: Traversal,
    limit: number,
    parentLabel?: string,
    sources?: { readonly limit: number },
  ): DataLoader<string, Related[]> {
    const shape = fromLabel(traversal, parentLabel);
    const variant = `${shape.type}:${shape.parentLabels.join('|')}:${shape.nodeLabels.join('|')}:${shape.orderKey}:${shape.newestBy ?? ''}:${limit}:${sources?.limit ?? '-'}`;
    return this.loader(`traverse/${shape.direction}`, variant, async (ids) => {
      const byParent = await this.queries.traverse(shape, ids, limit, {
        withSources: sources !== undefined,
      });
      if (sources) this.primeSources(byParent, sources.limit);
      return ids.map((id) => byParent.get(id) ?? []);
    });
  }

  /**
   * Related nodes along `traversal` as of the day `asOf` (its `*-as-of`
   * query: statements, figures or sources that sources published by then
   * reported), at most `limit` per parent. A loader of its own, so the plain
   * traversal's loader and query stay as they are.
   */
  relatedAsOf(
    traversal: Traversal,
    limit: number,
    asOf: string,
    parentLabel?: string,
  ): DataLoader<string, Related[]> {
    const shape = fromLabel(traversal, parentLabel);
    const variant = `${shape.type}:${shape.direction}:${shape.parentLabels.join('|')}:${shape.nodeLabels.join('|')}:${shape.orderKey}:${limit}:${asOf}`;
    return this.loader(`traverse-as-of/${shape.direction}`, variant, async (ids) => {
      const byParent = await this.queries.traverseAsOf(shape, ids, limit, asOf);
      return ids.map((id) => byParent.get(id) ?? []);
    });
  }

  /** One part of the timeline (statements, events or figures) of parents labelled `parentLabel`, dated first. */
  timeline(
    part: TimelinePart,
    parentLabel: string,
    limit: number,
    asOf: string | null,
  ): DataLoader<string, TimelineRow[]> {
    const labels = [parentLabel as NodeLabel];
    return this.loader(`timeline/${part}`, `${parentLabel}:${limit}:${asOf ?? ''}`, async (ids) => {
      const byParent = await this.queries.timeline(part, labels, ids, limit, asOf);
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
   * Statements that came with their sources (a traversal ending at statements
   * fetches them in the same query) answer `Statement.source` and
   * `reportedBy` from this batch: the loader those fields use (sources at
   * `limit`) is primed, so it runs no query of its own. Those fields sort the
   * sources by publication themselves. A statement with more sources than
   * `limit` is left to that loader, which cuts them in its own order.
   */
  private primeSources(byParent: Map<string, Related[]>, limit: number): void {
    const reporting = TRAVERSALS.sourcesReporting;
    const loader = (label: string) => this.related(reporting, limit, label);
    for (const related of byParent.values()) {
      for (const { node, sources } of related) {
        if (!sources || sources.length > limit) continue;
        loader(node.label).prime(node.id, [...sources]);
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
