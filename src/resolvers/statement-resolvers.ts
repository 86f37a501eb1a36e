import type { GraphQLResolveInfo } from 'graphql';
import type { StatementMentionsArgs } from '../generated/resolvers-types';
import type { GraphNode } from '../graph';
import { TRAVERSALS, narrowed } from '../loaders';
import type { ApiContext } from './context';
import { listPageSize } from './field-errors';
import { labelOfKind, num, propertyFields, text } from './models';
import { SPEAKERS_LIMIT, nodesVia, relatedOf } from './relationship-fields';

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
    evidence: (node: GraphNode) => {
      const sentence = text(node, 'evidence');
      const [start, end] = [num(node, 'evidenceStart'), num(node, 'evidenceEnd')];
      return sentence === null || start === null || end === null ? null : { sentence, start, end };
    },
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
    source: single(TRAVERSALS.sourcesReporting, 'source'),
    estimates: nodesVia(TRAVERSALS.estimatesGivenIn),
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
