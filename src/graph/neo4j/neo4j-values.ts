import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPoint,
  isRelationship,
  isTime,
} from 'neo4j-driver';
import type { Node, Path, Record as Neo4jRecord, Relationship } from 'neo4j-driver';
import type {
  GraphNode,
  GraphRelationship,
  GraphValue,
  Params,
  ParamValue,
  Properties,
  Row,
} from '../values';
import { safeInteger } from '../values';

/**
 * Converts driver records to the port's plain values. Integers outside the
 * safe range are refused (GRAPH_INTEGER_OUT_OF_RANGE), never rounded.
 */
export function convertNeo4jRecords(records: Neo4jRecord[]): Row[] {
  const appIds = new Map<string, string>();
  const collect = (value: unknown): void => {
    if (isNode(value as object)) {
      const node = value as Node;
      const id = node.properties.id;
      if (typeof id === 'string') appIds.set(node.elementId, id);
    } else if (isPath(value as object)) {
      (value as Path).segments.forEach((s) => {
        collect(s.start);
        collect(s.end);
      });
    } else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object' && !isInt(value))
      Object.values(value).forEach(collect);
  };
  records.forEach((r) => r.forEach((v) => collect(v)));

  const convert = (value: unknown, where: string): GraphValue => {
    if (value === null || value === undefined) return null;
    if (isInt(value)) return safeInteger(BigInt(value.toString()), where);
    if (typeof value === 'bigint') return safeInteger(value, where);
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
      return value;
    if (Array.isArray(value)) return value.map((v) => convert(v, where));
    const obj = value as object;
    if (isNode(obj)) return nodeOf(obj as Node, where, convert);
    if (isRelationship(obj)) return relOf(obj as Relationship, where, convert, appIds);
    if (isPath(obj)) {
      const path = obj as Path;
      const nodes = [path.start, ...path.segments.map((s) => s.end)];
      return {
        kind: 'path',
        nodes: nodes.map((n) => nodeOf(n, where, convert)),
        relationships: path.segments.map((s) => relOf(s.relationship, where, convert, appIds)),
      };
    }
    if (
      isDate(obj) ||
      isDateTime(obj) ||
      isLocalDateTime(obj) ||
      isTime(obj) ||
      isLocalTime(obj) ||
      isDuration(obj) ||
      isPoint(obj)
    ) {
      return obj.toString();
    }
    const out: Properties = {};
    for (const [k, v] of Object.entries(obj)) out[k] = convert(v, where);
    return out;
  };

  return records.map((record) => {
    const row: Row = {};
    for (const key of record.keys)
      row[String(key)] = convert(record.get(key), `column "${String(key)}"`);
    return row;
  });
}

type Convert = (value: unknown, where: string) => GraphValue;

function nodeOf(node: Node, where: string, convert: Convert): GraphNode {
  return {
    kind: 'node',
    label: node.labels[0] ?? '',
    id: String(node.properties.id),
    properties: propertiesOf(node.properties, where, convert),
  };
}

function relOf(
  rel: Relationship,
  where: string,
  convert: Convert,
  appIds: Map<string, string>,
): GraphRelationship {
  return {
    kind: 'relationship',
    type: rel.type,
    properties: propertiesOf(rel.properties, where, convert),
    startId: appIds.get(rel.startNodeElementId) ?? null,
    endId: appIds.get(rel.endNodeElementId) ?? null,
  };
}

function propertiesOf(props: Record<string, unknown>, where: string, convert: Convert): Properties {
  const out: Properties = {};
  for (const [k, v] of Object.entries(props))
    if (v !== null && v !== undefined) out[k] = convert(v, where);
  return out;
}

/**
 * Parameters for the driver. JS numbers that are integers travel as Cypher
 * integers (so `LIMIT $first` works); other numbers as floats.
 */
export function toNeo4jParams(params: Params): Record<string, unknown> {
  const convert = (value: ParamValue): unknown => {
    if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
    if (Array.isArray(value)) return value.map(convert);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]));
    }
    return value;
  };
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, convert(v)]));
}
