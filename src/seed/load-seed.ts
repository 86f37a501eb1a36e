import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Graph, type LinkRecord, type NodeRecord, createQueries } from '../graph';
import {
  type NodeLabel,
  type RelationshipType,
  isNodeLabel,
  isRelationshipType,
} from '../model/graph-model';

/** The article seed shipped with the project. */
export const ARTICLE_SEED = path.resolve(__dirname, '../../seed/article.json');

export interface SeedFile {
  readonly nodes: ReadonlyArray<NodeRecord>;
  readonly relationships: ReadonlyArray<{
    type: string;
    from: string;
    to: string;
    properties?: Record<string, unknown>;
  }>;
}

export interface SeedSummary {
  readonly nodes: number;
  readonly relationships: number;
}

export function readSeed(file: string = ARTICLE_SEED): SeedFile {
  return JSON.parse(readFileSync(file, 'utf8')) as SeedFile;
}

/**
 * Loads a seed in one write transaction. Idempotent: nodes and relationships
 * are merged by id and by (type, from, to), so loading twice changes nothing.
 */
export async function loadSeed(
  graph: Graph,
  seed: SeedFile = readSeed(),
  progress: (message: string) => void = () => undefined,
): Promise<SeedSummary> {
  const labelOf = new Map<string, NodeLabel>();
  const nodesByLabel = new Map<NodeLabel, NodeRecord[]>();
  for (const node of seed.nodes) {
    if (!isNodeLabel(node.label))
      throw new Error(`Seed node ${node.id} has unknown label ${String(node.label)}.`);
    if (labelOf.has(node.id))
      throw new Error(`Seed id ${node.id} is used twice; ids are unique across labels.`);
    labelOf.set(node.id, node.label);
    nodesByLabel.set(node.label, [...(nodesByLabel.get(node.label) ?? []), node]);
  }
  const linkGroups = new Map<
    string,
    { type: RelationshipType; from: NodeLabel; to: NodeLabel; links: LinkRecord[] }
  >();
  for (const rel of seed.relationships) {
    const from = labelOf.get(rel.from);
    const to = labelOf.get(rel.to);
    if (!isRelationshipType(rel.type) || !from || !to) {
      throw new Error(
        `Seed relationship ${rel.type} ${rel.from} -> ${rel.to} names an unknown type or id.`,
      );
    }
    const key = `${rel.type}:${from}:${to}`;
    const group = linkGroups.get(key) ?? { type: rel.type, from, to, links: [] };
    group.links.push({ from: rel.from, to: rel.to, properties: rel.properties });
    linkGroups.set(key, group);
  }

  await createQueries(graph.port, graph.cypher).writeTransaction(async (tx) => {
    for (const [label, records] of nodesByLabel) {
      await tx.upsertNodes(label, records);
      progress(`  ${label}: ${records.length} nodes`);
    }
    for (const group of linkGroups.values()) {
      await tx.linkNodes(group.type, group.from, group.to, group.links);
    }
    progress(`  ${seed.relationships.length} relationships in ${linkGroups.size} groups`);
  });
  return { nodes: seed.nodes.length, relationships: seed.relationships.length };
}

/** Counts of nodes per label and relationships per type, as stored. */
export async function countGraph(
  graph: Graph,
): Promise<{ labels: Record<string, number>; types: Record<string, number> }> {
  const toMap = (counts: ReadonlyArray<{ name: string; total: number }>) =>
    Object.fromEntries(
      counts.map((c) => [c.name, c.total] as const).sort(([a], [b]) => a.localeCompare(b)),
    );
  const queries = createQueries(graph.port, graph.cypher);
  return { labels: toMap(await queries.countByLabel()), types: toMap(await queries.countByType()) };
}
