/**
 * Error mapping: every error leaves with an `extensions.code`, and no stack trace outside development.
 *
 * Database outages become SERVICE_UNAVAILABLE (the server stays up and recovers when Neo4j is
 * back); anything unexpected becomes INTERNAL_SERVER_ERROR with a generic message, logged in full.
 */
import { GraphQLFormattedError } from 'graphql';
import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { Neo4jError } from 'neo4j-driver';
import type { Logger } from '../logger';

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

export function isDatabaseUnavailable(err: unknown): boolean {
  return err instanceof Neo4jError && (UNAVAILABLE_CODES.has(err.code) || err.retriable === true);
}

export function formatErrorFor(log: Logger, includeStack: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (isDatabaseUnavailable(original)) {
      return {
        message: 'The graph database is unavailable; try again shortly',
        path: formatted.path,
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      };
    }
    const code = formatted.extensions?.code;
    if (code === ApolloServerErrorCode.INTERNAL_SERVER_ERROR || code === undefined) {
      log.error({ err: original }, 'unexpected error in a GraphQL request');
      return {
        message: includeStack ? formatted.message : 'Internal server error',
        locations: formatted.locations,
        path: formatted.path,
        extensions: includeStack
          ? { ...formatted.extensions, code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR }
          : { code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR },
      };
    }
    return formatted;
  };
}
