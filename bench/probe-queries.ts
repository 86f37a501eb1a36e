/**
 * Probe: how single graph queries scale with batch size and graph size on
 * the embedded engine, and how alternative formulations compare. Diagnostic
 * only (`tsx bench/probe-queries.ts [S|M ...]`); prints a Markdown table.
 * With `--shapes`, it compares the shapes of batched traversals instead
 * (where they start, what they return, whether per-parent order survives).
 * With `--fold`, it compares the nested page's MADE then MENTIONS as two
 * queries against forms that fold the MENTIONS level into the MADE query,
 * and checks each form's answer against the two-query one.
 * With `--pages`, it times page 1 against page 50 of `people(first: 20)`
 * (the shipped keyset template, and an OFFSET form for comparison).
 * With `--anchor`, it compares the shipped `read/statement-page` (and
 * `statement-count`) filtered by `mentionsId` or `speakerId` against forms
 * that start from the anchor entity, and checks every page's ids, order and
 * cursors against the shipped query's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type CypherQuery, type Graph, type Row, applySchema, openGraph } from '../src/graph';
import { TRAVERSALS } from '../src/loaders';
import { NODE_LABELS, NODE_PROPERTIES, type NodeLabel } from '../src/model/graph-model';
import { type SyntheticGraph, bulkLoad, generateGraph } from './synthetic-graph';

const SIZES: Record<string, number> = { S: 10_000, M: 100_000 };

async function main(): Promise<void> {
  const scales = process.argv.slice(2).filter((a) => a in SIZES);
  const shapes = process.argv.includes('--shapes');
  const fold = process.argv.includes('--fold');
  const pages = process.argv.includes('--pages');
  const anchor = process.argv.includes('--anchor');
  console.log(
    shapes || fold || pages || anchor
      ? '| scale | shape | ids | rows | median ms (11 runs, interleaved) | per-parent order |\n|---|---|---:|---:|---:|---|'
      : '| scale | query | ids | median ms (7 runs) |\n|---|---|---:|---:|',
  );
  for (const scale of scales.length ? scales : ['S', 'M']) {
    const data = generateGraph(SIZES[scale] as number, 42);
    const dir = mkdtempSync(path.join(tmpdir(), `kg-probe-${scale}-`));
    const graph = await openGraph({
      engine: 'embedded',
      path: path.join(dir, 'graph.lbug'),
      queryTimeoutMs: 120_000,
    });
    try {
      await applySchema(graph);
      await bulkLoad(graph, data);
      if (fold) {
        await probeFoldedMentions(graph, data, scale);
        continue;
      }
      if (pages) {
        await probeKeysetPages(graph, data, scale);
        continue;
      }
      if (anchor) {
        await probeAnchoredStatements(graph, data, scale);
        continue;
      }
      if (shapes) {
        await probeShapes(graph, data, scale);
        await probeNestedPage(graph, data, scale);
        continue;
      }
      const persons = data.ids.persons;
      // A diagnostic renders query variants by hand; the application goes through src/graph/queries.
      const t = TRAVERSALS.statementsMadeBy;
      const made = {
        type: t.type,
        parentLabels: t.parentLabels.join('|'),
        nodeLabels: t.nodeLabels.join('|'),
        orderKey: t.orderKey,
      };
      const variants: Array<[string, CypherQuery]> = [
        ['health/ping (baseline: fixed cost of one query)', graph.cypher.get('health/ping')],
        [
          'traverse/outgoing MADE (parent Person|Organization|State), as shipped',
          graph.cypher.render('traverse/outgoing', made),
        ],
        [
          'same, parent label Person only',
          graph.cypher.render('traverse/outgoing', { ...made, parentLabels: 'Person' }),
        ],
        [
          'variant: MATCH (parent:Person) WHERE parent.id IN $ids, then expand',
          {
            name: 'probe/in-list',
            text: `MATCH (parent:Person) WHERE parent.id IN $ids
MATCH (parent)-[rel:MADE]->(node:Statement)
WITH parent.id AS parentId, rel, node ORDER BY parentId, node.ordinal, node.id SKIP 0
WITH parentId, collect({rel: rel, node: node}) AS items
RETURN parentId, items[0..$limit] AS items`,
          },
        ],
        [
          'read/nodes-by-ids (Person)',
          graph.cypher.render('read/nodes-by-ids', { labels: 'Person' }),
        ],
        [
          'read/nodes-by-ids (all entity labels)',
          graph.cypher.render('read/nodes-by-ids', {
            labels: 'Person|State|Organization|MilitaryUnit|Location|Event',
          }),
        ],
        [
          'neighborhood/expand (all labels)',
          graph.cypher.render('neighborhood/expand', { labels: NODE_LABELS.join('|') }),
        ],
      ];
      for (const [label, query] of variants) {
        for (const n of [1, 10, 100]) {
          if ((label.startsWith('neighborhood') && n > 10) || (label.startsWith('health') && n > 1))
            continue;
          const times: number[] = [];
          for (let rep = 0; rep < 7; rep++) {
            const ids = persons.slice((rep * n) % 500, ((rep * n) % 500) + n);
            const t = performance.now();
            await graph.port.read(query, {
              ids,
              limit: label.startsWith('neighborhood') ? 400 : 10,
            });
            times.push(performance.now() - t);
          }
          times.sort((a, b) => a - b);
          console.log(`| ${scale} | ${label} | ${n} | ${(times[3] as number).toFixed(1)} |`);
        }
      }
    } finally {
      await graph.port.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/**
 * Query shapes (issue 15, item 2): where a batched traversal starts, what it
 * returns, and whether the per-parent order survives. `tsx bench/probe-queries.ts --shapes [S|M]`.
 */
