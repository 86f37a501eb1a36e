/**
 * Every query the Neo4j adapter can run passes Neo4j's own Cypher linter
 * against a schema built from the graph model: labels, relationship types,
 * property keys, the allowed (from, type, to) triples, the parameters the
 * application sends, and Neo4j 5's built-in functions and procedures.
 *
 * Templates are rendered for every slot combination the model allows, so a
 * label expression or relationship type that only breaks one rendering is
 * caught too. A template without a slot domain below fails the test.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lintCypherQuery, testData, type DbSchema } from '@neo4j-cypher/language-support';
import {
  CypherLibrary,
  FACT_TYPES,
  readCypherFiles,
  slotsOf,
  type CypherFile,
} from '../../src/graph';
import {
  ACTOR_LABELS,
  ENTITY_LABELS,
  NODE_LABELS,
  NODE_PROPERTIES,
  RELATIONSHIPS,
  PARTICIPANTS,
  RELATIONSHIP_TYPES,
  allPropertyKeys,
  type NodeLabel,
  type RelationshipSpec,
  type RelationshipType,
} from '../../src/model/graph-model';

type Slots = Record<string, string>;

/** Every parameter name the application sends, with an example value. */
const PARAMETERS: Record<string, unknown> = {
  id: 'north-korea',
  ids: ['north-korea'],
  limit: 10,
  from: 'antony-blinken',
  to: 'china',
  rows: [],
  luceneQuery: 'korea~',
  nameContains: '',
  category: '',
  kind: '',
  textContains: '',
  speakerId: '',
  mentionsId: '',
  addressedToId: '',
  sourceId: '',
  afterId: '',
  afterKey: '',
  reverse: false,
  name: 'around 10,000 troops',
  value: 10000,
  unit: 'troops',
  qualifier: 'around',
  scope: 'in Russia',
  search: 'around 10,000 troops',
  contentHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  asOf: '2024-11-03',
};

/**
 * Neo4j 5's built-in functions and procedures (plugins such as APOC left
 * out), from the registry of a real server that the linter ships as
 * `testData.mockSchema`. Any other function or procedure is reported.
 */
const NEO4J_5 = testData.mockSchema;
const FUNCTIONS = Object.fromEntries(
  Object.entries(NEO4J_5.functions?.['CYPHER 5'] ?? {}).filter(([, f]) => f.isBuiltIn),
);
const PROCEDURES = Object.fromEntries(
  Object.entries(NEO4J_5.procedures?.['CYPHER 5'] ?? {}).filter(([name]) =>
    /^(db|dbms|tx)\./.test(name),
  ),
);

const spec = (type: RelationshipType): RelationshipSpec => RELATIONSHIPS[type];

const SCHEMA: DbSchema = {
  labels: [...NODE_LABELS],
  relationshipTypes: [...RELATIONSHIP_TYPES],
  // `from` and `to` are keys of the rows that link queries take (`row.from`).
  propertyKeys: [...allPropertyKeys(), 'from', 'to'],
  graphSchema: RELATIONSHIP_TYPES.flatMap((relType) =>
    spec(relType).endpoints.map(([from, to]) => ({ from, to, relType })),
  ),
  parameters: PARAMETERS,
  functions: { 'CYPHER 5': FUNCTIONS },
  procedures: { 'CYPHER 5': PROCEDURES },
  defaultLanguage: 'CYPHER 5',
};

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
const expr = (labels: readonly string[]): string => unique(labels).join('|');

/** The keys the API orders by that every one of `labels` has. */
function orderKeys(labels: readonly NodeLabel[]): string[] {
  return ['id', 'name', 'ordinal'].filter((key) => labels.every((l) => key in NODE_PROPERTIES[l]));
}

/**
 * Traversals of each relationship type from its parent side (outgoing from
 * `from`, incoming to `to`): every allowed endpoint pair, and the label
 * expressions of all parents and all nodes together. Order keys rotate over
 * the renderings of a type so that each key the nodes have is linted for it
 * (the linter checks a property key regardless of labels, so the full cross
 * product would only repeat the same check at ~100 ms a rendering).
 */
