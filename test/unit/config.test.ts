import path from 'node:path';
import { APOLLO_SANDBOX_ORIGIN, ConfigError, defaultHeap, loadConfig, redactUri } from '../../src/config';

describe('configuration', () => {
  it('defaults to a managed local Neo4j and port 4000', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c.neo4j.uri).toBeUndefined();
    expect(c.port).toBe(4000);
    expect(c.neo4j.database).toBe('neo4j');
    expect(c.managed.dataDir).toBe(path.resolve('/srv/app/.tradegraph/data'));
    expect(c.managed.cacheDir).toBe(path.resolve('/srv/app/.tradegraph/neo4j-dist'));
    expect(c.graphql.introspection).toBe(true);
    expect(c.graphql.corsOrigins).toEqual([APOLLO_SANDBOX_ORIGIN]);
  });

  it("gives the managed Neo4j a quarter of the machine's memory as its largest heap unless NEO4J_HEAP says otherwise", () => {
    expect(defaultHeap(24 * 2 ** 30)).toBe('6g');
    expect(defaultHeap(2 * 2 ** 30)).toBe('1g');
    expect(defaultHeap(512 * 2 ** 30)).toBe('31g');
    expect(loadConfig({}).managed.heap).toBe(defaultHeap());
    expect(loadConfig({ NEO4J_HEAP: '2g' }).managed.heap).toBe('2g');
  });

  it("runs the managed Neo4j's JVM with the full JIT unless NEO4J_JIT=quick", () => {
    expect(loadConfig({}).managed.jit).toBe('full');
    expect(loadConfig({ NEO4J_JIT: 'quick' }).managed.jit).toBe('quick');
  });

  it('uses an external Neo4j when NEO4J_URI is set', () => {
    const c = loadConfig({
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      NEO4J_USERNAME: 'reader',
      NEO4J_PASSWORD: 'secret',
      NEO4J_DATABASE: 'trade',
    });
    expect(c.neo4j).toEqual({ uri: 'neo4j+s://abc.databases.neo4j.io', username: 'reader', password: 'secret', database: 'trade' });
  });

  it.each([
    [{ NEO4J_URI: 'http://localhost:7474' }, /NEO4J_URI="http:\/\/localhost:7474" must start with one of bolt:\/\//],
    [{ PORT: 'eighty' }, /PORT="eighty"/],
    [{ PORT: '70000' }, /PORT="70000"/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV="staging"/],
    [{ NEO4J_HEAP: 'lots' }, /NEO4J_HEAP="lots" must look like 512m or 1g/],
    [{ NEO4J_VERSION: '4.4.0' }, /NEO4J_VERSION="4.4.0" must be a 5.26.x version/],
    [{ NEO4J_JIT: 'c2' }, /NEO4J_JIT="c2"/],
    [{ GRAPHQL_MAX_DEPTH: '0' }, /GRAPHQL_MAX_DEPTH="0"/],
    [{ GRAPHQL_INTROSPECTION: 'maybe' }, /GRAPHQL_INTROSPECTION="maybe"/],
  ])('rejects %j with one clear line', (env, message) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ NEO4J_URI: '', PORT: '' }).neo4j.uri).toBeUndefined();
  });

  it('turns introspection off and restricts CORS in production unless configured', () => {
    const c = loadConfig({ NODE_ENV: 'production' });
    expect(c.graphql.introspection).toBe(false);
    expect(c.graphql.corsOrigins).toEqual([]);
    const d = loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true', CORS_ORIGINS: 'https://a.example, https://b.example' });
    expect(d.graphql.introspection).toBe(true);
    expect(d.graphql.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });
});

describe('redactUri', () => {
  it('replaces the credentials of a URI, and leaves a URI without them as it is', () => {
    expect(redactUri('neo4j+s://neo4j:s3cret@db.example:7687?x=1')).toBe('neo4j+s://***@db.example:7687?x=1');
    expect(redactUri('bolt://user@host')).toBe('bolt://***@host');
    expect(redactUri('bolt://127.0.0.1:7687')).toBe('bolt://127.0.0.1:7687');
  });
});

describe('safe defaults', () => {
  it('has no debug output, a 15 s deadline and limits that bound work, in every NODE_ENV', () => {
    for (const NODE_ENV of ['development', 'production', 'test'] as const) {
      const c = loadConfig({ NODE_ENV });
      expect(c.debug).toBe(false);
      expect(c.requestTimeoutMs).toBe(15_000);
      expect(c.graphql).toMatchObject({ maxComplexity: 1000, maxAliases: 50, maxTokens: 3000, maxPageSize: 500, maxResponseBytes: 8 * 1024 * 1024 });
    }
    expect(loadConfig({ TRADEGRAPH_DEBUG: 'true' }).debug).toBe(true);
  });
});