async function probeShapes(graph: Graph, data: SyntheticGraph, scale: string): Promise<void> {
  const persons = data.ids.persons.slice(0, 100);
  const statements = data.rels
    .filter((r) => r.type === 'MADE' && persons.includes(r.from))
    .map((r) => r.to)
    .slice(0, 300);
  const sorted = (rows: Row[], key: string): boolean =>
    rows.every((row) => {
      const items = (Array.isArray(row.items) ? row.items : []) as Array<Record<string, unknown>>;
      const keys = items.map((i) => {
        const n = i.node as { properties?: Record<string, unknown> } | undefined;
        return [
          n?.properties ? n.properties[key] : (i.k ?? i[key]),
          n?.properties ? n.properties.id : i.id,
        ];
      });
      return keys.every(
        ([k, id], j) =>
          j === 0 ||
          (keys[j - 1]![0] as string) < (k as string) ||
          ((keys[j - 1]![0] as string) === k && (keys[j - 1]![1] as string) < (id as string)),
      );
    });
  const tail = (
    key: string,
    item: string,
    carry = '',
  ) => `WITH parent.id AS parentId, rel, node${carry}
ORDER BY parentId, node.${key}, node.id
SKIP 0
WITH parentId, collect(${item}) AS items
RETURN parentId, items[0..$limit] AS items`;
  const whole = '{rel: rel, node: node}';
  const fields = (label: NodeLabel, v = 'node'): string =>
    [
      `label: label(${v})`,
      ...Object.keys(NODE_PROPERTIES[label])
        .filter((k) => k !== 'search')
        .map((k) => `${k}: ${v}.${k}`),
    ].join(', ');
  const shapes: Array<[string, string, string[], string]> = [
    [
      'MADE, IN $ids, parent Person|Organization|State (main)',
      `MATCH (parent:Person|Organization|State) WHERE parent.id IN $ids
MATCH (parent)-[rel:MADE]->(node:Statement)
${tail('ordinal', whole)}`,
      persons,
      'ordinal',
    ],
    [
      'MADE, IN $ids, parent Person',
      `MATCH (parent:Person) WHERE parent.id IN $ids
MATCH (parent)-[rel:MADE]->(node:Statement)
${tail('ordinal', whole)}`,
      persons,
      'ordinal',
    ],
    [
      'MADE, UNWIND $ids, parent Person {id}',
      `UNWIND $ids AS id MATCH (parent:Person {id: id})
MATCH (parent)-[rel:MADE]->(node:Statement)
${tail('ordinal', whole)}`,
      persons,
      'ordinal',
    ],
    [
      'MADE, UNWIND $ids, parent Person|Organization|State {id}',
      `UNWIND $ids AS id MATCH (parent:Person|Organization|State {id: id})
MATCH (parent)-[rel:MADE]->(node:Statement)
${tail('ordinal', whole)}`,
      persons,
      'ordinal',
    ],
    [
      'MADE, UNWIND $ids, one pattern (parent:Person {id})-[:MADE]->(node)',
      `UNWIND $ids AS id MATCH (parent:Person {id: id})-[rel:MADE]->(node:Statement)
${tail('ordinal', whole)}`,
      persons,
      'ordinal',
    ],
    [
      'MADE, IN $ids, one pattern (parent:Person)-[:MADE]->(node) WHERE',
      `MATCH (parent:Person)-[rel:MADE]->(node:Statement) WHERE parent.id IN $ids
${tail('ordinal', whole)}`,
      persons,
      'ordinal',
    ],
    [
      'MADE, IN $ids, parent Person, projection (id, ordinal, text)',
      `MATCH (parent:Person) WHERE parent.id IN $ids
MATCH (parent)-[rel:MADE]->(node:Statement)
${tail('ordinal', '{id: node.id, k: node.ordinal, text: node.text}')}`,
      persons,
      'ordinal',
    ],
    [
      'MADE, UNWIND $ids, parent Person {id}, ids only, no order or collect',
      `UNWIND $ids AS id MATCH (parent:Person {id: id})-[rel:MADE]->(node:Statement) RETURN parent.id AS parentId, node.id AS id`,
      persons,
      '',
    ],
    [
      'MADE, IN $ids, parent Person, ids only, no order or collect',
      `MATCH (parent:Person) WHERE parent.id IN $ids MATCH (parent)-[rel:MADE]->(node:Statement) RETURN parent.id AS parentId, node.id AS id`,
      persons,
      '',
    ],
    [
      'MADE, UNWIND $ids, parent Person {id}, projection (id, ordinal, text)',
      `UNWIND $ids AS id MATCH (parent:Person {id: id})
MATCH (parent)-[rel:MADE]->(node:Statement)
${tail('ordinal', '{id: node.id, k: node.ordinal, text: node.text}')}`,
      persons,
      'ordinal',
    ],
    [
      'MENTIONS, IN $ids, parent Statement, nodes of 6 entity labels (main)',
      `MATCH (parent:Statement) WHERE parent.id IN $ids
MATCH (parent)-[rel:MENTIONS]->(node:Person|State|Organization|MilitaryUnit|Location|Event)
${tail('name', whole)}`,
      statements,
      'name',
    ],
    [
      'MENTIONS, UNWIND $ids, parent Statement {id}',
      `UNWIND $ids AS id MATCH (parent:Statement {id: id})
MATCH (parent)-[rel:MENTIONS]->(node:Person|State|Organization|MilitaryUnit|Location|Event)
${tail('name', whole)}`,
      statements,
      'name',
    ],
    [
      'MENTIONS, UNWIND $ids, parent Statement {id}, projection (id, name)',
      `UNWIND $ids AS id MATCH (parent:Statement {id: id})
MATCH (parent)-[rel:MENTIONS]->(node:Person|State|Organization|MilitaryUnit|Location|Event)
${tail('name', '{id: node.id, k: node.name}')}`,
      statements,
      'name',
    ],
    [
      'MENTIONS, IN $ids, ids only, no order or collect',
      `MATCH (parent:Statement) WHERE parent.id IN $ids
MATCH (parent)-[rel:MENTIONS]->(node:Person|State|Organization|MilitaryUnit|Location|Event) RETURN parent.id AS parentId, node.id AS id`,
      statements,
      '',
    ],
    [
      'MENTIONS, IN $ids, whole nodes, no order or collect',
      `MATCH (parent:Statement) WHERE parent.id IN $ids
MATCH (parent)-[rel:MENTIONS]->(node:Person|State|Organization|MilitaryUnit|Location|Event) RETURN parent.id AS parentId, rel, node`,
      statements,
      '',
    ],
    [
      'MENTIONS, IN $ids, ordered ids only (sort and collect scalars)',
      `MATCH (parent:Statement) WHERE parent.id IN $ids
MATCH (parent)-[rel:MENTIONS]->(node:Person|State|Organization|MilitaryUnit|Location|Event)
${tail('name', '{id: node.id, k: node.name}')}`,
      statements,
      'name',
    ],
    [
      'MENTIONS, IN $ids, node Person only',
      `MATCH (parent:Statement) WHERE parent.id IN $ids
MATCH (parent)-[rel:MENTIONS]->(node:Person)
${tail('name', whole)}`,
      statements,
      'name',
    ],
    [
      'REPORTED_IN, IN $ids, parent Statement|Event (main)',
      `MATCH (parent:Statement|Event) WHERE parent.id IN $ids
MATCH (parent)-[rel:REPORTED_IN]->(node:Source)
${tail('name', whole)}`,
      statements,
      'name',
    ],
    [
      'REPORTED_IN, UNWIND $ids, parent Statement {id}',
      `UNWIND $ids AS id MATCH (parent:Statement {id: id})
MATCH (parent)-[rel:REPORTED_IN]->(node:Source)
${tail('name', whole)}`,
      statements,
      'name',
    ],
    [
      'MADE, IN $ids, parent Person, HINT (parent JOIN rel) JOIN node',
      `MATCH (parent:Person)-[rel:MADE]->(node:Statement) WHERE parent.id IN $ids
HINT (parent JOIN rel) JOIN node
${tail('ordinal', whole)}`,
      persons,
      'ordinal',
    ],
    [
      'MADE, IN $ids, parent Person, HINT, projection (id, ordinal, text)',
      `MATCH (parent:Person)-[rel:MADE]->(node:Statement) WHERE parent.id IN $ids
HINT (parent JOIN rel) JOIN node
${tail('ordinal', '{id: node.id, k: node.ordinal, text: node.text}')}`,
      persons,
      'ordinal',
    ],
    [
      'MENTIONS, IN $ids, parent Statement, HINT (parent JOIN rel) JOIN node',
      `MATCH (parent:Statement)-[rel:MENTIONS]->(node:Person|State|Organization|MilitaryUnit|Location|Event) WHERE parent.id IN $ids
HINT (parent JOIN rel) JOIN node
${tail('name', whole)}`,
      statements,
      'name',
    ],
    [
      'MENTIONS, IN $ids, parent Statement, HINT, projection (id, name)',
      `MATCH (parent:Statement)-[rel:MENTIONS]->(node:Person|State|Organization|MilitaryUnit|Location|Event) WHERE parent.id IN $ids
HINT (parent JOIN rel) JOIN node
${tail('name', '{id: node.id, k: node.name}')}`,
      statements,
      'name',
    ],
    [
      'REPORTED_IN, IN $ids, parent Statement, HINT (parent JOIN rel) JOIN node',
      `MATCH (parent:Statement)-[rel:REPORTED_IN]->(node:Source) WHERE parent.id IN $ids
HINT (parent JOIN rel) JOIN node
${tail('name', whole)}`,
      statements,
      'name',
    ],
    [
      'MADE, IN $ids, parent Person, every property but search, and label(node)',
      `MATCH (parent:Person) WHERE parent.id IN $ids
MATCH (parent)-[rel:MADE]->(node:Statement)
${tail('ordinal', `{${fields('Statement')}}`)}`,
      persons,
      'ordinal',
    ],
    [
      'MADE + REPORTED_IN folded, IN $ids, parent Person, every property but search',
      `MATCH (parent:Person) WHERE parent.id IN $ids
MATCH (parent)-[rel:MADE]->(node:Statement)-[:REPORTED_IN]->(src:Source)
${tail('ordinal', `{${fields('Statement')}, source: {${fields('Source', 'src')}}}`, ', src')}`,
      persons,
      'ordinal',
    ],
    [
      'MADE + OPTIONAL REPORTED_IN collected per statement, IN $ids, parent Person, whole nodes',
      `MATCH (parent:Person) WHERE parent.id IN $ids
MATCH (parent)-[rel:MADE]->(node:Statement)
OPTIONAL MATCH (node)-[srel:REPORTED_IN]->(src:Source)
WITH parent.id AS parentId, rel, node, collect({rel: srel, node: src}) AS sources
ORDER BY parentId, node.ordinal, node.id
SKIP 0
WITH parentId, collect({rel: rel, node: node, sources: sources}) AS items
RETURN parentId, items[0..$limit] AS items`,
      persons,
      'ordinal',
    ],
    [
      'MADE + OPTIONAL REPORTED_IN, IN $ids, parent Person, whole nodes',
      `MATCH (parent:Person) WHERE parent.id IN $ids
MATCH (parent)-[rel:MADE]->(node:Statement)
OPTIONAL MATCH (node)-[srel:REPORTED_IN]->(src:Source)
${tail('ordinal', '{rel: rel, node: node, srel: srel, src: src}', ', srel, src')}`,
      persons,
      'ordinal',
    ],
    [
      'MADE + REPORTED_IN (MATCH), IN $ids, parent Person, whole nodes',
      `MATCH (parent:Person) WHERE parent.id IN $ids
MATCH (parent)-[rel:MADE]->(node:Statement)-[srel:REPORTED_IN]->(src:Source)
${tail('ordinal', '{rel: rel, node: node, srel: srel, src: src}', ', srel, src')}`,
      persons,
      'ordinal',
    ],
    [
      'MENTIONS, IN $ids, parent Statement, every property but search, and label(node)',
      `MATCH (parent:Statement) WHERE parent.id IN $ids
MATCH (parent)-[rel:MENTIONS]->(node:Person|State|Organization|MilitaryUnit|Location|Event)
${tail('name', `{${fields('Person')}}`)}`,
      statements,
      'name',
    ],
    [
      'nodes by id: UNWIND $ids, Statement {id}, whole node',
      `UNWIND $ids AS id MATCH (n:Statement {id: id}) RETURN id, n`,
      statements,
      '',
    ],
    [
      'nodes by id + source: UNWIND $ids, Statement {id}, its REPORTED_IN source',
      `UNWIND $ids AS id MATCH (n:Statement {id: id})-[:REPORTED_IN]->(src:Source) RETURN id, n, src`,
      statements,
      '',
    ],
  ];
  // Interleaved: each rep runs every shape once, so a load spike hits all shapes alike.
  const reps = 11;
  const times = shapes.map(() => [] as number[]);
  const last: Row[][] = shapes.map(() => []);
  for (let rep = 0; rep < reps; rep++) {
    for (const [i, [, text, ids]] of shapes.entries()) {
      const t = performance.now();
      last[i] = await graph.port.read({ name: 'probe/shape', text }, { ids, limit: 10 });
      times[i]!.push(performance.now() - t);
    }
  }
  for (const [i, [label, text, ids, key]] of shapes.entries()) {
    const sortedTimes = times[i]!.sort((a, b) => a - b);
    const rows = last[i]!;
    // Reversed ids: the per-parent order must not depend on the order of $ids.
    const reversed = key
      ? await graph.port.read({ name: 'probe/shape', text }, { ids: [...ids].reverse(), limit: 10 })
      : [];
    const order = key ? (sorted(rows, key) && sorted(reversed, key) ? 'kept' : '**lost**') : '–';
    const median = sortedTimes[Math.floor(reps / 2)] as number;
    console.log(
      `| ${scale} | ${label} | ${ids.length} | ${rows.length} | ${median.toFixed(1)} | ${order} |`,
    );
  }
}

