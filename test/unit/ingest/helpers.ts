/** Shared setup for the ingest specs: the seed's entities as the known graph. */
import * as fs from 'fs';
import * as path from 'path';

import {
  extractReport,
  type IngestPlan,
  type KnownEntities,
  type PlanStatement,
} from '../../../src/ingest';
import { knownFromSeed, speakerKey } from '../../../src/ingest/eval';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const ARTICLE_PATH = path.resolve(REPO_ROOT, '../shared/source/article.txt');

export const known: KnownEntities = knownFromSeed(
  JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'seed/article.json'), 'utf8')),
);

export const extract = (text: string, publishedAt?: string): IngestPlan =>
  extractReport({ text, publishedAt }, known);

/** Each statement as "KIND speakers: text", for whole-result assertions. */
export const summary = (plan: IngestPlan): string[] =>
  plan.statements.map(
    (s: PlanStatement) =>
      `${s.kind} ${s.speakers.map((sp) => speakerKey(plan, sp)).join('+') || 'report'}: ${s.text}`,
  );
