/**
 * Plugins added by the API layer:
 *   - limits: depth, page-size and cost (graphql/limits.ts), enforced once the operation is
 *     resolved and before any resolver or Cypher query runs;
 *   - response: an answer larger than GRAPHQL_MAX_RESPONSE_BYTES is replaced by an error, and one
 *     rule says what a response's HTTP status is (see `statusFor`).
 */
import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { DocumentNode, FormattedExecutionResult, GraphQLError, GraphQLFormattedError, GraphQLSchema, Kind } from 'graphql';
import Negotiator from 'negotiator';
import type { Config } from '../config';
import type { RequestContext } from './context';
import { DEADLINE_EXCEEDED, RETRY_AFTER_S, SERVICE_UNAVAILABLE } from './errors';
import { enforceLimits } from './limits';
import { stableJson } from './loaders';

export function limitsPlugin(schema: GraphQLSchema, config: Config): ApolloServerPlugin<RequestContext> {
  const limits = {
    maxDepth: config.graphql.maxDepth,
    maxComplexity: config.graphql.maxComplexity,
    maxPageSize: config.graphql.maxPageSize,
  };
  const checked = new LimitsCache();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operationName }) {
          checked.enforce(document, request.variables, operationName, () => enforceLimits(schema, document, request.variables, operationName, limits));
        },
      };
    },
  };
}

/**
 * The outcome of the limits per document (Apollo hands the same parsed document to every request
 * with the same text), operation and variables: the check is a pure function of them, and walking
 * the document twice for its cost was the largest part of a small request's own CPU time. At most
 * PER_DOCUMENT variable sets per document are kept (then that document's are dropped, not grown).
 *
 * The key holds only the variables the document declares: the limits read no others, and a
 * client may send anything besides (the fuzzer's 5,000-deep `variables` object overflowed the
 * stack of the key's JSON and answered 500). A declared value too deep to key is checked uncached.
 */
export class LimitsCache {
  static readonly PER_DOCUMENT = 256;
  /** Per document: the variable names it declares (read once) and the outcomes by key. */
  private readonly byDocument = new WeakMap<DocumentNode, { declared: string[]; outcomes: Map<string, GraphQLError | null> }>();

  enforce(document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | null | undefined, check: () => unknown): void {
    let entry = this.byDocument.get(document);
    if (!entry) this.byDocument.set(document, (entry = { declared: declaredVariables(document), outcomes: new Map() }));
    const key = limitsKey(entry.declared, variables, operationName);
    if (key === undefined) {
      check();
      return;
    }
    const { outcomes } = entry;
    const known = outcomes.get(key);
    if (known === null) return;
    if (known) throw new GraphQLError(known.message, { extensions: known.extensions });
    try {
      check();
      this.remember(outcomes, key, null);
    } catch (err) {
      if (err instanceof GraphQLError) this.remember(outcomes, key, err);
      throw err;
    }
  }

  private remember(outcomes: Map<string, GraphQLError | null>, key: string, outcome: GraphQLError | null): void {
    if (outcomes.size >= LimitsCache.PER_DOCUMENT) outcomes.clear();
    outcomes.set(key, outcome);
  }
}

/** The names of the variables a document's operations declare. */
function declaredVariables(document: DocumentNode): string[] {
  return document.definitions.flatMap((def) => (def.kind === Kind.OPERATION_DEFINITION ? (def.variableDefinitions ?? []).map((v) => v.variable.name.value) : []));
}

/** The operation and the declared variables' values as one string; undefined when a value is too deep to write. */
function limitsKey(declared: string[], variables: Record<string, unknown> | undefined, operationName: string | null | undefined): string | undefined {
  const values = Object.fromEntries(declared.filter((name) => variables && Object.hasOwn(variables, name)).map((name) => [name, variables![name]]));
  try {
    return `${operationName ?? ''}\u0000${stableJson(values)}`;
  } catch (err) {
    if (err instanceof RangeError) return undefined;
    throw err;
  }
}

/**
 * Codes of a well-formed request the client got wrong: the document, its variables, the operation
 * name or a limit. (BAD_REQUEST, a request that is not well-formed, keeps Apollo's 400.)
 */
const CLIENT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'RESPONSE_TOO_LARGE', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_SUPPORTED', 'PERSISTED_QUERY_NOT_FOUND']);

/** True when the answer goes out as legacy `application/json` (Apollo's own choice, repeated here). */
export function answersLegacyJson(accept: string | undefined): boolean {
  if (!accept) return true;
  return new Negotiator({ headers: { accept } }).mediaType(['application/json', 'application/graphql-response+json']) === 'application/json';
}

