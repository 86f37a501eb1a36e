/**
 * The reads of the graph "as of" a date (issue 16, docs/sources.md), and the
 * timeline and corroboration counts that share their date rule. Every query
 * here is a file of its own (`*-as-of`, `timeline/*`, `aggregate/*-reports`),
 * so the plain reads of `cypher-queries.ts` keep their queries unchanged.
 * `asOf` is always a checked ISO day (YYYY-MM-DD) and travels as `$asOf`;
 * where a query serves both views, '' stands for "no date" (the embedded
 * engine cannot type a null parameter).
 */
import type { CypherLibrary } from '../cypher-library';
import type { CypherQuery } from '../port';
import { type GraphNode, type Params, type Row, isGraphNode, isGraphRelationship } from '../values';
import {
  NODE_LABELS,
  RELATIONSHIP_TYPES,
  type EntityLabel,
  type NodeLabel,
  type RelationshipType,
} from '../../model/graph-model';
import type { QueryName } from './query-names';
import type { Neighbour, RankedNode, Related, SearchHit, TraversalShape } from './rows';

type Run = (query: CypherQuery, params?: Params) => Promise<Row[]>;

/**
 * Relationships that come from reports: statements, their speakers, mentions,
 * addressees and sources, figures. Every other type is a fact entered by hand
 * or seeded (roles, relations, memberships, events, places): an entity with
 * one of those stays in every asOf view (the `{{factTypes}}` slot).
 */
export const REPORTED_TYPES: readonly RelationshipType[] = [
  'MADE',
  'MENTIONS',
  'ADDRESSED_TO',
  'REPORTED_IN',
  'ESTIMATES',
  'ATTRIBUTED_TO',
];
export const FACT_TYPES: readonly RelationshipType[] = RELATIONSHIP_TYPES.filter(
  (t) => !REPORTED_TYPES.includes(t),
);

/** The three kinds of timeline entries, each read by its own `timeline/*` query. */
export type TimelinePart = 'statements' | 'events' | 'estimates';

/** One timeline entry as read: the node and its earliest (counted) source's publishedAt. */
export interface TimelineRow {
  readonly node: GraphNode;
  readonly reported: string | null;
}

/** How the sources divide as of a date. */
export interface AsOfCounts {
  readonly included: number;
  readonly after: number;
  readonly undated: number;
}

/** The reads of an asOf view, the timeline and the report counts of rankings. */
export interface AsOfReads {
  /**
   * `traverse` as of a date, for traversals ending at statements, at figures
   * (incoming) or at sources (outgoing): only what sources published by
   * `asOf` reported. Other traversals have no asOf view and are refused.
   */
  traverseAsOf(
    traversal: TraversalShape,
    ids: readonly string[],
    limit: number,
    asOf: string,
  ): Promise<Map<string, Related[]>>;
  searchAsOf(
    text: string,
    labels: readonly NodeLabel[],
    limit: number,
    asOf: string,
  ): Promise<SearchHit[]>;
  neighboursAsOf(ids: readonly string[], limit: number, asOf: string): Promise<Neighbour[]>;
  topMentionedAsOf(
    labels: readonly EntityLabel[],
    limit: number,
    asOf: string,
  ): Promise<RankedNode[]>;
  speakersAsOf(limit: number, asOf: string): Promise<RankedNode[]>;
  /** Distinct sources reporting the statements that mention each entity (as of `asOf` when given). */
  mentionReports(
    labels: readonly EntityLabel[],
    ids: readonly string[],
    asOf: string | null,
  ): Promise<Map<string, number>>;
  /** Distinct sources reporting the statements each actor made (as of `asOf` when given). */
  speakerReports(ids: readonly string[], asOf: string | null): Promise<Map<string, number>>;
  asOfCounts(asOf: string): Promise<AsOfCounts>;
  /** One part of the timeline of each parent, dated first, at most `limit` each. */
  timeline(
    part: TimelinePart,
    parentLabels: readonly NodeLabel[],
    ids: readonly string[],
    limit: number,
    asOf: string | null,
  ): Promise<Map<string, TimelineRow[]>>;
}

const labelsOf = (labels: readonly string[]): string => labels.join('|');

/** The asOf query of a traversal, by what it ends at. */
function traversalAsOfQuery(traversal: TraversalShape): QueryName {
  const [end, ...more] = traversal.nodeLabels;
  const { direction } = traversal;
  if (more.length === 0 && end === 'Statement')
    return direction === 'outgoing'
      ? 'traverse/outgoing-statements-as-of'
      : 'traverse/incoming-statements-as-of';
  if (more.length === 0 && end === 'Estimate' && direction === 'incoming')
    return 'traverse/incoming-estimates-as-of';
  if (more.length === 0 && end === 'Source' && direction === 'outgoing')
    return 'traverse/outgoing-sources-as-of';
  throw new Error(
    `${traversal.type} (${direction}) to ${traversal.nodeLabels.join('|')} has no asOf view; ` +
      'only traversals to statements, to figures (incoming) and to sources (outgoing) do.',
  );
}