function traversals(direction: 'outgoing' | 'incoming'): Slots[] {
  return RELATIONSHIP_TYPES.flatMap((type) => {
    const ends = spec(type).endpoints.map(([f, t]) => (direction === 'outgoing' ? [f, t] : [t, f]));
    const grouped = [
      unique(ends.map(([p]) => p as NodeLabel)),
      unique(ends.map(([, n]) => n as NodeLabel)),
    ] as const;
    const choices = unique(
      [...ends, grouped].map(([p, n]) => `${expr([p].flat())} ${expr([n].flat())}`),
    );
    return choices.map((choice, i) => {
      const [parentLabels, nodeLabels] = choice.split(' ') as [string, string];
      const keys = orderKeys(nodeLabels.split('|') as NodeLabel[]);
      return { type, parentLabels, nodeLabels, orderKey: keys[i % keys.length] as string };
    });
  });
}

/** Outgoing traversals of each type the model orders newest first, with its date property. */
function newestTraversals(): Slots[] {
  return RELATIONSHIP_TYPES.flatMap((type) =>
    Object.values(spec(type).traversals).flatMap((t) =>
      t.newestBy
        ? traversals('outgoing')
            .filter((s) => s.type === type)
            .map((s) => ({ ...s, dateKey: t.newestBy as string }))
        : [],
    ),
  );
}

/** The traversals that fetch their statements' sources in the same query (`withSource`). */
function endingAtStatements(all: Slots[]): Slots[] {
  return all.filter((t) => t.nodeLabels === 'Statement' && t.type !== 'REPORTED_IN');
}

/** Counts of incoming relationships, for the same parent and node labels as the traversals. */
function incomingCounts(): Slots[] {
  const keys = unique(
    traversals('incoming').map((t) => `${t.type} ${t.parentLabels} ${t.nodeLabels}`),
  );
  return keys.map((key) => {
    const [type, parentLabels, nodeLabels] = key.split(' ') as [string, string, string];
    return { type, parentLabels, nodeLabels };
  });
}

/** Every endpoint pair of the given types, as link slots (with the type when the template takes it). */
function endpointPairs(types: readonly RelationshipType[], withType: boolean): Slots[] {
  return types.flatMap((type) =>
    spec(type).endpoints.map(([fromLabel, toLabel]): Slots =>
      withType ? { type, fromLabel, toLabel } : { fromLabel, toLabel },
    ),
  );
}

/** Each label alone, and groups of labels as the API passes them. */
const labelExpressions = (
  labels: readonly NodeLabel[],
  groups: ReadonlyArray<readonly NodeLabel[]>,
): Slots[] =>
  unique([...labels.map((l) => l as string), ...groups.map(expr)]).map((labels) => ({ labels }));
const anyLabels = labelExpressions(NODE_LABELS, [NODE_LABELS, ENTITY_LABELS, ACTOR_LABELS]);
const entityLabels = labelExpressions(ENTITY_LABELS, [ENTITY_LABELS]);
const pages = (labels: readonly NodeLabel[], withLabel: boolean): Slots[] =>
  labels.flatMap((label) =>
    orderKeys([label]).flatMap((orderKey) =>
      ['ASC', 'DESC'].map((direction): Slots =>
        withLabel ? { label, orderKey, direction } : { orderKey, direction },
      ),
    ),
  );
/** Every endpoint pair of every type with properties, with each of its property keys. */
const linkProperties = (): Slots[] =>
  endpointPairs(RELATIONSHIP_TYPES, true).flatMap((pair) =>
    Object.keys(spec(pair.type as RelationshipType).properties).map((key) => ({ ...pair, key })),
  );

/** Traversals that end at nodes of `label` alone. */
const ending = (all: Slots[], label: NodeLabel): Slots[] =>
  all.filter((t) => t.nodeLabels === label);
const factTypes = expr(FACT_TYPES);
/** Each label alone, and all of them together, as `{{parentLabels}}`. */
const parents = (labels: readonly NodeLabel[]): Slots[] =>
  labelExpressions(labels, [labels]).map(({ labels: parentLabels }) => ({
    parentLabels: parentLabels as string,
  }));

