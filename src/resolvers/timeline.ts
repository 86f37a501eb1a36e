/**
 * `Entity.timeline(first, asOf)`: an entity's statements, events and figures
 * in date order (docs/sources.md). Each part is one batched query for the
 * whole level (`timeline/*`), already ordered by the same date key and cut at
 * `first` per parent, so the first `first` of the three together are exact.
 * An item's own date (an event's `date`, a statement's `saidAt`: when it
 * happened) comes before its sources' date (when it was reported).
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { TimelineDateFrom, TimelineItemKind } from '../generated/resolvers-types';
import type { GraphNode, TimelinePart, TimelineRow } from '../graph';
import { PARTICIPANTS } from '../model/graph-model';
import type { ApiContext } from './context';
import { fieldAsOf } from './as-of';
import { listPageSize } from './field-errors';
import { text } from './models';

export interface TimelineItemView {
  readonly kind: TimelineItemKind;
  readonly date: string | null;
  readonly dateFrom: TimelineDateFrom;
  readonly reportedAt: string | null;
  readonly statement: GraphNode | null;
  readonly event: GraphNode | null;
  readonly estimate: GraphNode | null;
}

const PARTS: ReadonlyArray<{ part: TimelinePart; kind: TimelineItemKind; own: string | null }> = [
  { part: 'statements', kind: 'STATEMENT', own: 'saidAt' },
  { part: 'events', kind: 'EVENT', own: 'date' },
  { part: 'estimates', kind: 'ESTIMATE', own: null },
];
const PARTICIPANT_LABELS: readonly string[] = PARTICIPANTS;

function itemOf(kind: TimelineItemKind, own: string | null, row: TimelineRow): TimelineItemView {
  const ownDate = own ? text(row.node, own) : null;
  const date = ownDate ?? row.reported;
  return {
    kind,
    date,
    dateFrom: ownDate ? 'OWN' : row.reported ? 'SOURCE' : 'NONE',
    reportedAt: row.reported,
    statement: kind === 'STATEMENT' ? row.node : null,
    event: kind === 'EVENT' ? row.node : null,
    estimate: kind === 'ESTIMATE' ? row.node : null,
  };
}

/** Dated first by date (ISO strings compare in date order), undated last, then by id. */
function byDate(a: TimelineItemView, b: TimelineItemView): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  const [x, y] = [idOf(a), idOf(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}
const idOf = (item: TimelineItemView): string =>
  (item.statement ?? item.event ?? item.estimate)?.id ?? '';

export async function timelineOf(
  parent: GraphNode,
  args: { first?: number | null; asOf?: string | null },
  ctx: ApiContext,
  info: GraphQLResolveInfo,
): Promise<TimelineItemView[]> {
  const limit = listPageSize(ctx, info, args.first ?? 50);
  const asOf = fieldAsOf(ctx, info, args.asOf);
  if (limit === null || asOf === undefined || limit === 0) return [];
  const parts = await Promise.all(
    PARTS.filter(({ part }) => part !== 'events' || PARTICIPANT_LABELS.includes(parent.label)).map(
      async ({ part, kind, own }) =>
        (await ctx.loaders.timeline(part, parent.label, limit, asOf).load(parent.id)).map((row) =>
          itemOf(kind, own, row),
        ),
    ),
  );
  return parts.flat().sort(byDate).slice(0, limit);
}
