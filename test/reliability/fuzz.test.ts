/**
 * Property-based fuzzing of the GraphQL endpoint.
 *
 * Documents are generated from schema.graphql: a random Query field with random
 * arguments (real ids, random ids, empty, very long and unicode strings, edge
 * and huge integers, enum values) and a random selection set, walked through
 * objects, interfaces and unions. Half of them are then damaged: truncated,
 * characters inserted or removed, an argument replaced by a literal of the
 * wrong type, nesting blown up.
 *
 * Every document goes over HTTP to a real server on a seeded in-memory graph.
 *
 * Replay a failure with the printed seed: FUZZ_SEED=<seed> FUZZ_RUNS=<n>.
 */
import fc from 'fast-check';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  buildASTSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { loadTypeDefs } from '../../src/schema/load-schema';
import {
  DEFAULT_TEST_CONFIG,
  TEST_TOKEN,
  type TestServer,
  startTestServer,
} from '../helpers/server-helper';
import {
  allIds,
  envInt,
  errorsOf,
  figure,
  graphCounts,
  type GraphCounts,
  percentile,
  postRaw,
  printFigures,
} from './support';

const SUITE = 'fuzz';
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20241125;
const RUNS = envInt('FUZZ_RUNS', 300, 5000);
const MUTATION_RUNS = envInt('FUZZ_MUTATION_RUNS', 150, 2000);
const REQUEST_TIMEOUT_MS = DEFAULT_TEST_CONFIG.queryTimeoutMs + 5_000;

type Gen = fc.GeneratorValue;

const schema: GraphQLSchema = buildASTSchema(loadTypeDefs());
const queryType = schema.getQueryType()!;
const mutationType = schema.getMutationType()!;

/** Strings that stress encoding and validation. */
const NASTY = [
  '',
  ' ',
  'a',
  'ü',
  'Ω≈ç√∫',
  '北朝鮮',
  '🚀🔥',
  'e\u0301',
  '\u200b',
  '\u202etxet',
  'line\nbreak',
  'tab\tsep',
  '"quoted"',
  "it's",
  '\\',
  '%s%n',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  'x'.repeat(201),
  'y'.repeat(5_000),
  'ab-cd',
  'A-UPPER',
  '--double',
  'z'.repeat(81),
];

/** One element of a list (fc.gen compares arguments, so schema objects are never passed to it). */
function pick<T>(g: Gen, list: readonly T[]): T {
  return list[g(fc.integer, { min: 0, max: list.length - 1 })] as T;
}

let idPool: string[] = ['kim-jong-un', 'north-korea', 'nato'];

function randomString(g: Gen): string {
  switch (g(fc.integer, { min: 0, max: 5 })) {
    case 0:
      return g(fc.constantFrom, ...NASTY);
    case 1:
      return g(fc.string, { maxLength: 30 });
    case 2:
      return g(fc.string, { unit: 'binary', maxLength: 30 });
    case 3:
      return g(fc.string, { unit: 'grapheme', maxLength: 20 });
    case 4:
      return pick(g, idPool).slice(0, g(fc.integer, { min: 1, max: 40 }));
    default:
      return pick(g, idPool);
  }
}

function randomInt(g: Gen): string {
  switch (g(fc.integer, { min: 0, max: 2 })) {
    case 0:
      return String(g(fc.integer, { min: -2, max: 8 }));
    case 1:
      return String(
        g(fc.constantFrom, 0, 1, 2, 6, 7, 20, 100, 101, 500, 501, 2 ** 31 - 1, -(2 ** 31)),
      );
    default:
      return String(g(fc.integer));
  }
}

/**
 * When true (the mutation fuzz), values lean towards plausible ones: real or
 * fresh slugs for ids, valid dates, plain words, so that writes get past
 * validation and reach the graph often.
 */
let plausible = false;
const DATE_FIELDS = new Set(['date', 'saidAt', 'publishedAt', 'since', 'until', 'asOf']);

