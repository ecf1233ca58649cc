/**
 * The three sides of the comparison, each able to send one request of a shape: tradegraph and the
 * peer over HTTP (GraphQL, JSON), raw Cypher through neo4j-driver in this process. Every request
 * has a deadline: an HTTP request is aborted, a raw query runs with a Neo4j transaction timeout.
 */
import fs from 'node:fs';
import neo4j, { Driver } from 'neo4j-driver';
import type { Side } from './compare';
import type { Shape, Vars } from './shapes';

export class RequestTimeout extends Error {
  override name = 'RequestTimeout';
}

export interface SideClient {
  side: Side;
  /** Process whose RSS is sampled while this side is measured (none for raw: it runs in the bench). */
  pid?: number;
  supports(shape: Shape): boolean;
  /** The answer (GraphQL `data` or Cypher rows); throws on an error answer or RequestTimeout. */
  send(shape: Shape, vars: Vars, timeoutMs: number): Promise<unknown>;
}

interface GraphQLAnswer {
  data?: unknown;
  errors?: { message: string }[];
  extensions?: { stats?: { cypherQueries?: number; dbTimeMs?: number } };
}

export async function postGraphQL(url: string, query: string, variables: Vars, timeoutMs: number, headers: Record<string, string> = {}): Promise<GraphQLAnswer> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    if ((err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError') throw new RequestTimeout(`no answer in ${timeoutMs} ms`);
    throw err;
  }
  let body: GraphQLAnswer;
  try {
    body = (await res.json()) as GraphQLAnswer;
  } catch (err) {
    if ((err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError') throw new RequestTimeout(`no answer in ${timeoutMs} ms`);
    throw new Error(`HTTP ${res.status}: not JSON`, { cause: err });
  }
  if (body.errors?.length) {
    const msg = body.errors.map((e) => e.message).join('; ');
    if (/timeout|timed out|terminated/i.test(msg)) throw new RequestTimeout(msg.slice(0, 200));
    throw new Error(`HTTP ${res.status}: ${msg.slice(0, 500)}`);
  }
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return body;
}

export function graphqlSide(side: 'tradegraph' | 'peer', url: string, pid?: number): SideClient {
  return {
    side,
    pid,
    supports: (shape) => (side === 'peer' ? shape.peer !== undefined : true),
    send: async (shape, vars, timeoutMs) => (await postGraphQL(url, side === 'peer' ? shape.peer! : shape.tg, vars, timeoutMs)).data,
  };
}

/** Cypher queries one tradegraph request runs, from `extensions.stats` (x-tradegraph-stats: 1). */
export async function tradegraphCypherCount(url: string, shape: Shape, vars: Vars, timeoutMs: number): Promise<{ queries: number | null; dbTimeMs: number | null }> {
  const body = await postGraphQL(url, shape.tg, vars, timeoutMs, { 'x-tradegraph-stats': '1' });
  return { queries: body.extensions?.stats?.cypherQueries ?? null, dbTimeMs: body.extensions?.stats?.dbTimeMs ?? null };
}

export function rawSide(driver: Driver, database: string): SideClient {
  return {
    side: 'raw',
    supports: (shape) => shape.raw !== undefined,
    send: async (shape, vars, timeoutMs) => {
      const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
      try {
        const work = session.executeRead(async (tx) => (await tx.run(shape.raw!, vars)).records.map((r) => r.toObject()), { timeout: timeoutMs });
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new RequestTimeout(`no answer in ${timeoutMs} ms`)), timeoutMs + 1000);
        });
        try {
          return await Promise.race([work, deadline]);
        } catch (err) {
          if (/timeout|terminated/i.test((err as Error).message)) throw new RequestTimeout((err as Error).message.slice(0, 200));
          throw err;
        } finally {
          clearTimeout(timer);
        }
      } finally {
        await session.close();
      }
    },
  };
}

/** Resident set size of a process in MB (Linux /proc), null when unreadable. */
export function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}
