import {
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/**
 * List arguments and the multiplier assumed when their value is a variable:
 * the largest the API accepts, since validation results are cached per
 * document and must hold for any variables.
 */
const LIST_ARGUMENTS: Record<string, number> = { first: 100, limit: 500 };
const MAX_DEPTH_WALKED = 50;

function multiplierOf(field: FieldNode): number {
  for (const arg of field.arguments ?? []) {
    const worst = LIST_ARGUMENTS[arg.name.value];
    if (worst === undefined) continue;
    if (arg.value.kind === Kind.VARIABLE) return worst;
    return arg.value.kind === Kind.INT ? Math.max(1, Number(arg.value.value)) : 1;
  }
  return 1;
}

/**
 * A validation rule that refuses operations whose estimated cost exceeds
 * `maxCost`. Each field costs 1, and a field with `first` or `limit`
 * multiplies the cost of everything below it by that number (a variable counts
 * as the largest value allowed): a request for
 * 100 people with 100 statements each costs about 10,000. Fragments are
 * expanded; cycles are cut (other rules reject them).
 */
export function costLimitRule(maxCost: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
    const costOf = (set: SelectionSetNode | undefined, depth: number, seen: Set<string>): number => {
      if (!set || depth > MAX_DEPTH_WALKED) return 0;
      let cost = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          cost += 1 + multiplierOf(selection) * costOf(selection.selectionSet, depth + 1, seen);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          cost += costOf(selection.selectionSet, depth + 1, seen);
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (fragment && !seen.has(name)) cost += costOf(fragment.selectionSet, depth + 1, new Set([...seen, name]));
        }
      }
      return cost;
    };
    return {
      OperationDefinition(operation) {
        const cost = costOf(operation.selectionSet, 0, new Set());
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
