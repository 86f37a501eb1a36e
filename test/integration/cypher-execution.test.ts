/**
 * Every query of the embedded library runs on the seeded embedded graph with
 * realistic slots and parameters, and returns what the seed implies. Reads
 * share one seeded graph; writes get their own. The last test fails when a
 * query file exists that no test here executes.
 */
import { CypherLibrary, type Graph, type GraphNode, type Params, type Row } from '../../src/graph';
import { ENTITY_LABELS, NODE_LABELS } from '../../src/model/graph-model';
import { FACT_TYPES, createQueries, nodeRow } from '../../src/graph';
import { countGraph } from '../../src/seed/load-seed';
import { openTestGraph, type TestGraph } from '../helpers/graph-helper';

const SOURCE = 'report-north-korean-troops-kursk';
const ALL = NODE_LABELS.join('|');
const ENTITIES = ENTITY_LABELS.join('|');
const NO_STATEMENT_FILTER = {
  kind: '',
  textContains: '',
  speakerId: '',
  mentionsId: '',
  addressedToId: '',
  sourceId: '',
};
const FIRST_PAGE = { afterId: '', afterKey: '', reverse: false };

const executed = new Set<string>();

/** Runs the library query `name` (rendered with `slots` when given) and records that it ran. */
function runner(graph: () => Graph, mode: 'read' | 'write') {
  return (
    name: string,
    slots: Record<string, string> | null,
    params: Params = {},
  ): Promise<Row[]> => {
    executed.add(name);
    const g = graph();
    const query = slots ? g.cypher.render(name, slots) : g.cypher.get(name);
    return mode === 'read' ? g.port.read(query, params) : g.port.write(query, params);
  };
}

const node = (value: unknown): GraphNode => value as GraphNode;
const ids = (rows: Row[], column: string): string[] => rows.map((r) => node(r[column]).id);
const items = (row: Row | undefined): Array<{ rel: Row; node: GraphNode }> =>
  (row?.items ?? []) as never;

