/**
 * The first of the two layers that keep analyst-written Cypher read-only
 * (the second is the engine's read transaction, see `RunOptions.untrusted`).
 *
 * The query is parsed by Neo4j's own parser (`@neo4j-cypher/language-support`)
 * and refused unless its parse tree holds exactly one query statement with no
 * updating clause, no schema or administration command and no procedure
 * outside `READ_ONLY_PROCEDURES`. Working on the parse tree rather than on the
 * text means comments, case, backticks and string contents cannot hide a
 * clause or fake one.
 */
import {
  getDebugTree,
  highlightSyntax,
  isNotParamError,
  lintCypherQuery,
  type SimpleTree,
} from '@neo4j-cypher/language-support';

export const CypherRefusalCode = {
  /** The parser could not read the query; the message says where. */
  SYNTAX_ERROR: 'CYPHER_SYNTAX_ERROR',
  /** The query would write, change the schema or call a procedure outside the allow-list. */
  NOT_READ_ONLY: 'CYPHER_NOT_READ_ONLY',
  /** More (or fewer) than one statement. */
  NOT_ONE_STATEMENT: 'CYPHER_NOT_ONE_STATEMENT',
} as const;
export type CypherRefusalCode = (typeof CypherRefusalCode)[keyof typeof CypherRefusalCode];

/** A query refused before it reached the engine. */
export class CypherRefusedError extends Error {
  override readonly name = 'CypherRefusedError';
  constructor(
    readonly code: CypherRefusalCode,
    message: string,
    /** Character offset of the offending part, when known. */
    readonly offset?: number,
  ) {
    super(message);
  }
}

/**
 * Parser rules that change data, schema or transactions, with the words the
 * refusal uses for them. Any of them anywhere in the tree (inside `CALL { }`,
 * after `UNION`, in a `FOREACH`) refuses the query.
 */
const WRITING_RULES: Readonly<Record<string, string>> = {
  createClause: 'CREATE',
  insertClause: 'INSERT',
  mergeClause: 'MERGE',
  setClause: 'SET',
  deleteClause: 'DELETE',
  removeClause: 'REMOVE',
  foreachClause: 'FOREACH',
  loadCSVClause: 'LOAD CSV',
  subqueryInTransactionsParameters: 'CALL { … } IN TRANSACTIONS',
  // Schema and administration commands (CREATE INDEX, DROP CONSTRAINT, GRANT, …).
  command: 'a schema or administration command',
  // `:param`, `:use` and the other console commands are not Cypher.
  consoleCommand: 'a console command',
  // USE switches to another database, which the endpoint does not expose.
  useClause: 'USE',
  // TERMINATE TRANSACTIONS stops other people's work.
  terminateCommand: 'TERMINATE TRANSACTIONS',
  // Local procedure and function definitions (Cypher 25) could hide any of the above.
  localDefinition: 'a local procedure or function definition',
};

/**
 * Procedures an analyst may call, all of which only read: the schema
 * listings of Neo4j and LadybugDB's catalogue functions. Compared without
 * case and backticks.
 */
export const READ_ONLY_PROCEDURES: readonly string[] = [
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'dbms.components',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
  'show_tables',
  'table_info',
];
const ALLOWED = new Set(READ_ONLY_PROCEDURES.map((p) => p.toLowerCase()));

/** Terminal nodes (tokens) have no children; rule nodes always have at least one. */
const isRule = (node: SimpleTree): boolean => (node.children?.length ?? 0) > 0;

function tokensOf(node: SimpleTree): string[] {
  return isRule(node) ? (node.children ?? []).flatMap(tokensOf) : [node.name];
}

/** The rule nodes named `rule` anywhere under `node`. */
function rulesNamed(node: SimpleTree, rule: string, out: SimpleTree[] = []): SimpleTree[] {
  if (!isRule(node)) return out;
  if (node.name === rule) out.push(node);
  for (const child of node.children ?? []) rulesNamed(child, rule, out);
  return out;
}

