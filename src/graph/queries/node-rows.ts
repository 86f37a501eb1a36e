import {
  NODE_PROPERTIES,
  type NodeLabel,
  type PropertySpec,
  isEntityLabel,
  parseExternalIdKey,
  searchTextOf,
} from '../../model/graph-model';
import type { ParamValue } from '../values';

/** A node as written: its label and its properties (`search` is derived). */
export interface NodeRecord {
  readonly label: NodeLabel;
  readonly id: string;
  readonly [property: string]: unknown;
}

const asString = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const asStrings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/**
 * The full row written for a node: every column of its label, lists as `[]`
 * rather than null (the embedded engine types an all-null list column as a
 * string), and the lower-cased `search` text.
 */
export function nodeRow(record: NodeRecord): Record<string, ParamValue> {
  const { label } = record;
  const columns = NODE_PROPERTIES[label];
  const row: Record<string, ParamValue> = {};
  for (const [key, type] of Object.entries(columns)) {
    const value = record[key];
    if (type === 'STRING[]') row[key] = asStrings(value);
    else if (type === 'INT64' || type === 'DOUBLE')
      row[key] = typeof value === 'number' ? value : null;
    else row[key] = asString(value);
  }
  if (label === 'Source') row.name = asString(record.title) ?? asString(record.name);
  row.search = searchTextFor(label, row);
  return row;
}

function searchTextFor(label: NodeLabel, row: Record<string, ParamValue>): string {
  const s = (key: string): string | null => asString(row[key]);
  // An external id is a term of its own ("q6279"), so that search finds it exactly.
  if (isEntityLabel(label))
    return searchTextOf(
      s('name'),
      asStrings(row.aliases),
      asStrings(row.externalIds).map((key) => parseExternalIdKey(key)?.id ?? key),
    );
  if (label === 'Statement') return searchTextOf(s('name'), s('text'), s('hedge'), s('context'));
  if (label === 'Source') return searchTextOf(s('title'), s('publisher'));
  return searchTextOf(s('name'), s('unit'), s('scope'));
}

/** The value written for one property of a link: lists as `[]` rather than null, as for nodes. */
export function linkValue(property: PropertySpec, value: unknown): ParamValue {
  if (property.kind === 'list') return Array.isArray(value) ? value.map(String) : [];
  if (property.kind === 'int') return typeof value === 'number' ? value : null;
  return typeof value === 'string' ? value : null;
}
