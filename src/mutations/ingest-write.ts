/**
 * The write of `ingestReport`: extract a checked report's plan against the
 * graph's entities, apply the reviewer's corrections, and (unless it is a dry
 * run) write it. A commit does all of that inside one write transaction, so
 * the entities the plan matched are the ones the write links to, and a
 * failure anywhere leaves the graph as it was. The write is batched: one
 * UNWIND query per kind of item (node label, or relationship type with its
 * endpoint labels), never one query per item.
 */
import type { GraphQueries, LinkRecord, NodeRecord, ReadQueries, WriteQueries } from '../graph';
import {
  type CheckedReport,
  type EntityRef,
  type Extractor,
  type IngestPlan,
  type PlanFigure,
  type PlanStatement,
  type PlanWarning,
  applyCorrections,
  graphIdsNamedBy,
  matchStatements,
  referencedProposalIds,
  referencesOf,
  similarStatementWarning,
  speakerIdsOf,
} from '../ingest';
import {
  ACTOR_LABELS,
  NODE_LABELS,
  type EntityLabel,
  type NodeLabel,
  type RelationshipType,
  allowsEndpoints,
  isNodeLabel,
} from '../model/graph-model';
import { idWords } from '../model/id-words';
import {
  type CheckedIngest,
  type IngestRequest,
  asUserInput,
  checkIngestRequest,
} from './ingest-check';

export type IngestStatus = 'DRY_RUN' | 'COMMITTED' | 'UNCHANGED';

/** What a commit wrote. */
export interface CommitCounts {
  readonly sources: number;
  readonly entitiesCreated: number;
  /** Distinct existing entities the report was linked to; none of them was duplicated or changed. */
  readonly entitiesMatched: number;
  readonly statements: number;
  /** Existing statements the report repeats (same speaker, same words): now reported in this source too, not duplicated. */
  readonly statementsMatched: number;
  readonly estimates: number;
  readonly relationships: number;
}

export interface IngestOutcome {
  /** DRY_RUN: nothing written. COMMITTED: written now. UNCHANGED: this text was already ingested; nothing written. */
  readonly status: IngestStatus;
  /** The corrected plan; null when UNCHANGED, since nothing was extracted. */
  readonly plan: IngestPlan | null;
  /** The committed source, or for UNCHANGED (and a dry run of known text) the source that already holds the text. */
  readonly sourceId: string | null;
  readonly contentHash: string;
  /** The normalised text: the plan's offsets point into it. */
  readonly text: string;
  readonly counts: CommitCounts | null;
  /** Problems found while committing (items the model cannot hold), on top of the plan's warnings. */
  readonly warnings: readonly PlanWarning[];
  /** The stored name of every existing entity the plan refers to, by id, for display. */
  readonly entityNames: Readonly<Record<string, string>>;
}

/** The reads a plan needs; a dry run takes them from the query layer, a commit from its transaction. */
type PlanReads = Pick<
  ReadQueries,
  'knownEntities' | 'nodesByIds' | 'sourceWithHash' | 'statementsBySpeakers'
>;
type Known = ReadonlyMap<string, { label: EntityLabel; name: string }>;

const alreadyIngested = (sourceId: string, consequence: string): PlanWarning => ({
  code: 'ALREADY_INGESTED',
  message: `This text is already in the graph as source "${sourceId}"; ${consequence}.`,
  evidence: null,
});

/** Names of the existing entities a plan refers to. */
function namesIn(plan: IngestPlan, known: Known): Record<string, string> {
  const names: Record<string, string> = {};
  for (const ref of referencesOf(plan))
    if (ref?.kind === 'EXISTING') names[ref.id] = known.get(ref.id)?.name ?? ref.id;
  return names;
}

