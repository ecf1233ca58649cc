/**
 * Request limits, checked once the operation is known and before anything runs. Each bounds work,
 * not just shape, and each has its own setting (config.graphql):
 *   - tokens: graphql-js stops parsing a document past `maxTokens` (Apollo's parseOptions);
 *   - aliases: at most `maxAliases` per operation (a validation rule, graphql-armor's);
 *   - depth: nesting of fields (introspection fields excluded, fragments followed);
 *   - page size: `first` / `last` above `maxPageSize`;
 *   - cost: database round trips plus rows (see `queryCost`), at most `maxComplexity`;
 *   - response size: checked on the way out (plugins.ts), `maxResponseBytes`.
 * Violations are GraphQLErrors with an extensions.code (GRAPHQL_VALIDATION_FAILED, or
 * BAD_USER_INPUT for a page size) and HTTP status 400.
 *
 * Variables are coerced here with graphql-js's own `getVariableValues` before they are read: when
 * they do not fit the operation, the limits step aside and execution reports the coercion error
 * as BAD_USER_INPUT (no database work happens either way).
 */
import {
  DocumentNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  GraphQLSchema,
  isLeafType,
  isListType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
} from 'graphql';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { ComplexityEstimator, ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from './relay/page';

export interface Limits {
  maxDepth: number;
  maxComplexity: number;
  maxPageSize: number;
}

/** Default `first` of the limited nested lists (src/domain/shared/load.ts), which their resolvers enforce. */
export const DEFAULT_LIST_SIZE = 100;
/** Rows (items fetched) that cost as much as one database round trip. */
export const ROWS_PER_ROUND_TRIP = 100;
/**
 * Introspection reads the in-memory schema, never the database, but a full `__schema` answer is
 * about 200 kB to build and send: it costs like this many round trips (one Sandbox introspection
 * fits easily; hundreds of aliased ones do not). `__type` is a small lookup.
 */
export const SCHEMA_INTROSPECTION_COST = 100;
export const TYPE_INTROSPECTION_COST = 2;

export function limitError(message: string, code: 'GRAPHQL_VALIDATION_FAILED' | 'BAD_USER_INPUT', extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra, http: { status: 400 } } });
}

export function selectedOperation(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName ? ops.find((o) => o.name?.value === operationName) : ops[0];
}

/** Deepest field nesting of an operation; introspection (`__schema`, `__type`) does not count. */
export function queryDepth(document: DocumentNode, operationName?: string | null): number {
  const op = selectedOperation(document, operationName);
  if (!op) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  const depthOf = (set: SelectionSetNode, visiting: Set<string>): number => {
    let max = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value.startsWith('__')) continue;
        max = Math.max(max, 1 + (sel.selectionSet ? depthOf(sel.selectionSet, visiting) : 0));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        max = Math.max(max, depthOf(sel.selectionSet, visiting));
      } else {
        const name = sel.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visiting.has(name)) continue; // cycles are a validation error of their own
        visiting.add(name);
        max = Math.max(max, depthOf(fragment.selectionSet, visiting));
        visiting.delete(name);
      }
    }
    return max;
  };
  return depthOf(op.selectionSet, new Set());
}

export interface ComplexityResult {
  /** Round trips + rows / ROWS_PER_ROUND_TRIP (rounded up). */
  complexity: number;
  roundTrips: number;
  rows: number;
  /** `first`/`last` values above the maximum page size (or negative), with the field name. */
  pageSizeViolations: { field: string; argument: string; value: number }[];
}

const isWrapperType = (name: string) => name.endsWith('Connection') || name.endsWith('Edge') || name === 'PageInfo';

/**
 * Database round trips of an operation. Nested fields are batched per request by DataLoader, so a
 * nested field costs its round trips once whatever the number of parents; every selection counts,
 * so aliases multiply (50 aliases of a root field run 50 queries). A field's cost is its
 * `complexity` option (type-graphql field extension: the queries it runs, e.g. 2 for a page plus
 * its count) or 1 for any field that returns objects; scalars read what was loaded (0), except
 * `totalCount`. The fields of connection, edge and PageInfo wrappers cost nothing of their own.
 */
const roundTripEstimator: ComplexityEstimator = ({ type, field, childComplexity }: ComplexityEstimatorArgs) => {
  if (field.name === '__schema') return SCHEMA_INTROSPECTION_COST;
  if (field.name === '__type') return TYPE_INTROSPECTION_COST;
  if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
  const declared = typeof field.extensions?.complexity === 'number' ? field.extensions.complexity : undefined;
  if (declared !== undefined) return declared + childComplexity;
  if (isWrapperType(type.name)) return (field.name === 'totalCount' ? 1 : 0) + childComplexity;
  return (isLeafType(getNamedType(field.type)) ? 0 : 1) + childComplexity;
};

/**
 * Rows an operation can fetch: a connection fetches its page (`first`/`last`, else the default page
 * size) and, for each item, what its selection fetches; a list with a `first` argument likewise
 * (its resolver enforces the bound, default DEFAULT_LIST_SIZE); `nodes(ids:)` one row per id.
 * Plain lists have no bound their resolver enforces, so they count one row here: what they really
 * return is bounded by the response-size limit and the request deadline.
 */
