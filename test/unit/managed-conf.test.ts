import path from 'node:path';
import { jvmArgs, renderNeo4jConf, serverLayout } from '../../src/neo4j/managed/conf';
import { lastLines } from '../../src/neo4j/managed/logs';

describe('renderNeo4jConf', () => {
  const layout = serverLayout('/var/tg/data dir');
  const conf = renderNeo4jConf({ boltPort: 7699, httpPort: 7499, pageCache: '128m', layout });
  const settings = Object.fromEntries(
    conf
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );

  it('binds Bolt and HTTP to loopback on the given ports, with auth, CORS for its own origin only, no HTTPS', () => {
    expect(settings).toMatchObject({
      'server.default_listen_address': '127.0.0.1',
      'server.bolt.listen_address': '127.0.0.1:7699',
      'server.http.listen_address': '127.0.0.1:7499',
      'server.http.enabled': 'true',
      'server.https.enabled': 'false',
      'dbms.security.auth_enabled': 'true',
      'dbms.security.http_access_control_allow_origin': 'http://127.0.0.1:7499',
    });
  });

  it('uses the configured page cache and small-machine transaction log settings', () => {
    expect(settings).toMatchObject({
      'server.memory.pagecache.size': '128m',
      'db.tx_log.preallocate': 'false',
      'db.tx_log.rotation.size': '16M',
      'dbms.usage_report.enabled': 'false',
    });
  });

  it('checkpoints every 30 s (when something was written), so a restart after a crash replays little', () => {
    expect(settings['db.checkpoint.interval.time']).toBe('30s');
  });

  it('keeps data and logs inside the data dir (paths verbatim, spaces included)', () => {
    expect(settings['server.directories.data']).toBe('/var/tg/data dir/data');
    expect(settings['server.directories.logs']).toBe('/var/tg/data dir/logs');
  });

  it('lays every file of one server out under its data dir', () => {
    expect(layout.confDir).toBe(path.join('/var/tg/data dir', 'conf'));
    expect(layout.consoleLog).toBe(path.join('/var/tg/data dir', 'logs', 'console.log'));
    expect(layout.stateFile).toBe(path.join('/var/tg/data dir', 'tradegraph-neo4j.json'));
  });
});

describe('jvmArgs', () => {
  it('starts the heap at 1g at most and lets it grow to the configured size', () => {
    expect(jvmArgs('6g', 17)).toEqual(expect.arrayContaining(['-Xms1g', '-Xmx6g']));
    expect(jvmArgs('2048m', 17)).toEqual(expect.arrayContaining(['-Xms1g', '-Xmx2048m']));
  });

  it('sets the heap, G1, UTF-8 and the --add-opens Neo4j needs', () => {
    const args = jvmArgs('512m', 17);
    expect(args).toEqual(
      expect.arrayContaining([
        '-Xms512m',
        '-Xmx512m',
        '-XX:+UseG1GC',
        '-Dfile.encoding=UTF-8',
        '--add-opens=java.base/java.nio=ALL-UNNAMED',
        '--add-opens=java.base/java.io=ALL-UNNAMED',
        '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      ]),
    );
    expect(args).not.toContain('--enable-native-access=ALL-UNNAMED');
  });

  it('compiles with C1 alone only when the quick JIT is asked for', () => {
    expect(jvmArgs('1g', 17, 'quick')).toContain('-XX:TieredStopAtLevel=1');
    expect(jvmArgs('1g', 17).some((a) => a.startsWith('-XX:TieredStopAtLevel'))).toBe(false);
    expect(jvmArgs('1g', 17, 'full').some((a) => a.startsWith('-XX:TieredStopAtLevel'))).toBe(false);
  });

  it('grants native access on newer JVMs', () => {
    expect(jvmArgs('1g', 25)).toContain('--enable-native-access=ALL-UNNAMED');
  });
});

describe('lastLines', () => {
  it('keeps the exception and its cause, not the stack frames', () => {
    const log = [
      'Exception in thread "main" java.lang.IllegalArgumentException: bad value',
      '\tat org.neo4j.io.ByteUnit.parse(ByteUnit.java:216)',
      'Caused by: java.lang.IllegalArgumentException: lots is not a valid size',
      '\t... 11 more',
      '',
      'INFO  Stopped.',
    ].join('\n');
    expect(lastLines(log, 3)).toEqual([
      'Exception in thread "main" java.lang.IllegalArgumentException: bad value',
      'Caused by: java.lang.IllegalArgumentException: lots is not a valid size',
      'INFO  Stopped.',
    ]);
  });
});