/** Reads what a plan needs and extracts it; shared by dry runs and commits. */
async function preparePlan(reads: PlanReads, checked: CheckedIngest, extractor: Extractor) {
  const known = await reads.knownEntities();
  const plan = extractor.extract(checked.report, known);
  const named = await reads.nodesByIds(NODE_LABELS, graphIdsNamedBy(checked.corrections));
  const graphLabels = new Map<string, NodeLabel>();
  for (const node of named.values())
    if (isNodeLabel(node.label)) graphLabels.set(node.id, node.label);
  const corrected = asUserInput(() => applyCorrections(plan, checked.corrections, graphLabels));
  const byId: Known = new Map(known.map((k) => [k.id, { label: k.label, name: k.name }]));
  return { plan: await withMatches(reads, corrected), known: byId };
}

/**
 * The plan with each statement's match among the statements its speakers
 * already made (one query): SAME_WORDS ones are committed onto the existing
 * statement; SIMILAR ones are proposed with a warning and kept apart.
 */
async function withMatches(reads: PlanReads, plan: IngestPlan): Promise<IngestPlan> {
  const speakerIds = [...new Set(plan.statements.flatMap(speakerIdsOf))];
  const matches = matchStatements(plan.statements, await reads.statementsBySpeakers(speakerIds));
  const similar: PlanWarning[] = [];
  const statements = plan.statements.map((s) => {
    const match = matches.get(s.id) ?? null;
    if (match?.how === 'SIMILAR') similar.push(similarStatementWarning(s, match));
    return { ...s, match };
  });
  return { ...plan, statements, warnings: [...plan.warnings, ...similar] };
}

/** The plan of a checked report, written nowhere. */
export async function planReport(
  reads: PlanReads,
  checked: CheckedIngest,
  extractor: Extractor,
): Promise<IngestOutcome> {
  const { contentHash, text } = checked.report;
  const existing = await reads.sourceWithHash(contentHash);
  const { plan, known } = await preparePlan(reads, checked, extractor);
  return {
    status: 'DRY_RUN',
    plan,
    sourceId: existing,
    contentHash,
    text,
    counts: null,
    warnings: existing ? [alreadyIngested(existing, 'committing it would change nothing')] : [],
    entityNames: namesIn(plan, known),
  };
}

/** Commits a checked report inside `tx`; text already ingested (same hash) writes nothing. */
export async function commitReport(
  tx: WriteQueries,
  checked: CheckedIngest,
  extractor: Extractor,
): Promise<IngestOutcome> {
  const { contentHash, text } = checked.report;
  const existing = await tx.sourceWithHash(contentHash);
  if (existing) {
    return {
      status: 'UNCHANGED',
      plan: null,
      sourceId: existing,
      contentHash,
      text,
      counts: null,
      warnings: [alreadyIngested(existing, 'nothing was written')],
      entityNames: {},
    };
  }
  const { plan, known } = await preparePlan(tx, checked, extractor);
  const result = await writePlan(tx, plan, checked.report, known);
  return {
    status: 'COMMITTED',
    plan,
    sourceId: result.sourceId,
    contentHash,
    text,
    counts: result.counts,
    warnings: result.warnings,
    entityNames: namesIn(plan, known),
  };
}

/**
 * Ingests one report: checks it (BAD_USER_INPUT before anything is read),
 * then shows its plan (dry run) or commits it in one write transaction.
 *
 * @example
 *   const outcome = await ingestReport(queries, { report: { text }, dryRun: false }, { extractor, maxBytes: 200_000 });
 */
export async function ingestReport(
  queries: GraphQueries,
  request: IngestRequest,
  settings: { readonly extractor: Extractor; readonly maxBytes: number },
): Promise<IngestOutcome> {
  const checked = checkIngestRequest(request, settings.maxBytes);
  if (checked.dryRun) return planReport(queries, checked, settings.extractor);
  return queries.writeTransaction((tx) => commitReport(tx, checked, settings.extractor));
}

// ---------------------------------------------------------------------------
// Writing a plan

