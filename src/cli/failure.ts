/**
 * Turns an error into the one line a person needs. Stack traces only with TRADEGRAPH_DEBUG=1.
 */
import { Neo4jError } from 'neo4j-driver';

export function describeFailure(err: unknown): string {
  if (err instanceof Neo4jError && err.code === 'ServiceUnavailable') {
    return `Cannot reach Neo4j: ${firstLine(err.message)} (check NEO4J_URI, or unset it to use a local Neo4j)`;
  }
  if (err instanceof Neo4jError && err.code === 'Neo.ClientError.Security.Unauthorized') {
    return 'Neo4j refused the credentials: check NEO4J_USERNAME and NEO4J_PASSWORD';
  }
  if (err instanceof Error) return firstLine(err.message);
  return String(err);
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

export function reportFailure(err: unknown): void {
  process.stderr.write(`tradegraph: ${describeFailure(err)}\n`);
  if (process.env.TRADEGRAPH_DEBUG === '1' && err instanceof Error && err.stack) {
    process.stderr.write(err.stack + '\n');
  }
}