/**
 * The graph work of the peer's nested page (100 people, 10 statements each,
 * 5 mentions and the source of each statement) with the shipped templates:
 * as main ran it (MADE from Person|Organization|State, MENTIONS, REPORTED_IN
 * from Statement|Event) and as the loaders now run it (MADE from Person with
 * the sources folded in, MENTIONS). Interleaved, 11 reps.
 */
async function probeNestedPage(graph: Graph, data: SyntheticGraph, scale: string): Promise<void> {
  const persons = data.ids.persons.slice(0, 100);
  const slots = (name: 'statementsMadeBy' | 'mentionsOf' | 'sourcesReporting', parent?: string) => {
    const t = TRAVERSALS[name];
    return {
      type: t.type,
      parentLabels: parent ?? t.parentLabels.join('|'),
      nodeLabels: t.nodeLabels.join('|'),
      orderKey: t.orderKey,
    };
  };
  const statementIds = (rows: Row[]): string[] =>
    rows.flatMap((r) =>
      (Array.isArray(r.items) ? r.items : []).map((i) => (i as { node: { id: string } }).node.id),
    );
  const made = (query: 'traverse/outgoing' | 'traverse/outgoing-with-source', parent?: string) =>
    graph.port
      .read(graph.cypher.render(query, slots('statementsMadeBy', parent)), {
        ids: persons,
        limit: 10,
      })
      .then(statementIds);
  const mentions = (ids: string[], parent?: string) =>
    graph.port.read(graph.cypher.render('traverse/outgoing', slots('mentionsOf', parent)), {
      ids,
      limit: 5,
    });
  const sources = (ids: string[]) =>
    graph.port.read(graph.cypher.render('traverse/outgoing', slots('sourcesReporting')), {
      ids,
      limit: 1,
    });
  const pages: Array<[string, () => Promise<number>]> = [
    [
      'nested page with source, as main ran it: MADE from 3 labels, MENTIONS, REPORTED_IN from Statement|Event',
      async () => {
        const ids = await made('traverse/outgoing');
        await Promise.all([mentions(ids), sources(ids)]);
        return ids.length;
      },
    ],
    [
      'nested page with source, now: MADE from Person with the sources, MENTIONS',
      async () => {
        const ids = await made('traverse/outgoing-with-source', 'Person');
        await mentions(ids, 'Statement');
        return ids.length;
      },
    ],
    [
      "nested page without source (the peer's), as main ran it: MADE from 3 labels, MENTIONS",
      async () => {
        const ids = await made('traverse/outgoing');
        await mentions(ids);
        return ids.length;
      },
    ],
    [
      "nested page without source (the peer's), now: MADE from Person, MENTIONS",
      async () => {
        const ids = await made('traverse/outgoing', 'Person');
        await mentions(ids, 'Statement');
        return ids.length;
      },
    ],
  ];
  const times = pages.map(() => [] as number[]);
  let statements = 0;
  for (let rep = 0; rep < 11; rep++) {
    for (const [i, [, run]] of pages.entries()) {
      const t = performance.now();
      statements = await run();
      times[i]!.push(performance.now() - t);
    }
  }
  for (const [i, [label]] of pages.entries()) {
    const median = (times[i]!.sort((a, b) => a - b)[5] as number).toFixed(1);
    console.log(`| ${scale} | ${label} | 100 | ${statements} | ${median} | – |`);
  }
}

