import fs from 'node:fs';
import { Command } from 'commander';
import { buildAppSchema, printSchemaSdl, SCHEMA_FILE, writeSchemaFile } from '../../graphql/schema';
import { say } from '../say';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description(`Print the GraphQL SDL, write it to schema/schema.graphql (--write), or check it is current (--check)`)
    .option('--write', `write ${SCHEMA_FILE}`)
    .option('--check', 'exit non-zero when the checked-in SDL differs from the code')
    .action(async (opts: { write?: boolean; check?: boolean }) => {
      const sdl = printSchemaSdl(await buildAppSchema());
      if (opts.check) {
        const current = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
        if (current !== sdl) throw new Error(`${SCHEMA_FILE} is stale: run \`npm run tradegraph -- schema --write\``);
        say.info('schema/schema.graphql is current');
      } else if (opts.write) {
        say.info(`wrote ${await writeSchemaFile()}`);
      } else {
        process.stdout.write(sdl);
      }
    });
}
