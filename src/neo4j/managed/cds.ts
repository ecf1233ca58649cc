/**
 * Class-data sharing for the managed Neo4j: most of its start-up CPU is loading and verifying some
 * 15,000 classes from 200 jars. A CDS archive holds them pre-parsed, mapped from one file, which
 * took Neo4j's start here from about 16.5 to 9.3 CPU seconds (bench/start.ts measures it).
 *
 * Once per Neo4j version, Java and jar set (the archive's key): a start without an archive records
 * the classes Neo4j loads (`-XX:DumpLoadedClassList`, nearly free); once that server is ready, a
 * low-priority background Java writes the archive from the list (`-Xshare:dump`, about 35 CPU
 * seconds, under a lock, into a temporary file renamed when complete, so a start never maps half an
 * archive); every later start maps it (`-XX:SharedArchiveFile`). A stale or mismatched archive is
 * only a warning for the JVM, which then loads classes the ordinary way. POSIX only (the background
 * job is a small `sh` script so that the rename happens even after this process has ended);
 * elsewhere Neo4j starts without an archive. `NEO4J_CDS=false` turns it off.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Say } from '../../say';
import { isProcessAlive } from './state';
import { whichOnPath } from './which';

/** The JVM reads class-list lines of at most 4096 characters; longer ones (lambda forms) are dropped. */
const MAX_LINE = 4000;
/** A dump lock older than this belongs to a dump that died without removing it. */
const LOCK_STALE_MS = 15 * 60_000;

export interface CdsFiles {
  archive: string;
  classList: string;
  lock: string;
  failed: string;
  log: string;
}

export function cdsFiles(cacheDir: string, key: string): CdsFiles {
  const base = path.join(path.resolve(cacheDir), 'cds', key);
  return { archive: `${base}.jsa`, classList: `${base}.classlist`, lock: `${base}.lock`, failed: `${base}.failed`, log: `${base}.log` };
}

/** The archive's key: what the JVM checks it against (Java, the jar paths and their sizes and times). */
export function cdsKey(javaPath: string, javaVersion: string, jars: string[]): string {
  const hash = createHash('sha256').update(`${javaPath}\0${javaVersion}\0`);
  for (const jar of jars) {
    const st = fs.statSync(jar);
    hash.update(`${jar}\0${st.size}\0${st.mtimeMs}\0`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** The class list as the dump reads it: whole lines only (the server may be writing the last one), none too long. */
export function usableClassList(text: string): string {
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  return complete
    .split('\n')
    .filter((l) => l.length > 0 && l.length < MAX_LINE)
    .join('\n')
    .concat('\n');
}

export interface CdsPlan {
  /** JVM flags for this start. */
  args: string[];
  /** 'use' an archive, 'record' a class list for one, or 'off'. */
  mode: 'use' | 'record' | 'off';
  /** Call once the server is ready: in 'record' mode, starts the background dump. */
  afterReady(): void;
}

export interface CdsOptions {
  enabled: boolean;
  cacheDir: string;
  java: string;
  javaVersion: string;
  /** The jars of Neo4j's classpath in classpath order (the archive is only valid for this prefix). */
  jars: string[];
  log: Say;
  platform?: NodeJS.Platform;
}

function lockHeld(lock: string): boolean {
  try {
    const st = fs.statSync(lock);
    const pid = Number(fs.readFileSync(lock, 'utf8').trim());
    return Date.now() - st.mtimeMs < LOCK_STALE_MS && Number.isInteger(pid) && isProcessAlive(pid);
  } catch {
    return false;
  }
}

export function planCds(o: CdsOptions): CdsPlan {
  const off: CdsPlan = { args: [], mode: 'off', afterReady: () => undefined };
  if (!o.enabled || (o.platform ?? process.platform) === 'win32' || o.jars.length === 0) return off;
  const files = cdsFiles(o.cacheDir, cdsKey(o.java, o.javaVersion, o.jars));
  if (fs.existsSync(files.archive)) return { args: [`-XX:SharedArchiveFile=${files.archive}`], mode: 'use', afterReady: () => undefined };
  if (fs.existsSync(files.failed) || lockHeld(files.lock)) return off;
  fs.mkdirSync(path.dirname(files.archive), { recursive: true });
  const recording = `${files.classList}.tmp-${process.pid}`;
  return {
    args: [`-XX:DumpLoadedClassList=${recording}`],
    mode: 'record',
    afterReady: () => {
      try {
        startDump(o, files, recording);
      } catch (err) {
        o.log.warn(`Could not start writing Neo4j's class-data archive: ${(err as Error).message}`);
      }
    },
  };
}

/** The background dump: `sh` runs Java at low priority, renames the archive when complete and drops the lock. */
function startDump(o: CdsOptions, files: CdsFiles, recording: string): void {
  if (lockHeld(files.lock)) return;
  fs.writeFileSync(files.classList, usableClassList(fs.readFileSync(recording, 'utf8')));
  fs.writeFileSync(files.lock, `${process.pid}\n`);
  const tmp = `${files.archive}.tmp-${process.pid}`;
  const nice = whichOnPath('nice');
  const java = [o.java, '-Xshare:dump', `-XX:SharedClassListFile=${files.classList}`, `-XX:SharedArchiveFile=${tmp}`, '-cp', o.jars.join(path.delimiter)];
  const script =
    `${nice ? '"$NICE" -n 19 ' : ''}"$@" > "$LOG" 2>&1 && [ -s "$TMP" ] && mv -f "$TMP" "$ARCHIVE" || { rm -f "$TMP"; touch "$FAILED"; }; ` +
    'rm -f "$LOCK" "$RECORDING"';
  const child = spawn('/bin/sh', ['-c', script, 'sh', ...java], {
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, NICE: nice ?? '', LOG: files.log, TMP: tmp, ARCHIVE: files.archive, FAILED: files.failed, LOCK: files.lock, RECORDING: recording },
  });
  child.once('error', (err) => o.log.warn(`Could not write Neo4j's class-data archive: ${err.message}`));
  if (child.pid !== undefined) fs.writeFileSync(files.lock, `${child.pid}\n`);
  child.unref();
  o.log.info(`Writing Neo4j's class-data archive in the background, once (later starts load classes from it): ${files.archive}`);
}