/** The slot combinations each template can be rendered with, derived from the model. */
const SLOT_DOMAINS: Record<string, () => Slots[]> = {
  'aggregate/co-mentions': () => entityLabels,
  'aggregate/top-mentioned': () => entityLabels,
  'neighborhood/expand': () => anyLabels,
  'path/shortest': () => anyLabels,
  'read/nodes-by-ids': () => anyLabels,
  'search/text': () => anyLabels,
  'read/entity-count': () => ENTITY_LABELS.map((label) => ({ label })),
  'read/entity-page': () => pages(ENTITY_LABELS, true),
  'read/statement-page': () => pages(['Statement'], false),
  'read/statement-page-mentioning': () =>
    pages(['Statement'], false).map((slots) => ({
      ...slots,
      anchorLabels: ENTITY_LABELS.join('|'),
    })),
  'read/statement-page-by-speaker': () =>
    pages(['Statement'], false).map((slots) => ({
      ...slots,
      anchorLabels: ACTOR_LABELS.join('|'),
    })),
  'read/statement-count-mentioning': () => [{ anchorLabels: ENTITY_LABELS.join('|') }],
  'read/statement-count-by-speaker': () => [{ anchorLabels: ACTOR_LABELS.join('|') }],
  'read/estimates-of': () => ENTITY_LABELS.map((label) => ({ label })),
  'read/statements-made-by': () => ACTOR_LABELS.map((label) => ({ label })),
  'read/relationship-between': () => endpointPairs(RELATIONSHIP_TYPES, true),
  'traverse/outgoing': () => traversals('outgoing'),
  'traverse/incoming': () => traversals('incoming'),
  'traverse/outgoing-newest': newestTraversals,
  'traverse/outgoing-with-source': () => endingAtStatements(traversals('outgoing')),
  'traverse/incoming-with-source': () => endingAtStatements(traversals('incoming')),
  'traverse/count-incoming': incomingCounts,
  'write/delete-nodes': () => NODE_LABELS.map((label) => ({ label })),
  'ingest/known-entities': () => entityLabels,
  'ingest/create-entities': () => ENTITY_LABELS.map((label) => ({ label })),
  'ingest/taken-ids': () => anyLabels,
  'write/upsert-entities': () => ENTITY_LABELS.map((label) => ({ label })),
  'write/link': () => endpointPairs(RELATIONSHIP_TYPES, true),
  'write/set-link-property': linkProperties,
  'write/clear-link-property': linkProperties,
  'ingest/statements-by-speakers': () => labelExpressions(ACTOR_LABELS, [ACTOR_LABELS]),
  'write/unlink': () => endpointPairs(RELATIONSHIP_TYPES, true),
  // The asOf views, the timeline and the rankings' report counts (issue 16).
  'traverse/outgoing-statements-as-of': () => ending(traversals('outgoing'), 'Statement'),
  'traverse/incoming-statements-as-of': () => ending(traversals('incoming'), 'Statement'),
  'traverse/incoming-estimates-as-of': () => ending(traversals('incoming'), 'Estimate'),
  'traverse/outgoing-sources-as-of': () => ending(traversals('outgoing'), 'Source'),
  'aggregate/top-mentioned-as-of': () => entityLabels,
  'aggregate/mention-reports': () => entityLabels,
  'search/text-as-of': () => anyLabels.map((s) => ({ ...s, factTypes })),
  'neighborhood/expand-as-of': () => [{ labels: expr(NODE_LABELS), factTypes }],
  'timeline/statements': () => parents(ENTITY_LABELS),
  'timeline/events': () => parents(PARTICIPANTS),
  'timeline/estimates': () => parents(ENTITY_LABELS),
};

const library = new CypherLibrary('neo4j');
/** The linter's semantic analysis takes 50-200 ms a query; a template has up to ~60 renderings. */
const LINT_TIMEOUT_MS = 180_000;
const linted = new Set<string>();
let renderings = 0;

/** Diagnostics of one query, as readable lines. */
function lint(text: string): string[] {
  return lintCypherQuery(text, SCHEMA).diagnostics.map(
    (d) => `${d.severity === 1 ? 'error' : 'warning'} at ${d.offsets.start}: ${d.message}`,
  );
}

/**
 * Results of the renderings are cached on disk (as `eslint --cache` does),
 * keyed by the linter's version, the schema and the query text, since a cold
 * run lints ~430 renderings. Any change to one of the three misses the cache.
 * `CYPHER_LINT_CACHE=off` lints everything afresh.
 */
