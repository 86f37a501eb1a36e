/**
 * A seeded synthetic knowledge graph for benchmarks: same seed and size, same
 * graph. Mentions and speakers follow a Zipf-like law (a few entities are
 * mentioned very often, a few speakers make most statements); units,
 * locations and events come in fixed proportions.
 *
 * The graph is bulk-loaded into the embedded engine with `COPY ... FROM` CSV
 * files (the engine's fast path), and the same data feeds the in-memory port.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Graph } from '../src/graph';
import { EmbeddedGraph } from '../src/graph/embedded/embedded-adapter';
import {
  NODE_PROPERTIES,
  type NodeLabel,
  RELATIONSHIPS,
  type RelationshipSpec,
  type RelationshipType,
  RELATION_KINDS,
  STATEMENT_KINDS,
} from '../src/model/graph-model';
import type { ParamValue } from '../src/graph';
import { nodeRow } from '../src/graph';

/** mulberry32: a tiny, fast, seeded 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Samples ranks 0..n-1 with probability ∝ 1/(rank+1)^s (binary search over the CDF). */
export class Zipf {
  private readonly cdf: Float64Array;
  constructor(
    readonly n: number,
    s: number,
    private readonly random: () => number,
  ) {
    this.cdf = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      sum += 1 / Math.pow(i + 1, s);
      this.cdf[i] = sum;
    }
    for (let i = 0; i < n; i++) this.cdf[i] = (this.cdf[i] as number) / sum;
  }
  next(): number {
    const u = this.random();
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cdf[mid] as number) < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export type Row = Record<string, ParamValue>;

export interface SynthNode {
  readonly label: NodeLabel;
  /** Every column of the label (nulls included), as `nodeRow` builds it. */
  readonly row: Row;
}

export interface SynthRel {
  readonly type: RelationshipType;
  readonly fromLabel: NodeLabel;
  readonly toLabel: NodeLabel;
  readonly from: string;
  readonly to: string;
  readonly props: Row;
}

/** Ids the scenarios use, chosen from the generated graph. */
export interface ScenarioIds {
  readonly persons: string[];
  /** A heavily connected person (top speaker). */
  readonly hub: string;
  readonly pathFrom: string;
  readonly pathTo: string;
  readonly searchText: string;
  readonly sourceId: string;
  readonly speakerId: string;
  readonly entityIds: string[];
}

export interface SyntheticGraph {
  readonly size: number;
  readonly seed: number;
  readonly nodes: SynthNode[];
  readonly rels: SynthRel[];
  readonly ids: ScenarioIds;
  readonly counts: Record<string, number>;
}

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  're',
  'su',
  'tan',
  'vo',
  'zel',
  'dra',
  'ni',
  'po',
  'qua',
  'rin',
  'sha',
  'tor',
  'ul',
  'ven',
  'yas',
  'bri',
  'cor',
];
const CATEGORIES: Record<string, string[]> = {
  Person: ['minister', 'general', 'diplomat', 'analyst', 'spokesperson'],
  State: ['state'],
  Organization: ['ministry', 'alliance', 'agency', 'company', 'party'],
  MilitaryUnit: ['brigade', 'division', 'regiment', 'battalion'],
  Location: ['city', 'region', 'front line', 'base'],
  Event: ['strike', 'summit', 'offensive', 'missile test', 'talks'],
};
const WORDS = [
  'troops',
  'border',
  'talks',
  'sanctions',
  'ceasefire',
  'offensive',
  'support',
  'weapons',
  'drones',
  'grain',
  'energy',
  'security',
  'alliance',
  'missiles',
  'negotiations',
  'aid',
];

