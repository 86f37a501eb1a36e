import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

import { ruleBasedExtractor } from '../../../src/ingest';
import { REPO_ROOT, extract, known } from './helpers';

describe('the ingest plan', () => {
  it('is deterministic: the same report gives the same plan', () => {
    const text = 'Blinken said “No deal yet,” adding that talks go on.';
    expect(ruleBasedExtractor.extract({ text }, known)).toEqual(
      ruleBasedExtractor.extract({ text }, known),
    );
  });

  it('carries the report metadata and a content hash of the exact text', () => {
    const plan = extract('One sentence here.');
    expect(plan.report).toEqual({
      title: null,
      publisher: null,
      url: null,
      publishedAt: null,
      contentHash: createHash('sha256').update('One sentence here.').digest('hex'),
      characterCount: 18,
      wordCount: 3,
    });
  });

  it('points every statement and figure at its sentence with offsets into the text', () => {
    const text = 'NATO said 40 ships sailed. “We are ready,” Putin said.';
    const plan = extract(text);
    for (const item of [...plan.statements, ...plan.figures]) {
      const sentence = plan.sentences[item.evidence.sentenceIndex];
      expect(item.evidence.sentence).toBe(sentence.text);
      expect(item.evidence.start).toBeGreaterThanOrEqual(sentence.start);
      expect(item.evidence.end).toBeLessThanOrEqual(sentence.end);
    }
  });

  it('keeps src/ingest independent of GraphQL: it imports neither resolvers nor server', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, f.name);
        if (f.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(path.join(REPO_ROOT, 'src/ingest'));
    const offending = files.filter((f) =>
      /from '[./]*(?:resolvers|server|graph|loaders)(?:\/|')/.test(fs.readFileSync(f, 'utf8')),
    );
    expect(offending).toEqual([]);
  });
});
