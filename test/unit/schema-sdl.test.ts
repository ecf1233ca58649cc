/**
 * The checked-in SDL (schema/schema.graphql) is what the code builds: a change to a type, field or
 * description that is not regenerated fails here, so clients and reviewers always read the real API.
 */
import fs from 'node:fs';
import { buildAppSchema, printSchemaSdl, SCHEMA_FILE } from '../../src/graphql/schema';

const REGENERATE = 'npm run build && node dist/src/cli/main.js schema --write';

/** The first line where two texts differ, for a message that points at the change. */
function firstDifference(a: string, b: string): string {
  const left = a.split('\n');
  const right = b.split('\n');
  const i = left.findIndex((line, n) => line !== right[n]);
  const at = i === -1 ? left.length : i;
  return `line ${at + 1}: checked in ${JSON.stringify(right[at] ?? '<end>')}, built ${JSON.stringify(left[at] ?? '<end>')}`;
}

describe('schema/schema.graphql', () => {
  it('matches the schema the code builds', async () => {
    const built = printSchemaSdl(await buildAppSchema());
    const checkedIn = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
    if (built !== checkedIn) {
      throw new Error(`${SCHEMA_FILE} is stale (${firstDifference(built, checkedIn)}). Regenerate it: ${REGENERATE}`);
    }
  });
});