describe('Every read query of the embedded library, on the seeded graph', () => {
  let test: TestGraph;
  const read = runner(() => test.graph, 'read');
  beforeAll(async () => {
    test = await openTestGraph({ seed: true });
  });
  afterAll(() => test.close());

  it('answers the readiness ping', async () => {
    expect(await read('health/ping', null)).toEqual([{ ok: 1 }]);
  });

  it('counts nodes per label and relationships per type', async () => {
    const labels = await read('aggregate/count-by-label', null);
    expect(labels).toHaveLength(9);
    expect(labels).toContainEqual({ name: 'Statement', total: 23 });
    const types = await read('aggregate/count-by-type', null);
    expect(types).toHaveLength(15);
    expect(types).toContainEqual({ name: 'MENTIONS', total: 74 });
  });

  it('ranks speakers, mentioned entities and co-mentions', async () => {
    const speakers = await read('aggregate/speakers', null, { limit: 2 });
    expect(speakers.map((r) => [node(r.node).id, r.total])).toEqual([
      ['antony-blinken', 6],
      ['volodymyr-zelenskyy', 4],
    ]);
    const top = await read('aggregate/top-mentioned', { labels: ENTITIES }, { limit: 2 });
    expect(top.map((r) => [node(r.node).id, r.total])).toEqual([
      ['north-korean-troops-in-russia', 15],
      ['north-korea', 14],
    ]);
    const together = await read(
      'aggregate/co-mentions',
      { labels: ENTITIES },
      { id: 'china', limit: 3 },
    );
    expect(together.map((r) => [node(r.node).id, r.total])).toEqual([
      ['north-korea', 2],
      ['russia', 2],
    ]);
  });

  it('runs the analytics queries', async () => {
    const mentioned = await read('analytics/most-mentioned', null);
    expect(mentioned[0]).toEqual({
      id: 'north-korean-troops-in-russia',
      name: 'North Korean troops in Russia',
      mentions: 15,
    });
    const pairs = await read('analytics/co-mention-pairs', null);
    expect(pairs[0]).toEqual({
      first: 'North Korea',
      second: 'North Korean troops in Russia',
      together: 10,
    });
    const degrees = await read('analytics/degree-ranking', null);
    expect(degrees[0]).toEqual({
      id: SOURCE,
      name: expect.stringContaining('North Korean Troops'),
      degree: 28,
    });
    const estimates = await read('analytics/estimates-side-by-side', null);
    expect(estimates.map((r) => [r.value, r.saidBy])).toEqual([
      [86, null],
      [10000, 'Antony Blinken'],
      [8000, 'Antony Blinken'],
      [8000, 'United States'],
    ]);
    const aboutNorthKorea = await read('analytics/who-speaks-about', null, { id: 'north-korea' });
    expect(aboutNorthKorea).toHaveLength(16); // the corrected seed: the Beijing statement no longer mentions North Korea
    expect(aboutNorthKorea[0]?.p).toMatchObject({
      kind: 'path',
      nodes: [{}, { label: 'Statement' }, { id: 'north-korea' }],
    });
    const whoAboutWhom = await read('analytics/who-speaks-about-whom', null);
    expect(whoAboutWhom[0]).toEqual({
      speakerName: 'Antony Blinken',
      subjectName: 'North Korean troops in Russia',
      statements: 5,
    });
  });

  it('fetches the projections the graph algorithms run over, grouped per statement or node', async () => {
    const coMention = await read('projection/co-mention', null);
    expect(coMention).toHaveLength(23); // every seed statement mentions something
    const kim = coMention.find((r) => r.statement === 'austin-co-belligerents');
    expect(kim?.mentioned).toEqual(expect.arrayContaining(['north-korean-troops-in-russia']));
    const speakers = await read('projection/speaker-mention', null);
    expect(speakers.filter((r) => r.speaker === 'antony-blinken')).toHaveLength(6); // his six statements in the corrected seed
    const everything = await read('projection/entity-graph', null);
    const total = everything.reduce((sum, r) => sum + (r.targets as string[]).length, 0);
    expect(total).toBe(168); // the seed's relationships
  });

  it('expands a neighbourhood and finds a shortest path', async () => {
    const hood = await read(
      'neighborhood/expand',
      { labels: 'Person' },
      { ids: ['lloyd-austin'], limit: 50 },
    );
    expect(hood.map((r) => (r.r as { type: string }).type).sort()).toEqual(['HOLDS_ROLE', 'MADE']);
    expect(new Set(ids(hood, 'a'))).toEqual(new Set(['lloyd-austin']));
    const [path] = await read(
      'path/shortest',
      { labels: ALL },
      { from: 'volodymyr-zelenskyy', to: 'north-korea' },
    );
    const nodes = (path?.nodes ?? []) as GraphNode[];
    expect(nodes.map((n) => n.label)).toEqual(['Person', 'Statement', 'State']);
    expect([nodes[0]?.id, nodes[2]?.id]).toEqual(['volodymyr-zelenskyy', 'north-korea']);
    expect(path?.relationships).toHaveLength(2);
  });

  it('reads nodes by id, and the statements and estimates that depend on them', async () => {
    const found = await read(
      'read/nodes-by-ids',
      { labels: ALL },
      { ids: ['china', 'antony-blinken', 'nobody'] },
    );
    expect(found.map((r) => r.id).sort()).toEqual(['antony-blinken', 'china']);
    expect(
      await read('read/statements-made-by', { label: 'Person' }, { id: 'lloyd-austin' }),
    ).toEqual([{ id: 'austin-co-belligerents' }]);
    const estimates = await read(
      'read/estimates-of',
      { label: 'MilitaryUnit' },
      { id: 'north-korean-troops-in-russia' },
    );
    expect(estimates.map((r) => r.estimateId).sort()).toEqual([
      'estimate-10000-troops-in-russia',
      'estimate-8000-troops-near-ukraine-border',
    ]);
    const attributed = await read('read/estimates-attributed-to', null, {
      ids: ['blinken-10000-troops-sent-to-russia'],
    });
    expect(attributed).toEqual([{ id: 'estimate-10000-troops-in-russia' }]);
    expect(await read('read/next-ordinal', null, { sourceId: SOURCE })).toEqual([{ next: 24 }]);
  });

  it('pages and counts entities in keyset order', async () => {
    const slots = { label: 'State', orderKey: 'name', direction: 'ASC' };
    const filters = { nameContains: '', category: '', ids: [] };
    const first = await read('read/entity-page', slots, { ...filters, ...FIRST_PAGE, limit: 3 });
    expect(first.map((r) => r.key)).toEqual(['China', 'North Korea', 'Russia']);
    const next = await read('read/entity-page', slots, {
      ...filters,
      afterId: 'russia',
      afterKey: 'Russia',
      reverse: false,
      limit: 3,
    });
    expect(ids(next, 'n')).toEqual(['south-korea', 'ukraine', 'united-states']);
    expect(await read('read/entity-count', { label: 'State' }, filters)).toEqual([{ total: 6 }]);
    expect(
      await read('read/entity-count', { label: 'State' }, { ...filters, nameContains: 'korea' }),
    ).toEqual([{ total: 2 }]);
  });

  it('pages and counts statements with their filters', async () => {
    const page = await read(
      'read/statement-page',
      { orderKey: 'ordinal', direction: 'ASC' },
      {
        ...NO_STATEMENT_FILTER,
        speakerId: 'volodymyr-zelenskyy',
        afterId: '',
        afterKey: 0,
        reverse: false,
        limit: 10,
      },
    );
    expect(page.map((r) => r.key)).toEqual([17, 18, 19, 20]);
    expect(
      await read('read/statement-count', null, { ...NO_STATEMENT_FILTER, kind: 'QUOTE' }),
    ).toEqual([{ total: 4 }]);
    expect(
      await read('read/statement-count', null, {
        ...NO_STATEMENT_FILTER,
        addressedToId: 'north-korea',
      }),
    ).toEqual([{ total: 4 }]);
  });

  it('pages and counts statements from the mentioned entity or the speaker: the same rows as the plain page', async () => {
    /** Every keyset page of `limit` rows of `name`, as "id@key" lists. */
    const allPages = async (name: string, slots: Record<string, string>, filter: Params) => {
      const pages: string[][] = [];
      let after: Row | undefined;
      do {
        const rows = await read(name, slots, {
          ...filter,
          afterId: after ? node(after.n).id : '',
          afterKey: after ? (after.key as string | number) : slots.orderKey === 'ordinal' ? -1 : '',
          reverse: slots.direction === 'DESC',
          limit: 4,
        });
        pages.push(rows.map((r) => `${node(r.n).id}@${String(r.key)}`));
        after = rows.length === 4 ? rows[3] : undefined;
      } while (after);
      return pages;
    };
    const cases: Array<[string, string, Params, number]> = [
      ['mentioning', ENTITIES, { mentionsId: 'north-korea' }, 14],
      ['mentioning', ENTITIES, { mentionsId: 'north-korea', kind: 'QUOTE' }, 2],
      ['mentioning', ENTITIES, { mentionsId: 'north-korea', speakerId: 'antony-blinken' }, 3],
      ['by-speaker', 'Person|Organization|State', { speakerId: 'antony-blinken' }, 6],
      [
        'by-speaker',
        'Person|Organization|State',
        { speakerId: 'antony-blinken', mentionsId: 'north-korea' },
        3,
      ],
      ['by-speaker', 'Person|Organization|State', { speakerId: 'no-such-speaker' }, 0],
    ];
    for (const [form, anchorLabels, params, expectedTotal] of cases) {
      const filter = { ...NO_STATEMENT_FILTER, ...params };
      const [plainTotal] = await read('read/statement-count', null, filter);
      const [anchoredTotal] = await read(`read/statement-count-${form}`, { anchorLabels }, filter);
      expect(anchoredTotal).toEqual(plainTotal);
      expect(anchoredTotal).toEqual({ total: expectedTotal });
      for (const orderKey of ['ordinal', 'id']) {
        for (const direction of ['ASC', 'DESC']) {
          const plain = await allPages('read/statement-page', { orderKey, direction }, filter);
          const anchored = await allPages(
            `read/statement-page-${form}`,
            { anchorLabels, orderKey, direction },
            filter,
          );
          expect(anchored).toEqual(plain);
          expect(plain.flat()).toHaveLength(Number(plainTotal?.total));
        }
      }
    }
  });

  it('pages and counts sources', async () => {
    const page = await read('read/source-page', null, {
      nameContains: 'north korean',
      ids: [],
      ...FIRST_PAGE,
      limit: 10,
    });
    expect(ids(page, 'n')).toEqual([SOURCE]);
    expect(await read('read/source-count', null, { nameContains: '', ids: [] })).toEqual([
      { total: 1 },
    ]);
  });

  it('finds an entity by an alias, and by a misspelt name', async () => {
    const hits = await read(
      'search/text',
      { labels: ENTITIES },
      { text: 'zelensky', maxEdits: 2, limit: 5 },
    );
    expect(node(hits[0]?.node).id).toBe('volodymyr-zelenskyy');
    const typo = await read(
      'search/text',
      { labels: ENTITIES },
      { text: 'north koria', maxEdits: 2, limit: 5 },
    );
    expect(ids(typo, 'node')).toEqual(['north-korea']);
  });

  it('finds the relationship between two nodes, with its properties, or nothing', async () => {
    const slots = { type: 'HOLDS_ROLE', fromLabel: 'Person', toLabel: 'State' };
    const [row] = await read('read/relationship-between', slots, {
      from: 'antony-blinken',
      to: 'united-states',
    });
    expect(row?.r).toMatchObject({
      type: 'HOLDS_ROLE',
      startId: 'antony-blinken',
      endId: 'united-states',
      properties: { title: 'Secretary of State' },
    });
    expect(
      await read('read/relationship-between', slots, { from: 'antony-blinken', to: 'russia' }),
    ).toEqual([]);
  });

  it('traverses relationships for a batch of parents, in order, capped per parent', async () => {
    const made = await read(
      'traverse/outgoing',
      { type: 'MADE', parentLabels: 'Person', nodeLabels: 'Statement', orderKey: 'ordinal' },
      { ids: ['antony-blinken', 'volodymyr-zelenskyy'], limit: 2 },
    );
    const byParent = Object.fromEntries(
      made.map((r) => [r.parentId, items(r).map((i) => i.node.properties.ordinal)]),
    );
    expect(byParent).toEqual({ 'antony-blinken': [1, 3], 'volodymyr-zelenskyy': [17, 18] });
    const mentioning = await read(
      'traverse/incoming',
      { type: 'MENTIONS', parentLabels: 'State', nodeLabels: 'Statement', orderKey: 'ordinal' },
      { ids: ['china'], limit: 10 },
    );
    expect(items(mentioning[0]).map((i) => i.node.id)).toEqual([
      'biden-administration-urges-beijing',
      'report-china-close-ties',
      'experts-china-destabilizing',
    ]);
    // Newest first by a relationship date, undated last, before the per-parent cut.
    const roles = await read(
      'traverse/outgoing-newest',
      {
        type: 'HOLDS_ROLE',
        parentLabels: 'Person',
        nodeLabels: 'State|Organization',
        orderKey: 'name',
        dateKey: 'since',
      },
      { ids: ['antony-blinken'], limit: 5 },
    );
    expect(items(roles[0]).map((i) => i.node.id)).toEqual(['united-states']);
    const deployments = await read(
      'traverse/outgoing-newest',
      {
        type: 'DEPLOYED_TO',
        parentLabels: 'MilitaryUnit',
        nodeLabels: 'Location|State',
        orderKey: 'name',
        dateKey: 'asOf',
      },
      { ids: ['north-korean-troops-in-russia'], limit: 1 },
    );
    expect(items(deployments[0])).toHaveLength(1);
    const counts = await read(
      'traverse/count-incoming',
      { type: 'MADE', parentLabels: 'Statement', nodeLabels: 'Person|Organization|State' },
      { ids: ['us-officials-legitimate-targets', 'blinken-meat-grinder'] },
    );
    expect(Object.fromEntries(counts.map((r) => [r.parentId, r.total]))).toEqual({
      'us-officials-legitimate-targets': 3,
      'blinken-meat-grinder': 1,
    });
  });

  it('traverses to statements together with their sources, in per-parent order whatever the order of the ids', async () => {
    // Blinken (six statements) and Zelenskyy, in both orders: the per-parent
    // order (ordinal, then id) must not depend on the order of $ids.
    const made = {
      type: 'MADE',
      parentLabels: 'Person',
      nodeLabels: 'Statement',
      orderKey: 'ordinal',
    };
    const parents = ['antony-blinken', 'volodymyr-zelenskyy'];
    // Every source of a statement (one in the seed; several once reports repeat it), by id.
    const sourcesOf = async (statementId: string) =>
      ids(
        await test.graph.port.read(
          {
            name: 'test/sources-of',
            text: 'MATCH (:Statement {id: $id})-[:REPORTED_IN]->(s:Source) RETURN s',
          },
          { id: statementId },
        ),
        's',
      ).sort();
    const sourceIds = (sources: Array<{ node: GraphNode }>) => sources.map((s) => s.node.id).sort();
    const plain = await read('traverse/outgoing', made, { ids: parents, limit: 100 });
    const expected = Object.fromEntries(
      await Promise.all(
        plain.map(async (r) => [
          r.parentId,
          await Promise.all(
            items(r).map(async (i) => ({
              ordinal: i.node.properties.ordinal,
              id: i.node.id,
              sources: await sourcesOf(i.node.id),
            })),
          ),
        ]),
      ),
    );
    expect(expected['antony-blinken']?.map((s: { ordinal: unknown }) => s.ordinal)).toEqual([
      1, 3, 5, 6, 7, 23,
    ]);
    for (const order of [parents, [...parents].reverse()]) {
      const rows = await read('traverse/outgoing-with-source', made, { ids: order, limit: 100 });
      const byParent = Object.fromEntries(
        rows.map((r) => [
          r.parentId,
          (
            items(r) as unknown as Array<{ node: GraphNode; sources: Array<{ node: GraphNode }> }>
          ).map((i) => ({
            ordinal: i.node.properties.ordinal,
            id: i.node.id,
            sources: sourceIds(i.sources),
          })),
        ]),
      );
      expect(byParent).toEqual(expected);
    }
    const capped = await read('traverse/outgoing-with-source', made, { ids: parents, limit: 2 });
    expect(
      Object.fromEntries(
        capped.map((r) => [r.parentId, items(r).map((i) => i.node.properties.ordinal)]),
      ),
    ).toEqual({ 'antony-blinken': [1, 3], 'volodymyr-zelenskyy': [17, 18] });

    const mentioning = await read(
      'traverse/incoming-with-source',
      { type: 'MENTIONS', parentLabels: 'State', nodeLabels: 'Statement', orderKey: 'ordinal' },
      { ids: ['china'], limit: 10 },
    );
    const china = items(mentioning[0]) as unknown as Array<{
      node: GraphNode;
      sources: Array<{ node: GraphNode }>;
    }>;
    expect(china.map((i) => i.node.id)).toEqual([
      'biden-administration-urges-beijing',
      'report-china-close-ties',
      'experts-china-destabilizing',
    ]);
    expect(china.map((i) => sourceIds(i.sources))).toEqual(
      await Promise.all(china.map((i) => sourcesOf(i.node.id))),
    );
  });
});

