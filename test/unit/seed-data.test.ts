/**
 * The article seed obeys the graph model and the product's modelling rules.
 * Pure validation of `seed/article.json`: no database is involved.
 */
import * as fs from 'fs';
import * as path from 'path';

import {
  ID_MAX_LENGTH,
  ID_PATTERN,
  NODE_PROPERTIES,
  RELATION_KINDS,
  STATEMENT_KINDS,
  allowsEndpoints,
  isNodeLabel,
  isRelationshipType,
  type NodeLabel,
  type PropertyType,
  relationshipColumns,
} from '../../src/model/graph-model';

type Value = string | number | string[] | null;

interface SeedNode {
  label: string;
  id: string;
  [key: string]: Value;
}

interface SeedRelationship {
  type: string;
  from: string;
  to: string;
  properties?: Record<string, Value>;
}

interface Seed {
  nodes: SeedNode[];
  relationships: SeedRelationship[];
}

const REPO_ROOT = path.resolve(__dirname, '../..');
const seed = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'seed/article.json'), 'utf8')) as Seed;
const article = fs.readFileSync(
  path.resolve(__dirname, '../../../shared/source/article.txt'),
  'utf8',
);

const nodesById = new Map(seed.nodes.map((n) => [n.id, n]));
const nodesOf = (label: NodeLabel): SeedNode[] => seed.nodes.filter((n) => n.label === label);
const relsOf = (type: string): SeedRelationship[] =>
  seed.relationships.filter((r) => r.type === type);
const labelOf = (id: string): NodeLabel => nodesById.get(id)!.label as NodeLabel;

/** Why a value does not fit a column type, or null when it fits. Null values always fit. */
function typeProblem(value: unknown, type: PropertyType): string | null {
  if (value === null) return null;
  switch (type) {
    case 'STRING':
      return typeof value === 'string' ? null : 'is not a string';
    case 'STRING[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string')
        ? null
        : 'is not a string list';
    case 'DOUBLE':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'is not a number';
    case 'INT64':
      return typeof value === 'number' && Number.isInteger(value) ? null : 'is not an integer';
  }
}

/** Every problem found in a property map checked against the allowed columns. */
function propertyProblems(
  owner: string,
  props: Record<string, unknown>,
  allowed: Readonly<Record<string, PropertyType>>,
): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(props)) {
    if (key === 'search')
      problems.push(`${owner}.search is derived by the loader and must not be seeded`);
    else if (!Object.prototype.hasOwnProperty.call(allowed, key))
      problems.push(`${owner}.${key} is not in the model`);
    else {
      const problem = typeProblem(value, allowed[key]);
      if (problem) problems.push(`${owner}.${key} ${problem}`);
    }
  }
  return problems;
}