function itemsOf(item: unknown): Related[] {
  const { node, rel } = (item ?? {}) as Record<string, unknown>;
  return isGraphNode(node) && isGraphRelationship(rel) ? [{ node, rel }] : [];
}

const ranked = (rows: Row[]): RankedNode[] =>
  rows
    .filter((r) => isGraphNode(r.node))
    .map((r) => ({ node: r.node as GraphNode, total: Number(r.total) }));

const reportCounts = (rows: Row[]): Map<string, number> =>
  new Map(rows.map((r) => [String(r.id), Number(r.reports)]));

/**
 * The asOf reads over any way of running a read query. `searchParams` is the
 * engine's dialect for `search/text` (the same parameters as the plain search).
 */
export function asOfReads(
  cypher: CypherLibrary,
  run: Run,
  searchParams: (text: string) => Params,
): AsOfReads {
  const q = (name: QueryName, slots: Record<string, string> = {}) => cypher.render(name, slots);
  const factTypes = labelsOf(FACT_TYPES);
  return {
    async traverseAsOf(traversal, ids, limit, asOf) {
      const byParent = new Map<string, Related[]>();
      if (limit === 0 || ids.length === 0) return byParent;
      const slots = {
        type: traversal.type,
        parentLabels: labelsOf(traversal.parentLabels),
        nodeLabels: labelsOf(traversal.nodeLabels),
        orderKey: traversal.orderKey,
      };
      const rows = await run(q(traversalAsOfQuery(traversal), slots), {
        ids: [...ids],
        limit,
        asOf,
      });
      for (const row of rows) {
        const items = Array.isArray(row.items) ? row.items : [];
        byParent.set(String(row.parentId), items.flatMap(itemsOf));
      }
      return byParent;
    },
    async searchAsOf(text, labels, limit, asOf) {
      const params = { text, limit, asOf, ...searchParams(text) };
      const rows = await run(
        q('search/text-as-of', { labels: labelsOf(labels), factTypes }),
        params,
      );
      return rows
        .filter((r) => isGraphNode(r.node))
        .map((r) => ({ node: r.node as GraphNode, score: Number(r.score) }));
    },
    async neighboursAsOf(ids, limit, asOf) {
      const rows = await run(
        q('neighborhood/expand-as-of', { labels: labelsOf(NODE_LABELS), factTypes }),
        { ids: [...ids], limit, asOf },
      );
      return rows.flatMap(({ a, r, b }) =>
        isGraphNode(a) && isGraphNode(b) && isGraphRelationship(r)
          ? [{ from: a, rel: r, to: b }]
          : [],
      );
    },
    async topMentionedAsOf(labels, limit, asOf) {
      return ranked(
        await run(q('aggregate/top-mentioned-as-of', { labels: labelsOf(labels) }), {
          limit,
          asOf,
        }),
      );
    },
    async speakersAsOf(limit, asOf) {
      return ranked(await run(q('aggregate/speakers-as-of'), { limit, asOf }));
    },
    async mentionReports(labels, ids, asOf) {
      if (ids.length === 0) return new Map();
      const rows = await run(q('aggregate/mention-reports', { labels: labelsOf(labels) }), {
        ids: [...ids],
        asOf: asOf ?? '',
      });
      return reportCounts(rows);
    },
    async speakerReports(ids, asOf) {
      if (ids.length === 0) return new Map();
      return reportCounts(
        await run(q('aggregate/speaker-reports'), { ids: [...ids], asOf: asOf ?? '' }),
      );
    },
    async asOfCounts(asOf) {
      const [row] = await run(q('read/as-of-summary'), { asOf });
      return {
        included: Number(row?.included ?? 0),
        after: Number(row?.after ?? 0),
        undated: Number(row?.undated ?? 0),
      };
    },
    async timeline(part, parentLabels, ids, limit, asOf) {
      const byParent = new Map<string, TimelineRow[]>();
      if (limit === 0 || ids.length === 0) return byParent;
      const rows = await run(q(`timeline/${part}`, { parentLabels: labelsOf(parentLabels) }), {
        ids: [...ids],
        limit,
        asOf: asOf ?? '',
      });
      for (const row of rows) {
        const items = Array.isArray(row.items) ? row.items : [];
        byParent.set(
          String(row.parentId),
          items.flatMap((item: unknown) => {
            const { node, reported } = (item ?? {}) as Record<string, unknown>;
            return isGraphNode(node)
              ? [{ node, reported: typeof reported === 'string' ? reported : null }]
              : [];
          }),
        );
      }
      return byParent;
    },
  };
}
