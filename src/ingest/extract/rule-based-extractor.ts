/**
 * The rule-based extractor: deterministic, offline, no model. It runs the
 * rules of this folder in order over one report and assembles the plan.
 */
import { createHash } from 'crypto';

import type {
  EntityMatch,
  Extractor,
  IngestPlan,
  KnownEntities,
  PlanFigure,
  PlanStatement,
  ReportInput,
  RoleClaim,
  PlanWarning,
} from '../plan';
import { best } from './attribution';
import { findFigures } from './figures';
import {
  confidenceOf,
  guessLabel,
  MentionIndex,
  UNCUED_GUESS,
  type FoundMention,
} from './mentions';
import { findQuotes, insideQuote } from './quotes';
import { splitSentences } from './sentences';
import { statementsOf, type DiscourseState } from './statements';
import { countWords, slugify } from './text';
import { findTimes } from './time';
import { findTurns, turnStatement } from './transcript';

export const RULE_BASED_EXTRACTOR_NAME = 'rule-based';
export const RULE_BASED_EXTRACTOR_VERSION = '1.0.0';

/** Extracts a plan from a report. Pure: the same input gives the same plan. */
export function extractReport(report: ReportInput, known: KnownEntities): IngestPlan {
  const text = report.text;
  const sentences = splitSentences(text);
  const quotes = findQuotes(text, sentences);
  const times = findTimes(text, sentences, report.publishedAt);
  const index = new MentionIndex(known);
  const warnings: PlanWarning[] = [];

  // People the report names in full anywhere ("Secretary of State Antony Blinken", "Lloyd Austin")
  // are proposed first, so a surname used before or after the full name ("Blinken indicated")
  // resolves to them without the graph knowing either.
  for (const s of sentences) {
    if (s.heading) continue;
    for (const u of index.unknownNames(text, s, index.find(text, s)))
      if (isNamedPerson(u.name, u.title)) index.propose(u.name, u.title, u.nextWord);
  }

  // Mentions, sentence by sentence: known names first, then proposals for the capitalised names left over.
  const mentionsBySentence = new Map<number, FoundMention[]>();
  for (const s of sentences) {
    if (s.heading) continue;
    let found = index.find(text, s);
    // Inside a quote, capitals alone are not a name: speakers capitalise for emphasis
    // ("they become Legitimate Targets").
    const unknown = index
      .unknownNames(text, s, found)
      .filter(
        (u) =>
          !insideQuote(quotes, u.span.start) ||
          guessLabel(u.name, u.title, u.nextWord).reason !== UNCUED_GUESS,
      );
    for (const u of unknown) index.propose(u.name, u.title, u.nextWord);
    if (index.describe(text, s, found) || unknown.length > 0) found = index.find(text, s);
    mentionsBySentence.set(s.index, found);
  }

  const state: DiscourseState = {
    lastPerson: null,
    lastGroup: null,
    lastQuote: null,
    consumed: new Set(),
  };
  const ids = new Set<string>();
  const statements: PlanStatement[] = [];
  const roles: RoleClaim[] = [];
  const turns = findTurns(sentences);
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    if (s.heading) continue;
    const turn = turns.find((t) => t.paragraph === s.paragraph);
    if (turn) {
      // A transcript turn is one quote; its sentences are not read again as narration.
      if (s.start <= turn.labelStart) {
        const paragraphMentions = sentences
          .filter((o) => o.paragraph === s.paragraph)
          .flatMap((o) => mentionsBySentence.get(o.index) ?? []);
        statements.push(turnStatement(text, turn, s, paragraphMentions, index, ids));
      }
      continue;
    }
    const next = sentences.slice(i + 1).find((n) => !n.heading);
    const result = statementsOf(
      text,
      s,
      next,
      quotes,
      mentionsBySentence,
      times,
      index,
      state,
      ids,
    );
    statements.push(...result.statements);
    roles.push(...result.roles);
    warnings.push(...result.warnings);
  }

  const entities: EntityMatch[] = [];
  const matchIdOf = new Map<string, string>();
  for (const [sentenceIndex, found] of mentionsBySentence) {
    for (const m of found) {
      const c = m.candidates[0];
      const matchId = `m${entities.length}`;
      matchIdOf.set(`${m.start}:${m.end}`, matchId);
      const proposal =
        c.entity.kind === 'PROPOSED' ? index.proposedEntity(c.entity.proposedId) : undefined;
      entities.push({
        matchId,
        text: m.text,
        start: m.start,
        end: m.end,
        sentenceIndex,
        resolution:
          c.entity.kind === 'EXISTING'
            ? { kind: 'EXISTING', id: c.entity.id, label: c.entity.label }
            : {
                kind: 'PROPOSED',
                proposedId: c.entity.proposedId,
                label: c.entity.label,
                reason: proposal?.reason ?? '',
              },
        confidence:
          confidenceOf(c.rule) - (m.nested ? 0.1 : 0) - (m.candidates.length > 1 ? 0.1 : 0),
        rule: m.nested ? `${c.rule}-inside-longer-name` : c.rule,
      });
    }
  }
  const withMatchIds = statements.map((s) => ({
    ...s,
    mentionMatchIds: s.mentionMatchIds.map((k) => matchIdOf.get(k)).filter((k): k is string => !!k),
  }));

  // Figures belong to the statement whose words contain them, else to the report.
  const figures: PlanFigure[] = [];
  const figureIds = new Set<string>();
  for (const s of sentences) {
    if (s.heading) continue;
    for (const f of findFigures(text, s, times)) {
      const owner = withMatchIds.find(
        (st) =>
          st.evidence.sentenceIndex === s.index &&
          f.start >= st.evidence.start - 30 &&
          f.start < st.evidence.end,
      );
      const subject = (mentionsBySentence.get(s.index) ?? []).find(
        (m) => !m.nested && m.start < f.unitSpan.end + 2 && m.end > f.unitSpan.start,
      );
      let id = `estimate-${slugify(`${f.value} ${f.unit} ${f.scope ?? ''}`, 60)}`;
      for (let n = 2; figureIds.has(id); n++)
        id = `estimate-${slugify(`${f.value} ${f.unit}`)}-${n}`;
      figureIds.add(id);
      figures.push({
        id,
        text: f.text,
        value: f.value,
        unit: f.unit,
        qualifier: f.qualifier,
        scope: f.scope,
        subject: subject ? best(subject) : null,
        attributedTo: owner ? { kind: 'STATEMENT', statementId: owner.id } : { kind: 'REPORT' },
        evidence: { sentenceIndex: s.index, start: f.start, end: f.end, sentence: s.text },
        rule: f.qualifier === 'record' ? 'record-figure' : 'number-with-unit',
        confidence: 0.85,
      });
    }
  }

  return {
    extractor: { name: RULE_BASED_EXTRACTOR_NAME, version: RULE_BASED_EXTRACTOR_VERSION },
    report: {
      title: report.title ?? null,
      publisher: report.publisher ?? null,
      url: report.url ?? null,
      publishedAt: report.publishedAt ?? null,
      contentHash: createHash('sha256').update(text, 'utf8').digest('hex'),
      characterCount: text.length,
      wordCount: countWords(text),
    },
    sentences,
    statements: withMatchIds,
    entities,
    proposedEntities: index.proposed(),
    roles,
    figures,
    times,
    warnings,
  };
}

/** A full personal name: after a title, or two or more words of which compromise knows one as a name. */
function isNamedPerson(name: string, title: string | null): boolean {
  const guess = guessLabel(name, title);
  if (guess.label !== 'Person') return false;
  return (
    guess.rule === 'proposed-title' ||
    (name.split(/\s+/).length >= 2 && guess.reason.includes('as a name'))
  );
}

/** The rule-based extractor behind the `Extractor` interface. */
export const ruleBasedExtractor: Extractor = {
  name: RULE_BASED_EXTRACTOR_NAME,
  version: RULE_BASED_EXTRACTOR_VERSION,
  extract: extractReport,
};
