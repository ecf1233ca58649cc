/** Turns the paths a user gave into the ordered list of files of one import. */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';

export const EXTENSIONS: Record<'curated' | 'comtrade' | 'hs', string[]> = {
  curated: ['.jsonl'],
  comtrade: ['.csv', '.txt', '.tsv'],
  hs: ['.csv', '.txt', '.tsv'],
};

/**
 * A file stays as given; a directory stands for its files with the format's extensions, in name
 * order (so `seed/` imports 01-sources.jsonl before 02-regions.jsonl), not recursively.
 */
export function expandPaths(paths: string[], extensions: string[]): { files: string[]; errors: string[] } {
  const files: string[] = [];
  const errors: string[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      errors.push(`${p}: no such file or directory`);
      continue;
    }
    if (stat.isDirectory()) {
      const inDir = fs
        .readdirSync(p)
        .filter((name) => extensions.some((ext) => name.toLowerCase().endsWith(ext)))
        .sort()
        .map((name) => path.join(p, name))
        .filter((f) => fs.statSync(f).isFile());
      if (inDir.length === 0) errors.push(`${p}: no ${extensions.join(' / ')} files in this directory`);
      files.push(...inDir);
    } else files.push(p);
  }
  return { files: [...new Set(files)], errors };
}

export function totalBytes(files: string[]): number {
  return files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
}

const checksums = new Map<string, { size: number; mtimeMs: number; sha256: string }>();

/** SHA-256 of a file (hex), read in 4 MB chunks; cached while the file's size and mtime stay the same. */
export function fileChecksum(file: string): string {
  const stat = fs.statSync(file);
  const cached = checksums.get(file);
  if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs) return cached.sha256;
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(4 << 20);
    for (let n = fs.readSync(fd, buf); n > 0; n = fs.readSync(fd, buf)) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  const sha256 = hash.digest('hex');
  checksums.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, sha256 });
  return sha256;
}
