/**
 * One validated configuration object, read once from the environment.
 *
 * Everything else receives a `Config`; nothing reads `process.env` on its own. A bad value is
 * reported as one line naming the variable and what is wrong with it (`ConfigError`).
 */
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * The managed Neo4j's largest heap when NEO4J_HEAP is not set: a quarter of the machine's memory,
 * the JVM's own default (and so Neo4j's without a heap setting), at least 1g, at most 31g (beyond,
 * compressed pointers end). The heap starts at 1g and grows only when used; what needs it is a
 * large import, published in one transaction (Neo4j's transaction memory is 70% of the heap).
 */
export function defaultHeap(totalBytes: number = os.totalmem()): string {
  return `${Math.min(31, Math.max(1, Math.floor(totalBytes / 4 / 2 ** 30)))}g`;
}

const NEO4J_SCHEMES = ['bolt:', 'bolt+s:', 'bolt+ssc:', 'neo4j:', 'neo4j+s:', 'neo4j+ssc:'];

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRADEGRAPH_DEBUG: bool.optional(),
  REQUEST_TIMEOUT_MS: positiveInt.default(15_000),
  SHUTDOWN_GRACE_MS: positiveInt.optional(),

  NEO4J_URI: z
    .string()
    .refine((v) => NEO4J_SCHEMES.some((s) => v.startsWith(s + '//')), {
      message: `must start with one of ${NEO4J_SCHEMES.map((s) => s + '//').join(', ')}`,
    })
    .optional(),
  NEO4J_USERNAME: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, 'is not a valid database name').default('neo4j'),

  TRADEGRAPH_HOME: z.string().default('.tradegraph'),
  TRADEGRAPH_DATA_DIR: z.string().optional(),
  NEO4J_VERSION: z.string().regex(/^5\.26\.\d+$/, 'must be a 5.26.x version (the LTS line that runs on Java 17)').default('5.26.19'),
  NEO4J_BOLT_PORT: port.default(7687),
  NEO4J_HTTP_PORT: port.default(7474),
  NEO4J_HEAP: z.string().regex(/^\d+[mg]$/, 'must look like 512m or 1g').optional(),
  NEO4J_PAGECACHE: z.string().regex(/^\d+[mg]$/, 'must look like 128m or 1g').default('256m'),
  NEO4J_START_TIMEOUT_MS: positiveInt.default(180_000),
  JAVA_HOME: z.string().optional(),
  NEO4J_RESTARTS: z.coerce.number().int().min(0).default(5),
  NEO4J_CDS: bool.optional(),
  NEO4J_JIT: z.enum(['quick', 'full']).default('full'),

  GRAPHQL_MAX_DEPTH: positiveInt.default(8),
  GRAPHQL_MAX_COMPLEXITY: positiveInt.default(1000),
  GRAPHQL_MAX_PAGE_SIZE: positiveInt.default(500),
  GRAPHQL_MAX_ALIASES: positiveInt.default(50),
  GRAPHQL_MAX_TOKENS: positiveInt.default(3000),
  GRAPHQL_MAX_RESPONSE_BYTES: positiveInt.default(8 * 1024 * 1024),
  GRAPHQL_INTROSPECTION: bool.optional(),
  GRAPHQL_DEBUG_STATS: bool.optional(),
  CORS_ORIGINS: z.string().optional(),

  // Authentication (src/auth/): a shared secret (HS256) for local use, or an identity provider's JWKS.
  AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters (an HS256 key)').optional(),
  AUTH_JWKS_URL: z.url().optional(),
  AUTH_ISSUER: z.string().min(1).optional(),
  AUTH_AUDIENCE: z.string().min(1).optional(),
  AUTH_ROLES_CLAIM: z.string().min(1).default('roles'),
  AUTH_ANONYMOUS_READ: bool.optional(),
  CHANGE_FEED_POLL_MS: positiveInt.default(1000),
});