/** The source's id: its title's first words and a prefix of its content hash, so every text gets its own. */
function sourceIdFor(report: CheckedReport, title: string): string {
  return `${idWords(title, 6).slice(0, 60) || 'report'}-${report.contentHash.slice(0, 10)}`.replace(
    /^-+/,
    '',
  );
}

/** `base` if free, else `base-<hash>`, then `base-<hash>-2`...; marks the result as taken. */
function claimId(base: string, taken: Set<string>, hash: string): string {
  const cut = (s: string) => s.slice(0, 80).replace(/-+$/, '');
  let id = cut(base);
  for (let n = 1; taken.has(id); n++)
    id = cut(`${base.slice(0, 60)}-${hash.slice(0, 6)}${n > 1 ? `-${n}` : ''}`);
  taken.add(id);
  return id;
}

/** Groups links by (type, from label, to label): each group is one UNWIND query. */
class LinkBatches {
  private readonly groups = new Map<
    string,
    {
      type: RelationshipType;
      from: NodeLabel;
      to: NodeLabel;
      links: LinkRecord[];
      seen: Set<string>;
    }
  >();
  add(type: RelationshipType, from: NodeLabel, to: NodeLabel, link: LinkRecord): boolean {
    if (!allowsEndpoints(type, from, to)) return false;
    const key = `${type}:${from}:${to}`;
    const group = this.groups.get(key) ?? { type, from, to, links: [], seen: new Set<string>() };
    this.groups.set(key, group);
    const pair = `${link.from}->${link.to}`;
    if (!group.seen.has(pair)) {
      group.seen.add(pair);
      group.links.push(link);
    }
    return true;
  }
  async write(tx: WriteQueries): Promise<number> {
    let written = 0;
    for (const g of this.groups.values())
      written += (await tx.linkNodes(g.type, g.from, g.to, g.links)).length;
    return written;
  }
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const firstWords = (text: string, n: number) => text.split(/\s+/).slice(0, n).join(' ');

/**
 * Writes a reviewed plan inside `tx`. `known` are the entities the plan was
 * extracted against (read in the same transaction); references to them are
 * only linked, never rewritten.
 */
async function writePlan(
  tx: WriteQueries,
  plan: IngestPlan,
  report: CheckedReport,
  known: Known,
): Promise<{ sourceId: string; counts: CommitCounts; warnings: PlanWarning[] }> {
  const warnings: PlanWarning[] = [];
  const hash = report.contentHash;
  const heading = plan.sentences.find((s) => s.heading)?.text;
  const title = report.title ?? heading ?? firstWords(report.text, 12).slice(0, 300);

  // Claim ids for everything new, avoiding every id already in the graph.
  const taken = await tx.takenIds([
    sourceIdFor(report, title),
    ...plan.proposedEntities.map((p) => p.proposedId),
    ...plan.statements.map((s) => s.id),
    ...plan.figures.map((f) => f.id),
  ]);
  const sourceId = claimId(sourceIdFor(report, title), taken, hash);
  const proposalIds = new Map(
    plan.proposedEntities.map((p) => [p.proposedId, claimId(p.proposedId, taken, hash)]),
  );
  const entityOf = (
    ref: EntityRef | null,
  ): { id: string; label: EntityLabel; name: string } | null => {
    if (ref === null) return null;
    if (ref.kind === 'EXISTING') {
      const found = known.get(ref.id);
      if (!found)
        throw new Error(`The plan refers to entity "${ref.id}", which the graph does not hold.`);
      return { id: ref.id, label: found.label, name: found.name };
    }
    const id = proposalIds.get(ref.proposedId);
    const proposal = plan.proposedEntities.find((p) => p.proposedId === ref.proposedId);
    return id && proposal ? { id, label: proposal.label, name: proposal.name } : null;
  };

  // Figures the report gives in its own voice hang on a REPORTED statement of their sentence.
  const statements: PlanStatement[] = [...plan.statements];
  const figures: Array<PlanFigure & { statementId: string }> = [];
  for (const figure of plan.figures) {
    if (figure.attributedTo.kind === 'STATEMENT') {
      figures.push({ ...figure, statementId: figure.attributedTo.statementId });
      continue;
    }
    const sentence = figure.evidence.sentenceIndex;
    let own = statements.find(
      (s) => s.origin === 'REPORT' && s.evidence.sentenceIndex === sentence,
    );
    if (!own) {
      const s = plan.sentences[sentence];
      const evidence = s
        ? { sentenceIndex: s.index, start: s.start, end: s.end, sentence: s.text }
        : figure.evidence;
      own = {
        id: `report-sentence-${sentence}`,
        kind: 'REPORTED',
        text: evidence.sentence,
        hedge: null,
        origin: 'REPORT',
        speakers: [],
        attribution: null,
        mentions: [],
        mentionMatchIds: [],
        addressedTo: [],
        context: null,
        timeText: null,
        date: null,
        dateDerived: false,
        evidence,
        rule: 'figure-in-report-voice',
        confidence: figure.confidence,
      };
      statements.push(own);
    }
    figures.push({ ...figure, statementId: own.id });
  }
  statements.sort((a, b) => a.evidence.start - b.evidence.start || a.evidence.end - b.evidence.end);
  // A statement repeating an existing one (same speaker, same words) is that statement.
  const repeated = (s: PlanStatement) =>
    s.match?.how === 'SAME_WORDS' ? s.match.statementId : null;
  const statementIds = new Map(
    statements.map((s) => [s.id, repeated(s) ?? claimId(s.id, taken, hash)]),
  );

  const links = new LinkBatches();
  const statementRows: NodeRecord[] = [];
  statements.forEach((s, i) => {
    const id = statementIds.get(s.id) as string;
    const speakers = s.speakers.map((sp) => ({ sp, entity: entityOf(sp.entity) }));
    for (const { sp, entity } of speakers) {
      if (!entity) continue;
      if (!(ACTOR_LABELS as readonly string[]).includes(entity.label)) {
        warnings.push({
          code: 'SPEAKER_CANNOT_SPEAK',
          message: `"${sp.kind === 'ENTITY' ? sp.text : sp.description}" (${entity.label} ${entity.id}) cannot make statements; statement "${id}" is stored without that speaker.`,
          evidence: s.evidence,
        });
      } else links.add('MADE', entity.label, 'Statement', { from: entity.id, to: id });
    }
    const unnamed = s.speakers.find((sp) => sp.kind === 'UNNAMED');
    const unnamedText = unnamed?.kind === 'UNNAMED' ? unnamed.description : null;
    // This report's own evidence, whether the statement is new or one it repeats.
    links.add('REPORTED_IN', 'Statement', 'Source', {
      from: id,
      to: sourceId,
      properties: {
        text: s.text,
        evidence: s.evidence.sentence,
        evidenceStart: s.evidence.start,
        evidenceEnd: s.evidence.end,
        attribution: s.attribution ?? unnamedText,
      },
    });
    for (const ref of s.mentions) {
      const e = entityOf(ref);
      if (e) links.add('MENTIONS', 'Statement', e.label, { from: id, to: e.id });
    }
    for (const ref of s.addressedTo) {
      const e = entityOf(ref);
      if (e) links.add('ADDRESSED_TO', 'Statement', e.label, { from: id, to: e.id });
    }
    if (repeated(s)) return;
    const who = speakers.find((x) => x.entity)?.entity?.name ?? unnamedText;
    const name = `${s.origin === 'REPORT' ? 'Report' : (who ?? 'Unattributed')}: ${firstWords(s.text, 6)}`;
    statementRows.push({
      label: 'Statement',
      id,
      name: name.slice(0, 200),
      text: s.text,
      kind: s.kind,
      hedge: s.hedge,
      context: s.context,
      timeText: s.timeText,
      saidAt: s.dateDerived ? null : s.date,
      ordinal: i + 1,
      attribution: s.attribution ?? unnamedText,
      evidence: s.evidence.sentence,
      evidenceStart: s.evidence.start,
      evidenceEnd: s.evidence.end,
    });
  });

  const estimateRows: NodeRecord[] = [];
  for (const f of figures) {
    const statementId = statementIds.get(f.statementId);
    const statement = statements.find((s) => s.id === f.statementId);
    const subject = entityOf(f.subject) ?? entityOf(statement?.mentions[0] ?? null);
    if (Math.abs(f.value) > Number.MAX_SAFE_INTEGER || !Number.isFinite(f.value)) {
      warnings.push({
        code: 'FIGURE_LEFT_OUT',
        message: `Figure "${f.text}" is too large to store exactly; it was not stored.`,
        evidence: f.evidence,
      });
      continue;
    }
    if (!statementId || !subject) {
      warnings.push({
        code: 'FIGURE_LEFT_OUT',
        message: `Figure "${f.text}" names no entity it counts${statementId ? '' : ' and no statement'}; it was not stored.`,
        evidence: f.evidence,
      });
      continue;
    }
    const id = claimId(f.id, taken, hash);
    const name = [f.qualifier, numberFormat.format(f.value), f.unit].filter(Boolean).join(' ');
    estimateRows.push({
      label: 'Estimate',
      id,
      name,
      value: f.value,
      unit: f.unit,
      qualifier: f.qualifier,
      scope: f.scope,
    });
    links.add('ESTIMATES', 'Estimate', subject.label, { from: id, to: subject.id });
    links.add('ATTRIBUTED_TO', 'Estimate', 'Statement', { from: id, to: statementId });
  }

  for (const role of plan.roles) {
    const person = entityOf(role.person);
    const of = entityOf(role.of);
    if (person && of)
      links.add('HOLDS_ROLE', person.label, of.label, {
        from: person.id,
        to: of.id,
        properties: { title: role.title },
      });
  }

  // A proposal nothing refers to any more (its mentions were remapped or dropped) is not created.
  const referenced = referencedProposalIds(plan);
  const byLabel = new Map<EntityLabel, NodeRecord[]>();
  for (const p of plan.proposedEntities.filter((x) => referenced.has(x.proposedId))) {
    const record: NodeRecord = {
      label: p.label,
      id: proposalIds.get(p.proposedId) as string,
      name: p.name,
      aliases: p.aliases.filter((a) => a !== p.name),
    };
    byLabel.set(p.label, [...(byLabel.get(p.label) ?? []), record]);
  }

  // Write: the source, new entities per label, statements, estimates, then every link group.
  await tx.upsertNodes('Source', [
    {
      label: 'Source',
      id: sourceId,
      title,
      publisher: report.publisher,
      url: report.url,
      publishedAt: report.publishedAt,
      text: report.text,
      contentHash: hash,
    },
  ]);
  let entitiesCreated = 0;
  for (const [label, records] of byLabel)
    entitiesCreated += await tx.createEntities(label, records);
  await tx.upsertIngestedStatements(statementRows);
  await tx.upsertIngestedEstimates(estimateRows);
  const relationships = await links.write(tx);

  // Matched: existing entities the written statements and figures link to.
  const matched = new Set(
    [
      ...plan.statements.flatMap((s) => [
        ...s.mentions,
        ...s.addressedTo,
        ...s.speakers.map((sp) => sp.entity),
      ]),
      ...plan.figures.map((f) => f.subject),
    ].flatMap((r) => (r?.kind === 'EXISTING' ? [r.id] : [])),
  );
  return {
    sourceId,
    counts: {
      sources: 1,
      entitiesCreated,
      entitiesMatched: matched.size,
      statements: statementRows.length,
      statementsMatched: new Set(statements.flatMap((s) => repeated(s) ?? [])).size,
      estimates: estimateRows.length,
      relationships,
    },
    warnings,
  };
}
