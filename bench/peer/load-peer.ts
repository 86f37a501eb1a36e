/**
 * Loads the bench's synthetic graph (the very rows `generateGraph` made for
 * the embedded engine) into the peer's PostgreSQL schema with COPY.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from 'pg';
import { isEntityLabel } from '../../src/model/graph-model';
import type { Row, SyntheticGraph } from '../synthetic-graph';

export interface PeerLoadReport {
  readonly rows: Record<string, number>;
  readonly csvMs: number;
  readonly copyMs: number;
}

/** One CSV field: empty for NULL (COPY's CSV rule), quoted otherwise. */
function csv(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = Array.isArray(value)
    ? `{${value.map((v) => `"${String(v).replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`
    : String(value);
  return `"${s.replace(/"/g, '""')}"`;
}

interface Table {
  readonly name: string;
  readonly columns: readonly string[];
  readonly lines: string[];
}

const table = (name: string, columns: readonly string[]): Table => ({ name, columns, lines: [] });
const line = (row: Row, keys: readonly string[]) => keys.map((k) => csv(row[k])).join(',');

/**
 * Writes one CSV per table into `dir` (which the server must be able to read)
 * and loads them with server-side COPY, then ANALYZE so the planner sees the
 * real row counts, as it would after autovacuum on a live database.
 *
 * Only the links the bench reads are loaded: MADE, REPORTED_IN of statements
 * and MENTIONS. A statement with no or several speakers or sources cannot be
 * represented by the foreign-key columns, so it is an error, not a silent
 * difference.
 */
export async function loadPeer(
  client: Client,
  data: SyntheticGraph,
  dir: string,
): Promise<PeerLoadReport> {
  const t0 = performance.now();
  const entity = table('entity', [
    'id',
    'label',
    'name',
    'aliases',
    'description',
    'category',
    'time_text',
    'date',
    'search',
  ]);
  const source = table('source', ['id', 'title', 'publisher', 'url', 'published_at']);
  const statement = table('statement', [
    'id',
    'name',
    'text',
    'kind',
    'said_at',
    'ordinal',
    'speaker_id',
    'source_id',
  ]);
  const mention = table('mention', ['statement_id', 'entity_id']);

  const speakerOf = new Map<string, string>();
  const sourceOf = new Map<string, string>();
  const once = (map: Map<string, string>, key: string, value: string, what: string) => {
    if (map.has(key))
      throw new Error(
        `statement ${key} has more than one ${what}; the peer's schema holds exactly one`,
      );
    map.set(key, value);
  };
  for (const r of data.rels) {
    if (r.type === 'MADE') once(speakerOf, r.to, r.from, 'speaker (MADE)');
    else if (r.type === 'REPORTED_IN' && r.fromLabel === 'Statement')
      once(sourceOf, r.from, r.to, 'source (REPORTED_IN)');
    else if (r.type === 'MENTIONS') mention.lines.push(`${csv(r.from)},${csv(r.to)}`);
  }
  for (const { label, row } of data.nodes) {
    if (isEntityLabel(label)) {
      entity.lines.push(
        `${csv(row.id)},${csv(label)},${line(row, ['name', 'aliases', 'description', 'category', 'timeText', 'date', 'search'])}`,
      );
    } else if (label === 'Source') {
      source.lines.push(line(row, ['id', 'title', 'publisher', 'url', 'publishedAt']));
    } else if (label === 'Statement') {
      const id = row.id as string;
      const speaker = speakerOf.get(id);
      const src = sourceOf.get(id);
      if (!speaker || !src)
        throw new Error(
          `statement ${id} has no ${speaker ? 'source (REPORTED_IN)' : 'speaker (MADE)'}; the peer's schema requires one`,
        );
      statement.lines.push(
        `${line(row, ['id', 'name', 'text', 'kind', 'saidAt', 'ordinal'])},${csv(speaker)},${csv(src)}`,
      );
    }
  }
  // Parents before children, for the foreign keys.
  const tables = [entity, source, statement, mention];
  const files = tables.map((t) => {
    const file = path.join(dir, `${t.name}.csv`);
    writeFileSync(file, t.lines.join('\n') + '\n');
    return file;
  });
  const t1 = performance.now();
  try {
    await client.query(readFileSync(path.join(__dirname, 'schema.sql'), 'utf8'));
    for (const [i, t] of tables.entries()) {
      await client.query(
        `copy ${t.name} (${t.columns.join(', ')}) from '${files[i]}' with (format csv)`,
      );
    }
    await client.query('analyze');
  } finally {
    for (const file of files) rmSync(file, { force: true });
  }
  const t2 = performance.now();
  return {
    rows: Object.fromEntries(tables.map((t) => [t.name, t.lines.length])),
    csvMs: Math.round(t1 - t0),
    copyMs: Math.round(t2 - t1),
  };
}
