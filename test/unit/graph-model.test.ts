/**
 * The model in `src/model/graph-model.ts` and the schema files agree: the
 * embedded DDL declares exactly the model's tables, columns and endpoint
 * pairs, and the Neo4j schema constrains every label. The DDL is parsed as
 * text; no database is involved.
 */
import { CypherLibrary } from '../../src/graph';
import {
  NODE_LABELS,
  NODE_PROPERTIES,
  RELATIONSHIP_TYPES,
  allowsEndpoints,
  relationshipColumns,
  relationshipSpec,
} from '../../src/model/graph-model';
import { parseEmbeddedDdl } from '../../src/model/model-checks';

const embedded = parseEmbeddedDdl(
  new CypherLibrary('embedded').statements('schema/create').map((s) => s.text),
);
const neo4jStatements = new CypherLibrary('neo4j').statements('schema/create').map((s) => s.text);
const spec = relationshipSpec;

describe('The embedded schema', () => {
  it('declares exactly the node tables of the model', () => {
    expect([...embedded.nodes.keys()].sort()).toEqual([...NODE_LABELS].sort());
  });

  it.each(NODE_LABELS)(
    'gives %s exactly the columns and types of the model, keyed by id',
    (label) => {
      const table = embedded.nodes.get(label);
      expect(table?.columns).toEqual(NODE_PROPERTIES[label]);
      expect(table?.primaryKey).toBe('id');
    },
  );

  it('declares exactly the relationship tables of the model', () => {
    expect([...embedded.rels.keys()].sort()).toEqual([...RELATIONSHIP_TYPES].sort());
  });

  it.each(RELATIONSHIP_TYPES)(
    'gives %s exactly the endpoint pairs and properties of the model',
    (type) => {
      const table = embedded.rels.get(type);
      expect(table?.pairs.sort()).toEqual(
        spec(type)
          .endpoints.map(([f, t]) => `${f}->${t}`)
          .sort(),
      );
      expect(table?.properties).toEqual(relationshipColumns(type));
    },
  );
});

describe('The Neo4j schema', () => {
  it.each(NODE_LABELS)('has a uniqueness constraint on the id of %s', (label) => {
    const constraint = new RegExp(
      `^CREATE CONSTRAINT \\w+ IF NOT EXISTS FOR \\(n:${label}\\) REQUIRE n\\.id IS UNIQUE$`,
    );
    expect(neo4jStatements.filter((s) => constraint.test(s))).toHaveLength(1);
  });

  it('has the full-text index that search/text queries, over the searchable labels', () => {
    const index = neo4jStatements.find((s) =>
      s.startsWith('CREATE FULLTEXT INDEX search IF NOT EXISTS'),
    );
    expect(index).toBeDefined();
    const labels = /FOR \(n:([\w|]+)\)/.exec(index as string)?.[1]?.split('|') ?? [];
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.every((l) => (NODE_LABELS as readonly string[]).includes(l))).toBe(true);
    expect(index).toMatch(/ON EACH \[.*n\.search.*\]/);
  });

  it('creates everything idempotently', () => {
    expect(neo4jStatements.every((s) => s.includes('IF NOT EXISTS'))).toBe(true);
  });
});

describe('allowsEndpoints', () => {
  it('accepts the pairs a relationship type declares', () => {
    expect(allowsEndpoints('MADE', 'Person', 'Statement')).toBe(true);
    expect(allowsEndpoints('RELATION', 'Organization', 'State')).toBe(true);
    expect(allowsEndpoints('DEPLOYED_TO', 'MilitaryUnit', 'Location')).toBe(true);
  });

  it('refuses a pair the type does not declare, including the reversed one', () => {
    expect(allowsEndpoints('MADE', 'Statement', 'Person')).toBe(false);
    expect(allowsEndpoints('MADE', 'Source', 'Statement')).toBe(false);
    expect(allowsEndpoints('MENTIONS', 'Statement', 'Source')).toBe(false);
  });

  it('agrees with every declared pair of every type', () => {
    for (const type of RELATIONSHIP_TYPES) {
      for (const [from, to] of spec(type).endpoints)
        expect(allowsEndpoints(type, from, to)).toBe(true);
    }
  });
});
