/**
 * What the managed server is told: its neo4j.conf and the JVM flags. Pure functions, so that the
 * exact settings are unit-tested and readable in one place.
 */
import path from 'node:path';

export interface ServerLayout {
  /** Neo4j's home: the data dir itself, so one folder holds everything of one server. */
  homeDir: string;
  confDir: string;
  dataDir: string;
  logsDir: string;
  /** The child's stdout/stderr (JVM warnings, crashes before Neo4j's own logging starts). */
  consoleLog: string;
  /** Neo4j's user log, where it says "Started." */
  neo4jLog: string;
  /** Our pid/ports record, read by `status()` and by a later `stop` from another process. */
  stateFile: string;
}

export function serverLayout(dataDir: string): ServerLayout {
  const logsDir = path.join(dataDir, 'logs');
  return {
    homeDir: dataDir,
    confDir: path.join(dataDir, 'conf'),
    dataDir: path.join(dataDir, 'data'),
    logsDir,
    consoleLog: path.join(logsDir, 'console.log'),
    neo4jLog: path.join(logsDir, 'neo4j.log'),
    stateFile: path.join(dataDir, 'tradegraph-neo4j.json'),
  };
}

export interface ConfOptions {
  boltPort: number;
  httpPort: number;
  pageCache: string;
  layout: ServerLayout;
}

/** Neo4j reads conf values verbatim to the end of the line; forward slashes work on every OS. */
function confPath(p: string): string {
  return p.split(path.sep).join('/');
}

/** The conf for one start. Sizes like "256m" pass through: Neo4j accepts k/m/g suffixes. */
export function renderNeo4jConf(o: ConfOptions): string {
  const lines = [
    '# Written by tradegraph at every start; edits here are overwritten.',
    '# A local development server: loopback only, authentication on (the password tradegraph generated',
    '# is in tradegraph-auth.json beside this folder). The HTTP API answers cross-origin requests only',
    '# from this server\'s own origin, so another web page cannot send Cypher through the browser.',
    'server.default_listen_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${o.boltPort}`,
    `server.bolt.advertised_address=127.0.0.1:${o.boltPort}`,
    'server.http.enabled=true',
    `server.http.listen_address=127.0.0.1:${o.httpPort}`,
    `server.http.advertised_address=127.0.0.1:${o.httpPort}`,
    'server.https.enabled=false',
    'dbms.security.auth_enabled=true',
    `dbms.security.http_access_control_allow_origin=http://127.0.0.1:${o.httpPort}`,
    `server.memory.pagecache.size=${o.pageCache}`,
    '# Small-machine settings: no 250 MB preallocated transaction logs, modest rotation.',
    'db.tx_log.preallocate=false',
    'db.tx_log.rotation.size=16M',
    'dbms.usage_report.enabled=false',
    '# After a crash (kill -9, out of memory, power loss) Neo4j replays the transaction log since the last',
    '# checkpoint and rebuilds every index created after it. Its default, a checkpoint every 15 min, made a',
    '# restart after a crash several seconds slower than a clean start; a checkpoint is skipped when nothing was written.',
    'db.checkpoint.interval.time=30s',
    '# Bolt\'s Netty loops otherwise wait 2 x 5 s of "quiet period" on every shutdown; nothing is in flight by then.',
    'internal.dbms.bolt.netty_server_shutdown_quiet_period=0',
    `server.directories.data=${confPath(o.layout.dataDir)}`,
    `server.directories.logs=${confPath(o.layout.logsDir)}`,
    '',
  ];
  return lines.join('\n');
}

const toMb = (size: string): number => Number(size.slice(0, -1)) * (size.endsWith('g') ? 1024 : 1);

/**
 * JVM flags for the server; the --add-opens are the ones Neo4j's own launch script passes.
 *
 * `jit`: `full` (the default) is the JVM's tiered C1 then C2; `quick` stops at C1
 * (`-XX:TieredStopAtLevel=1`). Measured on 2 cores (bench/README.md, "JIT"): C2 compiling Neo4j's
 * planner and runtime takes minutes of CPU from the queries, most of all from the first ones after
 * a start or a crash, when every text is planned on a cold JVM: with `quick` a Neo4j killed under
 * 10 clients served again after 12.3 s instead of 18.5 s. But C2's code is faster once compiled:
 * on the seed graph `full` passes `quick` after about 2 minutes (104 against 78 req/s), and at
 * 100k flows raw Cypher ran its large queries at 34-55% of their `full` speed with `quick`. So `quick` is for
 * servers that restart often or live briefly, `full` for everything else.
 */
export function jvmArgs(heap: string, javaMajor: number, jit: 'quick' | 'full' = 'full'): string[] {
  const args = [
    // Start small, grow when used: an idle server stays light, an import gets the heap it needs.
    `-Xms${toMb(heap) < 1024 ? heap : '1g'}`,
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    // A JVM stuck after an OutOfMemoryError keeps the store lock; better to die and say so in the log.
    '-XX:+ExitOnOutOfMemoryError',
    ...(jit === 'quick' ? ['-XX:TieredStopAtLevel=1'] : []),
    '-Dfile.encoding=UTF-8',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  ];
  // Newer JVMs warn on every native call (Netty, Lucene) unless native access is granted.
  if (javaMajor >= 22) args.push('--enable-native-access=ALL-UNNAMED');
  return args;
}
