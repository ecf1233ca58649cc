/**
 * Error mapping: every error leaves with an `extensions.code`, and internals (stack traces, the
 * messages of unexpected errors) only with TRADEGRAPH_DEBUG=true.
 *
 * - A database outage becomes SERVICE_UNAVAILABLE (HTTP 503; the server stays up and recovers
 *   when Neo4j is back), a request past its deadline DEADLINE_EXCEEDED (HTTP 504).
 * - A document over the token limit (graphql-js stops parsing) is a validation failure like the
 *   other limits: GRAPHQL_VALIDATION_FAILED with `limit: 'tokens'`.
 * - Anything unexpected becomes INTERNAL_SERVER_ERROR with a generic message, and is the only
 *   error logged at error level (client mistakes are the client's business, not the operator's).
 */
import { GraphQLFormattedError } from 'graphql';
import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { Neo4jError } from 'neo4j-driver';
import type { Logger } from '../logger';
import { DatabaseDownError, DeadlineExceededError } from '../neo4j/database';

export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';
/**
 * Seconds a client is asked to wait (Retry-After) before retrying a SERVICE_UNAVAILABLE answer: a
 * managed Neo4j restarts in about 5-10 s on 2 cores, so a client checking every second is back
 * within a second of the server (HTTP's smallest delay), and clients in a tight retry loop do not
 * take the CPU the restart needs.
 */
export const RETRY_AFTER_S = 1;
export const DEADLINE_EXCEEDED = 'DEADLINE_EXCEEDED';

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);
/** Neo4j's codes for a transaction it ended because its timeout passed. */
const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.LockClientStopped',
]);

export function isDatabaseUnavailable(err: unknown): boolean {
  if (err instanceof DatabaseDownError) return true;
  return err instanceof Neo4jError && !isDeadlineExceeded(err) && (UNAVAILABLE_CODES.has(err.code) || err.retriable === true);
}

export function isDeadlineExceeded(err: unknown): boolean {
  return err instanceof DeadlineExceededError || (err instanceof Neo4jError && TIMEOUT_CODES.has(err.code));
}

// graphql-js 16 says "more that N tokens"; later versions may fix the typo.
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more th(?:an|at) (\d+) tokens/;

export function formatErrorFor(log: Logger, debug: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (isDeadlineExceeded(original)) {
      return {
        message: original instanceof DeadlineExceededError ? original.message : 'The request took longer than its deadline and was stopped',
        path: formatted.path,
        extensions: { code: DEADLINE_EXCEEDED },
      };
    }
    if (isDatabaseUnavailable(original)) {
      return {
        message: 'The graph database is unavailable; try again shortly',
        path: formatted.path,
        extensions: { code: SERVICE_UNAVAILABLE },
      };
    }
    const tokens = TOO_MANY_TOKENS.exec(formatted.message);
    if (tokens) {
      return {
        message: `The document has more than ${tokens[1]} tokens (the maximum); send a smaller query`,
        extensions: { code: ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED, limit: 'tokens', maximum: Number(tokens[1]) },
      };
    }
    const code = formatted.extensions?.code;
    if (code === ApolloServerErrorCode.INTERNAL_SERVER_ERROR || code === undefined) {
      log.error({ err: original, path: formatted.path }, 'unexpected error in a GraphQL request');
      return {
        message: debug ? formatted.message : 'Internal server error',
        locations: formatted.locations,
        path: formatted.path,
        extensions: debug
          ? { ...formatted.extensions, code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR }
          : { code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR },
      };
    }
    if (debug) return formatted;
    // Apollo's own hints and internals stay out of production answers.
    const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  };
}
