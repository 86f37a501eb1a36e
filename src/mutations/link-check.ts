import type { LinkInput, UnlinkInput } from '../generated/resolvers-types';
import { BadUserInputError } from '../errors';
import {
  type PropertySpec,
  type RelationshipType,
  isRelationshipType,
  relationshipSpec,
} from '../model/graph-model';
import { checkDate, checkId, checkText } from '../model/validate';

/** A link or unlink whose type, ids and properties passed the model's checks. */
export interface CheckedLink {
  readonly type: RelationshipType;
  readonly from: string;
  readonly to: string;
  /** Only properties of the type; null clears a stored value. */
  readonly properties: Record<string, unknown>;
}

const ISO_LIKE = /^\d{4}(-\d{2}){0,2}$/;

/** Checks one link property by its kind in the model; returns the value to store. */
function checkLinkProperty(key: string, property: PropertySpec, value: unknown): unknown {
  const argument = `input.properties.${key}`;
  switch (property.kind) {
    case 'list': {
      const list = value as string[];
      if (list.length > property.maxItems)
        throw new BadUserInputError(argument, `accepts at most ${property.maxItems} entries.`);
      return list.map((item, i) => checkText(`${argument}[${i}]`, item, { max: property.itemMax }));
    }
    case 'enum':
      if (!property.values.includes(String(value))) {
        throw new BadUserInputError(argument, `must be one of ${property.values.join(', ')}.`);
      }
      return value;
    case 'date': {
      // Dates on relationships may be ISO dates or kept as stated ("on Thursday").
      const textValue = checkText(argument, String(value), { max: property.max });
      return ISO_LIKE.test(textValue) ? checkDate(argument, textValue) : textValue;
    }
    case 'text':
      return checkText(argument, String(value), { max: property.max });
    case 'int':
      if (typeof value !== 'number' || !Number.isSafeInteger(value))
        throw new BadUserInputError(argument, 'must be a whole number.');
      return value;
  }
}

/**
 * Validates a link before anything is written: type, ids, the type's
 * properties, and two different ends. No type of the model gives a self-loop
 * a meaning: only PART_OF, LOCATED_IN and RELATION can join two nodes of one
 * label, and an organization part of itself, a place inside itself or a state
 * at war with itself are all data errors.
 */
export function checkLinkInput(input: LinkInput): CheckedLink {
  const checked = checkUnlinkInput(input);
  if (checked.from === checked.to) {
    throw new BadUserInputError(
      'input.to',
      `${checked.type} cannot link "${checked.from}" to itself; give two different ids.`,
    );
  }
  return checked;
}

/**
 * Validates an unlink as a link, except that both ends may be one node: a
 * self-loop stored before links refused them can still be removed.
 */
export function checkUnlinkInput(input: LinkInput | UnlinkInput): CheckedLink {
  if (!isRelationshipType(input.type) || relationshipSpec(input.type).managed) {
    throw new BadUserInputError('input.type', `"${input.type}" cannot be linked by clients.`);
  }
  const type = input.type;
  const spec = relationshipSpec(type);
  const properties: Record<string, unknown> = {};
  const given: Readonly<Record<string, unknown>> =
    ('properties' in input ? input.properties : null) ?? {};
  for (const [key, value] of Object.entries(given)) {
    if (value === undefined) continue;
    const property = spec.properties[key];
    if (!property) {
      const allowed = Object.keys(spec.properties);
      throw new BadUserInputError(
        `input.properties.${key}`,
        `is not a property of ${type}; ${allowed.length ? `it takes ${allowed.join(', ')}` : 'it takes no properties'}.`,
      );
    }
    if (value === null && property.kind === 'enum' && property.required) {
      throw new BadUserInputError(
        `input.properties.${key}`,
        `cannot be removed from a ${type}; give one of ${property.values.join(', ')}, or unlink the relation.`,
      );
    }
    properties[key] = value === null ? null : checkLinkProperty(key, property, value);
  }
  return {
    type,
    from: checkId('input.from', input.from),
    to: checkId('input.to', input.to),
    properties,
  };
}
