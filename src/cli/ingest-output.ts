/**
 * How `npm run ingest` shows a plan and an outcome: aligned tables on stdout,
 * a progress bar on stderr. Pure formatting; nothing here reads the graph.
 */
import type { EntityRef, IngestPlan, SpeakerRef } from '../ingest';
import type { IngestOutcome } from '../mutations';

const MAX_CELL = 70;

const clip = (text: string, max = MAX_CELL): string => {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** An aligned text table with a title line; an empty table prints "(none)". */
export function table(
  title: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
): string {
  if (rows.length === 0) return `${title}: (none)`;
  const cells = rows.map((r) => r.map((c) => clip(c)));
  const widths = columns.map((c, i) =>
    Math.max(c.length, ...cells.map((r) => (r[i] ?? '').length)),
  );
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd();
  return [
    `${title} (${rows.length})`,
    line(columns),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.map(line),
  ].join('\n');
}

const refText = (plan: IngestPlan, ref: EntityRef | null): string => {
  if (ref === null) return '-';
  if (ref.kind === 'EXISTING') return ref.id;
  const proposal = plan.proposedEntities.find((p) => p.proposedId === ref.proposedId);
  return `${proposal?.name ?? ref.proposedId} (new)`;
};

const speakerText = (plan: IngestPlan, s: SpeakerRef): string =>
  s.kind === 'ENTITY'
    ? refText(plan, s.entity)
    : `${s.description} (unnamed${s.entity ? `: ${refText(plan, s.entity)}` : ''})`;

/** The plan as readable tables: statements, mentions, proposed entities, figures and warnings. */
export function planTables(plan: IngestPlan): string {
  const statements = table(
    'Statements',
    ['id', 'kind', 'speaker', 'text', 'sentence'],
    plan.statements.map((s) => [
      s.id,
      s.kind,
      s.origin === 'REPORT'
        ? '(the report)'
        : s.speakers.map((sp) => speakerText(plan, sp)).join(', ') || '-',
      s.hedge ? `[${s.hedge}] ${s.text}` : s.text,
      String(s.evidence.sentenceIndex + 1),
    ]),
  );
  const mentions = table(
    'Mentions',
    ['match', 'text', 'entity', 'confidence', 'rule'],
    plan.entities.map((m) => [
      m.matchId,
      m.text,
      m.resolution.kind === 'EXISTING'
        ? m.resolution.id
        : `${m.resolution.proposedId} (new ${m.resolution.label})`,
      m.confidence.toFixed(2),
      m.rule,
    ]),
  );
  const proposed = table(
    'Proposed entities',
    ['id', 'label', 'name', 'reason'],
    plan.proposedEntities.map((p) => [p.proposedId, p.label, p.name, p.reason]),
  );
  const figures = table(
    'Figures',
    ['id', 'figure', 'scope', 'subject', 'given by'],
    plan.figures.map((f) => [
      f.id,
      f.text,
      f.scope ?? '-',
      refText(plan, f.subject),
      f.attributedTo.kind === 'REPORT' ? '(the report)' : f.attributedTo.statementId,
    ]),
  );
  const warnings = table(
    'Warnings',
    ['code', 'message'],
    plan.warnings.map((w) => [w.code, w.message]),
  );
  return [statements, mentions, proposed, figures, warnings].join('\n\n');
}

/** One line saying what happened to a report. */
export function outcomeLine(label: string, outcome: IngestOutcome): string {
  switch (outcome.status) {
    case 'DRY_RUN':
      return `${label}: dry run, nothing written${outcome.sourceId ? ` (already ingested as ${outcome.sourceId})` : ''}.`;
    case 'UNCHANGED':
      return `${label}: unchanged, already ingested as ${outcome.sourceId}.`;
    case 'COMMITTED': {
      const c = outcome.counts;
      return c
        ? `${label}: committed as ${outcome.sourceId}: ${c.statements} statements, ${c.estimates} figures, ` +
            `${c.entitiesCreated} new entities, ${c.entitiesMatched} matched, ${c.relationships} relationships.`
        : `${label}: committed as ${outcome.sourceId}.`;
    }
  }
}

/** `[#######.............]  35/100 files, 1 failed`: the bar for a folder. */
export function progressBar(done: number, total: number, failed: number, width = 30): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(done).padStart(String(total).length)}/${total} files, ${failed} failed`;
}
