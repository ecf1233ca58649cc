#!/usr/bin/env node
/**
 * The `tradegraph` command: serve, migrate, seed, import, extract, neo4j start|stop|status|wipe, schema, query, token.
 *
 * Every failure a user can cause or fix (bad configuration, no Java, port taken, Neo4j down, a
 * rejected import) ends with one clear line on stderr and a non-zero exit, not a stack dump.
 */
import 'reflect-metadata';
import { Command } from 'commander';
import { VERSION } from '../version';
import { registerServe } from './commands/serve';
import { registerMigrate } from './commands/migrate';
import { registerSeed, registerImport } from './commands/import';
import { registerNeo4j } from './commands/neo4j';
import { registerSchema } from './commands/schema';
import { registerExtract } from './commands/extract';
import { registerQuery } from './commands/query';
import { registerToken } from './commands/token';
import { reportFailure } from './failure';

export function buildProgram(): Command {
  const program = new Command('tradegraph')
    .description('A GraphQL knowledge graph of a foreign-trade ecosystem, on Neo4j')
    .version(VERSION)
    .showHelpAfterError();
  registerServe(program);
  registerMigrate(program);
  registerSeed(program);
  registerImport(program);
  registerNeo4j(program);
  registerSchema(program);
  registerExtract(program);
  registerQuery(program);
  registerToken(program);
  return program;
}

if (require.main === module) {
  buildProgram()
    .parseAsync(process.argv)
    .catch((err: unknown) => {
      reportFailure(err);
      process.exitCode = 1;
    });
}
