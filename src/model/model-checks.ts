/**
 * Checks that the pieces defined outside the model agree with it: the
 * embedded DDL's relationship tables and the GraphQL `LinkType` and
 * `LinkProperties`. Everything else about a relationship type (traversals,
 * link writes, link validation) is derived from the model and cannot
 * disagree. `test/unit/relationship-model.test.ts` runs these checks, so a
 * type added to the model without its DDL or SDL fails there, by name.
 */
import { COLUMN_TYPE_OF_KIND, type PropertySpec, type RelationshipSpec } from './graph-model';

/** A relationship table of the embedded DDL. */
export interface RelTable {
  /** Endpoint pairs as `From->To`. */
  readonly pairs: string[];
  /** Column name to DDL type. */
  readonly properties: Record<string, string>;
}

/** A column of the embedded DDL's node table. */
export interface NodeTable {
  readonly columns: Record<string, string>;
  readonly primaryKey: string | undefined;
}

/** What the SDL says about links: `LinkType`'s values and `LinkProperties`' fields. */
export interface LinkContract {
  readonly linkTypes: readonly string[];
  /** Field name to its enum values (for an enum field), `list`, or `scalar`. */
  readonly linkProperties: Readonly<Record<string, readonly string[] | 'list' | 'scalar'>>;
}

const splitColumns = (body: string): string[] =>
  body
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/** Parses the embedded DDL statements (`schema/create`) into tables. */
export function parseEmbeddedDdl(statements: readonly string[]) {
  const nodes = new Map<string, NodeTable>();
  const rels = new Map<string, RelTable>();
  for (const statement of statements) {
    const node = /^CREATE NODE TABLE IF NOT EXISTS (\w+)\((.*)\)$/s.exec(statement);
    const rel = /^CREATE REL TABLE IF NOT EXISTS (\w+)\((.*)\)$/s.exec(statement);
    const added = /^ALTER TABLE (\w+) ADD IF NOT EXISTS (\w+) (\S+)$/.exec(statement);
    if (added) {
      // A column added to a table an older database already has: the table must declare it too.
      const [, table, column, type] = added as unknown as [string, string, string, string];
      const declared = rels.get(table)?.properties[column] ?? nodes.get(table)?.columns[column];
      if (declared !== type)
        throw new Error(
          `The embedded schema adds ${table}.${column} ${type}, which its CREATE TABLE does not declare as ${type}; declare it there too.`,
        );
    } else if (node) {
      const columns: Record<string, string> = {};
      let primaryKey: string | undefined;
      for (const column of splitColumns(node[2] as string)) {
        const [name, type, ...rest] = column.split(/\s+/) as [string, string, ...string[]];
        columns[name] = type;
        if (rest.join(' ') === 'PRIMARY KEY') primaryKey = name;
      }
      nodes.set(node[1] as string, { columns, primaryKey });
    } else if (rel) {
      const pairs: string[] = [];
      const properties: Record<string, string> = {};
      for (const part of splitColumns(rel[2] as string)) {
        const endpoints = /^FROM (\w+) TO (\w+)$/.exec(part);
        if (endpoints) pairs.push(`${endpoints[1]}->${endpoints[2]}`);
        else {
          const [name, type] = part.split(/\s+/) as [string, string];
          properties[name] = type;
        }
      }
      rels.set(rel[1] as string, { pairs, properties });
    } else {
      throw new Error(`Unexpected statement in the embedded schema: ${statement}`);
    }
  }
  return { nodes, rels };
}

const sorted = (values: Iterable<string>): string[] => [...values].sort();
const same = (a: Iterable<string>, b: Iterable<string>): boolean =>
  sorted(a).join() === sorted(b).join();

function ddlProblems(type: string, spec: RelationshipSpec, table: RelTable | undefined): string[] {
  const fix = `fix its CREATE REL TABLE in cypher/schema/create.embedded.cypher`;
  if (!table)
    return [
      `${type} has no relationship table in the embedded DDL; add CREATE REL TABLE IF NOT EXISTS ${type}(...) to cypher/schema/create.embedded.cypher.`,
    ];
  const problems: string[] = [];
  const pairs = spec.endpoints.map(([f, t]) => `${f}->${t}`);
  if (!same(pairs, table.pairs)) {
    problems.push(
      `${type}: the model links ${sorted(pairs).join(', ')} but the embedded DDL has ${sorted(table.pairs).join(', ')}; ${fix}.`,
    );
  }
  const columns = Object.fromEntries(
    Object.entries(spec.properties).map(([k, p]) => [k, COLUMN_TYPE_OF_KIND[p.kind]]),
  );
  const expected = sorted(Object.entries(columns).map(([k, t]) => `${k} ${t}`));
  const actual = sorted(Object.entries(table.properties).map(([k, t]) => `${k} ${t}`));
  if (expected.join() !== actual.join()) {
    problems.push(
      `${type}: the model's properties are [${expected.join(', ')}] but the embedded DDL has [${actual.join(', ')}]; ${fix}.`,
    );
  }
  return problems;
}

function sdlPropertyProblem(
  type: string,
  key: string,
  property: PropertySpec,
  field: LinkContract['linkProperties'][string] | undefined,
): string | undefined {
  const where = 'input LinkProperties in schema.graphql';
  if (field === undefined) return `${type}.${key} is missing from ${where}; add the field ${key}.`;
  if (property.kind === 'list' && field !== 'list')
    return `${type}.${key} is a list in the model but not in ${where}.`;
  if (property.kind === 'enum' && (!Array.isArray(field) || !same(field, property.values))) {
    return `${type}.${key} takes ${property.values.join(', ')} in the model; ${where} must type it with an enum of exactly those values.`;
  }
  return undefined;
}

/**
 * Every disagreement between the model's relationship types and the DDL and
 * SDL, as messages naming the type, what differs and where to fix it. Empty
 * when everything agrees.
 */
export function relationshipDisagreements(
  relationships: Readonly<Record<string, RelationshipSpec>>,
  ddl: ReadonlyMap<string, RelTable>,
  sdl: LinkContract,
): string[] {
  const problems: string[] = [];
  for (const [type, spec] of Object.entries(relationships)) {
    problems.push(...ddlProblems(type, spec, ddl.get(type)));
    const linkable = !spec.managed;
    if (linkable !== sdl.linkTypes.includes(type)) {
      problems.push(
        linkable
          ? `${type} can be linked by clients but is missing from enum LinkType in schema.graphql; add it there (or mark it managed in the model).`
          : `${type} is managed (written by addStatement or addEstimate) but enum LinkType in schema.graphql offers it; remove it there.`,
      );
    }
    if (!linkable) continue;
    for (const [key, property] of Object.entries(spec.properties)) {
      const problem = sdlPropertyProblem(type, key, property, sdl.linkProperties[key]);
      if (problem) problems.push(problem);
    }
  }
  for (const type of ddl.keys()) {
    if (!(type in relationships))
      problems.push(
        `The embedded DDL has a table ${type} that the model does not define; add it to RELATIONSHIPS in src/model/graph-model.ts or drop the table.`,
      );
  }
  for (const type of sdl.linkTypes) {
    if (!(type in relationships))
      problems.push(
        `enum LinkType in schema.graphql offers ${type}, which the model does not define; add it to RELATIONSHIPS in src/model/graph-model.ts.`,
      );
  }
  return problems;
}
