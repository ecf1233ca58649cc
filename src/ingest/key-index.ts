/**
 * Remembers one short entry per record key (digest, file, line) to find duplicates and conflicts,
 * with bounded memory: up to `memoryLimit` keys live in a Map and are checked as they come; past
 * that, every entry goes to one of 64 bucket files on disk (by a hash of the key) and the buckets
 * are checked one at a time at the end. A several-GB file then needs about 1/64 of its keys in
 * memory at once instead of all of them (and never more than a JS Map can hold, 2^24 entries).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

export interface Seen {
  digest: string;
  fileIndex: number;
  line: number;
}

export interface LateConflict {
  key: string;
  first: Seen;
  again: Seen;
}

const BUCKETS = 64;
const FLUSH_BYTES = 64 * 1024;
export const DEFAULT_MEMORY_LIMIT = 500_000;

function bucketOf(key: string): number {
  // FNV-1a, 32 bits: cheap and spreads ids that share long prefixes.
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % BUCKETS;
}

export class KeyIndex {
  private readonly memory = new Map<string, Seen>();
  private spill?: { dir: string; fds: number[]; buffers: string[] };

  constructor(private memoryLimit: number = DEFAULT_MEMORY_LIMIT) {}

  get spilled(): boolean {
    return this.spill !== undefined;
  }

  /**
   * Adds an entry. In memory mode returns the earlier entry of the same key, if any (and keeps
   * the first); once spilled returns undefined and duplicates are found by `finish()`.
   */
  add(key: string, seen: Seen): Seen | undefined {
    if (!this.spill) {
      const earlier = this.memory.get(key);
      if (earlier) return earlier;
      this.memory.set(key, seen);
      if (this.memory.size > this.memoryLimit) this.spillToDisk();
      return undefined;
    }
    this.write(key, seen);
    return undefined;
  }

  /** Whether the key was added; exact in memory mode, false for spilled keys (see `finish`). */
  hasInMemory(key: string): boolean {
    return this.memory.has(key);
  }

  private spillToDisk(): void {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-ingest-'));
    const fds = Array.from({ length: BUCKETS }, (_, i) => fs.openSync(path.join(dir, `${i}.tsv`), 'w'));
    this.spill = { dir, fds, buffers: Array.from({ length: BUCKETS }, () => '') };
    for (const [key, seen] of this.memory) this.write(key, seen);
    this.memory.clear();
  }

  private write(key: string, s: Seen): void {
    const spill = this.spill!;
    const b = bucketOf(key);
    spill.buffers[b] += `${s.digest}\t${s.fileIndex}\t${s.line}\t${key}\n`;
    if (spill.buffers[b]!.length >= FLUSH_BYTES) {
      fs.writeSync(spill.fds[b]!, spill.buffers[b]!);
      spill.buffers[b] = '';
    }
  }

  /**
   * After the last `add` of the reading pass: checks the spilled buckets one by one, reporting each key seen again
   * with a different digest (conflicts) or the same (repeats), and which of `wanted` keys were added (for reference checks).
   */
  async finish(wanted: Iterable<string>): Promise<{ conflicts: LateConflict[]; repeats: LateConflict[]; found: Set<string> }> {
    const conflicts: LateConflict[] = [];
    const repeats: LateConflict[] = [];
    const found = new Set<string>();
    // The few keys added after the pass (file-level records) stay in memory, known to hasInMemory().
    this.memoryLimit = Infinity;
    if (!this.spill) {
      for (const k of wanted) if (this.memory.has(k)) found.add(k);
      return { conflicts, repeats, found };
    }
    const spill = this.spill;
    const wantedByBucket = new Map<number, string[]>();
    for (const k of wanted) {
      const b = bucketOf(k);
      const list = wantedByBucket.get(b) ?? [];
      list.push(k);
      wantedByBucket.set(b, list);
    }
    for (let b = 0; b < BUCKETS; b++) {
      fs.writeSync(spill.fds[b]!, spill.buffers[b]!);
      spill.buffers[b] = '';
      fs.closeSync(spill.fds[b]!);
    }
    // Closed: never close these numbers again, the OS may have given them to other files.
    spill.fds = [];
    for (let b = 0; b < BUCKETS; b++) {
      const seen = new Map<string, Seen>();
      const input = fs.createReadStream(path.join(spill.dir, `${b}.tsv`), 'utf8');
      for await (const row of readline.createInterface({ input, crlfDelay: Infinity })) {
        const [digest, fileIndex, line, key] = row.split('\t') as [string, string, string, string];
        const s: Seen = { digest, fileIndex: Number(fileIndex), line: Number(line) };
        const first = seen.get(key);
        if (!first) seen.set(key, s);
        else if (first.digest !== digest) conflicts.push({ key, first, again: s });
        else repeats.push({ key, first, again: s });
      }
      for (const k of wantedByBucket.get(b) ?? []) if (seen.has(k)) found.add(k);
    }
    // Back to memory mode (empty) for the few keys added after the pass (file-level records).
    this.dispose();
    return { conflicts, repeats, found };
  }

  /** Removes the bucket files (also after a failure). */
  dispose(): void {
    if (!this.spill) return;
    for (const fd of this.spill.fds) fs.closeSync(fd);
    fs.rmSync(this.spill.dir, { recursive: true, force: true });
    this.spill = undefined;
  }
}
