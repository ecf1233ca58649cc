/**
 * The one way the API rejects a client's argument: a GraphQLError with extensions.code BAD_USER_INPUT
 * (Apollo's convention), so clients can tell "you asked wrongly" from "we failed".
 */
import { GraphQLError } from 'graphql';

export const BAD_USER_INPUT = 'BAD_USER_INPUT';

export function badUserInput(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: BAD_USER_INPUT, ...extra } });
}
