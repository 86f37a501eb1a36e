/**
 * `npm run cypher -- <file.cypher | query> [--param key=value]... [--write | --read-only] [--json]`
 *
 * Runs a Cypher file (path relative to the working directory, or absolute)
 * or an inline query against the configured engine and prints the rows as an
 * aligned table. Values of `--param` are read as JSON when they parse
 * (`5`, `true`, `["a","b"]`), otherwise as strings. Reads run in a read
 * transaction; `--write` runs the statements in one write transaction.
 * Templates with `{{slots}}` are refused: the API fills them from the model.
 *
 * `--read-only` runs the query exactly as `POST /cypher` does: through the
 * parser guard (one read-only statement) and in the engine's read-only
 * transaction. `--json` prints `{columns, rows}` as the endpoint answers.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  type CypherQuery,
  type GraphPath,
  type GraphValue,
  type Params,
  type Row,
  isGraphNode,
  isGraphRelationship,
  slotsOf,
} from '../graph';
import { columnsOf } from '../analytics/analyst-query';
import { assertReadOnly } from '../analytics/read-only-guard';
import { failureLine, runWithGraph } from './cli-graph';

const USAGE =
  'usage: npm run cypher -- <file.cypher | "inline query"> [--param key=value]... [--write | --read-only] [--json]';
const MAX_CELL = 80;

interface Invocation {
  readonly label: string;
  readonly statements: CypherQuery[];
  readonly params: Params;
  readonly write: boolean;
  readonly readOnly: boolean;
  readonly json: boolean;
}

function parseParam(assignment: string): [string, Params[string]] {
  const eq = assignment.indexOf('=');
  if (eq <= 0) throw new Error(`--param takes key=value, got "${assignment}".`);
  const raw = assignment.slice(eq + 1);
  try {
    return [assignment.slice(0, eq), JSON.parse(raw) as Params[string]];
  } catch {
    return [assignment.slice(0, eq), raw];
  }
}

/** Splits a file into statements on `;` at line ends, dropping comment lines (as CypherLibrary does). */
function splitStatements(text: string, name: string): CypherQuery[] {
  const parts = text
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*\/\/.*$/gm, '').trim())
    .filter((s) => s.length > 0);
  return parts.map((part, i) => ({
    name: parts.length > 1 ? `${name}#${i + 1}` : name,
    text: part,
  }));
}

function parseArgs(args: readonly string[]): Invocation {
  const positional: string[] = [];
  const params: Params = {};
  let write = false;
  let readOnly = false;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--write') write = true;
    else if (arg === '--read-only') readOnly = true;
    else if (arg === '--json') json = true;
    else if (arg === '--param') {
      const [key, value] = parseParam(args[++i] ?? '');
      params[key] = value;
    } else if (arg.startsWith('--param=')) {
      const [key, value] = parseParam(arg.slice('--param='.length));
      params[key] = value;
    } else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}. ${USAGE}`);
    else positional.push(arg);
  }
  const source = positional.join(' ').trim();
  if (!source) throw new Error(USAGE);
  if (write && readOnly) throw new Error(`--write and --read-only exclude each other. ${USAGE}`);
  const isFile = existsSync(source) && statSync(source).isFile();
  if (!isFile && source.endsWith('.cypher')) throw new Error(`No such file: ${source}`);
  const label = isFile ? path.relative(process.cwd(), path.resolve(source)) : 'inline query';
  const text = isFile ? readFileSync(source, 'utf8') : source;
  const slots = slotsOf(text);
  if (slots.length > 0) {
    throw new Error(
      `${label} is a template with ${slots.map((s) => `{{${s}}}`).join(', ')}: the API fills these slots ` +
        'from the graph model, so it cannot be run directly.',
    );
  }
  const name = isFile ? `cli/${path.basename(source, '.cypher')}` : 'cli/inline';
  if (readOnly) {
    // The guard sees the text as the endpoint would, comments and all.
    assertReadOnly(text);
    return { label, statements: [{ name, text: text.trim() }], params, write, readOnly, json };
  }
  const statements = splitStatements(text, name);
  if (statements.length === 0) throw new Error(`${label} holds no statement.`);
  return { label, statements, params, write, readOnly, json };
}

const isPath = (v: object): v is GraphPath =>
  (v as GraphPath).kind === 'path' && Array.isArray((v as GraphPath).nodes);

/** One cell: nodes as `(:Label id)`, relationships as `[:TYPE]`, lists joined. */
function formatValue(value: GraphValue): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (isGraphNode(value)) return `(:${value.label} ${value.id})`;
  if (isGraphRelationship(value)) return `[:${value.type}]`;
  if (isPath(value)) {
    const rels = value.relationships;
    return value.nodes
      .map((n, i) => formatValue(n) + (rels[i] ? `-${formatValue(rels[i])}-` : ''))
      .join('');
  }
  const entries = Object.entries(value as Record<string, GraphValue>);
  return `{${entries.map(([k, v]) => `${k}: ${formatValue(v)}`).join(', ')}}`;
}

function cell(value: GraphValue): string {
  const text = formatValue(value).replace(/\s+/g, ' ');
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}

/** An aligned text table; numeric columns are right-aligned. */
function formatTable(rows: readonly Row[]): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  if (columns.length === 0) return '(no columns)';
  const cells = rows.map((r) => columns.map((c) => cell(r[c] ?? null)));
  const widths = columns.map((c, i) =>
    Math.max(c.length, ...cells.map((row) => (row[i] as string).length)),
  );
  const numeric = columns.map((c) => rows.every((r) => typeof r[c] === 'number' || r[c] == null));
  const line = (values: string[]): string =>
    values
      .map((v, i) => (numeric[i] ? v.padStart(widths[i] as number) : v.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

async function main(): Promise<void> {
  let invocation: Invocation;
  try {
    invocation = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`cypher failed: ${failureLine(error)}`);
    process.exitCode = 1;
    return;
  }
  const { statements, params, write, readOnly, json } = invocation;
  await runWithGraph('cypher', async (graph) => {
    const started = performance.now();
    const results: Row[][] = write
      ? await graph.port.writeTransaction(async (tx) => {
          const out: Row[][] = [];
          for (const statement of statements) out.push(await tx.run(statement, params));
          return out;
        })
      : await statements.reduce<Promise<Row[][]>>(
          async (acc, statement) => [
            ...(await acc),
            await graph.port.read(statement, params, { untrusted: readOnly }),
          ],
          Promise.resolve([]),
        );
    const ms = Math.round(performance.now() - started);
    const rows = results.flat();
    if (json) {
      console.log(JSON.stringify({ columns: columnsOf(rows), rows }));
      return;
    }
    if (rows.length > 0) console.log(formatTable(rows));
    const count = rows.length;
    console.log(`${count} ${count === 1 ? 'row' : 'rows'} in ${ms} ms`);
  });
}

void main();
