/**
 * The ingest plan: everything an extractor found in one report, before anyone
 * has reviewed it or written it to the graph.
 *
 * A plan is plain, JSON-serialisable data. It is the contract between the
 * extraction layer (`src/ingest/extract`) and whatever reviews and commits it
 * (the GraphQL `ingestReport` mutation, the `npm run ingest` CLI). Nothing in
 * here knows about GraphQL or the graph engine: the caller hands the extractor
 * the entities the graph already holds (`KnownEntities`), and the extractor
 * never queries the graph itself.
 *
 * Offsets are UTF-16 code-unit indices into `ReportInput.text`, as JavaScript
 * strings count them, half-open: `text.slice(start, end)` is the span.
 *
 * Changes to these types must stay backward compatible (add optional or
 * nullable fields, add union members only where consumers switch with a
 * default); commits that change them start with "plan:".
 */

import type { EntityLabel } from '../model/graph-model';

// ---------------------------------------------------------------------------
// Input

/** A report to ingest: its text, and what is known about it. Only `text` is required. */
export interface ReportInput {
  readonly text: string;
  readonly title?: string | null;
  readonly publisher?: string | null;
  readonly url?: string | null;
  /** ISO-8601 date or date-time. Lets the extractor derive dates for "on Thursday". */
  readonly publishedAt?: string | null;
}

/** One entity the graph already holds, as the caller supplies it. */
export interface KnownEntity {
  readonly id: string;
  readonly label: EntityLabel;
  readonly name: string;
  readonly aliases: readonly string[];
}

/** The graph's existing entities. Mentions are resolved against these first. */
export type KnownEntities = readonly KnownEntity[];

// ---------------------------------------------------------------------------
// Shared pieces

/**
 * Where a fact comes from: the sentence it was read in, and the exact span
 * inside the report (`start`/`end` are offsets into the whole text, not into
 * the sentence).
 */
export interface Evidence {
  readonly sentenceIndex: number;
  readonly start: number;
  readonly end: number;
  /** The whole sentence, verbatim, for display. */
  readonly sentence: string;
}

/** A reference to an entity: one the graph has, or one this plan proposes. */
export type EntityRef =
  | { readonly kind: 'EXISTING'; readonly id: string; readonly label: EntityLabel }
  | { readonly kind: 'PROPOSED'; readonly proposedId: string; readonly label: EntityLabel };

/** Which rule produced an item, for review and for the eval. Free text, stable per rule. */
export type RuleName = string;

/** 0..1; how sure the rule is. Deterministic for a given input. */
export type Confidence = number;

// ---------------------------------------------------------------------------
// Report and sentences

export interface ReportMetadata {
  readonly title: string | null;
  readonly publisher: string | null;
  readonly url: string | null;
  readonly publishedAt: string | null;
  /** SHA-256 of `text` exactly as given, hex. Same text, same hash. */
  readonly contentHash: string;
  readonly characterCount: number;
  readonly wordCount: number;
}

export interface PlanSentence {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** 0-based paragraph (line block) the sentence belongs to. */
  readonly paragraph: number;
  /** True for a heading line: a short line without final punctuation. */
  readonly heading: boolean;
}

// ---------------------------------------------------------------------------
// Entities

/** A new entity the plan would create, because no known entity matched. */
export interface ProposedEntity {
  /** A slug matching the model's ID_PATTERN, unique within the plan and not a known id. */
  readonly proposedId: string;
  readonly name: string;
  /** The label guess. */
  readonly label: EntityLabel;
  /** Other forms of the name seen in this report. */
  readonly aliases: readonly string[];
  /** Why this label was guessed ("preceded by the title 'President'"). */
  readonly reason: string;
  readonly confidence: Confidence;
  readonly rule: RuleName;
}

export type EntityResolution =
  | { readonly kind: 'EXISTING'; readonly id: string; readonly label: EntityLabel }
  | {
      readonly kind: 'PROPOSED';
      readonly proposedId: string;
      readonly label: EntityLabel;
      readonly reason: string;
    };

/** One mention of an entity in the text, and what it was resolved to. */
export interface EntityMatch {
  /** Unique within the plan ("m0", "m1", ...), so corrections can name it. */
  readonly matchId: string;
  /** The words as printed. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly sentenceIndex: number;
  readonly resolution: EntityResolution;
  readonly confidence: Confidence;
  /** "exact-name", "alias", "folded-alias", "metonym", "short-name", "proposed-title-person"... */
  readonly rule: RuleName;
}

/** An office a person holds, read from a title before a name ("defense secretary Lloyd Austin"). */
export interface RoleClaim {
  readonly person: EntityRef;
  /** The title as printed. */
  readonly title: string;
  /** The polity the office belongs to, when the text says ("Ukraine's President"). */
  readonly of: EntityRef | null;
  readonly evidence: Evidence;
  readonly rule: RuleName;
}

// ---------------------------------------------------------------------------
// Statements

export const PLAN_STATEMENT_KINDS = ['QUOTE', 'PARAPHRASE', 'HEDGED_CLAIM', 'REPORTED'] as const;
/**
 * QUOTE: the speaker's exact words. PARAPHRASE: reported speech. HEDGED_CLAIM:
 * a claim the report qualifies, with the hedge verbatim. REPORTED: the
 * report's own assertion, in its own voice, with no speaker.
 */
export type PlanStatementKind = (typeof PLAN_STATEMENT_KINDS)[number];

/**
 * Who a statement is attributed to.
 * - ENTITY: a named party, resolved to a known entity or a proposed one.
 * - UNNAMED: a speaker the report does not name ("a U.S. envoy", "experts");
 *   `entity` is the known or proposed placeholder node that stands for them, if any.
 */