const CACHE_FILE = path.resolve(__dirname, '../../node_modules/.cache/kg-cypher-lint.json');
const USE_CACHE = process.env.CYPHER_LINT_CACHE !== 'off';
const LINTER_VERSION = (
  JSON.parse(
    readFileSync(
      path.resolve(
        path.dirname(require.resolve('@neo4j-cypher/language-support')),
        '../../package.json',
      ),
      'utf8',
    ),
  ) as { version: string }
).version;
const cached: Record<string, string[]> =
  USE_CACHE && existsSync(CACHE_FILE) ? JSON.parse(readFileSync(CACHE_FILE, 'utf8')) : {};
const used: Record<string, string[]> = {};
const SCHEMA_KEY = JSON.stringify([LINTER_VERSION, SCHEMA]);
let fromCache = 0;

function cachedLint(text: string): string[] {
  const key = createHash('sha256').update(SCHEMA_KEY).update(text).digest('hex');
  const hit = cached[key];
  if (hit) fromCache += 1;
  used[key] = hit ?? lint(text);
  return used[key];
}

afterAll(() => {
  if (!USE_CACHE) return;
  const complete = linted.size === library.names().length;
  mkdirSync(path.dirname(CACHE_FILE), { recursive: true });
  writeFileSync(CACHE_FILE, JSON.stringify(complete ? used : { ...cached, ...used }));
});

/** The template text of `name` as the Neo4j adapter loads it, slots unfilled. */
function templateOf(name: string): string {
  const files = readCypherFiles().filter((f) => f.name === name && f.variant !== 'embedded');
  return (files.find((f) => f.variant === 'neo4j') ?? (files[0] as CypherFile)).text;
}

/** Every rendering of `name`: its statements, or one query per slot combination. */
function renderingsOf(name: string): Array<{ label: string; text: string }> {
  if (name === 'schema/create')
    return library.statements(name).map((q) => ({ label: q.name, text: q.text }));
  const slots = slotsOf(templateOf(name)).sort();
  if (slots.length === 0) return [{ label: name, text: library.get(name).text }];
  const domain = SLOT_DOMAINS[name];
  if (!domain)
    throw new Error(`No slot combinations for the template ${name}; add it to SLOT_DOMAINS.`);
  return domain().map((combination) => {
    expect(Object.keys(combination).sort()).toEqual(slots);
    const query = library.render(name, combination);
    return { label: query.name, text: query.text };
  });
}

describe('The Cypher lint of every query the Neo4j adapter runs', () => {
  it.each(library.names())(
    'finds no error or warning in %s, for every allowed slot combination',
    (name) => {
      const problems = renderingsOf(name).flatMap(({ label, text }) => {
        renderings += 1;
        return cachedLint(text).map((d) => `${label}: ${d}\n${text}`);
      });
      linted.add(name);
      expect(problems).toEqual([]);
    },
    LINT_TIMEOUT_MS,
  );

  it('linted every query name of the Neo4j library', () => {
    expect([...linted].sort()).toEqual(library.names());
    console.info(
      `Linted ${renderings} renderings of ${linted.size} Neo4j queries (${fromCache} results from ${CACHE_FILE}).`,
    );
  });
});

describe('The Cypher lint itself', () => {
  it('reports a misspelt label', () => {
    expect(lint('MATCH (n:Persn) RETURN n')).toEqual([
      expect.stringMatching(/Label Persn is not present/),
    ]);
  });

  it('reports a syntax error', () => {
    expect(lint('MATCH (n:Person RETURN n').length).toBeGreaterThan(0);
  });

  it('reports a relationship between labels the model does not allow', () => {
    expect(lint('MATCH (s:Source)-[:MADE]->(t:Statement) RETURN t').length).toBeGreaterThan(0);
  });

  it('reports an engine-specific function that Neo4j lacks', () => {
    expect(lint('MATCH (n:Person) RETURN label(n) AS name').length).toBeGreaterThan(0);
  });

  it('reports an undeclared parameter', () => {
    expect(lint('MATCH (n:Person {id: $idd}) RETURN n')).toEqual([
      expect.stringMatching(/Parameter \$idd is not defined/),
    ]);
  });
});