/**
 * The status of a GraphQL response (GraphQL over HTTP, with the operator's codes on top):
 *   - the database is down: 503 (with Retry-After); the deadline passed: 504; both whatever the media type;
 *   - an auth failure: 401 (UNAUTHENTICATED) or 403 (FORBIDDEN), whatever the media type and data;
 *   - an unexpected error and no data: 500;
 *   - `application/json` (the legacy type, and the default): 200 for every well-formed request,
 *     client mistakes included, as the spec asks; the error's `extensions.code` says what is wrong;
 *   - `application/graphql-response+json`: 400 when a client mistake left no data, else 200.
 * Requests that are not well-formed (bad JSON, wrong method or content type, CSRF) never reach
 * this plugin: Apollo and the HTTP layer answer them 4xx.
 */
export function statusFor(errors: readonly GraphQLFormattedError[] | undefined, hasData: boolean, legacyJson: boolean, current: number | undefined): number | undefined {
  if (!errors?.length) return current;
  const codes = errors.map((e) => e.extensions?.code);
  if (codes.includes(SERVICE_UNAVAILABLE)) return 503;
  if (codes.includes(DEADLINE_EXCEEDED)) return 504;
  // An auth failure (src/auth/) is the answer's status even beside partial data: sign in, or ask for the role.
  if (codes.includes('UNAUTHENTICATED')) return 401;
  if (codes.includes('FORBIDDEN')) return 403;
  if (hasData) return 200;
  if (codes.every((c) => typeof c === 'string' && CLIENT_CODES.has(c))) {
    if (legacyJson) return 200;
    return current !== undefined && current >= 400 && current < 500 ? current : 400;
  }
  return current ?? 500;
}

/**
 * The JSON of answers whose size was measured, by their `data` object: Apollo's `stringifyResult`
 * (`stringifyAnswer`, server.ts) sends it as it is instead of serializing the answer a second time.
 * Valid only while errors and extensions are the objects that were measured with it.
 */
const measured = new WeakMap<object, { errors: unknown; extensions: unknown; json: string }>();

/** Apollo's own serialization (errors, data, extensions; then a newline), reusing the size check's JSON. */
export function stringifyAnswer(value: FormattedExecutionResult): string {
  const known = value.data ? measured.get(value.data) : undefined;
  if (known && known.errors === value.errors && known.extensions === value.extensions) return known.json;
  return JSON.stringify({ errors: value.errors, data: value.data, extensions: value.extensions }) + '\n';
}

/** An answer above `maxBytes` of JSON becomes an error: the client asked for more than one response may carry. */
function refuseIfTooLarge(result: FormattedExecutionResult, maxBytes: number): FormattedExecutionResult {
  if (result.data === undefined || result.data === null) return result;
  const json = JSON.stringify({ errors: result.errors, data: result.data, extensions: result.extensions }) + '\n';
  const bytes = Buffer.byteLength(json) - 1;
  if (bytes <= maxBytes) {
    measured.set(result.data, { errors: result.errors, extensions: result.extensions, json });
    return result;
  }
  return {
    errors: [
      {
        message: `The answer is ${bytes} bytes, over the maximum of ${maxBytes}; ask for smaller pages or fewer fields`,
        extensions: { code: 'RESPONSE_TOO_LARGE', limit: 'responseBytes', maximum: maxBytes, actual: bytes },
      },
    ],
  };
}

/** The response-size limit, then the status rule (one plugin, so the order is certain). */
export function responsePlugin(maxResponseBytes: number): ApolloServerPlugin<RequestContext> {
  return {
  async requestDidStart() {
    return {
      async willSendResponse({ request, response }: GraphQLRequestContextWillSendResponse<RequestContext>) {
        if (response.body.kind !== 'single') return;
        const result = refuseIfTooLarge(response.body.singleResult, maxResponseBytes);
        response.body.singleResult = result;
        const status = statusFor(result.errors, result.data !== undefined && result.data !== null, answersLegacyJson(request.http?.headers.get('accept')), response.http.status);
        // 405 (a mutation over GET) stays what Apollo says.
        if (status !== undefined && response.http.status !== 405) response.http.status = status;
        if (status === 503) response.http.headers.set('retry-after', String(RETRY_AFTER_S));
      },
    };
  },
  };
}

export function extraPlugins(schema: GraphQLSchema, config: Config): ApolloServerPlugin<RequestContext>[] {
  return [limitsPlugin(schema, config), responsePlugin(config.graphql.maxResponseBytes)];
}