describe('Every write query of the embedded library, on a graph of its own', () => {
  let test: TestGraph;
  const write = runner(() => test.graph, 'write');
  const read = (text: string, params: Params = {}) =>
    test.graph.port.read({ name: 'test/check', text }, params);
  beforeAll(async () => {
    test = await openTestGraph({ seed: true });
  });
  afterAll(() => test.close());

  it('applies the schema statements again without changing anything', async () => {
    const before = await countGraph(test.graph);
    const statements = test.graph.cypher.statements('schema/create');
    executed.add('schema/create');
    for (const statement of statements) await test.graph.port.write(statement);
    // 24 tables, then the columns older databases gain: 5 of REPORTED_IN's evidence, externalIds on the 6 entity tables.
    expect(statements).toHaveLength(35);
    expect(await countGraph(test.graph)).toEqual(before);
  });

  it('upserts entities, statements, sources and estimates', async () => {
    const person = nodeRow({
      label: 'Person',
      id: 'jake-sullivan',
      name: 'Jake Sullivan',
      aliases: ['Sullivan'],
    });
    const [written] = await write('write/upsert-entities', { label: 'Person' }, { rows: [person] });
    expect(node(written?.n)).toMatchObject({
      label: 'Person',
      id: 'jake-sullivan',
      properties: { search: 'jake sullivan | sullivan' },
    });
    const said = nodeRow({
      label: 'Statement',
      id: 'sullivan-says',
      name: 'Sullivan says',
      text: 'A test.',
      kind: 'PARAPHRASE',
      ordinal: 18,
    });
    expect(ids(await write('write/upsert-statements', null, { rows: [said] }), 'n')).toEqual([
      'sullivan-says',
    ]);
    const source = nodeRow({
      label: 'Source',
      id: 'second-report',
      title: 'A second report',
      publisher: 'Test Wire',
    });
    expect(
      node((await write('write/upsert-sources', null, { rows: [source] }))[0]?.n).properties.name,
    ).toBe('A second report');
    const estimate = nodeRow({
      label: 'Estimate',
      id: 'estimate-12000',
      name: 'about 12,000 troops',
      value: 12000,
      unit: 'troops',
    });
    expect(
      node((await write('write/upsert-estimate', null, estimate))[0]?.n).properties.value,
    ).toBe(12000);
  });

  it('links nodes, with and without relationship properties', async () => {
    const linked = await write(
      'write/link',
      { type: 'MADE', fromLabel: 'Person', toLabel: 'Statement' },
      { rows: [{ from: 'jake-sullivan', to: 'sullivan-says' }] },
    );
    expect(linked[0]?.r).toEqual({
      kind: 'relationship',
      type: 'MADE',
      properties: {},
      startId: 'jake-sullivan',
      endId: 'sullivan-says',
    });
    /** Links one pair, then sets each given property as the link writes do. */
    const linkWith = async (
      type: string,
      fromLabel: string,
      toLabel: string,
      link: { from: string; to: string },
      properties: Record<string, string | string[]>,
    ) => {
      const slots = { type, fromLabel, toLabel };
      let rows = await write('write/link', slots, { rows: [link] });
      for (const [key, value] of Object.entries(properties)) {
        rows = await write(
          'write/set-link-property',
          { ...slots, key },
          { rows: [{ ...link, value }] },
        );
      }
      return rows;
    };
    const role = await linkWith(
      'HOLDS_ROLE',
      'Person',
      'State',
      { from: 'jake-sullivan', to: 'united-states' },
      { title: 'National Security Advisor' },
    );
    expect(role[0]?.r).toMatchObject({ properties: { title: 'National Security Advisor' } });
    const deployed = await linkWith(
      'DEPLOYED_TO',
      'MilitaryUnit',
      'Location',
      { from: 'north-korean-troops-in-russia', to: 'kursk-region' },
      { status: 'in combat', asOf: '2024-11' },
    );
    expect(deployed[0]?.r).toMatchObject({ properties: { status: 'in combat', asOf: '2024-11' } });
    const trained = await linkWith(
      'TRAINED_BY',
      'MilitaryUnit',
      'State',
      { from: 'north-korean-troops-in-russia', to: 'russia' },
      { disciplines: ['artillery'] },
    );
    expect(trained[0]?.r).toMatchObject({ properties: { disciplines: ['artillery'] } });
    const related = await linkWith(
      'RELATION',
      'State',
      'State',
      { from: 'united-states', to: 'south-korea' },
      { kind: 'ALLIANCE' },
    );
    expect(related[0]?.r).toMatchObject({ properties: { kind: 'ALLIANCE' } });
    const took = await linkWith(
      'PARTICIPATED_IN',
      'Person',
      'Event',
      { from: 'jake-sullivan', to: 'un-security-council-meeting' },
      { role: 'observer' },
    );
    expect(took[0]?.r).toMatchObject({ properties: { role: 'observer' } });
    const [deployments] = await read(
      'MATCH (:MilitaryUnit)-[d:DEPLOYED_TO]->() RETURN count(d) AS total',
    );
    expect(deployments).toEqual({ total: 3 });
  });

  it('unlinks two nodes and deletes nodes with their relationships', async () => {
    const slots = { type: 'MADE', fromLabel: 'Person', toLabel: 'Statement' };
    expect(
      await write('write/unlink', slots, { from: 'jake-sullivan', to: 'sullivan-says' }),
    ).toEqual([{ removed: 1 }]);
    expect(
      await write('write/unlink', slots, { from: 'jake-sullivan', to: 'sullivan-says' }),
    ).toEqual([{ removed: 0 }]);
    await write('write/delete-nodes', { label: 'Person' }, { ids: ['jake-sullivan'] });
    expect(await read('MATCH (p:Person {id: $id}) RETURN p', { id: 'jake-sullivan' })).toEqual([]);
    const [roles] = await read('MATCH (:Person)-[r:HOLDS_ROLE]->() RETURN count(r) AS total');
    expect(roles).toEqual({ total: 4 });
  });
});