function plausibleLiteral(g: Gen, type: GraphQLInputType, field: string): string | undefined {
  const named = getNamedType(type);
  if (!plausible || !isScalarType(named) || g(fc.integer, { min: 0, max: 4 }) === 0)
    return undefined;
  if (named.name === 'ID') {
    const fresh = field === 'id' && g(fc.boolean);
    return JSON.stringify(fresh ? `fuzz-${g(fc.nat, 30)}` : pick(g, idPool));
  }
  if (named.name === 'String') {
    if (DATE_FIELDS.has(field))
      return JSON.stringify(g(fc.constantFrom, '2024', '2024-11', '2024-11-05', 'on Thursday'));
    if (field === 'url') return JSON.stringify('https://example.org/a');
    return JSON.stringify(g(fc.constantFrom, 'troops', 'Kim', 'said so', 'Ω unicode ✓', "it's"));
  }
  return undefined;
}

/** A GraphQL literal for an input type, or undefined to leave an optional argument out. */
function literal(g: Gen, type: GraphQLInputType, depth = 0, field = ''): string | undefined {
  if (isNonNullType(type))
    return literal(g, type.ofType, depth, field) ?? literal(g, type.ofType, depth, field) ?? '"x"';
  if (g(fc.integer, { min: 0, max: 9 }) === 0) return g(fc.boolean) ? undefined : 'null';
  if (isListType(type)) {
    const n = g(fc.integer, { min: 0, max: 4 });
    const items = Array.from(
      { length: n },
      () => literal(g, type.ofType, depth + 1, field) ?? 'null',
    );
    return `[${items.join(', ')}]`;
  }
  const likely = plausibleLiteral(g, type, field);
  if (likely !== undefined) return likely;
  if (isEnumType(type)) return pick(g, type.getValues()).name;
  if (isInputObjectType(type)) {
    if (depth > 3) return '{}';
    const fields = Object.values(type.getFields())
      .map((f) => {
        const v =
          g(fc.boolean) || isNonNullType(f.type)
            ? literal(g, f.type, depth + 1, f.name)
            : undefined;
        return v === undefined ? undefined : `${f.name}: ${v}`;
      })
      .filter(Boolean);
    return `{${fields.join(', ')}}`;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return randomInt(g);
      case 'Float':
        return g(fc.constantFrom, '0', '1.5', '-1e308', '1e308', '3');
      case 'Boolean':
        return g(fc.boolean) ? 'true' : 'false';
      case 'JSON':
        return g(fc.constantFrom, '{a: 1}', '"x"', '[1, 2]', 'null');
      default:
        return JSON.stringify(randomString(g));
    }
  }
  return 'null';
}

function argumentsOf(g: Gen, args: readonly GraphQLArgument[]): string {
  const parts = args
    .map((a) => {
      const required = isNonNullType(a.type) && a.defaultValue === undefined;
      if (!required && !g(fc.boolean)) return undefined;
      const v = literal(g, a.type, 0, a.name);
      return v === undefined ? undefined : `${a.name}: ${v}`;
    })
    .filter(Boolean);
  return parts.length > 0 ? `(${parts.join(', ')})` : '';
}

/** A selection set for a composite type, `depth` levels deep at most. */
function selection(g: Gen, type: GraphQLNamedType, depth: number): string {
  if (isLeafType(type)) return '';
  if (isUnionType(type) || isInterfaceType(type)) {
    const possible = schema.getPossibleTypes(type);
    const picks = possible.filter(() => g(fc.integer, { min: 0, max: 2 }) === 0);
    const inner = isInterfaceType(type) ? fieldsOf(g, type.getFields(), depth) : '';
    const fragments = picks.map((t) => `... on ${t.name} ${selection(g, t, depth)}`);
    return `{ __typename ${inner} ${fragments.join(' ')} }`;
  }
  if (isObjectType(type)) return `{ ${fieldsOf(g, type.getFields(), depth) || '__typename'} }`;
  return '';
}

