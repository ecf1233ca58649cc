/**
 * Where the project's files are: the root holding `cypher/`, `seed/` and `schema/` (found from
 * src/ and from dist/src/ alike).
 */
import fs from 'node:fs';
import path from 'node:path';

export const PROJECT_ROOT = findProjectRoot(__dirname);

function findProjectRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`package.json not found above ${start}`);
    dir = up;
  }
  return dir;
}
