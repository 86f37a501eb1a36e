/**
 * Matching a plan's statements against the statements the graph already
 * holds, so that a claim repeated by a second report becomes one statement
 * reported in two sources (docs/sources.md). Pure: the caller reads the
 * existing statements of the plan's speakers and passes them in.
 *
 * Two confidences, two outcomes:
 * - SAME_WORDS: the same speaker and the same words once punctuation,
 *   quotation marks, whitespace and case are set aside. The commit links the
 *   existing statement to the new source instead of creating a duplicate.
 * - SIMILAR: the same speaker and most of the content words in common (a
 *   paraphrase of a quote, say). Only proposed, as a warning naming the
 *   candidate; the commit still creates a statement of its own.
 */
import type { PlanStatement, PlanWarning, StatementMatch } from './plan';

/** A statement the graph holds, made by `speakerId`. */
export interface ExistingStatement {
  readonly speakerId: string;
  readonly id: string;
  readonly kind: string;
  readonly text: string;
}

/**
 * Share of the shorter statement's content words that the other must have
 * for a SIMILAR proposal (overlap coefficient, after a crude stemming).
 */
export const SIMILAR_THRESHOLD = 0.5;

/**
 * The words of a statement with punctuation, quotation marks, dashes,
 * whitespace and case set aside: two renderings of one quote normalise alike.
 *
 * @example
 *   normaliseWords('If they enter the fight -- they become "targets"!') // 'if they enter the fight they become targets'
 */
export function normaliseWords(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/'/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const STOP_WORDS = new Set(
  'a an the and or but if of to in on at by for with from as is are was were be been being it its this that these those they them their he she his her we our you your i would will shall should could can may might do does did have has had not no so then than there here'.split(
    ' ',
  ),
);

/** Content words, crudely stemmed ("fighting" and "fight" agree). */
function contentWords(text: string): Set<string> {
  const stem = (w: string) => w.replace(/(ing|ed|es|s)$/, '');
  return new Set(
    normaliseWords(text)
      .split(' ')
      .filter((w) => w.length > 1 && !STOP_WORDS.has(w))
      .map(stem),
  );
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  return shared / Math.min(a.size, b.size);
}

/** The existing speaker ids of a planned statement. */
export function speakerIdsOf(statement: PlanStatement): string[] {
  return statement.speakers.flatMap((sp) => (sp.entity?.kind === 'EXISTING' ? [sp.entity.id] : []));
}

/**
 * The best match of each planned statement among `existing`, by plan id. A
 * statement without an existing speaker, or of the report's own voice,
 * matches nothing. SAME_WORDS wins over SIMILAR; ties go to the lowest id.
 */
export function matchStatements(
  statements: readonly PlanStatement[],
  existing: readonly ExistingStatement[],
): Map<string, StatementMatch> {
  const matches = new Map<string, StatementMatch>();
  for (const statement of statements) {
    const speakers = new Set(speakerIdsOf(statement));
    if (statement.origin !== 'SPEAKER' || speakers.size === 0) continue;
    const words = normaliseWords(statement.text);
    const content = contentWords(statement.text);
    let best: StatementMatch | null = null;
    for (const candidate of existing) {
      if (!speakers.has(candidate.speakerId) || candidate.kind === 'REPORTED') continue;
      if (normaliseWords(candidate.text) === words && words.length > 0) {
        if (best?.how !== 'SAME_WORDS' || candidate.id < best.statementId)
          best = { statementId: candidate.id, how: 'SAME_WORDS', confidence: 1 };
        continue;
      }
      if (best?.how === 'SAME_WORDS') continue;
      const score = overlap(content, contentWords(candidate.text));
      if (score < SIMILAR_THRESHOLD) continue;
      const confidence = Math.round(score * 100) / 100;
      if (!best || confidence > best.confidence)
        best = { statementId: candidate.id, how: 'SIMILAR', confidence };
    }
    if (best) matches.set(statement.id, best);
  }
  return matches;
}

/** The warning that proposes a SIMILAR match for review. */
export function similarStatementWarning(
  statement: PlanStatement,
  match: StatementMatch,
): PlanWarning {
  return {
    code: 'SIMILAR_STATEMENT',
    message: `Statement "${statement.id}" resembles existing statement "${match.statementId}" by the same speaker (${Math.round(match.confidence * 100)}% of its content words); it is kept apart. If it is the same claim, drop it with corrections.drop.`,
    evidence: statement.evidence,
  };
}
