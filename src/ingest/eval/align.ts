/**
 * For the eval of a report extracted into an empty graph: every proposed
 * entity whose name or alias is the name or an alias of a gold entity (case,
 * punctuation and a leading article folded) stands for that entity, and so
 * does an unnamed speaker whose description is one. Nothing else changes, so
 * the scores measure speakers, statements and mentions found without the
 * graph's help, judged against the same gold as the seeded run.
 */
import type { EntityRef, IngestPlan, KnownEntities, SpeakerRef } from '../plan';
import { foldDescription } from '../extract/text';

const key = (name: string) => foldDescription(name);

/** `plan` with proposals renamed to the gold entity they name, where one does. */
export function alignToKnown(plan: IngestPlan, known: KnownEntities): IngestPlan {
  const byName = new Map<string, EntityRef>();
  for (const k of known)
    for (const name of [k.name, ...k.aliases])
      if (!byName.has(key(name)))
        byName.set(key(name), { kind: 'EXISTING', id: k.id, label: k.label });
  const proposals = new Map<string, EntityRef>();
  for (const p of plan.proposedEntities) {
    const hit = [p.name, ...p.aliases].map((n) => byName.get(key(n))).find(Boolean);
    if (hit) proposals.set(p.proposedId, hit);
  }
  const ref = (r: EntityRef): EntityRef =>
    r.kind === 'PROPOSED' ? (proposals.get(r.proposedId) ?? r) : r;
  const speaker = (s: SpeakerRef): SpeakerRef => {
    if (s.entity) return { ...s, entity: ref(s.entity) };
    const hit = s.kind === 'UNNAMED' ? byName.get(key(s.description)) : undefined;
    return hit ? { ...s, entity: hit } : s;
  };
  return {
    ...plan,
    statements: plan.statements.map((s) => ({
      ...s,
      speakers: s.speakers.map(speaker),
      mentions: s.mentions.map(ref),
      addressedTo: s.addressedTo.map(ref),
    })),
    figures: plan.figures.map((f) => ({ ...f, subject: f.subject ? ref(f.subject) : null })),
  };
}