function shuffled<T>(list: T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Generates a graph of about `size` entities + statements (30% entities,
 * 70% statements), plus sources (1 per 25 statements) and estimates (1 per 50).
 */
export function generateGraph(size: number, seed = 42): SyntheticGraph {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const word = () => pick(SYLLABLES) + pick(SYLLABLES) + (random() < 0.5 ? pick(SYLLABLES) : '');
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

  const entities = Math.round(size * 0.3);
  const statements = size - entities;
  const nStates = Math.max(20, Math.min(200, Math.round(entities * 0.02)));
  const nPersons = Math.round(entities * 0.35);
  const nOrgs = Math.round(entities * 0.15);
  const nUnits = Math.round(entities * 0.12);
  const nLocations = Math.round(entities * 0.18);
  const nEvents = Math.max(1, entities - nStates - nPersons - nOrgs - nUnits - nLocations);
  const nSources = Math.max(10, Math.round(statements / 25));
  const nEstimates = Math.max(1, Math.round(statements / 50));

  const nodes: SynthNode[] = [];
  const idsOf: Record<string, string[]> = {};
  const surnames = Array.from({ length: Math.max(50, Math.round(nPersons / 20)) }, () =>
    cap(word()),
  );

  const addEntities = (
    label: NodeLabel,
    prefix: string,
    n: number,
    name: (i: number) => string,
  ) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const id = `${prefix}-${i}`;
      const record: Record<string, unknown> = {
        label,
        id,
        name: name(i),
        aliases: random() < 0.2 ? [cap(word())] : [],
        description: random() < 0.5 ? `A synthetic ${label.toLowerCase()} for benchmarks` : null,
        category: pick(CATEGORIES[label] ?? ['other']),
        timeText: null,
        date: random() < 0.3 ? `20${10 + Math.floor(random() * 15)}` : null,
      };
      nodes.push({ label, row: nodeRow(record as never) });
      ids.push(id);
    }
    idsOf[label] = ids;
  };
  addEntities('State', 'state', nStates, () => `${cap(word())}ia`);
  addEntities('Person', 'person', nPersons, () => `${cap(word())} ${pick(surnames)}`);
  addEntities(
    'Organization',
    'org',
    nOrgs,
    () => `${cap(word())} ${pick(['Ministry', 'Alliance', 'Agency', 'Group', 'Party'])}`,
  );
  addEntities('MilitaryUnit', 'unit', nUnits, (i) => `${i + 1}th ${cap(word())} Brigade`);
  addEntities(
    'Location',
    'loc',
    nLocations,
    () => `${cap(word())} ${pick(['City', 'Region', 'Oblast', 'Base'])}`,
  );
  addEntities(
    'Event',
    'event',
    nEvents,
    () => `${cap(word())} ${pick(['Strike', 'Summit', 'Offensive', 'Talks'])}`,
  );

  const sourceIds: string[] = [];
  for (let i = 0; i < nSources; i++) {
    const id = `source-${i}`;
    nodes.push({
      label: 'Source',
      row: nodeRow({
        label: 'Source',
        id,
        title: `${cap(word())} report ${i}`,
        publisher: pick(['Wire', 'Daily', 'Herald', 'Times']),
        url: `https://example.org/${i}`,
        publishedAt: '2024-01-01',
      }),
    });
    sourceIds.push(id);
  }
  idsOf.Source = sourceIds;

  const rels: SynthRel[] = [];
  const rel = (
    type: RelationshipType,
    fromLabel: NodeLabel,
    from: string,
    toLabel: NodeLabel,
    to: string,
    props: Row = {},
  ) => rels.push({ type, fromLabel, toLabel, from, to, props });

  // Zipf pools: a seeded permutation decides who is popular, so popularity is
  // not tied to id or name order.
  type Ref = { label: NodeLabel; id: string };
  const refs = (labels: NodeLabel[]): Ref[] =>
    labels.flatMap((label) => (idsOf[label] ?? []).map((id) => ({ label, id })));
  const speakers = shuffled(refs(['Person', 'Organization', 'State']), random);
  const mentionable = shuffled(
    refs(['Person', 'State', 'Organization', 'MilitaryUnit', 'Location', 'Event']),
    random,
  );
  const speakerZipf = new Zipf(speakers.length, 1.1, random);
  const mentionZipf = new Zipf(mentionable.length, 1.0, random);
  const sourceZipf = new Zipf(sourceIds.length, 0.7, random);
  const statesZipf = new Zipf(nStates, 1.0, random);
  const states = idsOf.State as string[];
  const locations = idsOf.Location as string[];
  const orgs = idsOf.Organization as string[];
  const participants = shuffled(refs(['Person', 'State', 'Organization', 'MilitaryUnit']), random);
  const participantZipf = new Zipf(participants.length, 1.0, random);

  const statementIds: string[] = [];
  for (let i = 0; i < statements; i++) {
    const id = `stmt-${i}`;
    const words = Array.from({ length: 8 + Math.floor(random() * 12) }, () => pick(WORDS)).join(
      ' ',
    );
    nodes.push({
      label: 'Statement',
      row: nodeRow({
        label: 'Statement',
        id,
        name: `Statement ${i}`,
        text: `We will discuss ${words}.`,
        kind: pick(STATEMENT_KINDS),
        ordinal: i + 1,
        saidAt: random() < 0.5 ? '2024-02-24' : null,
      }),
    });
    statementIds.push(id);
    const speaker = speakers[speakerZipf.next()] as Ref;
    rel('MADE', speaker.label, speaker.id, 'Statement', id);
    rel('REPORTED_IN', 'Statement', id, 'Source', sourceIds[sourceZipf.next()] as string);
    const mentioned = new Set<number>();
    const nMentions = 1 + Math.floor(-Math.log(1 - random()) * 1.5);
    for (let k = 0; k < Math.min(nMentions, 8); k++) mentioned.add(mentionZipf.next());
    for (const m of mentioned) {
      const target = mentionable[m] as Ref;
      rel('MENTIONS', 'Statement', id, target.label, target.id);
    }
    if (random() < 0.2) {
      const target = mentionable[mentionZipf.next()] as Ref;
      rel('ADDRESSED_TO', 'Statement', id, target.label, target.id);
    }
  }
  idsOf.Statement = statementIds;

  for (let i = 0; i < nEstimates; i++) {
    const id = `estimate-${i}`;
    nodes.push({
      label: 'Estimate',
      row: nodeRow({
        label: 'Estimate',
        id,
        name: `Estimate ${i}`,
        value: Math.round(random() * 100000),
        unit: pick(['troops', 'drones', 'tanks']),
        qualifier: pick(['around', 'at least']),
        scope: null,
      }),
    });
    const subject = mentionable[mentionZipf.next()] as Ref;
    rel('ESTIMATES', 'Estimate', id, subject.label, subject.id);
    rel('ATTRIBUTED_TO', 'Estimate', id, 'Statement', pick(statementIds));
  }

  for (const unit of idsOf.MilitaryUnit ?? []) {
    rel('BELONGS_TO', 'MilitaryUnit', unit, 'State', states[statesZipf.next()] as string);
    if (random() < 0.5)
      rel('DEPLOYED_TO', 'MilitaryUnit', unit, 'Location', pick(locations), {
        status: pick(['deployed', 'reported']),
        asOf: '2024',
      });
    if (random() < 0.1)
      rel('TRAINED_BY', 'MilitaryUnit', unit, 'State', pick(states), {
        disciplines: ['artillery', 'drones'],
      });
  }
  locations.forEach((loc, i) => {
    if (i > 10 && random() < 0.2)
      rel('LOCATED_IN', 'Location', loc, 'Location', locations[Math.floor(random() * i)] as string);
    else rel('LOCATED_IN', 'Location', loc, 'State', states[statesZipf.next()] as string);
  });
  for (const event of idsOf.Event ?? []) {
    if (random() < 0.8) rel('OCCURRED_IN', 'Event', event, 'Location', pick(locations));
    else rel('OCCURRED_IN', 'Event', event, 'State', pick(states));
    const who = new Set<number>();
    for (let k = 0, n = 1 + Math.floor(random() * 4); k < n; k++) who.add(participantZipf.next());
    for (const p of who) {
      const ref = participants[p] as Ref;
      rel('PARTICIPATED_IN', ref.label, ref.id, 'Event', event, {
        role: pick(['attacker', 'host', 'participant']),
      });
    }
    if (random() < 0.5)
      rel('REPORTED_IN', 'Event', event, 'Source', sourceIds[sourceZipf.next()] as string);
  }
  for (const person of idsOf.Person ?? []) {
    if (random() < 0.3) {
      if (random() < 0.5)
        rel('HOLDS_ROLE', 'Person', person, 'State', pick(states), {
          title: 'Minister',
          since: '2020',
          until: null,
        });
      else
        rel('HOLDS_ROLE', 'Person', person, 'Organization', pick(orgs), {
          title: 'Director',
          since: '2021',
          until: null,
        });
    }
  }
  orgs.forEach((org, i) => {
    if (random() < 0.5) {
      if (i > 0 && random() < 0.3)
        rel(
          'PART_OF',
          'Organization',
          org,
          'Organization',
          orgs[Math.floor(random() * i)] as string,
        );
      else rel('PART_OF', 'Organization', org, 'State', pick(states));
    }
  });
  states.forEach((state, i) => {
    const others = new Set<number>();
    for (let k = 0; k < 3; k++) others.add(Math.floor(random() * nStates));
    others.delete(i);
    for (const o of others)
      rel('RELATION', 'State', state, 'State', states[o] as string, {
        kind: pick(RELATION_KINDS),
        since: '2000',
        description: null,
      });
  });

  // Scenario ids: random persons for lookups, the top speaker as hub, two
  // mid-popularity persons for paths, a common surname for search.
  const persons = shuffled(idsOf.Person ?? [], random).slice(0, 1000);
  const personSpeakers = speakers.filter((s) => s.label === 'Person');
  const hub = (personSpeakers[0] as Ref).id;
  const counts: Record<string, number> = {};
  for (const n of nodes) counts[n.label] = (counts[n.label] ?? 0) + 1;
  for (const r of rels) counts[r.type] = (counts[r.type] ?? 0) + 1;
  return {
    size,
    seed,
    nodes,
    rels,
    counts,
    ids: {
      persons,
      hub,
      pathFrom: (personSpeakers[Math.min(5, personSpeakers.length - 1)] as Ref).id,
      pathTo: (mentionable[Math.min(20, mentionable.length - 1)] as Ref).id,
      searchText: (surnames[0] as string).toLowerCase(),
      sourceId: sourceIds[0] as string,
      speakerId: hub,
      entityIds: mentionable.slice(0, 200).map((r) => r.id),
    },
  };
}

