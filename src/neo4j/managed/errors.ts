/**
 * The one error type of the managed Neo4j. Its message is meant for a person at a terminal: the CLI
 * prints `message` only (no stack) and exits non-zero, so every message says what went wrong and
 * what to do about it.
 */
export class ManagedNeo4jError extends Error {
  override name = 'ManagedNeo4jError';
}