export type SpeakerRef =
  | {
      readonly kind: 'ENTITY';
      readonly entity: EntityRef;
      /** The words that name the speaker here ("he", "Blinken", "Secretary of State Antony Blinken"). */
      readonly text: string;
      readonly start: number;
      readonly end: number;
      readonly rule: RuleName;
      readonly confidence: Confidence;
    }
  | {
      readonly kind: 'UNNAMED';
      /** The description as printed ("a U.S. envoy"). */
      readonly description: string;
      readonly entity: EntityRef | null;
      readonly start: number;
      readonly end: number;
      readonly rule: RuleName;
      readonly confidence: Confidence;
    };

export interface PlanStatement {
  /** A slug unique within the plan, proposed as the Statement id. */
  readonly id: string;
  readonly kind: PlanStatementKind;
  /**
   * QUOTE: the quoted words exactly, without the quotation marks (and without
   * the comma that joins the quote to its attribution). Otherwise the reported
   * content as printed (the clause, verbatim).
   */
  readonly text: string;
  /** The hedge verbatim for HEDGED_CLAIM ("experts believe", "may"); null otherwise. */
  readonly hedge: string | null;
  /** "SPEAKER" when attributed to someone; "REPORT" for the report's own voice (then `speakers` is empty). */
  readonly origin: 'SPEAKER' | 'REPORT';
  /** One entry per party; a joint warning has several. Empty when origin is REPORT. */
  readonly speakers: readonly SpeakerRef[];
  /** The attribution phrase verbatim ("Blinken stated, adding"), null when there is none. */
  readonly attribution: string | null;
  /** Distinct entities the statement mentions, in order of first mention. */
  readonly mentions: readonly EntityRef[];
  /** The mentions' match ids, so a reviewer can see each occurrence. */
  readonly mentionMatchIds: readonly string[];
  /** Whom it is aimed at (a call on a government to act), when the text says. */
  readonly addressedTo: readonly EntityRef[];
  /** Where or how it was said ("at a press conference in Washington"). */
  readonly context: string | null;
  /** A time phrase exactly as printed ("on Thursday", "in the coming days"). */
  readonly timeText: string | null;
  /** ISO-8601 date: given by the text, or derived from publishedAt when `dateDerived`. */
  readonly date: string | null;
  readonly dateDerived: boolean;
  readonly evidence: Evidence;
  readonly rule: RuleName;
  readonly confidence: Confidence;
  /**
   * The existing statement this one repeats or resembles, when the caller
   * matched the plan against the graph (`matchStatements`); absent or null
   * when nothing matched. Extractors leave it out.
   */
  readonly match?: StatementMatch | null;
}

/**
 * An existing statement a planned one matches. SAME_WORDS (same speaker,
 * same words after normalising punctuation, quotes, whitespace and case) is
 * committed as one statement reported in both sources; SIMILAR is only
 * proposed for review.
 */
export interface StatementMatch {
  readonly statementId: string;
  readonly how: 'SAME_WORDS' | 'SIMILAR';
  readonly confidence: Confidence;
}

// ---------------------------------------------------------------------------
// Figures

/** A figure the report gives: "around 10,000 troops". */
export interface PlanFigure {
  /** A slug unique within the plan, proposed as the Estimate id. */
  readonly id: string;
  /** The figure phrase as printed ("around 10,000 troops"). */
  readonly text: string;
  readonly value: number;
  readonly unit: string;
  /** "around", "approximately", "at least", "record"...; null when unqualified. */
  readonly qualifier: string | null;
  /** What the figure covers, as printed ("to Russia", "in Russia near Ukraine's border"). */
  readonly scope: string | null;
  /** What is counted, when an entity mention names it. */
  readonly subject: EntityRef | null;
  /** The statement that gives the figure, or the report itself. */
  readonly attributedTo:
    { readonly kind: 'STATEMENT'; readonly statementId: string } | { readonly kind: 'REPORT' };
  readonly evidence: Evidence;
  readonly rule: RuleName;
  readonly confidence: Confidence;
}

// ---------------------------------------------------------------------------
// Time

/** A time phrase found in the text, with a date only when one is given or derivable. */
export interface PlanTime {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly sentenceIndex: number;
  /** ISO-8601 (YYYY, YYYY-MM or YYYY-MM-DD) or null. */
  readonly date: string | null;
  /** True when `date` was computed from publishedAt rather than printed. */
  readonly derived: boolean;
}

// ---------------------------------------------------------------------------
// Warnings and the plan

export interface PlanWarning {
  /** Stable, upper-snake code ("UNATTRIBUTED_QUOTE", "AMBIGUOUS_PRONOUN"). */
  readonly code: string;
  readonly message: string;
  readonly evidence: Evidence | null;
}

export interface IngestPlan {
  /** Which extractor made the plan. */
  readonly extractor: { readonly name: string; readonly version: string };
  readonly report: ReportMetadata;
  readonly sentences: readonly PlanSentence[];
  readonly statements: readonly PlanStatement[];
  readonly entities: readonly EntityMatch[];
  readonly proposedEntities: readonly ProposedEntity[];
  readonly roles: readonly RoleClaim[];
  readonly figures: readonly PlanFigure[];
  readonly times: readonly PlanTime[];
  readonly warnings: readonly PlanWarning[];
}

/**
 * Turns one report into a plan. Implementations must be deterministic and
 * must not do I/O: the same report and known entities give the same plan.
 * This function should not throw for any non-empty text; problems go in
 * `warnings`. Validating the input (empty, too large, binary) is the caller's job.
 */
export interface Extractor {
  readonly name: string;
  readonly version: string;
  extract(report: ReportInput, known: KnownEntities): IngestPlan;
}
