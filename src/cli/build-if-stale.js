#!/usr/bin/env node
/*
 * `npm start` runs this instead of `tsc` on every start: it compiles only when an input of the
 * build changed since the last successful build (a content hash of every file tsc reads from this
 * project: tsconfig.json, package-lock.json and the .ts/.json files of the folders tsconfig
 * includes), and otherwise returns in a fraction of a second. `npm run build` always compiles
 * (`--force`). A compile starts from an empty dist/: a module deleted from src/ must not live on as
 * a stale .js (src/domain/index.ts finds resolver modules by their file names).
 */
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..', '..');
const STAMP = path.join(ROOT, 'dist', '.build-inputs');
const ENTRY = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');

/** The folders tsconfig.json includes (the first segment of each `include` pattern). */
function includedFolders() {
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8'));
  return [...new Set((config.include || []).map((p) => p.split('/')[0]))];
}

function sourcesUnder(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourcesUnder(full);
    return /\.(ts|json)$/.test(e.name) ? [full] : [];
  });
}

function fingerprint() {
  const files = [path.join(ROOT, 'tsconfig.json'), path.join(ROOT, 'package-lock.json'), path.join(ROOT, 'schema')]
    .concat(includedFolders().map((f) => path.join(ROOT, f)))
    .flatMap((p) => (fs.existsSync(p) && fs.statSync(p).isDirectory() ? sourcesUnder(p) : fs.existsSync(p) ? [p] : []))
    .sort();
  const hash = crypto.createHash('sha256');
  for (const file of files) hash.update(path.relative(ROOT, file) + '\0').update(fs.readFileSync(file)).update('\0');
  return hash.digest('hex');
}

const started = Date.now();
const current = fingerprint();
const previous = fs.existsSync(STAMP) ? fs.readFileSync(STAMP, 'utf8').trim() : '';
if (!process.argv.includes('--force') && previous === current && fs.existsSync(ENTRY)) {
  process.stderr.write(`tradegraph: build is current (sources unchanged, checked in ${Date.now() - started} ms)\n`);
  process.exit(0);
}
if (!process.argv.includes('--force')) process.stderr.write('tradegraph: sources changed since the last build: compiling (tsc)\n');
fs.rmSync(path.join(ROOT, 'dist'), { recursive: true, force: true });
const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.json')], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
fs.writeFileSync(STAMP, current + '\n');
