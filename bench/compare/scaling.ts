/**
 * How each figure changes from one scale to another, from two runs' results-*.json:
 *
 *   node dist/bench/compare/scaling.js <results at 100k>.json <results at 1M>.json
 */
import fs from 'node:fs';
import { ResultsFile, scalingTable } from './compare';

if (require.main === module) {
  const [smallFile, largeFile] = process.argv.slice(2);
  if (!smallFile || !largeFile) throw new Error('usage: scaling.js <smaller run>.json <larger run>.json');
  const read = (f: string) => JSON.parse(fs.readFileSync(f, 'utf8')) as ResultsFile;
  process.stdout.write(scalingTable(read(smallFile), read(largeFile)) + '\n');
}