function fieldsOf(
  g: Gen,
  fields: Record<string, GraphQLField<unknown, unknown>>,
  depth: number,
): string {
  const all = Object.values(fields);
  const chosen = all.filter((f) => {
    const composite = !isLeafType(getNamedType(f.type as GraphQLOutputType));
    if (composite && depth <= 0) return false;
    return g(fc.integer, { min: 0, max: composite ? 4 : 2 }) === 0;
  });
  return chosen
    .map((f) => {
      const named = getNamedType(f.type as GraphQLOutputType);
      const alias = g(fc.integer, { min: 0, max: 15 }) === 0 ? `a${g(fc.nat, 99)}: ` : '';
      return `${alias}${f.name}${argumentsOf(g, f.args)} ${selection(g, named, depth - 1)}`;
    })
    .join(' ');
}

/** A document built from the schema: one to three root Query fields. */
function validDocument(g: Gen): string {
  const roots = Object.values(queryType.getFields());
  const n = g(fc.integer, { min: 1, max: 3 });
  const fields = Array.from({ length: n }, (_, i) => {
    const f = pick(g, roots);
    return `r${i}: ${f.name}${argumentsOf(g, f.args)} ${selection(g, getNamedType(f.type), g(fc.integer, { min: 0, max: 3 }))}`;
  });
  return `query Fuzz { ${fields.join(' ')} }`;
}

/** A mutation built from the schema: one Mutation field with random arguments and a selection. */
function mutationDocument(g: Gen): string {
  const f = pick(g, Object.values(mutationType.getFields()));
  return `mutation FuzzWrite { ${f.name}${argumentsOf(g, f.args)} ${selection(g, getNamedType(f.type), g(fc.integer, { min: 0, max: 2 }))} }`;
}

const WRONG_LITERALS = [
  '"text"',
  '123',
  '-1',
  '99999999999999999999',
  '1.5',
  'true',
  'null',
  '[]',
  '{}',
  'PERSON',
  '$undefinedVar',
  '"\\u0000"',
];

/** Damages a document in one of several ways. */
function mutate(g: Gen, doc: string): string {
  switch (g(fc.integer, { min: 0, max: 7 })) {
    case 0:
      return doc.slice(0, g(fc.integer, { min: 0, max: doc.length }));
    case 1: {
      const at = g(fc.integer, { min: 0, max: doc.length });
      return (
        doc.slice(0, at) +
        g(fc.constantFrom, '{', '}', '(', ')', ':', '"', '$', '@', '...', '#', '\u0000', '💥') +
        doc.slice(at)
      );
    }
    case 2: {
      const at = g(fc.integer, { min: 0, max: Math.max(0, doc.length - 1) });
      return doc.slice(0, at) + doc.slice(at + g(fc.integer, { min: 1, max: 10 }));
    }
    case 3:
      // an argument value replaced by a literal of another type
      return doc.replace(
        /:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null|[A-Z_]{3,})/,
        `: ${g(fc.constantFrom, ...WRONG_LITERALS)}`,
      );
    case 4: {
      const depth = g(fc.integer, { min: 10, max: 300 });
      return `{ organization(id: "nato") { ${'members { '.repeat(depth)}id${' }'.repeat(depth)} } }`;
    }
    case 5:
      return `{ search(text: ${JSON.stringify(randomString(g).repeat(g(fc.integer, { min: 1, max: 50 })))}) { score } }`;
    case 6:
      return g(fc.string, { unit: 'binary', maxLength: 200 });
    default:
      return doc.replace(/\{/g, () => (g(fc.integer, { min: 0, max: 5 }) === 0 ? '{ {' : '{'));
  }
}

const documentArb = fc.gen().map((g) => {
  const doc = validDocument(g);
  return g(fc.integer, { min: 0, max: 1 }) === 0
    ? { kind: 'valid' as const, doc }
    : { kind: 'mutated' as const, doc: mutate(g, doc) };
});

