/**
 * Named Cypher queries: every `.cypher` file under `cypher/queries/`, loaded and composed (shared
 * parts written in, see query-parts.ts) once at start-up.
 *
 * A query's name is its path without the extension (`company/by-ids`). Repositories ask for a
 * query by name; a missing name fails at start-up (`QueryCatalog.get` throws), never mid-request.
 */
import fs from 'node:fs';
import path from 'node:path';
import { composeText } from './query-parts';

/** The project root: where `cypher/`, `seed/` and `schema/` live (works from src/ and dist/src/). */
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

export class QueryCatalog {
  private readonly queries = new Map<string, string>();

  constructor(readonly dir: string = path.join(PROJECT_ROOT, 'cypher', 'queries')) {
    const raw = new Map<string, string>();
    for (const file of listCypherFiles(dir)) {
      const name = path.relative(dir, file).replace(/\\/g, '/').replace(/\.cypher$/, '');
      raw.set(name, fs.readFileSync(file, 'utf8'));
    }
    // Shared parts are written in once, here: a missing part fails at start-up, not mid-request.
    const lookup = (name: string): string => {
      const text = raw.get(name);
      if (text === undefined) throw new Error(`Query part not found: ${name} (looked in ${dir})`);
      return text;
    };
    for (const [name, text] of raw) this.queries.set(name, composeText(lookup, text));
  }

  get(name: string): string {
    const q = this.queries.get(name);
    if (q === undefined) throw new Error(`Named query not found: ${name} (looked in ${this.dir})`);
    return q;
  }

  names(): string[] {
    return [...this.queries.keys()].sort();
  }
}

export function listCypherFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listCypherFiles(full));
    else if (entry.name.endsWith('.cypher')) out.push(full);
  }
  return out.sort();
}

/**
 * Splits a migration or recipe file into statements on `;` at the end of a line.
 * `//` comment lines are dropped so a file can explain itself to an analyst.
 */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
