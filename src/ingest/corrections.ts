/**
 * A reviewer's corrections to a plan, applied before it is committed: map a
 * mention to another existing entity, drop an item, rename a proposed id.
 * Every correction is validated against the plan and the graph first; one bad
 * correction refuses the whole set, naming the item, so nothing half-corrected
 * is ever written.
 */
import {
  ACTOR_LABELS,
  ENTITY_LABELS,
  ID_MAX_LENGTH,
  ID_PATTERN,
  type EntityLabel,
  type NodeLabel,
  isEntityLabel,
} from '../model/graph-model';
import type {
  EntityMatch,
  EntityRef,
  EntityResolution,
  IngestPlan,
  PlanStatement,
  PlanWarning,
} from './plan';
import { referencedProposalIds } from './plan-references';
import { IngestInputError } from './report-input';

/** What a reviewer may change in a plan. */
export interface PlanCorrections {
  /** Map one mention (by its `matchId`) to an entity the graph already holds. */
  readonly remap?: ReadonlyArray<{ readonly matchId: string; readonly toId: string }> | null;
  /** Items to leave out, by id: a statement id, a figure id, a mention's match id or a proposed entity id. */
  readonly drop?: readonly string[] | null;
  /** Give a proposed entity another id before it is created. */
  readonly rename?: ReadonlyArray<{ readonly proposedId: string; readonly newId: string }> | null;
}

/** The ids corrections name in the graph, which the caller looks up before applying them. */
export function graphIdsNamedBy(corrections: PlanCorrections | null | undefined): string[] {
  if (!corrections) return [];
  return [
    ...(corrections.remap ?? []).map((r) => r.toId),
    ...(corrections.rename ?? []).map((r) => r.newId),
  ];
}

type Ref = EntityRef | EntityResolution;
type ExistingRef = Extract<EntityRef, { kind: 'EXISTING' }>;

/** One string per entity a reference points at, whichever form the reference takes. */
export const refKey = (ref: Ref): string =>
  ref.kind === 'EXISTING' ? `existing:${ref.id}` : `proposed:${ref.proposedId}`;

const LABEL_LIST = ENTITY_LABELS.join(', ');

/**
 * Applies corrections to `plan`. `graphLabels` holds the label of every id in
 * `graphIdsNamedBy(corrections)` that exists in the graph. Throws
 * `IngestInputError` naming the first bad correction; returns a new plan.
 */
export function applyCorrections(
  plan: IngestPlan,
  corrections: PlanCorrections | null | undefined,
  graphLabels: ReadonlyMap<string, NodeLabel>,
): IngestPlan {
  if (!corrections) return plan;
  const checked = checkCorrections(plan, corrections, graphLabels);
  let next = plan;
  for (const { from, to } of checked.renames) next = renameProposal(next, from, to);
  for (const { match, to } of checked.remaps) next = remapMatch(next, match, to);
  for (const id of checked.drops) next = dropItem(next, id);
  return withoutOrphanProposals(next);
}

/** The plan without proposals that nothing refers to any more (every mention of them was remapped or dropped). */
function withoutOrphanProposals(plan: IngestPlan): IngestPlan {
  const used = referencedProposalIds(plan);
  return { ...plan, proposedEntities: plan.proposedEntities.filter((p) => used.has(p.proposedId)) };
}

interface CheckedCorrections {
  readonly renames: Array<{ from: string; to: string }>;
  readonly remaps: Array<{ match: EntityMatch; to: ExistingRef }>;
  readonly drops: string[];
}

/**
 * True when a speaker is named by this mention: its words contain the mention
 * ("Envoy Mara Voss" holds "Mara Voss") and it points at the same entity.
 * Remapping such a mention changes who speaks.
 */
function namedBy(speaker: PlanStatement['speakers'][number], match: EntityMatch): boolean {
  return (
    speaker.start <= match.start &&
    speaker.end >= match.end &&
    speaker.entity !== null &&
    refKey(speaker.entity) === refKey(match.resolution)
  );
}

function speaksAt(plan: IngestPlan, match: EntityMatch): PlanStatement | undefined {
  return plan.statements.find((s) => s.speakers.some((sp) => namedBy(sp, match)));
}

