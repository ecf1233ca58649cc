/**
 * Fetching Neo4j's jars with Maven, once per version, into `<cacheDir>/<version>/lib`.
 *
 * Neo4j's server tarball is not in a package registry, but every jar of its `lib/` is, so a tiny POM
 * plus `mvn dependency:copy-dependencies` rebuilds that folder. Maven fetches into a partial folder
 * which is renamed into place only when complete, and a marker file records the POM it came from:
 * an interrupted or older download is never mistaken for a complete one.
 */
import type { Say } from '../../say';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { stripVTControlCharacters } from 'node:util';
import { ManagedNeo4jError } from './errors';
import { DownloadProgress } from './progress';
import { whichOnPath } from './which';

/** Neo4j Browser, served at /browser/ when its jar is on the classpath (newest 5.x release). */
export const NEO4J_BROWSER_VERSION = '5.24.0';
const MARKER = 'lib.complete.json';

export interface LibDir {
  dir: string;
  jars: number;
  bytes: number;
}

export function renderPom(neo4jVersion: string, browserVersion = NEO4J_BROWSER_VERSION): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by tradegraph: only used to fetch Neo4j's jars (mvn dependency:copy-dependencies), never to build. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>tradegraph.local</groupId>
  <artifactId>neo4j-server-jars</artifactId>
  <version>${neo4jVersion}</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.neo4j</groupId><artifactId>neo4j</artifactId><version>${neo4jVersion}</version></dependency>
    <dependency><groupId>org.neo4j.client</groupId><artifactId>neo4j-browser</artifactId><version>${browserVersion}</version></dependency>
  </dependencies>
