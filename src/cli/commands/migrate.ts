import { Command } from 'commander';
import { migrate } from '../../neo4j/migrations';
import { say } from '../say';
import { withNeo4j } from '../with-neo4j';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('Apply the Cypher migrations in cypher/migrations/ that the graph has not seen yet (idempotent)')
    .action(async () => {
      await withNeo4j(async ({ db }) => {
        const r = await migrate(db);
        say.info(`migrations: ${r.applied.length} applied, ${r.alreadyApplied.length} already applied`);
      });
    });
}
