/**
 * Probe: how single graph queries scale with batch size and graph size on
 * the embedded engine, and how alternative formulations compare. Diagnostic
 * only (`tsx bench/probe-queries.ts [S|M ...]`); prints a Markdown table.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type CypherQuery, applySchema, openGraph } from '../src/graph';
import { TRAVERSALS } from '../src/loaders';
import { NODE_LABELS } from '../src/model/graph-model';
import { bulkLoad, generateGraph } from './synthetic-graph';

const SIZES: Record<string, number> = { S: 10_000, M: 100_000 };

async function main(): Promise<void> {
  const scales = process.argv.slice(2).filter((a) => a in SIZES);
  console.log('| scale | query | ids | median ms (7 runs) |\n|---|---|---:|---:|');
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

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
