import type { GraphNode, GraphRelationship, GraphValue, Properties } from '../values';
import { safeInteger } from '../values';

type InternalId = { offset: number; table: number };
type Raw = Record<string, unknown>;

const keyOf = (id: InternalId): string => `${id.table}:${id.offset}`;
const isRaw = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNode = (v: Raw): boolean => '_label' in v && '_id' in v && !('_src' in v);
const isRel = (v: Raw): boolean => '_label' in v && '_src' in v && '_dst' in v;
const isPath = (v: Raw): boolean => '_nodes' in v && '_rels' in v;

/**
 * Converts LadybugDB result rows to the port's plain values.
 *
 * Relationships carry only internal node ids, so endpoints are resolved to
 * application ids through the nodes present anywhere in the same result.
 */
export function convertEmbeddedRows(rows: Record<string, unknown>[]): Record<string, GraphValue>[] {
  const appIds = new Map<string, string>();
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (isRaw(value)) {
      if (isNode(value) && value._id && typeof value.id === 'string') {
        appIds.set(keyOf(value._id as InternalId), value.id);
      }
      Object.values(value).forEach(collect);
    }
  };
  rows.forEach(collect);

  const convert = (value: unknown, where: string): GraphValue => {
    if (value === null || value === undefined) return null;
    if (typeof value === 'bigint') return safeInteger(value, where);
    // LadybugDB hands INT64 to JS as a number, already rounded when it is beyond
    // 2^53 (9223372036854775807 arrives as 9223372036854776000). Such a number is
    // an integer but not a safe one, so it is refused here rather than passed on
    // rounded. Caveat: a DOUBLE is a number too, so a whole DOUBLE beyond 2^53
    // (1e20) is refused the same way; the model stores no such values.
    if (typeof value === 'number')
      return Number.isInteger(value) ? safeInteger(value, where) : value;
    if (typeof value === 'string' || typeof value === 'boolean') return value;
    if (value instanceof Date) return value.toISOString();
    if (Array.isArray(value)) return value.map((v) => convert(v, where));
    if (value instanceof Map) {
      const out: Properties = {};
      for (const [k, v] of value) out[String(k)] = convert(v, where);
      return out;
    }
    if (!isRaw(value)) return String(value);
    if (isPath(value)) {
      return {
        kind: 'path',
        nodes: (value._nodes as unknown[]).map((n) => convert(n, where) as GraphNode),
        relationships: (value._rels as unknown[]).map(
          (r) => convert(r, where) as GraphRelationship,
        ),
      };
    }
    if (isRel(value)) {
      return {
        kind: 'relationship',
        type: String(value._label),
        properties: propertiesOf(value, where, convert),
        startId: appIds.get(keyOf(value._src as InternalId)) ?? null,
        endId: appIds.get(keyOf(value._dst as InternalId)) ?? null,
      };
    }
    if (isNode(value)) {
      return {
        kind: 'node',
        label: String(value._label),
        id: String(value.id),
        properties: propertiesOf(value, where, convert),
      };
    }
    const out: Properties = {};
    for (const [k, v] of Object.entries(value)) out[k] = convert(v, where);
    return out;
  };

  return rows.map((row) => {
    const out: Record<string, GraphValue> = {};
    for (const [column, value] of Object.entries(row))
      out[column] = convert(value, `column "${column}"`);
    return out;
  });
}

/** Properties without internal fields, and without nulls: a missing property reads as absent. */
function propertiesOf(
  raw: Raw,
  where: string,
  convert: (value: unknown, where: string) => GraphValue,
): Properties {
  const props: Properties = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k.startsWith('_') || v === null || v === undefined) continue;
    props[k] = convert(v, where);
  }
  return props;
}