export interface ManagedNeo4jConfig {
  /** Where Neo4j's jars are cached (downloaded once). */
  cacheDir: string;
  /** Where the database files live; persists between runs. */
  dataDir: string;
  version: string;
  boltPort: number;
  httpPort: number;
  /** The largest heap (-Xmx); the heap starts at the smaller of it and 1g (-Xms). */
  heap: string;
  pageCache: string;
  startTimeoutMs: number;
  javaHome?: string;
  /** How many times in a row a crashed server is restarted (with backoff) before giving up. */
  restarts: number;
  /** Class-data sharing for Neo4j's JVM (see neo4j/managed/cds.ts); on unless false. */
  cds?: boolean;
  /** Which JIT compilers Neo4j's JVM uses (see `jvmArgs` in neo4j/managed/conf.ts); full unless quick. */
  jit?: 'quick' | 'full';
}

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  logLevel: string;
  /** TRADEGRAPH_DEBUG: stack traces and internal error messages in responses (never by default). */
  debug: boolean;
  /** Per-request deadline: the Neo4j transaction timeout and the server's own limit. */
  requestTimeoutMs: number;
  /** How long a shutdown waits for in-flight requests before closing their connections. */
  shutdownGraceMs: number;
  neo4j: {
    /** Set when the user brings their own Neo4j; absent means "manage a local one". */
    uri?: string;
    username: string;
    password?: string;
    database: string;
  };
  managed: ManagedNeo4jConfig;
  graphql: {
    maxDepth: number;
    maxComplexity: number;
    maxPageSize: number;
    maxAliases: number;
    maxTokens: number;
    maxResponseBytes: number;
    introspection: boolean;
    debugStats: boolean;
    corsOrigins: string[];
  };
  auth: AuthConfig;
  /** How often the change feed (/changes/feed) asks the graph for new change records. */
  changeFeedPollMs: number;
}

export interface AuthConfig {
  /** HS256 shared secret; outside production, absent means the local secret file (src/auth/secret.ts). */
  secret?: string;
  /** The identity provider's key set; tokens signed with its keys are verified against it. */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** The claim holding the roles: a name (`roles`), a dotted path (`realm_access.roles`) or a URL claim. */
  rolesClaim: string;
  /** Requests without a token may read (the reader role). On by default. */
  anonymousRead: boolean;
  /** Where the local development secret is kept when no secret or key set is configured (not in production). */
  localSecretFile?: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The hosted Apollo Sandbox / Explorer, allowed by CORS outside production. */
export const APOLLO_SANDBOX_ORIGIN = 'https://studio.apollographql.com';

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  // Empty variables count as unset, as shells and .env files often leave them.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = issue.path.join('.');
    const value = present[name];
    throw new ConfigError(`Invalid configuration: ${name}=${JSON.stringify(value)} ${issue.message}`);
  }
  const e = parsed.data;
  const home = path.resolve(cwd, e.TRADEGRAPH_HOME);
  const production = e.NODE_ENV === 'production';
  const cors = e.CORS_ORIGINS?.split(',').map((o) => o.trim()).filter(Boolean) ?? [];
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    debug: e.TRADEGRAPH_DEBUG ?? false,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    // By default in-flight requests get as long as their deadline allows (so none is cut), plus a margin.
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS ?? e.REQUEST_TIMEOUT_MS + 2_000,
    neo4j: {
      uri: e.NEO4J_URI,
      username: e.NEO4J_USERNAME,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
    },
    managed: {
      cacheDir: path.join(home, 'neo4j-dist'),
      dataDir: path.resolve(cwd, e.TRADEGRAPH_DATA_DIR ?? path.join(home, 'data')),
      version: e.NEO4J_VERSION,
      boltPort: e.NEO4J_BOLT_PORT,
      httpPort: e.NEO4J_HTTP_PORT,
      heap: e.NEO4J_HEAP ?? defaultHeap(),
      pageCache: e.NEO4J_PAGECACHE,
      startTimeoutMs: e.NEO4J_START_TIMEOUT_MS,
      javaHome: e.JAVA_HOME,
      restarts: e.NEO4J_RESTARTS,
      cds: e.NEO4J_CDS ?? true,
      jit: e.NEO4J_JIT,
    },
    graphql: {
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxComplexity: e.GRAPHQL_MAX_COMPLEXITY,
      maxPageSize: e.GRAPHQL_MAX_PAGE_SIZE,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      maxResponseBytes: e.GRAPHQL_MAX_RESPONSE_BYTES,
      introspection: e.GRAPHQL_INTROSPECTION ?? !production,
      debugStats: e.GRAPHQL_DEBUG_STATS ?? e.NODE_ENV === 'development',
      corsOrigins: cors.length > 0 ? cors : production ? [] : [APOLLO_SANDBOX_ORIGIN],
    },
    auth: {
      secret: e.AUTH_JWT_SECRET,
      jwksUrl: e.AUTH_JWKS_URL,
      issuer: e.AUTH_ISSUER,
      audience: e.AUTH_AUDIENCE,
      rolesClaim: e.AUTH_ROLES_CLAIM,
      anonymousRead: e.AUTH_ANONYMOUS_READ ?? true,
      localSecretFile: production || e.AUTH_JWT_SECRET || e.AUTH_JWKS_URL ? undefined : path.join(home, 'auth-secret'),
    },
    changeFeedPollMs: e.CHANGE_FEED_POLL_MS,
  };
}

/** A URI with any user:password part replaced by `***`, for logs and messages (never log secrets). */
export function redactUri(uri: string): string {
  return uri.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/?#]*@/i, '$1***@');
}