function checkCorrections(
  plan: IngestPlan,
  corrections: PlanCorrections,
  graphLabels: ReadonlyMap<string, NodeLabel>,
): CheckedCorrections {
  const matches = new Map(plan.entities.map((m) => [m.matchId, m]));
  const proposals = new Set(plan.proposedEntities.map((p) => p.proposedId));
  const itemIds = new Set([
    ...plan.statements.map((s) => s.id),
    ...plan.figures.map((f) => f.id),
    ...matches.keys(),
    ...proposals,
  ]);

  const renames = (corrections.rename ?? []).map((r, i) => {
    const field = `corrections.rename[${i}]`;
    if (!proposals.has(r.proposedId)) {
      throw new IngestInputError(
        `${field}.proposedId`,
        `the plan proposes no entity with the id "${r.proposedId}".`,
      );
    }
    if (r.newId.length > ID_MAX_LENGTH || !ID_PATTERN.test(r.newId)) {
      throw new IngestInputError(
        `${field}.newId`,
        `"${r.newId.slice(0, 100)}" is not a valid id; ids are lower-case slugs of letters, digits and single dashes, at most ${ID_MAX_LENGTH} characters.`,
      );
    }
    const holder = graphLabels.get(r.newId);
    if (holder) {
      throw new IngestInputError(
        `${field}.newId`,
        `"${r.newId}" already belongs to a ${holder}; to use that entity, remap the mentions to it instead.`,
      );
    }
    if (itemIds.has(r.newId) && r.newId !== r.proposedId) {
      throw new IngestInputError(
        `${field}.newId`,
        `"${r.newId}" is already used by another item of the plan.`,
      );
    }
    return { from: r.proposedId, to: r.newId };
  });

  const remaps = (corrections.remap ?? []).map((r, i) => {
    const field = `corrections.remap[${i}]`;
    const match = matches.get(r.matchId);
    if (!match)
      throw new IngestInputError(
        `${field}.matchId`,
        `the plan has no mention with the match id "${r.matchId}".`,
      );
    const label = graphLabels.get(r.toId);
    if (!label) throw new IngestInputError(`${field}.toId`, `no entity has the id "${r.toId}".`);
    if (!isEntityLabel(label)) {
      throw new IngestInputError(
        `${field}.toId`,
        `"${r.toId}" is a ${label}; a mention can only map to an entity (${LABEL_LIST}).`,
      );
    }
    const speaking = speaksAt(plan, match);
    if (speaking && !(ACTOR_LABELS as readonly string[]).includes(label)) {
      throw new IngestInputError(
        `${field}.toId`,
        `"${r.toId}" is a ${label}, but mention "${match.text}" speaks statement "${speaking.id}"; a speaker must be a person, organization or state.`,
      );
    }
    const to: ExistingRef = { kind: 'EXISTING', id: r.toId, label: label as EntityLabel };
    return { match, to };
  });

  const drops = (corrections.drop ?? []).map((id, i) => {
    if (!itemIds.has(id)) {
      throw new IngestInputError(
        `corrections.drop[${i}]`,
        `no statement, figure, mention or proposed entity of the plan has the id "${id}".`,
      );
    }
    return id;
  });
  return { renames, remaps, drops };
}

/** Rewrites every reference to proposal `from` so that it points at `to`. */
function renameProposal(plan: IngestPlan, from: string, to: string): IngestPlan {
  const swap = <R extends Ref | null>(ref: R): R =>
    (ref && ref.kind === 'PROPOSED' && ref.proposedId === from
      ? { ...ref, proposedId: to }
      : ref) as R;
  return {
    ...plan,
    proposedEntities: plan.proposedEntities.map((p) =>
      p.proposedId === from ? { ...p, proposedId: to } : p,
    ),
    entities: plan.entities.map((m) => ({ ...m, resolution: swap(m.resolution) })),
    statements: plan.statements.map((s) => ({
      ...s,
      mentions: s.mentions.map(swap),
      addressedTo: s.addressedTo.map(swap),
      speakers: s.speakers.map((sp) => ({ ...sp, entity: swap(sp.entity) }) as typeof sp),
    })),
    figures: plan.figures.map((f) => ({ ...f, subject: swap(f.subject) })),
    roles: plan.roles.map((r) => ({ ...r, person: swap(r.person), of: swap(r.of) })),
  };
}

/**
 * The mentions of a statement once its match ids changed: a reference stays
 * only while some remaining match of the statement points at it (or it never
 * came from a match), and `added` joins at the end.
 */
function mentionsAfter(
  plan: IngestPlan,
  statement: PlanStatement,
  matchIds: readonly string[],
  removed: Ref,
  added: EntityRef | null,
): EntityRef[] {
  const byId = new Map(plan.entities.map((m) => [m.matchId, m]));
  const stillMatched = matchIds.some((id) => {
    const m = byId.get(id);
    return m !== undefined && refKey(m.resolution) === refKey(removed);
  });
  const kept = stillMatched
    ? [...statement.mentions]
    : statement.mentions.filter((r) => refKey(r) !== refKey(removed));
  if (added && !kept.some((r) => refKey(r) === refKey(added))) kept.push(added);
  return kept;
}

