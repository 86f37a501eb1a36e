import { GraphError, GraphErrorCode } from './errors';

/**
 * Plain values that cross the port. Nodes and relationships are plain objects;
 * no driver type ever leaves an adapter.
 */
export type GraphValue =
  | null
  | boolean
  | number
  | string
  | GraphValue[]
  | GraphNode
  | GraphRelationship
  | GraphPath
  | { [key: string]: GraphValue };

export type Properties = Record<string, GraphValue>;

export interface GraphNode {
  readonly kind: 'node';
  readonly label: string;
  readonly id: string;
  readonly properties: Properties;
}

export interface GraphRelationship {
  readonly kind: 'relationship';
  readonly type: string;
  readonly properties: Properties;
  /** The application id of the start node, when the result also holds that node. */
  readonly startId: string | null;
  /** The application id of the end node, when the result also holds that node. */
  readonly endId: string | null;
}

export interface GraphPath {
  readonly kind: 'path';
  readonly nodes: GraphNode[];
  readonly relationships: GraphRelationship[];
}

export type Row = Record<string, GraphValue>;

/** Parameter values accepted by every engine. */
export type ParamValue =
  null | boolean | number | string | ParamValue[] | { [key: string]: ParamValue };
export type Params = Record<string, ParamValue>;

export function isGraphNode(value: unknown): value is GraphNode {
  return typeof value === 'object' && value !== null && (value as GraphNode).kind === 'node';
}

export function isGraphRelationship(value: unknown): value is GraphRelationship {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as GraphRelationship).kind === 'relationship'
  );
}

/** Converts an engine integer to a JS number, refusing values that would round. */
export function safeInteger(value: bigint | number, context: string): number {
  const asNumber = Number(value);
  if (
    !Number.isSafeInteger(asNumber) ||
    (typeof value === 'bigint' && BigInt(asNumber) !== value)
  ) {
    throw new GraphError(
      GraphErrorCode.INTEGER_OUT_OF_RANGE,
      `Integer ${String(value)} in ${context} is outside JavaScript's safe range (±${Number.MAX_SAFE_INTEGER}); ` +
        'it was refused rather than rounded.',
    );
  }
  return asNumber;
}