describe('the article seed', () => {
  it('uses only node labels the model allows', () => {
    expect(
      seed.nodes.filter((n) => !isNodeLabel(n.label)).map((n) => `${n.id}: ${n.label}`),
    ).toEqual([]);
  });

  it('gives every node only model properties of the right type', () => {
    const problems = seed.nodes.flatMap((n) => {
      const { label, ...props } = n;
      return isNodeLabel(label) ? propertyProblems(n.id, props, NODE_PROPERTIES[label]) : [];
    });
    expect(problems).toEqual([]);
  });

  it('names every node with a readable slug that no other node uses', () => {
    const bad = seed.nodes.filter(
      (n) => !ID_PATTERN.test(n.id) || n.id.length < 2 || n.id.length > ID_MAX_LENGTH,
    );
    expect(bad.map((n) => n.id)).toEqual([]);
    const seen = new Set<string>();
    const duplicates = seed.nodes
      .map((n) => n.id)
      .filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
    expect(duplicates).toEqual([]);
  });

  it('gives every node a name', () => {
    expect(
      seed.nodes.filter((n) => typeof n.name !== 'string' || n.name.length === 0).map((n) => n.id),
    ).toEqual([]);
  });

  it('uses only relationship types the model allows, between known nodes', () => {
    expect(
      seed.relationships.filter((r) => !isRelationshipType(r.type)).map((r) => r.type),
    ).toEqual([]);
    const dangling = seed.relationships.filter(
      (r) => !nodesById.has(r.from) || !nodesById.has(r.to),
    );
    expect(dangling.map((r) => `${r.type} ${r.from} -> ${r.to}`)).toEqual([]);
  });

  it('joins only the label pairs each relationship type allows', () => {
    const bad = seed.relationships.filter(
      (r) => isRelationshipType(r.type) && !allowsEndpoints(r.type, labelOf(r.from), labelOf(r.to)),
    );
    expect(
      bad.map((r) => `${r.type} ${labelOf(r.from)}(${r.from}) -> ${labelOf(r.to)}(${r.to})`),
    ).toEqual([]);
  });

  it('gives every relationship only model properties of the right type', () => {
    const problems = seed.relationships.flatMap((r) => {
      if (!isRelationshipType(r.type)) return [];
      return propertyProblems(
        `${r.type}(${r.from}->${r.to})`,
        r.properties ?? {},
        relationshipColumns(r.type),
      );
    });
    expect(problems).toEqual([]);
  });

  it('never repeats a relationship between the same two nodes', () => {
    const keys = seed.relationships.map((r) => `${r.type} ${r.from} -> ${r.to}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('has exactly one source, titled with the headline and with no invented metadata', () => {
    const sources = nodesOf('Source');
    expect(sources).toHaveLength(1);
    const headline = article.split('\n')[0].trim();
    expect(sources[0].title).toBe(headline);
    for (const key of ['publisher', 'url', 'publishedAt'])
      expect(sources[0][key] ?? null).toBeNull();
  });

  it('reports every statement in the source exactly once, with a speaker unless the report says it itself', () => {
    const problems = nodesOf('Statement').flatMap((s) => {
      const reported = relsOf('REPORTED_IN').filter((r) => r.from === s.id);
      const made = relsOf('MADE').filter((r) => r.to === s.id);
      return [
        ...(reported.length === 1 ? [] : [`${s.id} is reported ${reported.length} times`]),
        ...(s.kind === 'REPORTED' || made.length >= 1 ? [] : [`${s.id} has no speaker`]),
        ...(s.kind !== 'REPORTED' || made.length === 0
          ? []
          : [`${s.id} is the report's own assertion but has a speaker`]),
      ];
    });
    expect(problems).toEqual([]);
  });

  it("files the report's own assertions as REPORTED, with no speaker", () => {
    expect(
      nodesOf('Statement')
        .filter((s) => s.kind === 'REPORTED')
        .map((s) => s.id),
    ).toEqual([
      'report-troops-trained-for-front-line',
      'report-first-large-scale-engagement',
      'report-china-close-ties',
      'report-icbm-record-flight',
    ]);
  });

  it('makes the "no limits" partnership, quoted inside narration, a statement of China', () => {
    const noLimits = nodesOf('Statement').filter((s) => (s.text as string).includes('“no limits”'));
    expect(noLimits.map((s) => s.id)).toEqual(['china-no-limits-partnership']);
    expect(relsOf('MADE').filter((r) => r.to === 'china-no-limits-partnership')).toEqual([
      { type: 'MADE', from: 'china', to: 'china-no-limits-partnership' },
    ]);
  });

  it('attributes the record 86-minute flight to the report, which states it in its own voice', () => {
    expect(
      relsOf('ATTRIBUTED_TO').find((r) => r.from === 'estimate-86-minutes-icbm-flight'),
    ).toEqual({
      type: 'ATTRIBUTED_TO',
      from: 'estimate-86-minutes-icbm-flight',
      to: 'report-icbm-record-flight',
    });
  });

  it('marks every statement as a quote, a paraphrase, a hedged claim or the report’s own, in a stable reading order', () => {
    const statements = nodesOf('Statement');
    expect(
      statements
        .filter((s) => !(STATEMENT_KINDS as readonly unknown[]).includes(s.kind))
        .map((s) => s.id),
    ).toEqual([]);
    const ordinals = statements.map((s) => s.ordinal as number).sort((a, b) => a - b);
    expect(ordinals).toEqual(statements.map((_, i) => i + 1));
  });

  it('keeps the hedge word for word on every hedged claim', () => {
    const hedged = nodesOf('Statement').filter((s) => s.kind === 'HEDGED_CLAIM');
    expect(hedged.length).toBeGreaterThan(0);
    const lowerArticle = article.toLowerCase();
    for (const s of hedged) {
      expect(typeof s.hedge).toBe('string');
      expect(lowerArticle).toContain((s.hedge as string).toLowerCase());
    }
  });

  it('keeps every quotation word for word', () => {
    const quotes = nodesOf('Statement').filter((s) => s.kind === 'QUOTE');
    expect(quotes).toHaveLength(4);
    for (const q of quotes) {
      expect(typeof q.text).toBe('string');
      expect(article).toContain(q.text as string);
    }
  });

  it('gives each quotation the speaker the report names', () => {
    const speakersOf = (id: string) =>
      relsOf('MADE')
        .filter((r) => r.to === id)
        .map((r) => r.from)
        .sort();
    const byText = (fragment: string) =>
      nodesOf('Statement').find(
        (s) => s.kind === 'QUOTE' && (s.text as string).includes(fragment),
      )!;
    expect(speakersOf(byText('meat grinder').id)).toEqual(['antony-blinken']);
    expect(speakersOf(byText('body bags').id)).toEqual(['unnamed-us-envoy']);
    expect(speakersOf(byText('testing the response').id)).toEqual(['volodymyr-zelenskyy']);
    expect(speakersOf(byText('stand by').id)).toEqual(['volodymyr-zelenskyy']);
  });

  it('attributes every estimate to one statement and points it at what it estimates', () => {
    const problems = nodesOf('Estimate').flatMap((e) => {
      const attributed = relsOf('ATTRIBUTED_TO').filter((r) => r.from === e.id).length;
      const estimates = relsOf('ESTIMATES').filter((r) => r.from === e.id).length;
      return [
        ...(attributed === 1 ? [] : [`${e.id} is attributed ${attributed} times`]),
        ...(estimates >= 1 ? [] : [`${e.id} estimates nothing`]),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('keeps the 10,000 and 8,000 troop estimates side by side, from different statements', () => {
    const troopEstimate = (value: number) => {
      const found = nodesOf('Estimate').filter((e) => e.value === value && e.unit === 'troops');
      expect(found).toHaveLength(1);
      return found[0];
    };
    const statementOf = (e: SeedNode) => relsOf('ATTRIBUTED_TO').find((r) => r.from === e.id)!.to;
    const target = (e: SeedNode) => relsOf('ESTIMATES').find((r) => r.from === e.id)!.to;
    const tenThousand = troopEstimate(10000);
    const eightThousand = troopEstimate(8000);
    expect(statementOf(tenThousand)).not.toBe(statementOf(eightThousand));
    expect(target(tenThousand)).toBe(target(eightThousand));
    expect(labelOf(target(tenThousand))).toBe('MilitaryUnit');
  });

  it('leaves dates the report does not give empty', () => {
    expect(
      nodesOf('Statement')
        .filter((s) => s.saidAt != null)
        .map((s) => s.id),
    ).toEqual([]);
    const dated = seed.nodes.filter((n) => n.date != null).map((n) => [n.id, n.date]);
    expect(dated).toEqual([['russia-ukraine-war', '2022-02']]);
  });

  it('uses only the known relation kinds between polities', () => {
    const kinds = relsOf('RELATION').map((r) => r.properties?.kind);
    expect(kinds.filter((k) => !(RELATION_KINDS as readonly unknown[]).includes(k))).toEqual([]);
  });
});
