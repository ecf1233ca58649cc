/** The package version, read once from package.json. */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './paths';

export const VERSION: string = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')).version;
