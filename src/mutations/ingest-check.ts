/**
 * The check of `ingestReport` (pure: nothing read or written): the report's
 * text and metadata (`src/ingest/report-input.ts`) and the size of the
 * corrections. A problem is BAD_USER_INPUT naming the field, before anything
 * is read. Corrections are checked against the plan and the graph inside the
 * write (`ingest-write.ts`), with the same error.
 */
import { BadUserInputError } from '../errors';
import {
  type CheckedReport,
  IngestInputError,
  type PlanCorrections,
  type ReportInput,
  checkReport,
} from '../ingest';

/** What `ingestReport` is asked to do. */
export interface IngestRequest {
  readonly report: ReportInput;
  readonly corrections?: PlanCorrections | null;
  /** True: show the plan and write nothing. */
  readonly dryRun: boolean;
}

/** A request whose report passed the checks: normalised text and its content hash. */
export interface CheckedIngest {
  readonly report: CheckedReport;
  readonly corrections: PlanCorrections | null;
  readonly dryRun: boolean;
}

/** Most corrections one request may carry; a review of one report never needs more. */
const MAX_CORRECTIONS = 1000;

/** Runs `work`, turning the ingest layer's input errors into BAD_USER_INPUT. */
export function asUserInput<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof IngestInputError) throw new BadUserInputError(error.field, error.reason);
    throw error;
  }
}

/**
 * Checks an ingest request: empty, too large, binary or HTML text, a
 * `publishedAt` that is not ISO-8601, a bad URL, too many corrections.
 *
 * @example
 *   const checked = checkIngestRequest({ report: { text }, dryRun: true }, 200_000);
 */
export function checkIngestRequest(request: IngestRequest, maxBytes: number): CheckedIngest {
  const report = asUserInput(() => checkReport(request.report, { maxBytes }));
  const corrections = request.corrections ?? null;
  for (const key of ['remap', 'drop', 'rename'] as const) {
    const list = corrections?.[key] ?? [];
    if (list.length > MAX_CORRECTIONS) {
      throw new BadUserInputError(
        `corrections.${key}`,
        `accepts at most ${MAX_CORRECTIONS} items; got ${list.length}.`,
      );
    }
  }
  return { report, corrections, dryRun: request.dryRun };
}