describe('Every ingest query of the embedded library, on a graph of its own', () => {
  let test: TestGraph;
  const write = runner(() => test.graph, 'write');
  const read = runner(() => test.graph, 'read');
  beforeAll(async () => {
    test = await openTestGraph({ seed: true });
  });
  afterAll(() => test.close());

  it('lists the known entities and finds a source by content hash', async () => {
    const known = await read('ingest/known-entities', { labels: ENTITIES });
    expect(known).toHaveLength(30);
    expect(node(known[0]?.n)).toMatchObject({ label: 'Person', id: 'antony-blinken' });
    expect(await read('ingest/source-by-hash', null, { contentHash: 'f'.repeat(64) })).toEqual([]);
    const source = nodeRow({
      label: 'Source',
      id: 'hashed-report',
      title: 'Hashed',
      text: 'Some text.',
      contentHash: 'a'.repeat(64),
    });
    await write('write/upsert-sources', null, { rows: [source] });
    expect(await read('ingest/source-by-hash', null, { contentHash: 'a'.repeat(64) })).toEqual([
      { id: 'hashed-report' },
    ]);
    const taken = await read(
      'ingest/taken-ids',
      { labels: ALL },
      { ids: ['hashed-report', 'north-korea', 'blinken-meat-grinder', 'free-id'] },
    );
    expect(taken.map((r) => r.id).sort()).toEqual([
      'blinken-meat-grinder',
      'hashed-report',
      'north-korea',
    ]);
  });

  it("lists the statements a report's speakers already made, to match repeated claims against", async () => {
    const made = await read(
      'ingest/statements-by-speakers',
      { labels: 'Person|Organization|State' },
      { ids: ['antony-blinken', 'nobody-at-all'] },
    );
    expect(made).toHaveLength(6);
    expect(made.every((r) => r.speakerId === 'antony-blinken')).toBe(true);
    expect(made[0]).toEqual({
      speakerId: 'antony-blinken',
      id: expect.any(String),
      kind: expect.any(String),
      text: expect.any(String),
    });
  });

  it("keeps each report's evidence on REPORTED_IN, and clears a property no row gives", async () => {
    const slots = { type: 'REPORTED_IN', fromLabel: 'Statement', toLabel: 'Source' };
    const link = { from: 'blinken-meat-grinder', to: SOURCE };
    await write('write/link', slots, { rows: [link] });
    for (const [key, value] of Object.entries({ evidence: 'He said so.', evidenceStart: 4 }))
      await write('write/set-link-property', { ...slots, key }, { rows: [{ ...link, value }] });
    const cleared = await write(
      'write/clear-link-property',
      { ...slots, key: 'evidenceStart' },
      { rows: [link] },
    );
    // A null property is absent from a relationship as read.
    expect((cleared[0]?.r as { properties: unknown }).properties).toEqual({
      evidence: 'He said so.',
    });
  });

  it('creates proposed entities without touching one that exists', async () => {
    const rows = [
      nodeRow({ label: 'Person', id: 'mara-voss', name: 'Mara Voss', aliases: ['Voss'] }),
      nodeRow({ label: 'Person', id: 'antony-blinken', name: 'Someone Else' }),
    ];
    const created = await write('ingest/create-entities', { label: 'Person' }, { rows });
    expect(created.map((r) => [node(r.n).id, node(r.n).properties.name])).toEqual([
      ['mara-voss', 'Mara Voss'],
      ['antony-blinken', 'Antony Blinken'],
    ]);
  });

  it('writes statements with their evidence, and estimates whole and fractional in one batch', async () => {
    const said = nodeRow({
      label: 'Statement',
      id: 'voss-says',
      name: 'Voss says',
      text: 'A test.',
      kind: 'REPORTED',
      ordinal: 1,
      attribution: 'Voss said',
      evidence: 'Voss said a test.',
      evidenceStart: 10,
      evidenceEnd: 17,
    });
    const [stored] = await write('ingest/upsert-statements', null, { rows: [said] });
    expect(node(stored?.n).properties).toMatchObject({
      kind: 'REPORTED',
      evidence: 'Voss said a test.',
      evidenceStart: 10,
      evidenceEnd: 17,
    });
    const estimate = (id: string, value: number) => ({
      ...nodeRow({ label: 'Estimate', id, name: id, value, unit: 'troops' }),
      value: String(value),
    });
    const written = await write('ingest/upsert-estimates', null, {
      rows: [estimate('e-whole', 12000), estimate('e-part', 86.5)],
    });
    expect(written.map((r) => node(r.n).properties.value)).toEqual([12000, 86.5]);
  });
});