</project>
`;
}

const UNITS: Record<string, number> = { B: 1, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9 };

/** Bytes of one "Downloaded from <repo>: <url> (12 kB at 3.4 MB/s)" line of Maven's batch output. */
export function parseMavenDownload(line: string): { url: string; bytes: number } | undefined {
  const m = /Downloaded from [^:]+: (\S+) \(([\d.]+) (B|kB|KB|MB|GB)/.exec(line);
  if (!m) return undefined;
  return { url: m[1]!, bytes: Math.round(Number(m[2]) * UNITS[m[3]!]!) };
}

function jarStats(dir: string): { jars: number; bytes: number } {
  let jars = 0;
  let bytes = 0;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return { jars, bytes };
  }
  for (const name of names) {
    if (!name.endsWith('.jar')) continue;
    try {
      bytes += fs.statSync(path.join(dir, name)).size;
      jars += 1;
    } catch {
      // a file Maven is still moving into place
    }
  }
  return { jars, bytes };
}

interface Marker {
  pomSha256: string;
  jars: number;
  bytes: number;
  completedAt: string;
}

function readMarker(versionDir: string): Marker | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(versionDir, MARKER), 'utf8')) as Marker;
  } catch {
    return undefined;
  }
}

export interface InstallOptions {
  cacheDir: string;
  version: string;
  log: Say;
  /** A JAVA_HOME for Maven itself, when the user configured one. */
  javaHome?: string;
}

/** Returns the complete lib dir for the version, fetching it first if needed. */
export async function installJars(o: InstallOptions): Promise<LibDir> {
  const versionDir = path.resolve(o.cacheDir, o.version);
  const libDir = path.join(versionDir, 'lib');
  const pom = renderPom(o.version);
  const pomSha256 = createHash('sha256').update(pom).digest('hex');

  const done = readMarker(versionDir);
  if (done?.pomSha256 === pomSha256 && fs.existsSync(libDir)) return { dir: libDir, jars: done.jars, bytes: done.bytes };

  const mvn = whichOnPath(process.platform === 'win32' ? 'mvn.cmd' : 'mvn');
  if (!mvn) {
    throw new ManagedNeo4jError(
      'Maven (`mvn`) is needed once to fetch Neo4j\'s jars and was not found on PATH; install it (e.g. `apt-get install maven`), or set NEO4J_URI to use your own Neo4j',
    );
  }

  fs.mkdirSync(versionDir, { recursive: true });
  const pomFile = path.join(versionDir, 'pom.xml');
  fs.writeFileSync(pomFile, pom);
  const partial = path.join(versionDir, `lib.partial-${process.pid}`);
  fs.rmSync(partial, { recursive: true, force: true });

  o.log.info(
    `Fetching Neo4j ${o.version} and Neo4j Browser with Maven into ${libDir}: a 100+ MB download the first time only`,
  );
  const progress = new DownloadProgress(o.log, `Neo4j ${o.version}`);
  const poll = setInterval(() => progress.update({ copied: jarStats(partial) }), 1000);
  try {
    const mvnLog = path.join(versionDir, 'mvn.log');
    await runMaven(mvn, pomFile, partial, o.javaHome, mvnLog, (bytes) => progress.update({ downloadedBytes: bytes }));
  } catch (err) {
    progress.abort();
    fs.rmSync(partial, { recursive: true, force: true });
    throw err;
  } finally {
    clearInterval(poll);
  }
  const stats = jarStats(partial);
  progress.finish(stats);

  if (!fs.existsSync(path.join(partial, `neo4j-${o.version}.jar`))) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw new ManagedNeo4jError(`Maven finished but neo4j-${o.version}.jar is not among the fetched jars in ${partial}`);
  }

  // Another process may have finished the same download meanwhile; theirs is as good as ours.
  if (readMarker(versionDir)?.pomSha256 !== pomSha256) {
    fs.rmSync(libDir, { recursive: true, force: true });
    fs.renameSync(partial, libDir);
    const marker: Marker = { pomSha256, ...stats, completedAt: new Date().toISOString() };
    fs.writeFileSync(path.join(versionDir, MARKER), JSON.stringify(marker, null, 2) + '\n');
  } else {
    fs.rmSync(partial, { recursive: true, force: true });
  }
  return { dir: libDir, ...stats };
}

/** Runs Maven, reporting downloaded bytes as they arrive; its whole output goes to `logFile`. */
function runMaven(
  mvn: string,
  pomFile: string,
  outDir: string,
  javaHome: string | undefined,
  logFile: string,
  onBytes: (total: number) => void,
): Promise<void> {
  const args = ['-B', '-f', pomFile, 'dependency:copy-dependencies', `-DoutputDirectory=${outDir}`];
  const env = { ...process.env };
  if (javaHome) env.JAVA_HOME = javaHome;
  const log = fs.createWriteStream(logFile);
  return new Promise((resolve, reject) => {
    const child = spawn(mvn, args, { stdio: ['ignore', 'pipe', 'pipe'], env, shell: process.platform === 'win32' });
    const errors: string[] = [];
    let bytes = 0;
    const onLine = (line: string) => {
      log.write(line + '\n');
      const d = parseMavenDownload(line);
      if (d) {
        bytes += d.bytes;
        onBytes(bytes);
      }
      const clean = stripVTControlCharacters(line).trim();
      if (clean.startsWith('[ERROR]') && clean.length > '[ERROR]'.length) errors.push(clean);
    };
    readline.createInterface({ input: child.stdout }).on('line', onLine);
    readline.createInterface({ input: child.stderr }).on('line', onLine);
    child.once('error', (err) => {
      log.end();
      reject(new ManagedNeo4jError(`Could not run Maven (${mvn}): ${err.message}`));
    });
    child.once('close', (code, signal) => {
      log.end();
      if (code === 0) return resolve();
      // Maven's first "[ERROR]" line names the missing artifact or the network problem; the rest is advice.
      const first = (errors[0] ?? '').replace(/^\[ERROR\]\s*/, '').replace(/\s*-> \[Help 1\]$/, '');
      reject(
        new ManagedNeo4jError(
          `Fetching Neo4j's jars with Maven failed (${signal ?? `exit code ${code}`})${first ? `: ${first}` : ''}. ` +
            `Check NEO4J_VERSION and network access to the Maven repository; Maven's output is in ${logFile}`,
        ),
      );
    });
  });
}
