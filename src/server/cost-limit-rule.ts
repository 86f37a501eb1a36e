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
  isAbstractType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import {
  ENTITY_LABELS,
  EXTERNAL_IDS_MAX,
  NODE_LABELS,
  RELATIONSHIP_TYPES,
} from '../model/graph-model';
import { NODE_ANALYTICS_MAX_IDS, SPEAKERS_LIMIT, UNPAGED_LIMIT } from '../resolvers';

/**
 * List arguments and the multiplier assumed when their value is a variable:
 * the largest the API accepts, since validation results are cached per
 * document and must hold for any variables.
 */
const LIST_ARGUMENTS: Record<string, number> = { first: 100, limit: 500 };
const MAX_DEPTH_WALKED = 50;

/**
 * Lists without a size argument count at their cap: the most entries one
 * parent can return (each is documented in schema.graphql). Left out here, a
 * list counts at UNPAGED_LIMIT, the cap the resolvers apply to every
 * traversal. Counting them as 1 let 15 aliases of person { roles {
 * organization { officials { person { roles } } } } } build a 157 MB answer.
 */
/**
 * The lists of `ingestReport`'s answer. A plan is computed from the request's
 * own text (at most INGEST_MAX_BYTES) and resolves without reading the graph,
 * so its lists add no graph work beyond their fields: they count as 1. Their
 * size is bounded by the text, and the answer's by RESPONSE_LIMIT_BYTES.
 */
const INGEST_PLAN_LISTS = [
  'IngestResult.warnings',
  'IngestPlan.statements',
  'IngestPlan.mentions',
  'IngestPlan.proposedEntities',
  'IngestPlan.figures',
  'IngestPlan.warnings',
  'PlannedStatement.speakers',
  'PlannedStatement.mentions',
  'PlannedStatement.addressedTo',
];

export const UNPAGED_LIST_CAPS: Readonly<Record<string, number>> = {
  ...Object.fromEntries(INGEST_PLAN_LISTS.map((field) => [field, 1])),
  // Two traversals, outgoing and incoming, each cut at UNPAGED_LIMIT.
  'State.relations': 2 * UNPAGED_LIMIT,
  'Organization.relations': 2 * UNPAGED_LIMIT,
  'Statement.speakers': SPEAKERS_LIMIT,
  // An entity's groups hold its estimates between them (at most UNPAGED_LIMIT), and
  // `figureGroups` already counts at UNPAGED_LIMIT: the figures add no further factor.
  'FigureGroup.figures': 1,
  'GroupedFigure.speakers': SPEAKERS_LIMIT,
  // Checked on input: at most EXTERNAL_IDS_MAX per entity.
  ...Object.fromEntries(
    ['Entity', ...ENTITY_LABELS].map((type) => [`${type}.externalIds`, EXTERNAL_IDS_MAX]),
  ),
  'GraphStats.byLabel': NODE_LABELS.length,
  'GraphStats.byType': RELATIONSHIP_TYPES.length,
  // A path of at most 6 hops (`maxHops`).
  'Path.nodes': 7,
  'Path.edges': 6,
  // One entry per id asked for.
  'Query.nodeAnalytics': NODE_ANALYTICS_MAX_IDS,
};

const isListField = (definition: GraphQLField<unknown, unknown> | undefined): boolean => {
  const type =
    definition && (isNonNullType(definition.type) ? definition.type.ofType : definition.type);
  return type !== undefined && isListType(type);
};

/**
 * The size a field's `first` or `limit` gives it: a variable counts as the
 * largest allowed; an explicit null or a left-out argument as its schema
 * default. Undefined for a field without such an argument.
 */