function firstWritingRule(node: SimpleTree): string | undefined {
  if (!isRule(node)) return undefined;
  const found = WRITING_RULES[node.name];
  if (found) return found;
  for (const child of node.children ?? []) {
    const inner = firstWritingRule(child);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * The index of the first lexer token missing from the tree's tokens, or
 * `lexed.length` when none is. The tree also holds empty rules (an absent
 * `namespace`) and may split a lexer token (`-2` is `-` and `2`), so each
 * lexer token must match up to three consecutive tree tokens, in order,
 * with anything skipped in between.
 */
function firstUnparsed(lexed: readonly string[], parsed: readonly string[]): number {
  let at = 0;
  for (let i = 0; i < lexed.length; i++) {
    const token = (lexed[i] as string).replace(/\s+/g, '');
    let found = -1;
    for (let start = at; start < parsed.length && found < 0; start++) {
      let joined = '';
      for (let end = start; end < Math.min(parsed.length, start + 3); end++) {
        joined += (parsed[end] as string).replace(/\s+/g, '');
        if (joined === token) {
          found = end + 1;
          break;
        }
      }
    }
    if (found < 0) return i;
    at = found;
  }
  return lexed.length;
}

/** Line and column (1-based) of `offset` in `text`, for messages. */
function position(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/**
 * Throws `CypherRefusedError` unless `query` is one read-only statement that
 * Neo4j's parser accepts.
 *
 * @example
 *   assertReadOnly('MATCH (p:Person) RETURN p.name');   // passes
 *   assertReadOnly('MATCH (p) DETACH DELETE p');         // throws CYPHER_NOT_READ_ONLY
 */
export function assertReadOnly(query: string): void {
  // Parsing and Neo4j's semantic analysis cost 30-200 ms a query; consoles and
  // dashboards send the same texts again, so verdicts are remembered.
  const known = verdicts.get(query);
  if (known !== undefined) {
    verdicts.delete(query);
    verdicts.set(query, known);
    if (known) throw known;
    return;
  }
  try {
    check(query);
    remember(query, null);
  } catch (error) {
    if (error instanceof CypherRefusedError) remember(query, error);
    throw error;
  }
}

/** The most recent verdicts by query text, oldest first (a small LRU). */
const verdicts = new Map<string, CypherRefusedError | null>();
const VERDICTS_KEPT = 500;

function remember(query: string, verdict: CypherRefusedError | null): void {
  verdicts.set(query, verdict);
  if (verdicts.size > VERDICTS_KEPT) verdicts.delete(verdicts.keys().next().value as string);
}

function check(query: string): void {
  if (query.trim() === '')
    throw new CypherRefusedError(CypherRefusalCode.NOT_ONE_STATEMENT, 'The query is empty.');
  // Parameters are the engine's business: it reports a missing one with its own message.
  const errors = lintCypherQuery(query, {})
    .diagnostics.map((d) => ({
      ...d,
      message: typeof d.message === 'string' ? d.message : d.message.value,
    }))
    .filter((d) => d.severity === 1 && isNotParamError(d));
  const [error] = errors;
  if (error) {
    throw new CypherRefusedError(
      CypherRefusalCode.SYNTAX_ERROR,
      `Cypher syntax error at ${position(query, error.offsets.start)}: ${error.message}`,
      error.offsets.start,
    );
  }
  const tree = getDebugTree(query);
  // A trailing `;` yields an empty statement (a node without children); only statements with content count.
  const statements = (tree.children ?? []).filter(isRule);
  if (statements.length !== 1) {
    throw new CypherRefusedError(
      CypherRefusalCode.NOT_ONE_STATEMENT,
      `Send exactly one statement; this query has ${statements.length}.`,
    );
  }
  // The parser recovers from some errors without reporting them: tokens it
  // could not place end up directly under the statement instead of in a query.
  const [statement] = statements as [SimpleTree];
  const parts = (statement.children ?? []).filter((c) => c.name !== ';');
  if (
    parts.length !== 1 ||
    !isRule(parts[0] as SimpleTree) ||
    !['preparsedStatement', 'consoleCommand'].includes((parts[0] as SimpleTree).name)
  ) {
    throw new CypherRefusedError(
      CypherRefusalCode.SYNTAX_ERROR,
      `Cypher syntax error: the parser could not read "${tokensOf(statement).slice(0, 8).join(' ')}" as a query.`,
    );
  }
  // Some input the parser skips without any diagnostic (`S\u0045T n.name = 1` after
  // a MATCH): every token the lexer saw, comments aside, must be in the tree.
  const lexed = highlightSyntax(query).filter((t) => t.tokenType !== 'comment' && t.token !== ';');
  const next = firstUnparsed(
    lexed.map((t) => t.token),
    tokensOf(statement),
  );
  if (next < lexed.length) {
    throw new CypherRefusedError(
      CypherRefusalCode.SYNTAX_ERROR,
      `Cypher syntax error at ${position(query, lexed[next]?.position.startOffset ?? 0)}: the parser could not read "${lexed[next]?.token}".`,
    );
  }
  const writing = firstWritingRule(tree);
  if (writing) {
    throw new CypherRefusedError(
      CypherRefusalCode.NOT_READ_ONLY,
      `Only read-only queries are allowed here; this one uses ${writing}.`,
    );
  }
  for (const procedure of rulesNamed(tree, 'procedureName')) {
    // An absent namespace is an empty rule, which looks like a token named "namespace".
    const parts = (procedure.children ?? []).filter((c) => isRule(c) || c.name !== 'namespace');
    const name = parts.flatMap(tokensOf).join('').replace(/`/g, '');
    if (!ALLOWED.has(name.toLowerCase())) {
      throw new CypherRefusedError(
        CypherRefusalCode.NOT_READ_ONLY,
        `The procedure ${name} is not on the read-only allow-list (${READ_ONLY_PROCEDURES.join(', ')}).`,
      );
    }
  }
}
