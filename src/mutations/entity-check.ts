import type { EntityInput, ExternalIdInput, SourceInput } from '../generated/resolvers-types';
import { BadUserInputError } from '../errors';
import { EXTERNAL_IDS_MAX, EXTERNAL_ID_SCHEMES, externalIdKey } from '../model/graph-model';
import { checkDate, checkId, checkIsoDateTime, checkText } from '../model/validate';

/** The fields an upsert writes; undefined keeps the stored value, null clears it. */
export type NodeFields = { readonly id: string } & Readonly<Record<string, unknown>>;

/** Length limits for node fields written through the API. */
const LIMITS = {
  name: 200,
  title: 300,
  description: 2000,
  category: 100,
  timeText: 200,
  publisher: 200,
  url: 2000,
} as const;

function optionalText(
  key: keyof typeof LIMITS,
  value: string | null | undefined,
): string | null | undefined {
  if (value === undefined || value === null) return value;
  return checkText(`input.${key}`, value, { max: LIMITS[key] });
}

/** Checks an entity upsert; returns the fields to write. */
export function checkEntityInput(input: EntityInput): NodeFields {
  const fields: Record<string, unknown> = {
    id: checkId('input.id', input.id),
    name: checkText('input.name', input.name, { max: LIMITS.name }),
    description: optionalText('description', input.description),
    category: optionalText('category', input.category),
    timeText: optionalText('timeText', input.timeText),
  };
  if (input.date !== undefined)
    fields.date = input.date === null ? null : checkDate('input.date', input.date);
  if (input.aliases !== undefined) {
    const aliases = input.aliases ?? [];
    if (aliases.length > 20)
      throw new BadUserInputError(
        'input.aliases',
        `accepts at most 20 aliases; got ${aliases.length}.`,
      );
    fields.aliases = aliases.map((a, i) => checkText(`input.aliases[${i}]`, a, { max: 200 }));
  }
  if (input.externalIds !== undefined && input.externalIds !== null)
    fields.externalIds = checkExternalIds(input.externalIds);
  return fields as NodeFields;
}

/**
 * Checks external ids: a known scheme (case ignored), an id of that scheme's
 * shape, one per scheme, at most EXTERNAL_IDS_MAX. Returns them as stored
 * ("scheme:id"), ordered by scheme.
 */
export function checkExternalIds(externalIds: readonly ExternalIdInput[]): string[] {
  if (externalIds.length > EXTERNAL_IDS_MAX)
    throw new BadUserInputError(
      'input.externalIds',
      `accepts at most ${EXTERNAL_IDS_MAX} external ids; got ${externalIds.length}.`,
    );
  const byScheme = new Map<string, string>();
  externalIds.forEach((externalId, i) => {
    const argument = `input.externalIds[${i}]`;
    const scheme = externalId.scheme.trim().toLowerCase();
    const spec = EXTERNAL_ID_SCHEMES[scheme];
    if (!spec)
      throw new BadUserInputError(
        `${argument}.scheme`,
        `"${externalId.scheme.slice(0, 40)}" is not a known scheme; use one of: ${Object.keys(EXTERNAL_ID_SCHEMES).join(', ')}.`,
      );
    const id = externalId.id.trim();
    if (!spec.pattern.test(id))
      throw new BadUserInputError(`${argument}.id`, `"${id.slice(0, 40)}" is not ${spec.shape}.`);
    if (byScheme.has(scheme))
      throw new BadUserInputError(
        `${argument}.scheme`,
        `gives a second ${scheme} id ("${id}" after "${byScheme.get(scheme)}"); an entity has at most one id per scheme.`,
      );
    byScheme.set(scheme, id);
  });
  return [...byScheme]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([scheme, id]) => externalIdKey(scheme, id));
}

/** Checks a source upsert; returns the fields to write. */
export function checkSourceInput(input: SourceInput): NodeFields {
  const fields: Record<string, unknown> = {
    id: checkId('input.id', input.id),
    title: checkText('input.title', input.title, { max: LIMITS.title }),
    publisher: optionalText('publisher', input.publisher),
  };
  if (input.url !== undefined && input.url !== null) {
    const url = checkText('input.url', input.url, { max: LIMITS.url });
    if (!/^https?:\/\/[^\s]+$/i.test(url))
      throw new BadUserInputError('input.url', 'must be an absolute http(s) URL.');
    fields.url = url;
  } else fields.url = input.url;
  if (input.publishedAt !== undefined) {
    fields.publishedAt =
      input.publishedAt === null ? null : checkIsoDateTime('input.publishedAt', input.publishedAt);
  }
  return fields as NodeFields;
}
