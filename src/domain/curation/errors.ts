/** The client errors of curation: BAD_USER_INPUT with a path per record, CONFLICT (HTTP 409). */
import { GraphQLError } from 'graphql';
import { badUserInput } from '../../graphql/relay/bad-input';

export const CONFLICT = 'CONFLICT';

export interface RecordProblem {
  /** Where in the mutation's input: ['records', 2, 'excerpts'], ['excerpt', 'text']. */
  path: (string | number)[];
  message: string;
}

/** Every problem of the input at once; the message names the first ones. */
export function invalidRecords(problems: RecordProblem[]): GraphQLError {
  const listed = problems.slice(0, 3).map((p) => `${p.path.join('.')}: ${p.message}`);
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
  return badUserInput(`The records are not valid, nothing was written: ${listed.join('; ')}${more}`, { errors: problems });
}

export function conflict(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: CONFLICT, http: { status: 409 } } });
}