/** Per parent: its statements in order, each with its mentions' ids in order. */
type Nested = Map<string, Array<{ id: string; mentions: string[] }>>;

const itemsOf = (row: Row): Array<{ node: { id: string } }> => {
  const items = row.part === 'mentions' && row.mentionItems ? row.mentionItems : row.items;
  return Array.isArray(items) ? (items as Array<{ node: { id: string } }>) : [];
};

/** The answer of MADE rows (part 'made') and MENTIONS rows (part 'mentions', keyed by statement). */
function nestedOf(rows: Row[]): Nested {
  const mentions = new Map<string, string[]>();
  for (const r of rows)
    if (r.part === 'mentions')
      mentions.set(
        r.parentId as string,
        itemsOf(r).map((i) => i.node.id),
      );
  const out: Nested = new Map();
  for (const r of rows)
    if (r.part !== 'mentions')
      out.set(
        r.parentId as string,
        itemsOf(r).map((i) => ({ id: i.node.id, mentions: mentions.get(i.node.id) ?? [] })),
      );
  return out;
}

/**
 * Issue 15, item 2: fold the nested page's next level (the statements'
 * MENTIONS, first 5 by name then id) into the MADE traversal (first 10 per
 * person by ordinal then id), in one query, against the shipped two queries.
 * Each form's answer must equal the two-query answer (statements without
 * mentions keep their place). Interleaved, 11 reps, median.
 */
