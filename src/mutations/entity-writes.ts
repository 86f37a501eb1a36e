import type { CypherLibrary, GraphNode, GraphTransaction } from '../graph';
import type { NodeLabel } from '../model/graph-model';
import { BadUserInputError, ConflictError } from '../errors';
import { checkDate, checkId, checkText } from '../resolvers/arguments';
import { upsertNodes } from '../writes/write-graph';
import { nodesInTx } from './tx-lookups';

type Input = Record<string, unknown>;

/** Length limits for node fields written through the API. */
const LIMITS: Record<string, number> = {
  name: 200, title: 300, description: 2000, category: 100, timeText: 200, publisher: 200, url: 2000,
};

function optionalText(input: Input, key: string): string | null | undefined {
  const value = input[key];
  if (value === undefined || value === null) return value as null | undefined;
  return checkText(`input.${key}`, String(value), { max: LIMITS[key] ?? 200 });
}

/** Checks an upsert input; returns the fields to write (undefined = keep stored value). */
export function checkEntityInput(input: Input): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    id: checkId('input.id', String(input.id)),
    name: checkText('input.name', String(input.name), { max: LIMITS.name as number }),
  };
  for (const key of ['description', 'category', 'timeText']) fields[key] = optionalText(input, key);
  if (input.date !== undefined) fields.date = input.date === null ? null : checkDate('input.date', String(input.date));
  if (input.aliases !== undefined) {
    const aliases = (input.aliases as string[] | null) ?? [];
    if (aliases.length > 20) throw new BadUserInputError('input.aliases', `accepts at most 20 aliases; got ${aliases.length}.`);
    fields.aliases = aliases.map((a, i) => checkText(`input.aliases[${i}]`, a, { max: 200 }));
  }
  return fields;
}

export function checkSourceInput(input: Input): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    id: checkId('input.id', String(input.id)),
    title: checkText('input.title', String(input.title), { max: LIMITS.title as number }),
  };
  fields.publisher = optionalText(input, 'publisher');
  if (input.url !== undefined && input.url !== null) {
    const url = checkText('input.url', String(input.url), { max: LIMITS.url as number });
    if (!/^https?:\/\/[^\s]+$/i.test(url)) throw new BadUserInputError('input.url', 'must be an absolute http(s) URL.');
    fields.url = url;
  } else fields.url = input.url;
  if (input.publishedAt !== undefined) {
    fields.publishedAt = input.publishedAt === null ? null : checkDate('input.publishedAt', String(input.publishedAt).slice(0, 10));
  }
  return fields;
}

/**
 * Creates or updates one node of `label`. Fields left undefined keep their
 * stored value. An id held by a node of another label is a CONFLICT.
 */
export async function upsertNode(
  tx: GraphTransaction,
  cypher: CypherLibrary,
  label: NodeLabel,
  fields: Record<string, unknown>,
): Promise<GraphNode> {
  const id = String(fields.id);
  const existing = (await nodesInTx(tx, cypher, [id])).get(id);
  if (existing && existing.label !== label) {
    throw new ConflictError(`input.id: "${id}" already belongs to a ${existing.label}; ids are unique across the graph.`, {
      argument: 'input.id',
    });
  }
  const merged: Record<string, unknown> = { ...(existing?.properties ?? {}) };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) merged[key] = value;
  const [node] = await upsertNodes(tx, cypher, label, [{ ...merged, label, id }]);
  if (!node) throw new Error(`Upsert of ${label} ${id} returned no node.`);
  return node;
}
