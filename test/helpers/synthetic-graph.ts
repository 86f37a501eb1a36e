/**
 * A generated graph, larger than the article seed, for tests that need many
 * parents (batching, paging): `people` people, each with `statementsPerPerson`
 * statements reported in one source, each statement mentioning
 * `mentionsPerStatement` of a pool of states, organizations and locations.
 *
 * Everything is deterministic: person `i` is `person-<iii>` named
 * "Person <iii>", so name order is id order; their statements are
 * `statement-<iii>-<j>` with consecutive ordinals in the source.
 */
import { type Graph, type LinkRecord, type NodeRecord, createQueries } from '../../src/graph';
import type { EntityLabel, NodeLabel, RelationshipType } from '../../src/model/graph-model';
import { openTestGraph } from './graph-helper';

export interface SyntheticGraphOptions {
  readonly people?: number;
  readonly statementsPerPerson?: number;
  readonly mentionsPerStatement?: number;
  /** Size of the pool of mentioned entities (split over states, organizations and locations). */
  readonly mentionables?: number;
}

export interface SyntheticSummary {
  readonly people: number;
  readonly statements: number;
  readonly mentionables: number;
  readonly sourceId: string;
  readonly sourceTitle: string;
  readonly nodes: number;
  readonly relationships: number;
}

export const SYNTHETIC_SOURCE_ID = 'synthetic-source';
export const SYNTHETIC_SOURCE_TITLE = 'Synthetic report';

const pad = (n: number) => String(n).padStart(3, '0');
export const personId = (i: number) => `person-${pad(i)}`;
export const statementId = (person: number, j: number) => `statement-${pad(person)}-${j}`;

const POOL_LABELS: readonly EntityLabel[] = ['State', 'Organization', 'Location'];

/** Writes the synthetic graph into `graph` in one write transaction, batching rows per label and per link group. */
export async function loadSyntheticGraph(
  graph: Graph,
  options: SyntheticGraphOptions = {},
): Promise<SyntheticSummary> {
  const people = options.people ?? 300;
  const perPerson = options.statementsPerPerson ?? 5;
  const perStatement = options.mentionsPerStatement ?? 3;
  const poolSize = Math.max(options.mentionables ?? 30, perStatement);

  const pool = Array.from({ length: poolSize }, (_, k) => {
    const label = POOL_LABELS[k % POOL_LABELS.length] as EntityLabel;
    return { label, id: `${label.toLowerCase()}-${pad(k)}`, name: `${label} ${pad(k)}` };
  });
  const personRows: NodeRecord[] = [];
  const statementRows: NodeRecord[] = [];
  const made: LinkRecord[] = [];
  const reported: LinkRecord[] = [];
  const mentions = new Map<EntityLabel, LinkRecord[]>();
  let ordinal = 0;
  for (let i = 1; i <= people; i++) {
    personRows.push({
      label: 'Person',
      id: personId(i),
      name: `Person ${pad(i)}`,
      aliases: [`P${i}`],
      category: 'synthetic',
    });
    for (let j = 1; j <= perPerson; j++) {
      ordinal += 1;
      const id = statementId(i, j);
      statementRows.push({
        label: 'Statement',
        id,
        name: `Person ${pad(i)} statement ${j}`,
        text: `Statement ${j} of person ${pad(i)}.`,
        kind: 'QUOTE',
        ordinal,
      });
      made.push({ from: personId(i), to: id });
      reported.push({ from: id, to: SYNTHETIC_SOURCE_ID });
      for (let m = 0; m < perStatement; m++) {
        const target = pool[(ordinal * 7 + m) % poolSize] as (typeof pool)[number];
        mentions.set(target.label, [
          ...(mentions.get(target.label) ?? []),
          { from: id, to: target.id },
        ]);
      }
    }
  }

  const nodeGroups: Array<[NodeLabel, NodeRecord[]]> = [
    [
      'Source',
      [
        {
          label: 'Source',
          id: SYNTHETIC_SOURCE_ID,
          title: SYNTHETIC_SOURCE_TITLE,
          publisher: 'Test Press',
        },
      ],
    ],
    ['Person', personRows],
    ['Statement', statementRows],
    ...POOL_LABELS.map((label): [NodeLabel, NodeRecord[]] => [
      label,
      pool.filter((p) => p.label === label).map((p) => ({ ...p })),
    ]),
  ];
  const linkGroups: Array<[RelationshipType, NodeLabel, NodeLabel, LinkRecord[]]> = [
    ['MADE', 'Person', 'Statement', made],
    ['REPORTED_IN', 'Statement', 'Source', reported],
    ...[...mentions].map(
      ([label, links]): [RelationshipType, NodeLabel, NodeLabel, LinkRecord[]] => [
        'MENTIONS',
        'Statement',
        label,
        links,
      ],
    ),
  ];
  await createQueries(graph.port, graph.cypher).writeTransaction(async (tx) => {
    for (const [label, rows] of nodeGroups) await tx.upsertNodes(label, rows);
    for (const [type, from, to, links] of linkGroups) await tx.linkNodes(type, from, to, links);
  });
  const nodes = nodeGroups.reduce((sum, [, rows]) => sum + rows.length, 0);
  const relationships = linkGroups.reduce((sum, [, , , links]) => sum + links.length, 0);
  return {
    people,
    statements: statementRows.length,
    mentionables: poolSize,
    sourceId: SYNTHETIC_SOURCE_ID,
    sourceTitle: SYNTHETIC_SOURCE_TITLE,
    nodes,
    relationships,
  };
}

/** A fresh in-memory embedded graph (schema applied, no seed) holding the synthetic graph. */
export async function openSyntheticGraph(options: SyntheticGraphOptions = {}) {
  const test = await openTestGraph({ seed: false });
  try {
    const summary = await loadSyntheticGraph(test.graph, options);
    return { ...test, summary };
  } catch (error) {
    await test.close();
    throw error;
  }
}
