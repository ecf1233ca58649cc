import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { buildAppSchema, printSchemaSdl, SCHEMA_FILE } from '../../graphql/schema';
import { clientArtefacts } from '../../graphql/client-artefacts';
import { TYPED_CLIENT_FILE, typedClientText } from '../../graphql/typed-client';
import { PROJECT_ROOT } from '../../neo4j/queries';
import { say } from '../say';

/**
 * `tradegraph schema`: the SDL on stdout; with --write, the SDL and the client artefacts
 * (schema/possible-types.json, schema/connection-fields.json, schema/persisted-operations.json,
 * and the typed client docs/typed-client/operations.ts); with --check, a non-zero exit when any
 * checked-in file differs from what the code builds.
 */
export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description(`Print the GraphQL SDL, write it and the client artefacts (possibleTypes, connection fields, persisted operations, the typed client) (--write), or check they are current (--check)`)
    .option('--write', `write ${path.relative(PROJECT_ROOT, SCHEMA_FILE)}, the artefacts beside it and ${path.relative(PROJECT_ROOT, TYPED_CLIENT_FILE)}`)
    .option('--check', 'exit non-zero when a checked-in file differs from the code')
    .action(async (opts: { write?: boolean; check?: boolean }) => {
      const schema = await buildAppSchema();
      const files = [{ file: SCHEMA_FILE, text: printSchemaSdl(schema) }, ...clientArtefacts(schema)];
      if (opts.write || opts.check) files.push({ file: TYPED_CLIENT_FILE, text: await typedClientText(schema) });
      if (opts.check) {
        const stale = files.filter(({ file, text }) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '') !== text);
        if (stale.length) {
          throw new Error(`${stale.map((f) => path.relative(PROJECT_ROOT, f.file)).join(', ')} stale: run \`npm run tradegraph -- schema --write\``);
        }
        say.info(`${files.map((f) => path.relative(PROJECT_ROOT, f.file)).join(', ')} are current`);
      } else if (opts.write) {
        for (const { file, text } of files) {
          fs.mkdirSync(path.dirname(file), { recursive: true });
          fs.writeFileSync(file, text);
          say.info(`wrote ${path.relative(PROJECT_ROOT, file)}`);
        }
      } else {
        process.stdout.write(files[0]!.text);
      }
    });
}
