/**
 * `ingestReport`: the GraphQL face of `src/ingest`. This file only translates:
 * arguments into an ingest request, the ingest layer's input errors into
 * BAD_USER_INPUT, and the plan into the schema's `IngestPlan` shapes.
 */
import { authorizeWrite } from '../auth';
import type {
  IngestCorrectionsInput,
  IngestReportInput,
  PlannedEntityRef,
  ResolversTypes,
} from '../generated/resolvers-types';
import type { EntityRef, IngestPlan, PlanWarning, SpeakerRef } from '../ingest';
import { type IngestOutcome, ingestReport } from '../mutations';
import type { ApiContext } from './context';
import { lookup } from './lookups';
import { KIND_OF_LABEL } from './models';

type IngestResult = ResolversTypes['IngestResult'];

interface IngestArgs {
  input: IngestReportInput;
  corrections?: IngestCorrectionsInput | null;
  dryRun?: boolean | null;
}

/** The plan as the schema shows it; names of existing entities come from the graph. */
function planView(plan: IngestPlan, names: Readonly<Record<string, string>>) {
  const proposalNames = new Map(plan.proposedEntities.map((p) => [p.proposedId, p.name]));
  const ref = (r: EntityRef): PlannedEntityRef =>
    r.kind === 'EXISTING'
      ? { status: 'EXISTING', id: r.id, kind: KIND_OF_LABEL[r.label], name: names[r.id] ?? r.id }
      : {
          status: 'PROPOSED',
          id: r.proposedId,
          kind: KIND_OF_LABEL[r.label],
          name: proposalNames.get(r.proposedId) ?? r.proposedId,
        };
  const speaker = (s: SpeakerRef) => ({
    text: s.kind === 'ENTITY' ? s.text : s.description,
    unnamed: s.kind === 'UNNAMED',
    entity: s.entity ? ref(s.entity) : null,
    confidence: s.confidence,
    rule: s.rule,
  });
  return {
    extractor: `${plan.extractor.name}@${plan.extractor.version}`,
    characterCount: plan.report.characterCount,
    wordCount: plan.report.wordCount,
    statements: plan.statements.map((s) => ({
      ...s,
      speakers: s.speakers.map(speaker),
      mentions: s.mentions.map(ref),
      addressedTo: s.addressedTo.map(ref),
    })),
    mentions: plan.entities.map((m) => ({ ...m, entity: ref(m.resolution) })),
    proposedEntities: plan.proposedEntities.map((p) => ({
      ...p,
      id: p.proposedId,
      kind: KIND_OF_LABEL[p.label],
      aliases: [...p.aliases],
    })),
    figures: plan.figures.map((f) => ({
      ...f,
      subject: f.subject ? ref(f.subject) : null,
      statementId: f.attributedTo.kind === 'STATEMENT' ? f.attributedTo.statementId : null,
    })),
    warnings: plan.warnings.map(warningView),
  };
}

const warningView = (w: PlanWarning) => ({
  code: w.code,
  message: w.message,
  evidence: w.evidence,
});

async function resultView(ctx: ApiContext, outcome: IngestOutcome): Promise<IngestResult> {
  return {
    status: outcome.status,
    contentHash: outcome.contentHash,
    text: outcome.text,
    plan: outcome.plan ? planView(outcome.plan, outcome.entityNames) : null,
    // A dry run reports an existing source too, so a client can link to it.
    source: outcome.sourceId ? await lookup(ctx, ['Source'], outcome.sourceId) : null,
    counts: outcome.counts,
    warnings: outcome.warnings.map(warningView),
  };
}

export const ingestResolvers = {
  StatementMatch: {
    statement: async (match: { statementId: string }, _args: unknown, ctx: ApiContext) => {
      const found = await lookup(ctx, ['Statement'], match.statementId);
      if (!found) throw new Error(`Matched statement ${match.statementId} is not in the graph.`);
      return found;
    },
  },
  Mutation: {
    ingestReport: async (
      _root: unknown,
      args: IngestArgs,
      ctx: ApiContext,
    ): Promise<IngestResult> => {
      authorizeWrite(ctx.credentials);
      const { extractor, maxBytes } = ctx.ingest;
      if (!extractor)
        throw new Error('Report ingestion is not configured on this server: no extractor.');
      const outcome = await ingestReport(
        ctx.queries,
        { report: args.input, corrections: args.corrections, dryRun: args.dryRun !== false },
        { extractor, maxBytes },
      );
      return resultView(ctx, outcome);
    },
  },
};
