import DataLoader from 'dataloader';
import type { Graph, GraphNode, GraphPort, GraphRelationship } from '../graph';
import { isGraphNode, isGraphRelationship } from '../graph';
import type { NodeLabel } from '../model/graph-model';
import { type Traversal, traversalSlots } from './traversals';

/** A related node together with the relationship that leads to it. */
export interface Related {
  readonly node: GraphNode;
  readonly rel: GraphRelationship;
}

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
    private readonly graph: Graph,
    private readonly port: GraphPort,
    private readonly onBatch: BatchObserver = () => undefined,
  ) {}

  /** Nodes by id among `labels`; null for an unknown id. */
  nodes(labels: readonly NodeLabel[]): DataLoader<string, GraphNode | null> {
    const expr = labels.join('|');
    return this.loader(`nodes:${expr}`, async (ids) => {
      const rows = await this.port.read(this.graph.cypher.render('read/nodes-by-ids', { labels: expr }), {
        ids: [...ids],
      });
      const found = new Map<string, GraphNode>();
      for (const row of rows) if (isGraphNode(row.n)) found.set(row.n.id, row.n);
      return ids.map((id) => found.get(id) ?? null);
    });
  }

  /** Related nodes along `traversal`, at most `limit` per parent, in the traversal's order. */
  related(traversal: Traversal, limit: number): DataLoader<string, Related[]> {
    const slots = traversalSlots(traversal);
    const name = `traverse/${traversal.direction}`;
    return this.loader(`${name}:${Object.values(slots).join(',')}:${limit}`, async (ids) => {
      if (limit === 0) return ids.map(() => []);
      const rows = await this.port.read(this.graph.cypher.render(name, slots), { ids: [...ids], limit });
      const byParent = new Map<string, Related[]>();
      for (const row of rows) {
        const items = Array.isArray(row.items) ? row.items : [];
        byParent.set(
          String(row.parentId),
          items.flatMap((item) => {
            const { node, rel } = (item ?? {}) as { node?: unknown; rel?: unknown };
            return isGraphNode(node) && isGraphRelationship(rel) ? [{ node, rel }] : [];
          }),
        );
      }
      return ids.map((id) => byParent.get(id) ?? []);
    });
  }

  /** How many incoming relationships of the traversal's type, from the traversal's node labels, each parent has. */
  countIncoming(traversal: Traversal): DataLoader<string, number> {
    const slots = { type: traversal.type, parentLabels: traversal.parentLabels.join('|'), nodeLabels: traversal.nodeLabels.join('|') };
    return this.loader(`count-incoming:${slots.type}:${slots.parentLabels}:${slots.nodeLabels}`, async (ids) => {
      const rows = await this.port.read(this.graph.cypher.render('traverse/count-incoming', slots), { ids: [...ids] });
      const totals = new Map(rows.map((r) => [String(r.parentId), Number(r.total)]));
      return ids.map((id) => totals.get(id) ?? 0);
    });
  }

  private loader<V>(key: string, batch: (ids: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    let loader = this.byKey.get(key) as DataLoader<string, V> | undefined;
    if (!loader) {
      const name = key.split(':')[0] as string;
      loader = new DataLoader<string, V>(
        async (ids) => {
          this.onBatch(name, ids.length);
          return batch(ids);
        },
        { maxBatchSize: MAX_BATCH_SIZE },
      );
      this.byKey.set(key, loader as DataLoader<string, unknown>);
    }
    return loader;
  }
}
