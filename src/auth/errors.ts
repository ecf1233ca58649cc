/**
 * Auth failures as Apollo's conventions have them: UNAUTHENTICATED (HTTP 401) when the request
 * has no valid identity, FORBIDDEN (HTTP 403) when the identity lacks the role. Never a 500.
 */
import { GraphQLError } from 'graphql';

export const UNAUTHENTICATED = 'UNAUTHENTICATED';
export const FORBIDDEN = 'FORBIDDEN';

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: UNAUTHENTICATED, http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) } } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: FORBIDDEN, http: { status: 403 } } });
}