function sizeArgumentOf(
  field: FieldNode,
  definition: GraphQLField<unknown, unknown> | undefined,
): number | undefined {
  const argumentDefault = (name: string): number | undefined => {
    const value = definition?.args.find((a) => a.name === name)?.defaultValue;
    return typeof value === 'number' ? Math.max(1, value) : undefined;
  };
  for (const arg of field.arguments ?? []) {
    const worst = LIST_ARGUMENTS[arg.name.value];
    if (worst === undefined) continue;
    if (arg.value.kind === Kind.VARIABLE) return worst;
    // `first: null` takes the default, as the resolvers do (`people(first: null)` returns 20).
    if (arg.value.kind === Kind.NULL) return argumentDefault(arg.name.value) ?? worst;
    return arg.value.kind === Kind.INT ? Math.max(1, Number(arg.value.value)) : 1;
  }
  // Left out, the argument takes its schema default (`people` returns 20 people, not 1).
  for (const name of Object.keys(LIST_ARGUMENTS)) {
    const value = argumentDefault(name);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * The multiplier of a list field without a size argument: its cap, or 1 when
 * `sized` says it lies directly in the result of a sized field (a
 * connection's `edges`, a neighbourhood's `nodes`), whose size already counted it.
 */
function capOf(
  field: FieldNode,
  definition: GraphQLField<unknown, unknown> | undefined,
  parent: string,
  sized: boolean,
): number {
  if (!isListField(definition) || sized) return 1;
  return UNPAGED_LIST_CAPS[`${parent}.${field.name.value}`] ?? UNPAGED_LIMIT;
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
 * as the largest value allowed, an explicit null or a left-out argument as its
 * schema default): a request for 100 people with 100 statements each costs
 * about 10,000. A list without such an argument multiplies by its cap
 * (UNPAGED_LIST_CAPS, else UNPAGED_LIMIT). Fragments are expanded; cycles are
 * cut (other rules reject them).
 */
export function costLimitRule(maxCost: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
    const schema = context.getSchema();
    // Costs of a selection set per concrete type (and `sized`): nested abstract types would otherwise multiply the walk.
    const memo = new WeakMap<SelectionSetNode, Map<string, number>>();
    const applies = (
      condition: string | undefined,
      type: GraphQLNamedType | undefined,
    ): boolean => {
      if (!condition || !type || condition === type.name) return true;
      const inner = schema.getType(condition);
      return (
        inner !== undefined &&
        isAbstractType(inner) &&
        isObjectType(type) &&
        schema.isSubType(inner, type)
      );
    };
    /**
     * The cost of `set` on `type`. On an interface or union it is the cost on
     * its costliest possible type: a node has one type, so only that type's
     * fragments run (an entity page's `... on State` and `... on Event` never both do).
     */
    const costOf = (
      set: SelectionSetNode | undefined,
      type: GraphQLNamedType | undefined,
      depth: number,
      seen: Set<string>,
      sized = false,
    ): number => {
      if (!set || depth > MAX_DEPTH_WALKED) return 0;
      if (type && isAbstractType(type)) {
        return Math.max(
          0,
          ...schema
            .getPossibleTypes(type)
            .map((concrete) => costOf(set, concrete, depth, seen, sized)),
        );
      }
      const key = `${type?.name ?? ''}|${sized}`;
      const known = memo.get(set)?.get(key);
      if (known !== undefined) return known;
      let cost = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD && selection.name.value.startsWith('__')) {
          // Introspection (__schema, __type) is as large as the schema, not the graph, and is
          // off in production unless PLAYGROUND=true; its lists at their caps would refuse
          // GraphiQL's own introspection query.
          cost += 1;
        } else if (selection.kind === Kind.FIELD) {
          const definition = fieldOf(type, selection.name.value);
          const size = sizeArgumentOf(selection, definition);
          const multiplier = size ?? capOf(selection, definition, type?.name ?? '', sized);
          // Lists right inside a sized object (not list) result are the items that size counted.
          const sizesBelow = size !== undefined && !isListField(definition);
          const below = costOf(
            selection.selectionSet,
            definition && getNamedType(definition.type),
            depth + 1,
            seen,
            sizesBelow,
          );
          cost += 1 + multiplier * below;
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const condition = selection.typeCondition?.name.value;
          if (!applies(condition, type)) continue;
          const inner = type ?? (condition ? schema.getType(condition) : undefined);
          cost += costOf(selection.selectionSet, inner, depth + 1, seen, sized);
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (fragment && !seen.has(name) && applies(fragment.typeCondition.name.value, type)) {
            const inner = type ?? schema.getType(fragment.typeCondition.name.value);
            cost += costOf(
              fragment.selectionSet,
              inner,
              depth + 1,
              new Set([...seen, name]),
              sized,
            );
          }
        }
      }
      if (!memo.has(set)) memo.set(set, new Map());
      memo.get(set)?.set(key, cost);
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