async function probeFoldedMentions(
  graph: Graph,
  data: SyntheticGraph,
  scale: string,
): Promise<void> {
  const persons = data.ids.persons.slice(0, 100);
  const made = TRAVERSALS.statementsMadeBy;
  const mentionsOf = TRAVERSALS.mentionsOf;
  const entities = mentionsOf.nodeLabels.join('|');
  const madeQuery = graph.cypher.render('traverse/outgoing', {
    type: made.type,
    parentLabels: 'Person',
    nodeLabels: made.nodeLabels.join('|'),
    orderKey: made.orderKey,
  });
  const mentionsQuery = graph.cypher.render('traverse/outgoing', {
    type: mentionsOf.type,
    parentLabels: 'Statement',
    nodeLabels: entities,
    orderKey: mentionsOf.orderKey,
  });
  const params = { ids: persons, limit: 10, mentionLimit: 5 };
  // UNION ALL needs the same column types in both branches: LadybugDB refuses
  // {rel, node} structs whose nodes come from different tables, so these UNION
  // forms return ids only; the whole-node form below gives both branches the
  // same label and type sets instead.
  const madeBranch = `MATCH (parent:Person) WHERE parent.id IN $ids
MATCH (parent)-[rel:MADE]->(node:Statement)
WITH parent.id AS parentId, rel, node
ORDER BY parentId, node.ordinal, node.id
SKIP 0
WITH parentId, collect({node: {id: node.id}}) AS items
RETURN parentId, items[0..$limit] AS items, 'made' AS part`;
  const mentionsTail = `WITH s.id AS parentId, rel, node
ORDER BY parentId, node.name, node.id
SKIP 0
WITH parentId, collect({node: {id: node.id}}) AS items
RETURN parentId, items[0..$mentionLimit] AS items, 'mentions' AS part`;
  /** Rows of the one-row-per-parent forms (items carry `mentions`) as MADE and MENTIONS rows. */
  const split = (rows: Row[]): Row[] =>
    rows.flatMap((r) => [
      { parentId: r.parentId, items: r.items, part: 'made' },
      ...(r.items as Array<{ node: { id: string }; mentions: Array<{ id: string }> }>).map((i) => ({
        parentId: i.node.id,
        items: i.mentions.filter((m) => m.id !== i.node.id).map((m) => ({ node: m })),
        part: 'mentions',
      })),
    ]);
  const forms: Array<[string, () => Promise<Row[]>]> = [
    [
      'two queries (shipped): traverse/outgoing MADE from Person, then MENTIONS of its statements',
      async () => {
        const madeRows = await graph.port.read(madeQuery, { ids: persons, limit: 10 });
        const ids = madeRows.flatMap((r) => itemsOf(r).map((i) => i.node.id));
        const mentionRows = await graph.port.read(mentionsQuery, { ids, limit: 5 });
        return [
          ...madeRows.map((r) => ({ ...r, part: 'made' })),
          ...mentionRows.map((r) => ({ ...r, part: 'mentions' })),
        ];
      },
    ],
    [
      'two queries, ids only (the reference for the UNION forms): MADE from Person, then MENTIONS',
      async () => {
        const madeRows = await graph.port.read(
          {
            name: 'probe/fold',
            text: madeBranch,
          },
          params,
        );
        const ids = madeRows.flatMap((r) => itemsOf(r).map((i) => i.node.id));
        const mentionRows = await graph.port.read(
          {
            name: 'probe/fold',
            text: `MATCH (s:Statement) WHERE s.id IN $ids
MATCH (s)-[rel:MENTIONS]->(node:${entities})
${mentionsTail}`,
          },
          { ids, mentionLimit: 5 },
        );
        return [...madeRows, ...mentionRows];
      },
    ],
    [
      'UNION ALL: MADE rows, then MENTIONS of every statement of the parents (chain MADE->MENTIONS)',
      () =>
        graph.port.read(
          {
            name: 'probe/fold',
            text: `${madeBranch}
UNION ALL
MATCH (parent:Person) WHERE parent.id IN $ids
MATCH (parent)-[:MADE]->(s:Statement)-[rel:MENTIONS]->(node:${entities})
${mentionsTail}`,
          },
          params,
        ),
    ],
    [
      'UNION ALL: MADE rows, then MENTIONS of the first $limit statements per parent (cut, UNWIND their ids, MATCH {id})',
      () =>
        graph.port.read(
          {
            name: 'probe/fold',
            text: `${madeBranch}
UNION ALL
MATCH (parent:Person) WHERE parent.id IN $ids
MATCH (parent)-[:MADE]->(st:Statement)
WITH parent.id AS pid, st
ORDER BY pid, st.ordinal, st.id
SKIP 0
WITH pid, collect(st.id)[0..$limit] AS firsts
UNWIND firsts AS sid
MATCH (s:Statement {id: sid})-[rel:MENTIONS]->(node:${entities})
${mentionsTail}`,
          },
          params,
        ),
    ],
    [
      'UNION ALL, whole nodes: MADE rows, then MENTIONS of every statement of the parents; one label set (Statement|entities) and one type set (MADE|MENTIONS) in both branches',
      () =>
        graph.port.read(
          {
            name: 'probe/fold',
            text: `MATCH (parent:Person) WHERE parent.id IN $ids
MATCH (parent)-[rel:MADE|MENTIONS]->(node:Statement|${entities})
WITH parent.id AS parentId, rel, node
ORDER BY parentId, node.ordinal, node.id
SKIP 0
WITH parentId, collect({rel: rel, node: node}) AS items
RETURN parentId, items[0..$limit] AS items, 'made' AS part
UNION ALL
MATCH (parent:Person) WHERE parent.id IN $ids
MATCH (parent)-[:MADE]->(s:Statement)-[rel:MADE|MENTIONS]->(node:Statement|${entities})
WITH s.id AS parentId, rel, node
ORDER BY parentId, node.name, node.id
SKIP 0
WITH parentId, collect({rel: rel, node: node}) AS items
RETURN parentId, items[0..$mentionLimit] AS items, 'mentions' AS part`,
          },
          params,
        ),
    ],
    [
      "two queries at once, whole nodes: MADE from Person, and the statements' MENTIONS by a chain from the same people (no IN over the statements)",
      async () => {
        const [madeRows, mentionRows] = await Promise.all([
          graph.port.read(madeQuery, { ids: persons, limit: 10 }),
          graph.port.read(
            {
              name: 'probe/fold',
              text: `MATCH (parent:Person) WHERE parent.id IN $ids
MATCH (parent)-[:MADE]->(s:Statement)-[rel:MENTIONS]->(node:${entities})
WITH s.id AS parentId, rel, node
ORDER BY parentId, node.name, node.id
SKIP 0
WITH parentId, collect({rel: rel, node: node}) AS items
RETURN parentId, items[0..$mentionLimit] AS items`,
            },
            params,
          ),
        ]);
        return [
          ...madeRows.map((r) => ({ ...r, part: 'made' })),
          ...mentionRows.map((r) => ({ ...r, part: 'mentions' })),
        ];
      },
    ],
    [
      'one query: MADE, OPTIONAL MATCH MENTIONS, collected per statement, then per parent (whole nodes)',
      async () =>
        split(
          await graph.port.read(
            {
              name: 'probe/fold',
              text: `MATCH (parent:Person) WHERE parent.id IN $ids
MATCH (parent)-[rel:MADE]->(node:Statement)
OPTIONAL MATCH (node)-[mrel:MENTIONS]->(m:${entities})
WITH parent.id AS parentId, rel, node, m
ORDER BY parentId, node.id, m.name, m.id
SKIP 0
WITH parentId, rel, node, collect(m) AS ms
ORDER BY parentId, node.ordinal, node.id
SKIP 0
WITH parentId, collect({rel: rel, node: node, mentions: ms[0..$mentionLimit]}) AS items
RETURN parentId, items[0..$limit] AS items`,
            },
            params,
          ),
        ),
    ],
  ];
  const times = forms.map(() => [] as number[]);
  const answers: Nested[] = forms.map(() => new Map());
  for (let rep = 0; rep < 11; rep++) {
    for (const [i, [, run]] of forms.entries()) {
      const t = performance.now();
      const rows = await run();
      times[i]!.push(performance.now() - t);
      answers[i] = nestedOf(rows);
    }
  }
  const expected = JSON.stringify([...answers[0]!.entries()].sort());
  const statements = [...answers[0]!.values()].reduce((n, l) => n + l.length, 0);
  const mentions = [...answers[0]!.values()].reduce(
    (n, l) => n + l.reduce((m, s) => m + s.mentions.length, 0),
    0,
  );
  for (const [i, [label]] of forms.entries()) {
    const median = (times[i]!.sort((a, b) => a - b)[5] as number).toFixed(1);
    const same = JSON.stringify([...answers[i]!.entries()].sort()) === expected;
    console.log(
      `| ${scale} | ${label.replace(/\|/g, '\\|')} | 100 | ${statements} statements, ${mentions} mentions | ${median} | ${same ? 'same as two queries' : '**differs**'} |`,
    );
  }
}

