/**
 * Request limits, checked once the operation is known and before anything runs:
 *   - depth: nesting of fields (introspection fields excluded, fragments followed);
 *   - page size: `first` / `last` above config.graphql.maxPageSize;
 *   - complexity: graphql-query-complexity, each field costing its `complexity` option (type-graphql
 *     field extension, default 1) plus its children times the items it can return (`first`/`last`,
 *     the default page size, or a guess for plain lists).
 * Violations are GraphQLErrors with an extensions.code and HTTP status 400.
 */
import {
  DocumentNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLSchema,
  isListType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from './relay/page';

export interface Limits {
  maxDepth: number;
  maxComplexity: number;
  maxPageSize: number;
}

/** Items assumed for a list field without `first`/`last` (lists of excerpts, ancestors, members...). */
export const LIST_GUESS = 10;
/** Default `first` of the limited nested lists (src/domain/shared/load.ts). */
export const DEFAULT_LIST_SIZE = 100;

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
  complexity: number;
  /** `first`/`last` values above the maximum page size (or negative), with the field name. */
  pageSizeViolations: { field: string; argument: string; value: number }[];
}

/** Estimated cost of an operation (see the header) and the page-size violations met on the way. */
export function queryComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | null | undefined,
  maxPageSize: number,
): ComplexityResult {
  const pageSizeViolations: ComplexityResult['pageSizeViolations'] = [];
  const estimator = ({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number => {
    // Introspection (`__schema`, `__type`) reads the in-memory schema, never the database, and its
    // size is fixed by the schema: it costs nothing here, so Apollo Sandbox and codegen always work.
    if (field.name.startsWith('__')) return 0;
    const own = typeof field.extensions?.complexity === 'number' ? field.extensions.complexity : 1;
    for (const argument of ['first', 'last'] as const) {
      const v = args[argument];
      if (typeof v === 'number' && (v > maxPageSize || v < 0)) pageSizeViolations.push({ field: field.name, argument, value: v });
    }
    const asked = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : undefined;
    const returns = getNamedType(field.type).name;
    // A connection's edges/nodes are counted once: the connection field multiplies by the page size.
    if (type.name.endsWith('Connection') && (field.name === 'edges' || field.name === 'nodes')) return own + childComplexity;
    if (returns.endsWith('Connection')) return own + Math.max(asked ?? DEFAULT_PAGE_SIZE, 0) * childComplexity;
    if (Array.isArray(args.ids)) return own + args.ids.length * childComplexity;
    if (isListType(getNullableType(field.type))) {
      const items = asked ?? (field.args.some((a) => a.name === 'first') ? DEFAULT_LIST_SIZE : LIST_GUESS);
      return own + Math.max(items, 0) * childComplexity;
    }
    return own + childComplexity;
  };
  const complexity = getComplexity({ schema, query: document, variables: variables ?? {}, operationName: operationName ?? undefined, estimators: [estimator] });
  return { complexity, pageSizeViolations };
}

/** Throws the first limit the operation breaks (page size, depth, complexity). */
export function enforceLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | null | undefined,
  limits: Limits,
): { depth: number; complexity: number } {
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
    throw limitError(`Query complexity ${complexity} exceeds the maximum of ${limits.maxComplexity}; ask for smaller pages or fewer nested lists`, 'GRAPHQL_VALIDATION_FAILED', { limit: 'complexity', maximum: limits.maxComplexity, actual: complexity });
  }
  return { depth, complexity };
}
