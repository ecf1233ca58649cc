/**
 * Runs a command body with the process's Neo4j open (external or managed) and always closes it,
 * also on Ctrl-C, so no managed Java process outlives the command.
 */
import { loadConfig, Config } from '../config';
import { openNeo4j, Neo4jRuntime } from '../neo4j/runtime';
import { say } from './say';

export async function withNeo4j<T>(body: (rt: Neo4jRuntime, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const rt = await openNeo4j(config, say);
  const interrupt = (): void => {
    say.warn('interrupted; stopping Neo4j');
    void rt.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    say.info(rt.description);
    return await body(rt, config);
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    await rt.close();
  }
}
