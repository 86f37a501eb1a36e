/**
 * One list of labels: the model's allowlist is the source, codegen derives its
 * node types from it, and the explorer derives its entity labels from the
 * schema's `EntityKind`. These checks tie the three together, so a label
 * added in one place and forgotten in another fails here.
 */
import { buildASTSchema, type GraphQLEnumType, GraphQLObjectType } from 'graphql';
import { ENTITY_LABELS, NODE_LABELS } from '../../src/model/graph-model';
import { loadTypeDefs } from '../../src/schema/load-schema';
import {
  ENTITY_LABELS as EXPLORER_ENTITY_LABELS,
  KIND_LABELS,
  LABEL_COLOURS,
  LABEL_NAMES,
} from '../../web/src/labels';

const schema = buildASTSchema(loadTypeDefs());

describe('the label lists', () => {
  it('give the explorer one node label per EntityKind of the schema', () => {
    const kinds = (schema.getType('EntityKind') as GraphQLEnumType).getValues().map((v) => v.name);
    expect(Object.keys(KIND_LABELS).sort()).toEqual([...kinds].sort());
  });

  it('give the explorer exactly the entity labels of the model, each an object type of the schema', () => {
    expect([...EXPLORER_ENTITY_LABELS].sort()).toEqual([...ENTITY_LABELS].sort());
    for (const label of Object.values(KIND_LABELS))
      expect(schema.getType(label)).toBeInstanceOf(GraphQLObjectType);
  });

  it('name and colour every node label of the model in the explorer, and no other', () => {
    expect(Object.keys(LABEL_NAMES).sort()).toEqual([...NODE_LABELS].sort());
    expect(Object.keys(LABEL_COLOURS).sort()).toEqual([...NODE_LABELS].sort());
  });

  it('map every node label of the model to an object type of the schema, as codegen assumes', () => {
    for (const label of NODE_LABELS)
      expect(schema.getType(label)).toBeInstanceOf(GraphQLObjectType);
  });
});
