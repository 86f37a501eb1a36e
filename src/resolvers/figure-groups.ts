/**
 * `Entity.figureGroups`: an entity's figures side by side, grouped by what
 * they count (unit) and over what (scope), each with who gave it and where,
 * earliest report first; the spread between the lowest and highest, and a
 * flag when reports disagree (docs/sources.md). Every hop is a DataLoader
 * batch: estimates of the entity, then their statements, then those
 * statements' sources and speakers, one query per hop for the whole level.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphNode, Related } from '../graph';
import { TRAVERSALS } from '../loaders';
import { fieldAsOf, relatedAsOf } from './as-of';
import type { ApiContext } from './context';
import { num, text } from './models';
import { SPEAKERS_LIMIT, UNPAGED_LIMIT, relatedOf } from './relationship-fields';

/**
 * Reports disagree when the highest figure of a group exceeds the lowest by
 * more than this share of the lowest: 3,000 against 12,000 troops disagree;
 * "around 10,000" against "11,000" do not.
 */
export const FIGURE_DISAGREEMENT_THRESHOLD = 0.25;

export interface GroupedFigureView {
  readonly estimate: GraphNode;
  readonly value: number;
  readonly speakers: GraphNode[];
  readonly statement: GraphNode;
  readonly source: GraphNode;
  readonly publishedAt: string | null;
  readonly evidence: { sentence: string; start: number; end: number } | null;
}

export interface FigureGroupView {
  readonly unit: string;
  readonly scope: string | null;
  readonly figures: GroupedFigureView[];
  readonly lowest: number;
  readonly highest: number;
  readonly spread: number;
  readonly disagree: boolean;
}

const fold = (value: string | null): string =>
  (value ?? '').toLowerCase().replace(/\s+/g, ' ').trim();

/** ISO dates compare as strings; undated last, then by estimate id. */
function byDate(a: GroupedFigureView, b: GroupedFigureView): number {
  if (a.publishedAt !== b.publishedAt) {
    if (a.publishedAt === null) return 1;
    if (b.publishedAt === null) return -1;
    return a.publishedAt < b.publishedAt ? -1 : 1;
  }
  return a.estimate.id < b.estimate.id ? -1 : a.estimate.id > b.estimate.id ? 1 : 0;
}

/** The earliest of a statement's sources by publishedAt (undated last, then id), as `Statement.source`. */
function firstSource(sources: Related[]): Related | undefined {
  return [...sources].sort((a, b) => {
    const [x, y] = [text(a.node, 'publishedAt'), text(b.node, 'publishedAt')];
    if (x !== y) return x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
    return a.node.id < b.node.id ? -1 : 1;
  })[0];
}

/** This source's evidence for the statement: on REPORTED_IN, else the statement's own. */
function evidenceOf(statement: GraphNode, report: Related): GroupedFigureView['evidence'] {
  const rel = report.rel.properties;
  if (typeof rel.evidence === 'string' && typeof rel.evidenceStart === 'number')
    return { sentence: rel.evidence, start: rel.evidenceStart, end: Number(rel.evidenceEnd) };
  const sentence = text(statement, 'evidence');
  const [start, end] = [num(statement, 'evidenceStart'), num(statement, 'evidenceEnd')];
  return sentence === null || start === null || end === null ? null : { sentence, start, end };
}

/**
 * With `asOf`, only figures whose statement a source published by that day
 * reports, and only those sources: each hop runs its asOf query instead.
 */
export async function figureGroupsOf(
  parent: GraphNode,
  args: { asOf?: string | null },
  ctx: ApiContext,
  info: GraphQLResolveInfo,
): Promise<FigureGroupView[]> {
  const asOf = fieldAsOf(ctx, info, args.asOf);
  if (asOf === undefined) return [];
  const estimates = (
    await (asOf
      ? relatedAsOf(ctx, TRAVERSALS.estimatesOf, parent, asOf)
      : relatedOf(ctx, TRAVERSALS.estimatesOf, parent))
  ).map((r) => r.node);
  const figures = await Promise.all(
    estimates.map(async (estimate): Promise<GroupedFigureView | null> => {
      const [statement] = await relatedOf(ctx, TRAVERSALS.estimateStatement, estimate, 1);
      if (!statement) return null;
      const [sources, speakers] = await Promise.all([
        asOf
          ? relatedAsOf(ctx, TRAVERSALS.sourcesReporting, statement.node, asOf, UNPAGED_LIMIT)
          : relatedOf(ctx, TRAVERSALS.sourcesReporting, statement.node, UNPAGED_LIMIT),
        relatedOf(ctx, TRAVERSALS.speakersOf, statement.node, SPEAKERS_LIMIT),
      ]);
      const source = firstSource(sources);
      if (!source) return null;
      return {
        estimate,
        value: num(estimate, 'value') ?? 0,
        speakers: speakers.map((s) => s.node),
        statement: statement.node,
        source: source.node,
        publishedAt: text(source.node, 'publishedAt'),
        evidence: evidenceOf(statement.node, source),
      };
    }),
  );
  const groups = new Map<string, GroupedFigureView[]>();
  for (const figure of figures) {
    if (!figure) continue;
    const key = `${fold(text(figure.estimate, 'unit'))}\u0000${fold(text(figure.estimate, 'scope'))}`;
    groups.set(key, [...(groups.get(key) ?? []), figure]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, members]) => {
      const sorted = [...members].sort(byDate);
      const values = sorted.map((f) => f.value);
      const [lowest, highest] = [Math.min(...values), Math.max(...values)];
      const first = sorted[0] as GroupedFigureView;
      return {
        unit: text(first.estimate, 'unit') ?? '',
        scope: text(first.estimate, 'scope'),
        figures: sorted,
        lowest,
        highest,
        spread: highest - lowest,
        disagree: highest - lowest > FIGURE_DISAGREEMENT_THRESHOLD * Math.abs(lowest),
      };
    });
}
