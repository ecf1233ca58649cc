import { Command } from 'commander';
import { loadConfig } from '../../config';
import { startService } from '../../service';
import { reportFailure } from '../failure';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Start Neo4j (managed unless NEO4J_URI is set), apply migrations and the seed, and serve GraphQL')
    .option('--no-seed', 'do not load the curated seed graph')
    .action(async (opts: { seed: boolean }) => {
      const config = loadConfig();
      const service = await startService(config, { seed: opts.seed });
      process.stderr.write(`tradegraph: GraphQL at ${service.url} (Ctrl-C to stop)\n`);
      const shutdown = (signal: string, code: number) => {
        service.log.info({ signal }, 'shutting down');
        void service.stop().finally(() => process.exit(code));
      };
      process.once('SIGINT', () => shutdown('SIGINT', 0));
      process.once('SIGTERM', () => shutdown('SIGTERM', 0));
      // A crash still stops the managed Neo4j (its watchdog also covers a hard kill of this process).
      process.once('uncaughtException', (err) => {
        reportFailure(err);
        shutdown('uncaughtException', 1);
      });
    });
}