function rowEstimator(maxPageSize: number, violations: ComplexityResult['pageSizeViolations']): ComplexityEstimator {
  return ({ type, field, args, childComplexity }: ComplexityEstimatorArgs) => {
    if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
    for (const argument of ['first', 'last'] as const) {
      const v = args[argument];
      if (typeof v === 'number' && (v > maxPageSize || v < 0)) violations.push({ field: field.name, argument, value: v });
    }
    const asked = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : undefined;
    if (getNamedType(field.type).name.endsWith('Connection')) return Math.max(asked ?? DEFAULT_PAGE_SIZE, 0) * (1 + childComplexity);
    if (Array.isArray(args.ids)) return args.ids.length * (1 + childComplexity);
    if (isListType(getNullableType(field.type)) && field.args.some((a) => a.name === 'first')) {
      return Math.max(asked ?? DEFAULT_LIST_SIZE, 0) * (1 + childComplexity);
    }
    return (isLeafType(getNamedType(field.type)) ? 0 : 1) + childComplexity;
  };
}

/** Estimated cost of an operation (see the estimators) and the page-size violations met on the way. */
export function queryComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | null | undefined,
  maxPageSize: number,
): ComplexityResult {
  const pageSizeViolations: ComplexityResult['pageSizeViolations'] = [];
  const measure = (estimator: ComplexityEstimator) =>
    getComplexity({ schema, query: document, variables: variables ?? {}, operationName: operationName ?? undefined, estimators: [estimator], maxQueryNodes: Number.MAX_SAFE_INTEGER });
  const roundTrips = measure(roundTripEstimator);
  const rows = measure(rowEstimator(maxPageSize, pageSizeViolations));
  return { complexity: roundTrips + Math.ceil(rows / ROWS_PER_ROUND_TRIP), roundTrips, rows, pageSizeViolations };
}

/**
 * The operation's variables coerced as execution will coerce them, or undefined when they do not
 * fit (execution then answers BAD_USER_INPUT before any resolver runs).
 */
export function coercedVariables(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | null | undefined,
): Record<string, unknown> | undefined {
  const op = selectedOperation(document, operationName);
  if (!op) return undefined;
  const result = getVariableValues(schema, op.variableDefinitions ?? [], variables ?? {}, { maxErrors: 1 });
  return result.errors ? undefined : result.coerced;
}

/** A validation rule refusing operations with more than `max` aliases (`__typename` aliases are free). */
export function maxAliases(max: number): (context: ValidationContext) => unknown {
  return maxAliasesRule({
    n: max,
    propagateOnRejection: false,
    onReject: [
      (context, error) => {
        const found = /found (\d+)/.exec(error.message)?.[1];
        (context as ValidationContext).reportError(
          new GraphQLError(`The operation has ${found ?? 'too many'} aliases; at most ${max} are allowed`, {
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases', maximum: max, actual: Number(found) },
          }),
        );
      },
    ],
  });
}

/** Throws the first limit the operation breaks (page size, depth, complexity). */
export function enforceLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | null | undefined,
  limits: Limits,
): { depth: number; complexity: number } | undefined {
  const op = selectedOperation(document, operationName);
  // graphql-js validates a mutation against a schema without one only when it executes it, with an
  // error that has no code; refuse it here as the validation failure it is.
  if (op && !schema.getRootType(op.operation)) {
    throw limitError(`This API has no ${op.operation} operations; it is read-only (queries only)`, 'GRAPHQL_VALIDATION_FAILED', { limit: 'operationType' });
  }
  // Only a check: graphql-query-complexity coerces the raw variables itself (coerced values, such
  // as an enum's internal value, would not coerce a second time).
  if (!coercedVariables(schema, document, variables, operationName)) return undefined;
  const depth = queryDepth(document, operationName);
  if (depth > limits.maxDepth) {
    throw limitError(`Query depth ${depth} exceeds the maximum of ${limits.maxDepth}; split the request or select fewer nested fields`, 'GRAPHQL_VALIDATION_FAILED', { limit: 'depth', maximum: limits.maxDepth, actual: depth });
  }
  const { complexity, pageSizeViolations } = queryComplexity(schema, document, variables, operationName, limits.maxPageSize);
  const v = pageSizeViolations[0];
  if (v) {
    throw limitError(`\`${v.argument}\` of \`${v.field}\` must be between 0 and ${limits.maxPageSize} (the maximum page size); got ${v.value}`, 'BAD_USER_INPUT', { limit: 'pageSize', maximum: limits.maxPageSize, actual: v.value });
  }
  if (complexity > limits.maxComplexity) {
    throw limitError(`Query complexity ${complexity} exceeds the maximum of ${limits.maxComplexity} (database round trips, aliases included, plus rows / ${ROWS_PER_ROUND_TRIP}); ask for smaller pages, fewer aliases or fewer nested lists`, 'GRAPHQL_VALIDATION_FAILED', { limit: 'complexity', maximum: limits.maxComplexity, actual: complexity });
  }
  return { depth, complexity };
}
