import {
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  GraphQLError,
  type GraphQLNamedType,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  getNamedType,
  isInterfaceType,
  isObjectType,
} from 'graphql';

/**
 * List arguments and the multiplier assumed when their value is a variable:
 * the largest the API accepts, since validation results are cached per
 * document and must hold for any variables.
 */
const LIST_ARGUMENTS: Record<string, number> = { first: 100, limit: 500 };
const MAX_DEPTH_WALKED = 50;

function multiplierOf(
  field: FieldNode,
  definition: GraphQLField<unknown, unknown> | undefined,
): number {
  for (const arg of field.arguments ?? []) {
    const worst = LIST_ARGUMENTS[arg.name.value];
    if (worst === undefined) continue;
    if (arg.value.kind === Kind.VARIABLE) return worst;
    return arg.value.kind === Kind.INT ? Math.max(1, Number(arg.value.value)) : 1;
  }
  // Left out, the argument takes its schema default (`people` returns 20 people, not 1).
  for (const arg of definition?.args ?? []) {
    if (LIST_ARGUMENTS[arg.name] !== undefined && typeof arg.defaultValue === 'number')
      return Math.max(1, arg.defaultValue);
  }
  return 1;
}

function fieldOf(
  type: GraphQLNamedType | undefined,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

/**
 * A validation rule that refuses operations whose estimated cost exceeds
 * `maxCost`. Each field costs 1, and a field with `first` or `limit`
 * multiplies the cost of everything below it by that number (a variable counts
 * as the largest value allowed, a left-out argument as its schema default): a request for
 * 100 people with 100 statements each costs about 10,000. Fragments are
 * expanded; cycles are cut (other rules reject them).
 */
export function costLimitRule(maxCost: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
    const schema = context.getSchema();
    const costOf = (
      set: SelectionSetNode | undefined,
      type: GraphQLNamedType | undefined,
      depth: number,
      seen: Set<string>,
    ): number => {
      if (!set || depth > MAX_DEPTH_WALKED) return 0;
      let cost = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          const definition = fieldOf(type, selection.name.value);
          const below = costOf(
            selection.selectionSet,
            definition && getNamedType(definition.type),
            depth + 1,
            seen,
          );
          cost += 1 + multiplierOf(selection, definition) * below;
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const inner = selection.typeCondition
            ? schema.getType(selection.typeCondition.name.value)
            : type;
          cost += costOf(selection.selectionSet, inner ?? undefined, depth + 1, seen);
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (fragment && !seen.has(name)) {
            const inner = schema.getType(fragment.typeCondition.name.value) ?? undefined;
            cost += costOf(fragment.selectionSet, inner, depth + 1, new Set([...seen, name]));
          }
        }
      }
      return cost;
    };
    return {
      OperationDefinition(operation) {
        const cost = costOf(
          operation.selectionSet,
          schema.getRootType(operation.operation) ?? undefined,
          0,
          new Set(),
        );
        if (cost > maxCost) {
          context.reportError(
            new GraphQLError(
              `Query cost ${cost} exceeds the limit of ${maxCost}. Ask for fewer items (lower "first" or "limit") or fewer nested lists.`,
              { nodes: [operation], extensions: { code: 'QUERY_TOO_COSTLY', cost, maxCost } },
            ),
          );
        }
      },
    };
  };
}
