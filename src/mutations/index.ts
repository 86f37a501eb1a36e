/**
 * The writes behind the mutations, each split into a check (pure: input to
 * checked values, BAD_USER_INPUT on failure, nothing read or written) and a
 * write (inside one write transaction of the query layer). Public surface of
 * the folder.
 */
export { checkDeleteArgs } from './delete-check';
export { deleteEntity } from './delete-write';
export { checkMergeArgs } from './merge-check';
export { MERGE_MAX_RELATIONSHIPS, mergeEntities } from './merge-write';
export type { MergeOutcome } from './merge-write';
export { checkEntityInput, checkSourceInput } from './entity-check';
export type { NodeFields } from './entity-check';
export { upsertNode } from './entity-write';
export { checkLinkInput, checkUnlinkInput } from './link-check';
export type { CheckedLink } from './link-check';
export { link, unlink } from './link-write';
export { checkEstimateInput, checkStatementInput } from './statement-check';
export type { CheckedEstimate, CheckedStatement } from './statement-check';
export { addEstimate, addStatement } from './statement-write';
export { asUserInput, checkIngestRequest } from './ingest-check';
export type { CheckedIngest, IngestRequest } from './ingest-check';
export { commitReport, ingestReport, planReport } from './ingest-write';
export type { CommitCounts, IngestOutcome, IngestStatus } from './ingest-write';
