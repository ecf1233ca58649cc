import { Command } from 'commander';
import { loadConfig } from '../../config';
import { ManagedNeo4j, readCredentials, status, wipeData } from '../../neo4j/managed';
import { say } from '../say';

export function registerNeo4j(program: Command): void {
  const neo4j = program
    .command('neo4j')
    .description('Manage the local Neo4j server (used when NEO4J_URI is not set)');

  neo4j
    .command('start')
    .description('Download Neo4j if needed and start it in the background; prints the Bolt URI')
    .action(async () => {
      const config = loadConfig();
      const started = await new ManagedNeo4j(config.managed, say).start({ detached: true });
      process.stdout.write(
        `Neo4j ${started.version} running (pid ${started.pid})\nBolt: ${started.boltUri}\nBrowser: ${started.httpUrl}/browser/\n` +
          `User: ${started.username}\nPassword: ${started.password} (kept in ${started.credentialsFile})\n` +
          `Use it from tradegraph with NEO4J_URI=${started.boltUri} NEO4J_PASSWORD=<the password>\n`,
      );
    });

  neo4j
    .command('stop')
    .description('Stop the local Neo4j started with `neo4j start`')
    .action(async () => {
      const config = loadConfig();
      const before = await status(config.managed);
      if (!before.running) {
        say.info('Neo4j is not running');
        return;
      }
      await ManagedNeo4j.stopDetached(config.managed, say);
      say.info(`Neo4j stopped (pid ${before.pid})`);
    });

  neo4j
    .command('status')
    .description('Tell whether the local Neo4j is running, and where')
    .action(async () => {
      const cfg = loadConfig().managed;
      const s = await status(cfg);
      const login = readCredentials(cfg.dataDir);
      process.stdout.write(s.running ? `running (pid ${s.pid}) at ${s.boltUri}${login ? `, user ${login.username}, password ${login.password}` : ''}\n` : 'not running\n');
    });

  neo4j
    .command('wipe')
    .description('Delete the local Neo4j data folder (all graph data); refuses while Neo4j runs')
    .action(async () => {
      const config = loadConfig();
      await wipeData(config.managed);
      say.info(`wiped ${config.managed.dataDir}`);
    });
}