/**
 * Issue 15, item 2, last bullet: root connections page by keyset
 * (`read/entity-page`: `WHERE (key, id) > ($afterKey, $afterId)`, the cursor
 * carries the last row's name and id). Page 1 against page 50 of
 * `people(first: 20)`, by name, as the resolver asks (limit first + 1), and
 * the same pages by SKIP for comparison. Interleaved, 11 reps, median.
 */
async function probeKeysetPages(graph: Graph, data: SyntheticGraph, scale: string): Promise<void> {
  const people = data.nodes
    .filter((n) => n.label === 'Person')
    .map((n) => ({ id: n.row.id as string, name: n.row.name as string }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
  const first = 20;
  const page = graph.cypher.render('read/entity-page', {
    label: 'Person',
    orderKey: 'name',
    direction: 'ASC',
  });
  const base = { nameContains: '', category: '', ids: [], reverse: false, limit: first + 1 };
  const last = people[49 * first - 1] as { id: string; name: string };
  const offset = (skip: number) => ({
    name: 'probe/page',
    text: `MATCH (n:Person) WITH n, n.name AS key RETURN n, key ORDER BY key, n.id SKIP ${skip} LIMIT $limit`,
  });
  const forms: Array<[string, () => Promise<Row[]>]> = [
    [
      'keyset (shipped read/entity-page), page 1',
      () => graph.port.read(page, { ...base, afterKey: '', afterId: '' }),
    ],
    [
      'keyset (shipped read/entity-page), page 50',
      () => graph.port.read(page, { ...base, afterKey: last.name, afterId: last.id }),
    ],
    ['SKIP, page 1', () => graph.port.read(offset(0), { limit: first + 1 })],
    ['SKIP, page 50', () => graph.port.read(offset(49 * first), { limit: first + 1 })],
  ];
  const times = forms.map(() => [] as number[]);
  const answers: string[][] = forms.map(() => []);
  for (let rep = 0; rep < 11; rep++) {
    for (const [i, [, run]] of forms.entries()) {
      const t = performance.now();
      const rows = await run();
      times[i]!.push(performance.now() - t);
      answers[i] = rows.map((r) => (r.n as { id: string }).id);
    }
  }
  const expected = [people.slice(0, first + 1), people.slice(49 * first, 50 * first + 1)].map((p) =>
    p.map((x) => x.id).join(','),
  );
  for (const [i, [label]] of forms.entries()) {
    const median = (times[i]!.sort((a, b) => a - b)[5] as number).toFixed(1);
    const same = answers[i]!.join(',') === expected[i % 2];
    console.log(
      `| ${scale} | ${label} (${people.length} people) | – | ${answers[i]!.length} | ${median} | ${same ? 'rows as expected' : '**wrong rows**'} |`,
    );
  }
}

/**
 * Issue 15, second pass: `statements(filter: { mentionsId }, first: 20)` is
 * 30% of the mix. The shipped page scans every Statement and tests each with
 * an EXISTS subquery; the forms here start from the anchor entity instead:
 * by a multi-label start over every label the anchor can have (the query
 * layer does not know the id's label), by a primary-key lookup in its one
 * table (label known), or from the statement side with an unlabelled anchor.
 * Each form runs on four entities (Zipf ranks 1, 6, 51, 200), ordinal and id
 * order, both directions, pages 1 and 2 (limit 21 as the resolver asks); its
 * answers (ids and keys, in order) must equal the shipped query's.
 */
async function probeAnchoredStatements(
  graph: Graph,
  data: SyntheticGraph,
  scale: string,
): Promise<void> {
  const labelOf = new Map(data.nodes.map((n) => [n.row.id as string, n.label]));
  const noFilter = {
    kind: '',
    textContains: '',
    speakerId: '',
    mentionsId: '',
    addressedToId: '',
    sourceId: '',
  };
  const others = `($kind = '' OR s.kind = $kind)
  AND ($textContains = '' OR s.search CONTAINS $textContains)
  AND ($addressedToId = '' OR EXISTS { MATCH (s)-[:ADDRESSED_TO]->(addressee) WHERE addressee.id = $addressedToId })
  AND ($sourceId = '' OR EXISTS { MATCH (s)-[:REPORTED_IN]->(source) WHERE source.id = $sourceId })`;
  const keyset = (orderKey: string, direction: string) => `WITH s, s.${orderKey} AS key
WHERE $afterId = ''
   OR ($reverse = false AND (key > $afterKey OR (key = $afterKey AND s.id > $afterId)))
   OR ($reverse = true AND (key < $afterKey OR (key = $afterKey AND s.id < $afterId)))
RETURN s AS n, key
ORDER BY key ${direction}, s.id ${direction}
LIMIT $limit`;
  type Filter = 'mentionsId' | 'speakerId';
  const edge: Record<Filter, string> = {
    mentionsId: '(s:Statement)-[:MENTIONS]->(anchor)',
    speakerId: '(s:Statement)<-[:MADE]-(anchor)',
  };
  const otherAnchor: Record<Filter, string> = {
    mentionsId: `($speakerId = '' OR EXISTS { MATCH (s)<-[:MADE]-(speaker) WHERE speaker.id = $speakerId })`,
    speakerId: `($mentionsId = '' OR EXISTS { MATCH (s)-[:MENTIONS]->(mentioned) WHERE mentioned.id = $mentionsId })`,
  };
  const allLabels: Record<Filter, string> = {
    mentionsId: 'Person|State|Organization|MilitaryUnit|Location|Event',
    speakerId: 'Person|Organization|State',
  };
  // A diagnostic renders query variants by hand; the application goes through src/graph/queries.
  const forms: Array<[string, (f: Filter, label: string) => string]> = [
    ['shipped read/statement-page (scan + EXISTS)', () => ''],
    [
      'anchor, every label it can have: MATCH (anchor:A|B|…) WHERE anchor.id = $id',
      (f) =>
        `MATCH (anchor:${allLabels[f]}) WHERE anchor.id = $${f}\nMATCH ${edge[f]}\nWHERE ${others}\n  AND ${otherAnchor[f]}`,
    ],
    [
      'anchor, label known: MATCH (anchor:Label {id: $id})',
      (f, label) =>
        `MATCH (anchor:${label} {id: $${f}})\nMATCH ${edge[f]}\nWHERE ${others}\n  AND ${otherAnchor[f]}`,
    ],
    [
      'statement side, unlabelled anchor: MATCH (s)-[…]-(anchor) WHERE anchor.id = $id',
      (f) => `MATCH ${edge[f]}\nWHERE anchor.id = $${f} AND ${others}\n  AND ${otherAnchor[f]}`,
    ],
  ];
  const cases: Array<[Filter, string[]]> = [
    ['mentionsId', [0, 5, 50, 199].map((i) => data.ids.entityIds[i] as string)],
    [
      'speakerId',
      [
        data.ids.hub,
        ...[...new Set(data.rels.filter((r) => r.type === 'MADE').map((r) => r.from as string))]
          .filter((id) => id !== data.ids.hub)
          .slice(0, 3),
      ],
    ],
  ];
  for (const [filter, ids] of cases) {
    const times = forms.map(() => [] as number[]);
    const answers = forms.map(() => [] as string[]);
    const counts = forms.map(() => [] as number[]);
    const countTimes = forms.map(() => [] as number[]);
    let rows = 0;
    for (let rep = 0; rep < 11; rep++) {
      for (const [i, [, text]] of forms.entries()) {
        answers[i] = [];
        counts[i] = [];
        let elapsed = 0;
        let countElapsed = 0;
        for (const id of ids) {
          const label = labelOf.get(id) as string;
          const params = { ...noFilter, [filter]: id };
          for (const orderKey of ['ordinal', 'id']) {
            for (const direction of ['ASC', 'DESC']) {
              const query: CypherQuery =
                i === 0
                  ? graph.cypher.render('read/statement-page', { orderKey, direction })
                  : {
                      name: 'probe/anchored',
                      text: `${text(filter, label)}\n${keyset(orderKey, direction)}`,
                    };
              let after: { key: string | number; id: string } | null = null;
              for (let page = 0; page < 2; page++) {
                const t = performance.now();
                const result = await graph.port.read(query, {
                  ...params,
                  afterKey: after?.key ?? (orderKey === 'ordinal' ? -1 : ''),
                  afterId: after?.id ?? '',
                  reverse: direction === 'DESC',
                  limit: 21,
                });
                if (page === 0 && orderKey === 'ordinal' && direction === 'ASC') {
                  elapsed += performance.now() - t;
                  rows += rep === 0 && i === 0 ? result.length : 0;
                }
                answers[i]!.push(
                  result.map((r) => `${(r.n as { id: string }).id}@${String(r.key)}`).join(','),
                );
                const last = result[19];
                if (!last) break;
                after = { key: last.key as string | number, id: (last.n as { id: string }).id };
              }
            }
          }
          const count: CypherQuery =
            i === 0
              ? graph.cypher.get('read/statement-count')
              : {
                  name: 'probe/anchored-count',
                  text: `${text(filter, label)}\nRETURN count(s) AS total`,
                };
          const t = performance.now();
          const [c] = await graph.port.read(count, params);
          countElapsed += performance.now() - t;
          counts[i]!.push(Number(c?.total));
        }
        times[i]!.push(elapsed / ids.length);
        countTimes[i]!.push(countElapsed / ids.length);
      }
    }
    for (const [i, [label]] of forms.entries()) {
      const median = (xs: number[]) => (xs.sort((a, b) => a - b)[5] as number).toFixed(1);
      const same =
        answers[i]!.join('|') === answers[0]!.join('|') && counts[i]!.join() === counts[0]!.join();
      console.log(
        `| ${scale} | ${filter}: ${label.replace(/\|/g, '\\|')}; page 1, ordinal ASC, per entity; count: ${median(countTimes[i]!)} ms | ${ids.length} | ${rows} (totals ${counts[0]!.join('/')}) | ${median(times[i]!)} | ${same ? 'same pages, cursors and totals as shipped' : '**differs**'} |`,
      );
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
