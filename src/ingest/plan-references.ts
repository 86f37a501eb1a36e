/**
 * The entity references a plan holds, in one place: corrections use them to
 * drop proposals nothing refers to any more, and the commit to name existing
 * entities and to create only the proposals still referred to.
 */
import type { EntityRef, IngestPlan } from './plan';

/** Mentions, speakers, addressees and figure subjects (not role claims). */
export function referencesOf(plan: IngestPlan): (EntityRef | null)[] {
  return [
    ...plan.entities.map((m) => m.resolution),
    ...plan.statements.flatMap((s) => [
      ...s.mentions,
      ...s.addressedTo,
      ...s.speakers.map((sp) => sp.entity),
    ]),
    ...plan.figures.map((f) => f.subject),
  ];
}

/** The ids of the proposals something in the plan refers to, role claims included. */
export function referencedProposalIds(plan: IngestPlan): Set<string> {
  const refs = [...referencesOf(plan), ...plan.roles.flatMap((r) => [r.person, r.of])];
  return new Set(refs.flatMap((r) => (r?.kind === 'PROPOSED' ? [r.proposedId] : [])));
}
