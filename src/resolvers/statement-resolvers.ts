import type { GraphQLResolveInfo } from 'graphql';
import type {
  ResolversParentTypes,
  StatementMentionsArgs,
  StatementReportsReportsArgs,
} from '../generated/resolvers-types';
import type { GraphNode, Related } from '../graph';
import { TRAVERSALS, narrowed } from '../loaders';
import type { ApiContext } from './context';
import { listPageSize } from './field-errors';
import { labelOfKind, num, propertyFields, text } from './models';
import { SPEAKERS_LIMIT, UNPAGED_LIMIT, nodesVia, relText, relatedOf } from './relationship-fields';

/** The one node of a to-one relationship; the model guarantees it exists. */
function single(traversal: (typeof TRAVERSALS)[keyof typeof TRAVERSALS], what: string) {
  return async (parent: GraphNode, _args: unknown, ctx: ApiContext): Promise<GraphNode> => {
    const [first] = await relatedOf(ctx, traversal, parent, 1);
    if (!first)
      throw new Error(`${parent.label} ${parent.id} has no ${what}; the graph breaks its model.`);
    return first.node;
  };
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** One source's report of a statement, as `StatementReport` shows it. */
interface StatementReportView {
  readonly source: GraphNode;
  readonly text: string | null;
  readonly evidence: { sentence: string; start: number; end: number } | null;
  readonly attribution: string | null;
}

/** Earliest first by `publishedAt` (ISO strings compare in date order), undated last, then by id. */
function byPublication(a: Related, b: Related): number {
  const [x, y] = [text(a.node, 'publishedAt'), text(b.node, 'publishedAt')];
  if (x !== y) return x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
  return a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0;
}

/**
 * The sources reporting a statement, earliest first; one batch for every
 * statement of the level (the same load as `source`). At most UNPAGED_LIMIT.
 */
async function reportsOf(parent: GraphNode, ctx: ApiContext): Promise<Related[]> {
  const related = await relatedOf(ctx, TRAVERSALS.sourcesReporting, parent, UNPAGED_LIMIT);
  if (related.length === 0)
    throw new Error(`Statement ${parent.id} has no source; the graph breaks its model.`);
  return [...related].sort(byPublication);
}

/**
 * A report's evidence: from its REPORTED_IN relationship, or for statements
 * ingested before evidence moved there (issue 16), from the statement itself
 * when that sentence is in this source's text, which names the one source it
 * was read in.
 */
function reportView(statement: GraphNode, report: Related): StatementReportView {
  const sentence = relText(report, 'evidence');
  const [start, end] = [report.rel.properties.evidenceStart, report.rel.properties.evidenceEnd];
  if (sentence !== null && typeof start === 'number' && typeof end === 'number')
    return {
      source: report.node,
      text: relText(report, 'text'),
      evidence: { sentence, start, end },
      attribution: relText(report, 'attribution'),
    };
  const own = statementEvidence(statement);
  const readHere = own !== null && (text(report.node, 'text') ?? '').includes(own.sentence);
  return {
    source: report.node,
    text: readHere ? text(statement, 'text') : null,
    evidence: readHere ? own : null,
    attribution: readHere ? text(statement, 'attribution') : null,
  };
}

function statementEvidence(node: GraphNode) {
  const sentence = text(node, 'evidence');
  const [start, end] = [num(node, 'evidenceStart'), num(node, 'evidenceEnd')];
  return sentence === null || start === null || end === null ? null : { sentence, start, end };
}

export const statementResolvers = {
  Statement: {
    ...propertyFields([
      'name',
      'text',
      'kind',
      'hedge',
      'context',
      'timeText',
      'saidAt',
      'attribution',
    ]),
    evidence: statementEvidence,
    ordinal: (node: GraphNode) => num(node, 'ordinal'),
    speakers: nodesVia(TRAVERSALS.speakersOf, { limit: SPEAKERS_LIMIT }),
    // The same limit as `speakers`, so that both share one batch.
    speaker: async (parent: GraphNode, _args: unknown, ctx: ApiContext) =>
      (await relatedOf(ctx, TRAVERSALS.speakersOf, parent, SPEAKERS_LIMIT))[0]?.node ?? null,
    addressedTo: nodesVia(TRAVERSALS.addressees),
    mentions: async (
      parent: GraphNode,
      args: StatementMentionsArgs,
      ctx: ApiContext,
      info: GraphQLResolveInfo,
    ) => {
      const traversal = narrowed(
        TRAVERSALS.mentionsOf,
        args.kind ? labelOfKind(args.kind) : undefined,
      );
      const limit = listPageSize(ctx, info, args.first);
      if (limit === null) return [];
      return (await relatedOf(ctx, traversal, parent, limit)).map((r) => r.node);
    },
    source: async (parent: GraphNode, _args: unknown, ctx: ApiContext) =>
      ((await reportsOf(parent, ctx))[0] as Related).node,
    reportedBy: async (parent: GraphNode, _args: unknown, ctx: ApiContext) => {
      const reports = (await reportsOf(parent, ctx)).map((r) => reportView(parent, r));
      const dated = reports.filter((r) => text(r.source, 'publishedAt') !== null);
      return {
        totalCount: reports.length,
        first: reports[0],
        latest: dated[dated.length - 1] ?? reports[0],
        reports,
      };
    },
    estimates: nodesVia(TRAVERSALS.estimatesGivenIn),
  },
  StatementReports: {
    // `reportedBy` already holds every report (one batch); `first` only cuts the list it shows.
    reports: (
      parent: ResolversParentTypes['StatementReports'],
      args: StatementReportsReportsArgs,
      ctx: ApiContext,
      info: GraphQLResolveInfo,
    ) => {
      const limit = listPageSize(ctx, info, args.first ?? UNPAGED_LIMIT);
      return limit === null ? [] : parent.reports.slice(0, limit);
    },
  },
  Source: {
    ...propertyFields(['publisher', 'url', 'publishedAt', 'text', 'contentHash']),
    title: (node: GraphNode) => text(node, 'title') ?? text(node, 'name') ?? node.id,
    statements: nodesVia(TRAVERSALS.statementsReportedIn, { paged: true }),
    statementCount: (parent: GraphNode, _args: unknown, ctx: ApiContext) =>
      ctx.loaders.countIncoming(TRAVERSALS.statementsReportedIn, parent.label).load(parent.id),
  },
  Estimate: {
    ...propertyFields(['unit', 'qualifier', 'scope']),
    value: (node: GraphNode) => num(node, 'value') ?? 0,
    label: (node: GraphNode) => {
      const value = num(node, 'value');
      return [
        text(node, 'qualifier'),
        value === null ? null : numberFormat.format(value),
        text(node, 'unit'),
      ]
        .filter(Boolean)
        .join(' ');
    },
    subject: single(TRAVERSALS.estimateSubject, 'subject'),
    attributedTo: single(TRAVERSALS.estimateStatement, 'statement'),
  },
};
