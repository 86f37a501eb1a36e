/**
 * Each relationship type is defined once, in the model. What is derived from
 * it (traversals, link writes, link validation) follows it; what is written
 * elsewhere (the embedded DDL, the SDL's LinkType and LinkProperties) is
 * checked against it, and a missing piece fails with a message that names it.
 */
import {
  buildASTSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  getNullableType,
} from 'graphql';
import { CypherLibrary } from '../../src/graph';
import { TRAVERSALS } from '../../src/loaders';
import {
  RELATIONSHIPS,
  type RelationshipSpec,
  relationshipSpec,
  RELATIONSHIP_TYPES,
} from '../../src/model/graph-model';
import {
  type LinkContract,
  parseEmbeddedDdl,
  relationshipDisagreements,
} from '../../src/model/model-checks';
import { checkLinkInput, checkUnlinkInput } from '../../src/mutations';
import { loadTypeDefs } from '../../src/schema/load-schema';

const ddl = parseEmbeddedDdl(
  new CypherLibrary('embedded').statements('schema/create').map((s) => s.text),
).rels;

function linkContract(): LinkContract {
  const schema = buildASTSchema(loadTypeDefs());
  const linkType = schema.getType('LinkType');
  const properties = schema.getType('LinkProperties');
  if (!isEnumType(linkType) || !isInputObjectType(properties))
    throw new Error('schema.graphql lacks LinkType or LinkProperties');
  const fields = Object.values(properties.getFields()).map((field) => {
    const type = getNullableType(field.type);
    const shape = isListType(type)
      ? 'list'
      : isEnumType(type)
        ? type.getValues().map((v) => v.name)
        : 'scalar';
    return [field.name, shape] as const;
  });
  return {
    linkTypes: linkType.getValues().map((v) => v.name),
    linkProperties: Object.fromEntries(fields),
  };
}
const sdl = linkContract();

/** The model with one more relationship type, as an engineer would add it. */
const withExtraType: Record<string, RelationshipSpec> = {
  ...RELATIONSHIPS,
  SANCTIONS: {
    endpoints: [['State', 'Organization']],
    properties: { since: { kind: 'date', max: 200 }, sanctionBasis: { kind: 'text', max: 200 } },
    traversals: { sanctionedBy: { direction: 'incoming' } },
  },
};

describe('The relationship model', () => {
  it('agrees with the embedded DDL and with LinkType and LinkProperties in the SDL', () => {
    expect(relationshipDisagreements(RELATIONSHIPS, ddl, sdl)).toEqual([]);
  });

  it('names every piece a new relationship type still lacks', () => {
    expect(relationshipDisagreements(withExtraType, ddl, sdl)).toEqual([
      'SANCTIONS has no relationship table in the embedded DDL; add CREATE REL TABLE IF NOT EXISTS SANCTIONS(...) to cypher/schema/create.embedded.cypher.',
      'SANCTIONS can be linked by clients but is missing from enum LinkType in schema.graphql; add it there (or mark it managed in the model).',
      'SANCTIONS.sanctionBasis is missing from input LinkProperties in schema.graphql; add the field sanctionBasis.',
    ]);
  });

  it('names a property whose DDL column is missing or of the wrong type', () => {
    const rels = new Map(ddl);
    rels.set('TRAINED_BY', {
      pairs: ['MilitaryUnit->State', 'MilitaryUnit->Organization'],
      properties: { disciplines: 'STRING' },
    });
    rels.set('HOLDS_ROLE', {
      pairs: ['Person->State', 'Person->Organization'],
      properties: { title: 'STRING', since: 'STRING' },
    });
    expect(relationshipDisagreements(RELATIONSHIPS, rels, sdl)).toEqual([
      "HOLDS_ROLE: the model's properties are [since STRING, title STRING, until STRING] but the embedded DDL has [since STRING, title STRING]; fix its CREATE REL TABLE in cypher/schema/create.embedded.cypher.",
      "TRAINED_BY: the model's properties are [disciplines STRING[]] but the embedded DDL has [disciplines STRING]; fix its CREATE REL TABLE in cypher/schema/create.embedded.cypher.",
    ]);
  });

  it('names an enum property the SDL types with other values, and a type the SDL offers but the model lacks', () => {
    const contract: LinkContract = {
      linkTypes: [...sdl.linkTypes, 'BORDERS'],
      linkProperties: { ...sdl.linkProperties, kind: ['ALLIANCE', 'WAR'] },
    };
    expect(relationshipDisagreements(RELATIONSHIPS, ddl, contract)).toEqual([
      'RELATION.kind takes PARTNERSHIP, ALLIANCE, WAR, TIES, RIVALRY in the model; input LinkProperties in schema.graphql must type it with an enum of exactly those values.',
      'enum LinkType in schema.graphql offers BORDERS, which the model does not define; add it to RELATIONSHIPS in src/model/graph-model.ts.',
    ]);
  });

  it('derives one traversal per declared name, with the labels of the endpoints on each side', () => {
    const declared = RELATIONSHIP_TYPES.flatMap((type) =>
      Object.keys(relationshipSpec(type).traversals),
    );
    expect(Object.keys(TRAVERSALS).sort()).toEqual([...declared].sort());
    expect(TRAVERSALS.officialsOf).toEqual({
      name: 'officialsOf',
      type: 'HOLDS_ROLE',
      direction: 'incoming',
      parentLabels: ['State', 'Organization'],
      nodeLabels: ['Person'],
      orderKey: 'name',
    });
    expect(TRAVERSALS.statementsMadeBy).toMatchObject({
      parentLabels: ['Person', 'Organization', 'State'],
      nodeLabels: ['Statement'],
      orderKey: 'ordinal',
    });
  });

  it('validates link properties by the kind the model gives them', () => {
    expect(
      checkLinkInput({
        type: 'DEPLOYED_TO',
        from: 'unit',
        to: 'kursk',
        properties: { asOf: '2024-11', status: ' deployed ' },
      }),
    ).toEqual({
      type: 'DEPLOYED_TO',
      from: 'unit',
      to: 'kursk',
      properties: { asOf: '2024-11', status: 'deployed' },
    });
    expect(() =>
      checkLinkInput({
        type: 'DEPLOYED_TO',
        from: 'unit',
        to: 'kursk',
        properties: { asOf: '2024-13' },
      }),
    ).toThrow(
      'input.properties.asOf: "2024-13" is not an ISO-8601 date; use YYYY, YYYY-MM or YYYY-MM-DD.',
    );
    expect(() =>
      checkLinkInput({
        type: 'RELATION',
        from: 'a',
        to: 'b',
        properties: { kind: 'FRIENDSHIP' as never },
      }),
    ).toThrow('input.properties.kind: must be one of PARTNERSHIP, ALLIANCE, WAR, TIES, RIVALRY.');
  });

  it('refuses a self-loop on link, and lets unlink remove one stored before', () => {
    const loop = { type: 'LOCATED_IN' as const, from: 'kursk', to: 'kursk' };
    expect(() => checkLinkInput(loop)).toThrow(
      'input.to: LOCATED_IN cannot link "kursk" to itself; give two different ids.',
    );
    expect(checkUnlinkInput(loop)).toEqual({ ...loop, properties: {} });
  });

  it('refuses clearing a required property, on any link', () => {
    expect(() =>
      checkLinkInput({ type: 'RELATION', from: 'a', to: 'b', properties: { kind: null } }),
    ).toThrow(
      'input.properties.kind: cannot be removed from a RELATION; give one of PARTNERSHIP, ALLIANCE, WAR, TIES, RIVALRY, or unlink the relation.',
    );
  });
});