// ---------------------------------------------------------------------------
// Bulk load through COPY FROM CSV
// ---------------------------------------------------------------------------

function csvField(value: ParamValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return `"[${value.map(String).join(',')}]"`;
  const s = String(value);
  return /[",\n\r[\]{}]/.test(s) || s.trim() !== s ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface LoadReport {
  readonly nodes: number;
  readonly relationships: number;
  readonly csvMs: number;
  readonly copyMs: number;
  /** Nodes + relationships loaded per second of COPY. */
  readonly itemsPerSecond: number;
  /** Entities + statements loaded per second, CSV writing included. */
  readonly entitiesPerSecond: number;
}

/**
 * Writes one CSV per node label and per (relationship type, from, to), then
 * loads each with `COPY`. Columns follow `NODE_PROPERTIES` / `RELATIONSHIPS`,
 * which the schema DDL agrees with.
 */
export async function bulkLoad(graph: Graph, data: SyntheticGraph): Promise<LoadReport> {
  const port = graph.port;
  if (!(port instanceof EmbeddedGraph)) throw new Error('bulkLoad needs the embedded engine');
  const dir = mkdtempSync(path.join(tmpdir(), 'kg-bench-'));
  try {
    const t0 = performance.now();
    const files: Array<{ table: string; file: string; options: string }> = [];
    const byLabel = new Map<NodeLabel, string[]>();
    for (const node of data.nodes) {
      const columns = Object.keys(NODE_PROPERTIES[node.label]);
      const line = columns.map((c) => csvField(node.row[c])).join(',');
      const lines = byLabel.get(node.label) ?? [];
      lines.push(line);
      byLabel.set(node.label, lines);
    }
    for (const [label, lines] of byLabel) {
      const file = path.join(dir, `${label}.csv`);
      writeFileSync(file, lines.join('\n') + '\n');
      files.push({ table: label, file, options: '' });
    }
    const byPair = new Map<string, string[]>();
    for (const r of data.rels) {
      const spec: RelationshipSpec = RELATIONSHIPS[r.type];
      const key = `${r.type}|${r.fromLabel}|${r.toLabel}`;
      const line = [r.from, r.to, ...Object.keys(spec.properties).map((p) => csvField(r.props[p]))]
        .map((v, i) => (i < 2 ? csvField(v) : v))
        .join(',');
      const lines = byPair.get(key) ?? [];
      lines.push(line);
      byPair.set(key, lines);
    }
    for (const [key, lines] of byPair) {
      const [type, from, to] = key.split('|') as [RelationshipType, string, string];
      const file = path.join(dir, `${type}-${from}-${to}.csv`);
      writeFileSync(file, lines.join('\n') + '\n');
      const multi = (RELATIONSHIPS[type] as RelationshipSpec).endpoints.length > 1;
      files.push({ table: type, file, options: multi ? `from='${from}', to='${to}', ` : '' });
    }
    const t1 = performance.now();
    for (const f of files) {
      await port.runSchemaStatement({
        name: `bench/copy-${f.table}`,
        text: `COPY ${f.table} FROM '${f.file}' (${f.options}header=false)`,
      });
    }
    const t2 = performance.now();
    const items = data.nodes.length + data.rels.length;
    return {
      nodes: data.nodes.length,
      relationships: data.rels.length,
      csvMs: Math.round(t1 - t0),
      copyMs: Math.round(t2 - t1),
      itemsPerSecond: Math.round(items / ((t2 - t1) / 1000)),
      entitiesPerSecond: Math.round(data.size / ((t2 - t0) / 1000)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