/** Points one mention, and the speaker or role it names, at an existing entity. */
function remapMatch(plan: IngestPlan, match: EntityMatch, to: ExistingRef): IngestPlan {
  const old = match.resolution;
  const entities = plan.entities.map((m) =>
    m.matchId === match.matchId ? { ...m, resolution: to, confidence: 1, rule: 'corrected' } : m,
  );
  const planAfter = { ...plan, entities };
  return {
    ...planAfter,
    statements: plan.statements.map((s) => {
      const inStatement = s.mentionMatchIds.includes(match.matchId);
      const rest = s.mentionMatchIds.filter((id) => id !== match.matchId);
      return {
        ...s,
        mentions: inStatement ? mentionsAfter(planAfter, s, rest, old, to) : s.mentions,
        speakers: s.speakers.map((sp) =>
          namedBy(sp, match) ? { ...sp, entity: to, rule: 'corrected', confidence: 1 } : sp,
        ),
      };
    }),
    figures: plan.figures.map((f) =>
      f.subject &&
      refKey(f.subject) === refKey(old) &&
      f.evidence.sentenceIndex === match.sentenceIndex
        ? { ...f, subject: to }
        : f,
    ),
    roles: plan.roles.map((r) =>
      refKey(r.person) === refKey(old) && r.evidence.sentenceIndex === match.sentenceIndex
        ? { ...r, person: to }
        : r,
    ),
  };
}

function warning(code: string, message: string): PlanWarning {
  return { code, message, evidence: null };
}

/** Leaves one item out, and whatever depends on it alone. */
function dropItem(plan: IngestPlan, id: string): IngestPlan {
  const statement = plan.statements.find((s) => s.id === id);
  if (statement) {
    const figures = plan.figures.filter(
      (f) => f.attributedTo.kind === 'STATEMENT' && f.attributedTo.statementId === id,
    );
    return {
      ...plan,
      statements: plan.statements.filter((s) => s.id !== id),
      figures: plan.figures.filter((f) => !figures.includes(f)),
      warnings: figures.length
        ? [
            ...plan.warnings,
            warning(
              'DROPPED_WITH_STATEMENT',
              `Dropping statement "${id}" also drops the figures it gives: ${figures.map((f) => f.id).join(', ')}.`,
            ),
          ]
        : plan.warnings,
    };
  }
  if (plan.figures.some((f) => f.id === id))
    return { ...plan, figures: plan.figures.filter((f) => f.id !== id) };
  const match = plan.entities.find((m) => m.matchId === id);
  if (match) {
    const entities = plan.entities.filter((m) => m.matchId !== id);
    const after = { ...plan, entities };
    return {
      ...after,
      statements: plan.statements.map((s) => {
        if (!s.mentionMatchIds.includes(id)) return s;
        const rest = s.mentionMatchIds.filter((m) => m !== id);
        return {
          ...s,
          mentionMatchIds: rest,
          mentions: mentionsAfter(after, s, rest, match.resolution, null),
        };
      }),
    };
  }
  return dropProposal(plan, id);
}

/** Drops a proposed entity, every mention of it, and statements left with no speaker because of it. */
function dropProposal(plan: IngestPlan, proposedId: string): IngestPlan {
  const key = `proposed:${proposedId}`;
  const isIt = (ref: Ref | null) => ref !== null && refKey(ref) === key;
  const droppedMatches = new Set(
    plan.entities.filter((m) => isIt(m.resolution)).map((m) => m.matchId),
  );
  const silenced: string[] = [];
  const statements = plan.statements.flatMap((s) => {
    const speakers = s.speakers.filter((sp) => !isIt(sp.entity));
    if (s.origin === 'SPEAKER' && s.speakers.length > 0 && speakers.length === 0) {
      silenced.push(s.id);
      return [];
    }
    return [
      {
        ...s,
        speakers,
        mentions: s.mentions.filter((r) => !isIt(r)),
        mentionMatchIds: s.mentionMatchIds.filter((m) => !droppedMatches.has(m)),
        addressedTo: s.addressedTo.filter((r) => !isIt(r)),
      },
    ];
  });
  const figures = plan.figures
    .filter(
      (f) =>
        !(f.attributedTo.kind === 'STATEMENT' && silenced.includes(f.attributedTo.statementId)),
    )
    .map((f) => (isIt(f.subject) ? { ...f, subject: null } : f));
  return {
    ...plan,
    proposedEntities: plan.proposedEntities.filter((p) => p.proposedId !== proposedId),
    entities: plan.entities.filter((m) => !droppedMatches.has(m.matchId)),
    statements,
    figures,
    roles: plan.roles.filter((r) => !isIt(r.person) && !isIt(r.of)),
    warnings: silenced.length
      ? [
          ...plan.warnings,
          warning(
            'DROPPED_WITH_SPEAKER',
            `Dropping "${proposedId}" also drops the statements only it made: ${silenced.join(', ')}.`,
          ),
        ]
      : plan.warnings,
  };
}
