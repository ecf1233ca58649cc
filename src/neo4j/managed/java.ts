/**
 * Finding a Java runtime for Neo4j 5.26 (the LTS line that still runs on Java 17).
 *
 * Order: the configured JAVA_HOME (cfg.javaHome), then the environment's JAVA_HOME, then `java` on PATH.
 * We parse `java -version` ourselves rather than trusting the path name, because distributions name
 * their JDK folders in many ways.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ManagedNeo4jError } from './errors';
import { whichOnPath } from './which';

const execFileAsync = promisify(execFile);

export const MIN_JAVA_MAJOR = 17;

export interface JavaVersion {
  /** The version string as printed, e.g. "17.0.15" or "1.8.0_292". */
  version: string;
  major: number;
}

export interface JavaRuntime extends JavaVersion {
  java: string;
  /** `javac` beside `java`, when this is a full JDK (used to compile the watchdog launcher once). */
  javac?: string;
  /** Where we found it, for messages: "cfg JAVA_HOME", "JAVA_HOME" or "PATH". */
  source: string;
}

/**
 * Reads the version out of `java -version` output (it goes to stderr). Handles the old "1.8.0_x"
 * scheme and the modern "17.0.15", "21", "25-ea" forms.
 */
export function parseJavaVersion(output: string): JavaVersion | undefined {
  const m = /version "([^"]+)"/.exec(output);
  if (!m) return undefined;
  const version = m[1]!;
  const parts = /^(\d+)(?:\.(\d+))?/.exec(version);
  if (!parts) return undefined;
  const first = Number(parts[1]);
  const major = first === 1 && parts[2] !== undefined ? Number(parts[2]) : first;
  return { version, major };
}

function javaIn(home: string): string {
  return path.join(home, 'bin', process.platform === 'win32' ? 'java.exe' : 'java');
}

/**
 * `java -version` starts a JVM (a second or more on a loaded machine), so its answer is kept in
 * `<cacheDir>/java-versions.json`, keyed by the binary's path, size and modification time: a new
 * or upgraded Java is asked again.
 */
function cachedVersion(cacheDir: string | undefined, java: string, ask: () => Promise<string>): Promise<string> {
  if (!cacheDir) return ask();
  const file = path.join(cacheDir, 'java-versions.json');
  let key: string;
  try {
    const st = fs.statSync(java);
    key = `${java}|${st.size}|${st.mtimeMs}`;
  } catch {
    return ask();
  }
  let known: Record<string, string> = {};
  try {
    known = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
  } catch {
    // none yet
  }
  if (typeof known[key] === 'string') return Promise.resolve(known[key]!);
  return ask().then((output) => {
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      fs.writeFileSync(`${file}.tmp-${process.pid}`, JSON.stringify({ ...known, [key]: output }, null, 2) + '\n');
      fs.renameSync(`${file}.tmp-${process.pid}`, file);
    } catch {
      // a cache we cannot write only costs the next start the same second
    }
    return output;
  });
}

export async function findJava(javaHome: string | undefined, env: NodeJS.ProcessEnv = process.env, cacheDir?: string): Promise<JavaRuntime> {
  let java: string | undefined;
  let source: string;
  if (javaHome) [java, source] = [javaIn(javaHome), `JAVA_HOME=${javaHome} (configured)`];
  else if (env.JAVA_HOME) [java, source] = [javaIn(env.JAVA_HOME), `JAVA_HOME=${env.JAVA_HOME}`];
  else [java, source] = [whichOnPath('java'), '`java` on PATH'];

  const hint = `Neo4j needs Java ${MIN_JAVA_MAJOR} or newer (a JDK, e.g. Debian's openjdk-17-jdk-headless); set JAVA_HOME to it, or set NEO4J_URI to use your own Neo4j`;
  if (!java || !fs.existsSync(java)) {
    throw new ManagedNeo4jError(`No Java found (${source}). ${hint}.`);
  }
  let output: string;
  try {
    output = await cachedVersion(cacheDir, java, async () => {
      const r = await execFileAsync(java, ['-version'], { timeout: 30_000 });
      return `${r.stderr}\n${r.stdout}`;
    });
  } catch (err) {
    throw new ManagedNeo4jError(`Could not run ${java} -version: ${(err as Error).message.split('\n')[0]}. ${hint}.`);
  }
  const parsed = parseJavaVersion(output);
  if (!parsed) throw new ManagedNeo4jError(`Could not read the version of ${java} (${source}). ${hint}.`);
  if (parsed.major < MIN_JAVA_MAJOR) {
    throw new ManagedNeo4jError(`${java} is Java ${parsed.version} (${source}); ${hint}.`);
  }
  const javac = path.join(path.dirname(java), process.platform === 'win32' ? 'javac.exe' : 'javac');
  return { ...parsed, java, javac: fs.existsSync(javac) ? javac : undefined, source };
}
