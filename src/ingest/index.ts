/**
 * Public surface of the ingest layer. Adding an export here is a deliberate
 * act: this is what the GraphQL mutation, the CLI and the eval may import.
 * Nothing in src/ingest imports the graph, GraphQL or anything above them
 * (the `ingest` row of the ABOVE table in eslint.config.js).
 */
export type * from './plan';
export { PLAN_STATEMENT_KINDS } from './plan';
export { extractReport, ruleBasedExtractor } from './extract/rule-based-extractor';
export { applyCorrections, graphIdsNamedBy } from './corrections';
export type { PlanCorrections } from './corrections';
export { defaultExtractor } from './default-extractor';
export { referencedProposalIds, referencesOf } from './plan-references';
export {
  SIMILAR_THRESHOLD,
  matchStatements,
  normaliseWords,
  similarStatementWarning,
  speakerIdsOf,
} from './statement-match';
export type { ExistingStatement } from './statement-match';
export {
  DEFAULT_INGEST_MAX_BYTES,
  IngestInputError,
  checkIsoDateTime,
  checkReport,
  contentHashOf,
  normaliseText,
} from './report-input';
export type { CheckedReport, ReportLimits } from './report-input';