describe('fuzzing the GraphQL endpoint with documents generated from schema.graphql', () => {
  let server: TestServer;
  let before: GraphCounts;
  const stats = {
    documents: 0,
    valid: 0,
    mutated: 0,
    ok: 0,
    withErrors: 0,
    status: {} as Record<number, number>,
    codes: {} as Record<string, number>,
  };
  const durations: number[] = [];
  const internalErrors: Array<{ doc: string; message: string }> = [];
  const connectionResets: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    idPool = [...(await allIds(server.graph)), 'no-such-id'];
    before = await graphCounts(server.graph);
    console.info(
      `[fuzz] seed=${SEED} runs=${RUNS} (replay with FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS})`,
    );
  });

  afterAll(async () => {
    figure(SUITE, 'seed', SEED);
    figure(SUITE, 'documents', stats);
    figure(SUITE, 'p50 ms', Math.round(percentile(durations, 50)));
    figure(SUITE, 'p99 ms', Math.round(percentile(durations, 99)));
    figure(SUITE, 'max ms', Math.round(Math.max(0, ...durations)));
    figure(SUITE, 'internal errors', internalErrors.length);
    figure(SUITE, 'connection resets (retried)', connectionResets.length);
    printFigures(SUITE);
    await server?.stop();
  });

  it(
    'never answers 5xx, always gives an error code, answers in time and leaves the graph unchanged',
    async () => {
      await fc.assert(
        fc.asyncProperty(documentArb, async ({ kind, doc }) => {
          let res;
          try {
            res = await postRaw(server.url, { query: doc }, { timeoutMs: REQUEST_TIMEOUT_MS });
          } catch (error) {
            // A reset keep-alive socket (seen once under full-suite CPU load, see docs/reliability.md):
            // retry once on a fresh connection; a second failure fails the property.
            if ((error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
            connectionResets.push(doc.slice(0, 200));
            res = await postRaw(
              server.url,
              { query: doc },
              { timeoutMs: REQUEST_TIMEOUT_MS, headers: { connection: 'close' } },
            );
          }
          stats.documents += 1;
          stats[kind] += 1;
          stats.status[res.status] = (stats.status[res.status] ?? 0) + 1;
          durations.push(res.ms);

          // 5xx only as a deliberate 503 with SERVICE_UNAVAILABLE
          if (res.status >= 500) {
            expect(res.status).toBe(503);
            expect(errorsOf(res.body)[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
          }
          // the body is a GraphQL response, and every error carries a code
          expect(typeof res.body).toBe('object');
          const errors = errorsOf(res.body);
          if (errors.length === 0) {
            expect(res.body).toHaveProperty('data');
            stats.ok += 1;
          } else stats.withErrors += 1;
          for (const error of errors) {
            expect(typeof error.extensions?.code).toBe('string');
            const code = String(error.extensions?.code);
            stats.codes[code] = (stats.codes[code] ?? 0) + 1;
            if (code === 'INTERNAL_SERVER_ERROR')
              internalErrors.push({ doc, message: error.message });
          }
          expect(res.ms).toBeLessThan(REQUEST_TIMEOUT_MS);
          // read-only documents never change the graph
          const after = await graphCounts(server.graph);
          expect({ nodes: after.nodes, relationships: after.relationships }).toEqual({
            nodes: before.nodes,
            relationships: before.relationships,
          });
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: false },
      );
    },
    60_000 + RUNS * 60,
  );

  it('meets no internal error: every generated document is answered with data or a client error', () => {
    // An INTERNAL_SERVER_ERROR is a bug even when the status is 200.
    expect(internalErrors.slice(0, 3)).toEqual([]);
  });

  it('sees at most a rare connection reset, never a dead server', () => {
    expect(connectionResets.length).toBeLessThanOrEqual(Math.max(1, Math.floor(RUNS / 500)));
  });

  it('still answers /healthz and a plain query after the run', async () => {
    const health = await fetch(`${server.origin}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const res = await server.post('{ graphStats { nodes relationships } }');
    expect(res.body.data.graphStats).toEqual({
      nodes: before.nodes,
      relationships: before.relationships,
    });
  });
});

/**
 * Invariants of the graph that no sequence of mutations may break: every
 * statement is reported in exactly one source and made by at least one actor,
 * except the source's own (REPORTED) statements, which are made by none;
 * every estimate has exactly one subject and one statement.
 */
const BROKEN_STATEMENTS = {
  name: 'test/broken-statements',
  text: `MATCH (s:Statement) OPTIONAL MATCH (s)-[:REPORTED_IN]->(src:Source) WITH s, count(src) AS sources
         OPTIONAL MATCH (a)-[:MADE]->(s) WITH s, sources, count(a) AS speakers
         WHERE sources <> 1 OR (s.kind <> 'REPORTED' AND speakers < 1) OR (s.kind = 'REPORTED' AND speakers > 0)
         RETURN s.id AS id, sources, speakers`,
};
const BROKEN_ESTIMATES = {
  name: 'test/broken-estimates',
  text: `MATCH (e:Estimate) OPTIONAL MATCH (e)-[:ATTRIBUTED_TO]->(st:Statement) WITH e, count(st) AS statements
         OPTIONAL MATCH (e)-[:ESTIMATES]->(x) WITH e, statements, count(x) AS subjects
         WHERE statements <> 1 OR subjects <> 1 RETURN e.id AS id, statements, subjects`,
};

describe('fuzzing the mutations, with the token', () => {
  let server: TestServer;
  const stats = {
    documents: 0,
    applied: 0,
    withErrors: 0,
    status: {} as Record<number, number>,
    codes: {} as Record<string, number>,
  };
  const internalErrors: Array<{ doc: string; message: string }> = [];

  beforeAll(async () => {
    server = await startTestServer();
    idPool = [...(await allIds(server.graph)), 'no-such-id', 'fuzz-new-id'];
    console.info(
      `[fuzz] mutations: seed=${SEED} runs=${MUTATION_RUNS} (replay with FUZZ_SEED=${SEED} FUZZ_MUTATION_RUNS=${MUTATION_RUNS})`,
    );
  });

  afterAll(async () => {
    figure(SUITE, 'mutation documents', stats);
    figure(SUITE, 'mutation internal errors', internalErrors.length);
    printFigures(SUITE);
    await server?.stop();
  });

  it(
    'never answers 5xx or an internal error, and never leaves a broken statement or estimate',
    async () => {
      plausible = true;
      await fc
        .assert(
          fc.asyncProperty(
            fc.gen().map((g) => mutationDocument(g)),
            async (doc) => {
              const res = await postRaw(
                server.url,
                { query: doc },
                {
                  timeoutMs: REQUEST_TIMEOUT_MS,
                  headers: { authorization: `Bearer ${TEST_TOKEN}` },
                },
              );
              stats.documents += 1;
              stats.status[res.status] = (stats.status[res.status] ?? 0) + 1;
              expect(res.status).toBeLessThan(500);
              const errors = errorsOf(res.body);
              if (errors.length === 0) stats.applied += 1;
              else stats.withErrors += 1;
              for (const error of errors) {
                expect(typeof error.extensions?.code).toBe('string');
                const code = String(error.extensions?.code);
                stats.codes[code] = (stats.codes[code] ?? 0) + 1;
                if (code === 'INTERNAL_SERVER_ERROR')
                  internalErrors.push({ doc, message: error.message });
              }
              expect(await server.graph.port.read(BROKEN_STATEMENTS)).toEqual([]);
              expect(await server.graph.port.read(BROKEN_ESTIMATES)).toEqual([]);
            },
          ),
          { seed: SEED, numRuns: MUTATION_RUNS, endOnFailure: false },
        )
        .finally(() => {
          plausible = false;
        });
    },
    60_000 + MUTATION_RUNS * 100,
  );

  it('meets no internal error', () => {
    expect(internalErrors.slice(0, 3)).toEqual([]);
  });

  it('still answers /healthz after the run', async () => {
    expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
  });
});
