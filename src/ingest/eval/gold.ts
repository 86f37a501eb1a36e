/**
 * Gold annotations for the ingest eval: what a careful reader files from a
 * report. Speakers and mentions are keys: an existing entity id, "new:<name>"
 * for an entity the graph does not hold yet, or "unnamed:<description>".
 */
import { fold, foldDescription } from '../extract/text';
import type { EntityRef, IngestPlan, KnownEntity, PlanStatementKind, SpeakerRef } from '../plan';

export interface GoldStatement {
  readonly id: string;
  readonly kind: PlanStatementKind;
  /** Speaker keys; empty for the report's own voice. */
  readonly speakers: readonly string[];
  /** Where the statement is, as offsets into the report. */
  readonly start: number;
  readonly end: number;
  /** Exact words, for quotes. */
  readonly text: string | null;
  readonly hedge: string | null;
  readonly mentions: readonly string[];
}

export interface GoldFigure {
  readonly value: number;
  readonly unit: string;
  readonly qualifier: string | null;
  readonly scope: string | null;
}

export interface GoldReport {
  readonly name: string;
  readonly text: string;
  readonly publishedAt: string | null;
  readonly statements: readonly GoldStatement[];
  readonly figures: readonly GoldFigure[];
}

/** A gold file written by hand: statements located by an anchor phrase of the fixture's own text. */
export interface GoldFile {
  readonly publishedAt?: string | null;
  readonly statements: ReadonlyArray<{
    readonly kind: PlanStatementKind;
    readonly speakers: readonly string[];
    readonly anchor: string;
    readonly text?: string | null;
    readonly hedge?: string | null;
    readonly mentions?: readonly string[];
  }>;
  readonly figures?: readonly GoldFigure[];
}

/** Resolves a hand-written gold file against its report text; an anchor that is missing or ambiguous is an error. */
export function goldFromFile(name: string, text: string, file: GoldFile): GoldReport {
  return {
    name,
    text,
    publishedAt: file.publishedAt ?? null,
    statements: file.statements.map((s, i) => {
      const at = text.indexOf(s.anchor);
      if (at < 0)
        throw new Error(`${name}: statement ${i} anchor "${s.anchor}" is not in the report.`);
      if (text.indexOf(s.anchor, at + 1) >= 0)
        throw new Error(
          `${name}: statement ${i} anchor "${s.anchor}" occurs more than once; make it longer.`,
        );
      return {
        id: `${name}-${i}`,
        kind: s.kind,
        speakers: s.speakers,
        start: at,
        end: at + s.anchor.length,
        text: s.text ?? null,
        hedge: s.hedge ?? null,
        mentions: s.mentions ?? [],
      };
    }),
    figures: file.figures ?? [],
  };
}

interface SeedShape {
  nodes: Array<Record<string, unknown> & { label: string; id: string }>;
  relationships: Array<{ type: string; from: string; to: string }>;
}

/** The corrected seed as gold for the article: speakers from MADE, mentions from MENTIONS, figures from Estimates. */
export function goldFromSeed(
  text: string,
  seed: SeedShape,
  evidence: Record<string, readonly [number, number]>,
): GoldReport {
  const rels = (type: string) => seed.relationships.filter((r) => r.type === type);
  const statements = seed.nodes
    .filter((n) => n.label === 'Statement')
    .sort((a, b) => Number(a.ordinal) - Number(b.ordinal))
    .map((n) => {
      const span = evidence[n.id];
      if (!span)
        throw new Error(
          `No evidence span for seed statement ${n.id}; add it to test/fixtures/seed-article-evidence.json.`,
        );
      return {
        id: n.id,
        kind: n.kind as PlanStatementKind,
        speakers: rels('MADE')
          .filter((r) => r.to === n.id)
          .map((r) => r.from),
        start: span[0],
        end: span[1],
        text: n.kind === 'QUOTE' ? (n.text as string) : null,
        hedge: (n.hedge as string | null | undefined) ?? null,
        mentions: rels('MENTIONS')
          .filter((r) => r.from === n.id)
          .map((r) => r.to),
      };
    });
  const figures = seed.nodes
    .filter((n) => n.label === 'Estimate')
    .map((n) => ({
      value: n.value as number,
      unit: n.unit as string,
      qualifier: (n.qualifier as string) ?? null,
      scope: (n.scope as string) ?? null,
    }));
  return { name: 'seed article', text, publishedAt: null, statements, figures };
}

/** The graph's entities from a seed, as the caller of the extractor supplies them. */
export function knownFromSeed(seed: SeedShape): KnownEntity[] {
  return seed.nodes
    .filter((n) => !['Statement', 'Source', 'Estimate'].includes(n.label))
    .map((n) => ({
      id: n.id,
      label: n.label as KnownEntity['label'],
      name: n.name as string,
      aliases: (n.aliases as string[] | undefined) ?? [],
    }));
}

/** The key of an entity reference, comparable with gold keys. */
export function entityKey(plan: IngestPlan, ref: EntityRef): string {
  if (ref.kind === 'EXISTING') return ref.id;
  const p = plan.proposedEntities.find((e) => e.proposedId === ref.proposedId);
  return `new:${fold(p?.name ?? ref.proposedId)}`;
}

export function speakerKey(plan: IngestPlan, s: SpeakerRef): string {
  if (s.entity) return entityKey(plan, s.entity);
  return s.kind === 'UNNAMED' ? `unnamed:${foldDescription(s.description)}` : '';
}

/** Gold keys are written loosely ("new:Maria Santos"); fold them the same way. */
export function normaliseKey(key: string): string {
  if (key.startsWith('new:')) return `new:${fold(key.slice(4))}`;
  if (key.startsWith('unnamed:')) return `unnamed:${foldDescription(key.slice(8))}`;
  return key;
}
