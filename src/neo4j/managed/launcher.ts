/**
 * The watchdog launcher: a few lines of Java that run Neo4j's own main class and exit the JVM as soon
 * as its standard input reaches end-of-file.
 *
 * Why: we spawn Java with stdin as a pipe that Node never closes. However Node ends (exit, crash,
 * Ctrl-C, or SIGKILL, which no Node hook can see), the OS closes that pipe, the launcher reads EOF
 * and calls System.exit(0), and Neo4j's shutdown hook stops the database cleanly. A halt timer makes
 * sure even a hung shutdown ends. With -Dtradegraph.watchdog=false (detached mode) it only runs main.
 *
 * The source is compiled once with `javac` into the cache; without javac, Java's single-file source
 * mode runs it directly (slower to start, same behaviour).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ManagedNeo4jError } from './errors';
import type { JavaRuntime } from './java';

const execFileAsync = promisify(execFile);

export const LAUNCHER_CLASS = 'TradegraphNeo4jLauncher';

export const LAUNCHER_SOURCE = `/**
 * Written by tradegraph. Runs the main class given as the first argument with the remaining arguments.
 * Unless -Dtradegraph.watchdog=false, a daemon thread reads standard input and, at end-of-file (the
 * parent process is gone and the OS closed the pipe), exits the JVM so that Neo4j shuts down cleanly.
 */
public final class ${LAUNCHER_CLASS} {
    public static void main(String[] args) throws Throwable {
        if (args.length < 1) {
            System.err.println("usage: ${LAUNCHER_CLASS} <main class> [arguments...]");
            System.exit(2);
        }
        if (!"false".equals(System.getProperty("tradegraph.watchdog"))) {
            Thread watchdog = new Thread(${LAUNCHER_CLASS}::exitWhenParentIsGone, "tradegraph-parent-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        java.lang.reflect.Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) rest);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void exitWhenParentIsGone() {
        try {
            byte[] buffer = new byte[256];
            while (System.in.read(buffer) >= 0) {
                // The parent never writes; anything that arrives is ignored.
            }
        } catch (java.io.IOException e) {
            // A broken pipe means the same as end-of-file: the parent is gone.
        }
        System.err.println("tradegraph launcher: parent process is gone (stdin closed); stopping Neo4j");
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException ignored) {
                // halt anyway
            }
            System.err.println("tradegraph launcher: shutdown took over 60 s; halting");
            Runtime.getRuntime().halt(1);
        }, "tradegraph-halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(0);
    }
}
`;

export interface Launcher {
  /** Extra classpath entry (the compiled class's folder), if compiled. */
  classpath?: string;
  /** What goes where the main class name goes on the java command line. */
  main: string;
}

/** Compiles the launcher once per source version into cacheDir/launcher/<hash>; falls back to source mode. */
export async function prepareLauncher(cacheDir: string, java: JavaRuntime): Promise<Launcher> {
  const hash = createHash('sha256').update(LAUNCHER_SOURCE).digest('hex').slice(0, 12);
  const dir = path.resolve(cacheDir, 'launcher', hash);
  const source = path.join(dir, `${LAUNCHER_CLASS}.java`);
  const compiled = path.join(dir, 'classes');
  if (fs.existsSync(path.join(compiled, `${LAUNCHER_CLASS}.class`))) return { classpath: compiled, main: LAUNCHER_CLASS };

  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(source, LAUNCHER_SOURCE);
  if (!java.javac) return { main: source };

  // Compile into a private folder and rename, so a concurrent start never sees a half-written class.
  const tmp = `${compiled}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  try {
    await execFileAsync(java.javac, ['--release', '17', '-d', tmp, source], { timeout: 120_000 });
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    const e = err as Error & { stderr?: string };
    throw new ManagedNeo4jError(`Could not compile the Neo4j launcher with ${java.javac}: ${(e.stderr || e.message).trim().split('\n')[0]}`);
  }
  try {
    fs.renameSync(tmp, compiled);
  } catch {
    // Another process compiled the same source first; use theirs.
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return { classpath: compiled, main: LAUNCHER_CLASS };
}