describe('Every asOf, timeline and report-count query of the embedded library, on the seeded graph with dated sources', () => {
  let test: TestGraph;
  const read = runner(() => test.graph, 'read');
  const ASOF = '2024-11-01';
  const facts = FACT_TYPES.join('|');
  beforeAll(async () => {
    test = await openTestGraph({ seed: true });
    // The seed's article is undated; two more reports of seed statements: one on the day (a
    // date-time), one a month later (a month alone, which counts as its first day).
    await createQueries(test.graph.port, test.graph.cypher).writeTransaction(async (tx) => {
      await tx.upsertNodes('Source', [
        {
          label: 'Source',
          id: 'dated-wire',
          title: 'Dated wire',
          publishedAt: '2024-11-01T09:30:00Z',
        },
        { label: 'Source', id: 'later-wire', title: 'Later wire', publishedAt: '2024-12' },
      ]);
      await tx.linkNodes('REPORTED_IN', 'Statement', 'Source', [
        { from: 'blinken-10000-troops-sent-to-russia', to: 'dated-wire' },
        { from: 'blinken-meat-grinder', to: 'later-wire' },
      ]);
    });
  });
  afterAll(() => test.close());
  const itemIds = (rows: Row[]) =>
    Object.fromEntries(rows.map((r) => [r.parentId, items(r).map((i) => i.node.id)]));

  it('traverses to statements, figures and sources as of a day', async () => {
    const made = await read(
      'traverse/outgoing-statements-as-of',
      { type: 'MADE', parentLabels: 'Person', nodeLabels: 'Statement', orderKey: 'ordinal' },
      { ids: ['antony-blinken', 'volodymyr-zelenskyy'], limit: 10, asOf: ASOF },
    );
    expect(itemIds(made)).toEqual({ 'antony-blinken': ['blinken-10000-troops-sent-to-russia'] });
    const mentioning = await read(
      'traverse/incoming-statements-as-of',
      { type: 'MENTIONS', parentLabels: 'State', nodeLabels: 'Statement', orderKey: 'ordinal' },
      { ids: ['russia', 'china'], limit: 10, asOf: ASOF },
    );
    expect(itemIds(mentioning)).toEqual({ russia: ['blinken-10000-troops-sent-to-russia'] });
    const figures = await read(
      'traverse/incoming-estimates-as-of',
      { type: 'ESTIMATES', parentLabels: 'MilitaryUnit', nodeLabels: 'Estimate', orderKey: 'name' },
      { ids: ['north-korean-troops-in-russia'], limit: 10, asOf: ASOF },
    );
    expect(itemIds(figures)).toEqual({
      'north-korean-troops-in-russia': ['estimate-10000-troops-in-russia'],
    });
    const sources = await read(
      'traverse/outgoing-sources-as-of',
      { type: 'REPORTED_IN', parentLabels: 'Statement', nodeLabels: 'Source', orderKey: 'id' },
      {
        ids: ['blinken-10000-troops-sent-to-russia', 'blinken-meat-grinder'],
        limit: 10,
        asOf: ASOF,
      },
    );
    // Neither the undated article nor the source of 2024-12.
    expect(itemIds(sources)).toEqual({ 'blinken-10000-troops-sent-to-russia': ['dated-wire'] });
  });

  it('ranks mentioned entities and speakers as of a day, and counts distinct reports', async () => {
    const top = await read(
      'aggregate/top-mentioned-as-of',
      { labels: ENTITIES },
      { limit: 10, asOf: ASOF },
    );
    expect(top.map((r) => [node(r.node).id, r.total])).toEqual([
      ['kursk-region', 1],
      ['north-korea', 1],
      ['north-korean-troops-in-russia', 1],
      ['russia', 1],
      ['ukraine', 1],
    ]);
    const speakers = await read('aggregate/speakers-as-of', null, { limit: 10, asOf: ASOF });
    expect(speakers.map((r) => [node(r.node).id, r.total])).toEqual([['antony-blinken', 1]]);
    const reports = async (
      name: string,
      slots: Record<string, string> | null,
      ids: string[],
      asOf: string,
    ) => Object.fromEntries((await read(name, slots, { ids, asOf })).map((r) => [r.id, r.reports]));
    expect(
      await reports('aggregate/mention-reports', { labels: ENTITIES }, ['russia', 'china'], ''),
    ).toEqual({
      // The undated article, and the two wires (the meat-grinder quote mentions Russia too).
      russia: 3,
      china: 1,
    });
    expect(
      await reports('aggregate/mention-reports', { labels: ENTITIES }, ['russia', 'china'], ASOF),
    ).toEqual({
      russia: 1,
    });
    expect(await reports('aggregate/speaker-reports', null, ['antony-blinken'], '')).toEqual({
      'antony-blinken': 3,
    });
    expect(await reports('aggregate/speaker-reports', null, ['antony-blinken'], ASOF)).toEqual({
      'antony-blinken': 1,
    });
  });

  it('divides the sources on a day, and finds and expands only what was visible then', async () => {
    expect(await read('read/as-of-summary', null, { asOf: ASOF })).toEqual([
      { included: 1, after: 1, undated: 1 },
    ]);
    const hits = await read(
      'search/text-as-of',
      { labels: 'Source|Statement|Person', factTypes: facts },
      { text: 'wire', maxEdits: 0, limit: 10, asOf: ASOF },
    );
    expect(ids(hits, 'node')).toEqual(['dated-wire']);
    // Entities entered as facts stay; a seed statement only its undated article reports does not.
    const people = await read(
      'search/text-as-of',
      { labels: ENTITIES, factTypes: facts },
      { text: 'zelensky', maxEdits: 2, limit: 5, asOf: ASOF },
    );
    expect(ids(people, 'node')).toContain('volodymyr-zelenskyy');
    const around = await read(
      'neighborhood/expand-as-of',
      { labels: ALL, factTypes: facts },
      { ids: ['blinken-10000-troops-sent-to-russia'], limit: 100, asOf: ASOF },
    );
    const reached = ids(around, 'b');
    expect(reached).toContain('dated-wire');
    expect(reached).toContain('estimate-10000-troops-in-russia');
    expect(reached).toContain('antony-blinken');
    expect(reached).not.toContain(SOURCE);
  });

  it('reads the three parts of a timeline, dated first', async () => {
    const statements = await read(
      'timeline/statements',
      { parentLabels: 'Person' },
      { ids: ['antony-blinken'], limit: 3, asOf: '' },
    );
    const first = items(statements[0]) as unknown as Array<{ node: GraphNode; reported: unknown }>;
    expect(first.map((i) => [i.node.id, i.reported])).toEqual([
      ['blinken-10000-troops-sent-to-russia', '2024-11-01T09:30:00Z'],
      ['blinken-meat-grinder', '2024-12'],
      ['blinken-russia-struggling', null],
    ]);
    const asOf = await read(
      'timeline/statements',
      { parentLabels: 'Person' },
      { ids: ['antony-blinken'], limit: 3, asOf: ASOF },
    );
    expect(items(asOf[0]).map((i) => i.node.id)).toEqual(['blinken-10000-troops-sent-to-russia']);
    const events = await read(
      'timeline/events',
      { parentLabels: 'State' },
      { ids: ['russia'], limit: 1, asOf: '' },
    );
    expect(items(events[0]).map((i) => [i.node.id, i.node.properties.date])).toEqual([
      ['russia-ukraine-war', '2022-02'],
    ]);
    const figures = await read(
      'timeline/estimates',
      { parentLabels: 'MilitaryUnit' },
      { ids: ['north-korean-troops-in-russia'], limit: 10, asOf: ASOF },
    );
    expect(items(figures[0]).map((i) => i.node.id)).toEqual(['estimate-10000-troops-in-russia']);
  });
});

describe('The execution test', () => {
  it('executed every query name of the embedded library', () => {
    expect([...executed].sort()).toEqual(new CypherLibrary('embedded').names());
  });
});
