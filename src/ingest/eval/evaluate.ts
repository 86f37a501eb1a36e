/**
 * The ingest eval: compares a plan with gold annotations and reports
 * precision, recall and F1 per aspect. It measures; it never adjusts.
 */
import { fold } from '../extract/text';
import type { IngestPlan, PlanStatement } from '../plan';
import { entityKey, normaliseKey, speakerKey, type GoldReport, type GoldStatement } from './gold';

export interface Score {
  readonly tp: number;
  /** Predicted items considered. */
  readonly predicted: number;
  /** Gold items considered. */
  readonly gold: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface EvalResult {
  readonly name: string;
  readonly statements: Score;
  readonly quoteText: Score;
  readonly quoteSpeaker: Score;
  readonly paraphraseSpeaker: Score;
  readonly hedges: Score;
  readonly mentions: Score;
  readonly figures: Score;
  /** Dates in the plan that neither the text gives nor publishedAt derives. */
  readonly inventedDates: number;
  /** Gold statements not found, and predicted ones with no gold match, for reading. */
  readonly missed: string[];
  readonly spurious: string[];
}

export function score(tp: number, predicted: number, gold: number): Score {
  const precision = predicted === 0 ? (gold === 0 ? 1 : 0) : tp / predicted;
  const recall = gold === 0 ? 1 : tp / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, predicted, gold, precision, recall, f1 };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/** Content words of a scope, for a lenient comparison of phrasing. */
function contentWords(text: string | null): string[] {
  return fold(text ?? '')
    .replace(/'s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter(
      (w) => w.length > 2 && !['the', 'and', 'with', 'near', 'from', 'into', 'most'].includes(w),
    );
}

/** Scopes agree when one's content words are all in the other: "to Russia" agrees with "sent to Russia, most in Kursk". */
export function scopesAgree(predicted: string | null, gold: string | null): boolean {
  const p = contentWords(predicted);
  const g = contentWords(gold);
  if (p.length === 0 || g.length === 0) return p.length === g.length;
  return p.every((w) => g.includes(w)) || g.every((w) => p.includes(w));
}

export function evaluate(plan: IngestPlan, gold: GoldReport): EvalResult {
  const sentenceOf = (offset: number) =>
    plan.sentences.find((s) => offset >= s.start && offset < s.end)?.index ?? -1;
  const speakersOf = (p: PlanStatement) => [...new Set(p.speakers.map((s) => speakerKey(plan, s)))];
  const goldSpeakers = (g: GoldStatement) => g.speakers.map(normaliseKey);
  const overlap = (p: PlanStatement, g: GoldStatement) =>
    Math.max(0, Math.min(p.evidence.end, g.end) - Math.max(p.evidence.start, g.start));

  // Statements: one-to-one, same sentence and same speakers; prefer the same kind, then the closest span.
  const pairs = new Map<GoldStatement, PlanStatement>();
  const taken = new Set<PlanStatement>();
  for (const g of gold.statements) {
    const candidates = plan.statements
      .filter(
        (p) =>
          !taken.has(p) &&
          p.evidence.sentenceIndex === sentenceOf(g.start) &&
          sameSet(speakersOf(p), goldSpeakers(g)),
      )
      .sort(
        (a, b) =>
          Number(b.kind === g.kind) - Number(a.kind === g.kind) ||
          overlap(b, g) - overlap(a, g) ||
          Math.abs(a.evidence.start - g.start) - Math.abs(b.evidence.start - g.start),
      );
    if (candidates[0]) {
      pairs.set(g, candidates[0]);
      taken.add(candidates[0]);
    }
  }
  const statements = score(pairs.size, plan.statements.length, gold.statements.length);

  // Quotes: exact words, then the speaker of each quote found.
  const goldQuotes = gold.statements.filter((g) => g.kind === 'QUOTE');
  const predQuotes = plan.statements.filter((p) => p.kind === 'QUOTE');
  const exact = goldQuotes.filter((g) => predQuotes.some((p) => p.text === g.text));
  const quoteText = score(exact.length, predQuotes.length, goldQuotes.length);
  const quoteRight = goldQuotes.filter((g) =>
    predQuotes.some((p) => p.text === g.text && sameSet(speakersOf(p), goldSpeakers(g))),
  );
  const quoteSpeaker = score(
    quoteRight.length,
    predQuotes.filter((p) => p.speakers.length > 0).length,
    goldQuotes.length,
  );

  // Paraphrases and hedged claims with a speaker.
  const reported = (k: string) => k === 'PARAPHRASE' || k === 'HEDGED_CLAIM';
  const goldPara = gold.statements.filter((g) => reported(g.kind) && g.speakers.length > 0);
  const predPara = plan.statements.filter((p) => reported(p.kind) && p.speakers.length > 0);
  const paraRight = goldPara.filter((g) => pairs.has(g) && reported(pairs.get(g)!.kind));
  const paraphraseSpeaker = score(paraRight.length, predPara.length, goldPara.length);

  // Hedges: the hedged claims found with the hedge verbatim (case folded).
  const goldHedged = gold.statements.filter((g) => g.kind === 'HEDGED_CLAIM');
  const predHedged = plan.statements.filter((p) => p.kind === 'HEDGED_CLAIM');
  const hedgeRight = goldHedged.filter((g) => {
    const p = pairs.get(g);
    return p && p.kind === 'HEDGED_CLAIM' && fold(p.hedge ?? '') === fold(g.hedge ?? '');
  });
  const hedges = score(hedgeRight.length, predHedged.length, goldHedged.length);

  // Mentions per statement, micro-averaged over the matched statements.
  let mTp = 0;
  let mPred = 0;
  let mGold = 0;
  for (const [g, p] of pairs) {
    const predicted = [...new Set(p.mentions.map((m) => entityKey(plan, m)))];
    const wanted = g.mentions.map(normaliseKey);
    mTp += predicted.filter((k) => wanted.includes(k)).length;
    mPred += predicted.length;
    mGold += wanted.length;
  }
  const mentions = score(mTp, mPred, mGold);

  // Figures: value and unit identify one; qualifier and scope must agree too.
  const usedFigures = new Set<number>();
  let fTp = 0;
  for (const g of gold.figures) {
    const i = plan.figures.findIndex(
      (f, k) =>
        !usedFigures.has(k) &&
        f.value === g.value &&
        fold(f.unit) === fold(g.unit) &&
        (f.qualifier ?? null) === (g.qualifier ?? null) &&
        scopesAgree(f.scope, g.scope),
    );
    if (i >= 0) {
      usedFigures.add(i);
      fTp++;
    }
  }
  const figures = score(fTp, plan.figures.length, gold.figures.length);

  const givenDate = /\d{4}/;
  const inventedDates =
    plan.times.filter((t) => t.date && !t.derived && !givenDate.test(t.text)).length +
    plan.statements.filter((s) => s.date && !s.dateDerived && !givenDate.test(s.timeText ?? ''))
      .length +
    plan.times.filter((t) => t.derived && !gold.publishedAt).length;

  const describe = (kind: string, speakers: readonly string[], words: string) =>
    `${kind} [${speakers.join(', ') || 'report'}] ${words.slice(0, 70)}`;
  return {
    name: gold.name,
    statements,
    quoteText,
    quoteSpeaker,
    paraphraseSpeaker,
    hedges,
    mentions,
    figures,
    inventedDates,
    missed: gold.statements
      .filter((g) => !pairs.has(g))
      .map((g) => describe(g.kind, g.speakers, gold.text.slice(g.start, g.end))),
    spurious: plan.statements
      .filter((p) => !taken.has(p))
      .map((p) => describe(p.kind, speakersOf(p), p.text)),
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** One Markdown table row per aspect: P, R, F1 and the counts behind them. */
export function formatTable(results: readonly EvalResult[]): string {
  const aspects: Array<[string, keyof EvalResult]> = [
    ['statements found (sentence + speaker)', 'statements'],
    ['quote text exact', 'quoteText'],
    ['quote speaker', 'quoteSpeaker'],
    ['paraphrase / hedged speaker', 'paraphraseSpeaker'],
    ['hedges (verbatim)', 'hedges'],
    ['entity mentions per statement', 'mentions'],
    ['figures (value, unit, qualifier, scope)', 'figures'],
  ];
  const lines: string[] = [];
  for (const r of results) {
    lines.push(
      `### ${r.name}`,
      '',
      '| aspect | precision | recall | F1 | tp / predicted / gold |',
      '| --- | ---: | ---: | ---: | ---: |',
    );
    for (const [label, key] of aspects) {
      const s = r[key] as Score;
      lines.push(
        `| ${label} | ${pct(s.precision)} | ${pct(s.recall)} | ${s.f1.toFixed(3)} | ${s.tp} / ${s.predicted} / ${s.gold} |`,
      );
    }
    lines.push(`| invented dates | ${r.inventedDates} | | | |`, '');
  }
  return lines.join('\n');
}

/** Sums the counts of several results into one (micro-averaged). */
export function combine(name: string, results: readonly EvalResult[]): EvalResult {
  const sum = (key: keyof EvalResult) => {
    const parts = results.map((r) => r[key] as Score);
    return score(
      parts.reduce((a, s) => a + s.tp, 0),
      parts.reduce((a, s) => a + s.predicted, 0),
      parts.reduce((a, s) => a + s.gold, 0),
    );
  };
  return {
    name,
    statements: sum('statements'),
    quoteText: sum('quoteText'),
    quoteSpeaker: sum('quoteSpeaker'),
    paraphraseSpeaker: sum('paraphraseSpeaker'),
    hedges: sum('hedges'),
    mentions: sum('mentions'),
    figures: sum('figures'),
    inventedDates: results.reduce((a, r) => a + r.inventedDates, 0),
    missed: results.flatMap((r) => r.missed),
    spurious: results.flatMap((r) => r.spurious),
  };
}
