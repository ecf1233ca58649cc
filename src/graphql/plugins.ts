/**
 * Plugins added by the API layer:
 *   - limits: depth, page-size and cost (graphql/limits.ts), enforced once the operation is
 *     resolved and before any resolver or Cypher query runs;
 *   - response: an answer larger than GRAPHQL_MAX_RESPONSE_BYTES is replaced by an error, and one
 *     rule says what a response's HTTP status is (see `statusFor`).
 */
import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { FormattedExecutionResult, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import Negotiator from 'negotiator';
import type { Config } from '../config';
import type { RequestContext } from './context';
import { DEADLINE_EXCEEDED, RETRY_AFTER_S, SERVICE_UNAVAILABLE } from './errors';
import { enforceLimits } from './limits';

export function limitsPlugin(schema: GraphQLSchema, config: Config): ApolloServerPlugin<RequestContext> {
  const limits = {
    maxDepth: config.graphql.maxDepth,
    maxComplexity: config.graphql.maxComplexity,
    maxPageSize: config.graphql.maxPageSize,
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operationName }) {
          enforceLimits(schema, document, request.variables, operationName, limits);
        },
      };
    },
  };
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

/** An answer above `maxBytes` of JSON becomes an error: the client asked for more than one response may carry. */
function refuseIfTooLarge(result: FormattedExecutionResult, maxBytes: number): FormattedExecutionResult {
  if (result.data === undefined || result.data === null) return result;
  const bytes = Buffer.byteLength(JSON.stringify(result));
  if (bytes <= maxBytes) return result;
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
