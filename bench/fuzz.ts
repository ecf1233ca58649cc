/**
 * A schema-driven fuzzer for a running server (loopback only): valid and invalid operations built
 * from the SDL, injection strings in every String argument, and malformed HTTP. It counts what a
 * production service must never answer (HTTP 500, a stack trace, an HTML page, a hang) and checks
 * that the graph is unchanged afterwards (root totalCounts before and after).
 *
 *   node dist/bench/fuzz.js --url http://127.0.0.1:4103/graphql --requests 10000 --concurrency 8 --seed 1
 *
 * Deterministic for a given --seed. Exit code 1 when any 500, stack trace, HTML page or hang was seen.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import {
  buildSchema,
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { PROJECT_ROOT } from '../src/neo4j/queries';
import { prng } from './generate';


export const INJECTIONS = [
  "' OR 1=1 //",
  '"}) MATCH (n) DETACH DELETE n RETURN 1 //',
  '` MATCH (n) DETACH DELETE n //',
  '}) CALL db.labels() YIELD label RETURN label //',
  '$ids',
  '\u0000',
  '\ud800',
  '%00%27',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '{{7*7}}',
  'a'.repeat(10_000),
  '重庆 长安 ' + '汽车'.repeat(200),
  '\\',
  '*',
  '.*',
  '~',
  'AND 1=1',
];

/** Plausible ids and words from the seed, so that valid queries also find things. */
const WORDS = ['company:changan-automobile', 'market:asean', 'gb:500000', 'region:chongqing', 'product:motorcycles', 'THA', '8711', 'hs2022', 'motorcycle', 'Chongqing', '长安', 'export-value-growth'];

interface Case {
  kind: string;
  init: RequestInit;
  query?: string;
}

class Generator {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rand: () => number,
  ) {}

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rand() * xs.length)]!;
  }

  chance(p: number): boolean {
    return this.rand() < p;
  }

  /** A literal for an input type; `valid` false makes some of them wrong on purpose. */
  value(type: GraphQLInputType, valid: boolean, depth = 0): unknown {
    if (isNonNullType(type)) return !valid && this.chance(0.3) ? null : this.value(type.ofType, valid, depth);
    if (!valid && this.chance(0.15)) return this.pick([null, 2 ** 40, -1, 'not-a-number', 1.5, true, [], {}, '']);
    if (isListType(type)) return Array.from({ length: Math.floor(this.rand() * 3) }, () => this.value(type.ofType, valid, depth + 1));
    if (isEnumType(type)) return !valid && this.chance(0.3) ? 'NOT_A_VALUE' : this.pick(type.getValues()).value;
    if (isInputObjectType(type)) {
      if (depth > 2) return {};
      const out: Record<string, unknown> = {};
      for (const f of Object.values(type.getFields())) if (isNonNullType(f.type) || this.chance(0.4)) out[f.name] = this.value(f.type, valid, depth + 1);
      if (!valid && this.chance(0.2)) out.notAField = 1;
      return out;
    }
    if (isScalarType(type)) {
      switch (type.name) {
        case 'Int':
          return this.pick([0, 1, 2, 5, 10, 20, 100, 500, 501, -1, 3]);
        case 'Float':
          return this.pick([0, 1.5, -3, 1e9, 2024]);
        case 'Boolean':
          return this.chance(0.5);
        default:
          return this.chance(0.5) ? this.pick(INJECTIONS) : this.pick(WORDS);
      }
    }
    return null;
  }

  /** A selection set for a type: some leaves, some nested fields, fragments on abstract types. */
  selection(type: GraphQLNamedType, depth: number): string {
    if (isLeafType(type)) return '';
    if (isUnionType(type) || isInterfaceType(type)) {
      const possible = this.schema.getPossibleTypes(type);
      const frag = this.pick(possible);
      return `{ __typename ... on ${frag.name} ${this.selection(frag, depth)} }`;
    }
    if (!isObjectType(type)) return '';
    const fields = Object.values(type.getFields());
    const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)));
    const nested = fields.filter((f) => !isLeafType(getNamedType(f.type)));
    const parts = new Set<string>(['__typename']);
    for (let i = 0; i < 1 + Math.floor(this.rand() * 3) && leaves.length; i++) parts.add(this.pick(leaves).name);
    if (depth < 3 && nested.length && this.chance(0.6)) {
      const f = this.pick(nested);
      const sub = this.selection(getNamedType(f.type), depth + 1);
      if (sub) parts.add(`${f.name}${this.args(f.args, true, [])} ${sub}`);
    }
    return `{ ${[...parts].join(' ')} }`;
  }

  /** Arguments inline, or as variables (collected into `vars`) so that coercion is exercised. */
  args(args: readonly GraphQLArgument[], valid: boolean, vars: { name: string; type: string; value: unknown }[]): string {
    const chosen = args.filter((a) => (isNonNullType(a.type) && a.defaultValue === undefined) || this.chance(0.4));
    if (chosen.length === 0) return '';
    const parts = chosen.map((a) => {
      const value = this.value(a.type, valid);
      if (this.chance(0.5)) {
        const name = `v${vars.length}`;
        vars.push({ name, type: String(a.type), value });
        return `${a.name}: $${name}`;
      }
      return `${a.name}: ${literal(value)}`;
    });
    return `(${parts.join(', ')})`;
  }

  operation(valid: boolean): { query: string; variables: Record<string, unknown> } {
    const root = this.schema.getQueryType()!;
    const fields = Object.values(root.getFields()) as GraphQLField<unknown, unknown>[];
    const vars: { name: string; type: string; value: unknown }[] = [];
    const selections: string[] = [];
    for (let i = 0; i < 1 + Math.floor(this.rand() * 2); i++) {
      const f = this.pick(fields);
      selections.push(`f${i}: ${f.name}${this.args(f.args, valid, vars)} ${this.selection(getNamedType(f.type), 1)}`);
    }
    const defs = vars.length ? `(${vars.map((v) => `$${v.name}: ${v.type}`).join(', ')})` : '';
    let query = `query Fuzz${defs} { ${selections.join(' ')} }`;
    if (!valid && this.chance(0.25)) query = this.pick([query.slice(0, Math.floor(query.length * this.rand())), query.replace('{', '{ notAField '), query + ' }', query.replace('query Fuzz', 'mutation Fuzz'), `${'{ a: serviceInfo '.repeat(30)}${'}'.repeat(30)}`]);
    return { query, variables: Object.fromEntries(vars.map((v) => [v.name, v.value])) };
  }

  malformedHttp(): Case {
    const json = { 'content-type': 'application/json' };
    const cases: Case[] = [
      { kind: 'bad-json', init: { method: 'POST', headers: json, body: '{"query": "{ __typename ' } },
      { kind: 'empty-body', init: { method: 'POST', headers: json, body: '' } },
      { kind: 'array-body', init: { method: 'POST', headers: json, body: '[{"query":"{ __typename }"}]' } },
      { kind: 'query-number', init: { method: 'POST', headers: json, body: '{"query": 42}' } },
      { kind: 'variables-string', init: { method: 'POST', headers: json, body: '{"query":"{ __typename }","variables":"{}"}' } },
      { kind: 'huge-body', init: { method: 'POST', headers: json, body: JSON.stringify({ query: '{ __typename }', pad: 'x'.repeat(1_200_000) }) } },
      { kind: 'latin1', init: { method: 'POST', headers: { 'content-type': 'application/json; charset=latin1' }, body: '{"query":"{ __typename }"}' } },
      { kind: 'text-plain', init: { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}' } },
      { kind: 'form', init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B__typename%7D' } },
      { kind: 'no-content-type', init: { method: 'POST', body: '{"query":"{ __typename }"}' } },
      { kind: 'bad-utf8', init: { method: 'POST', headers: json, body: Buffer.from([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) } },
      { kind: 'put', init: { method: 'PUT', headers: json, body: '{"query":"{ __typename }"}' } },
      { kind: 'delete', init: { method: 'DELETE' } },
      { kind: 'accept-xml', init: { method: 'POST', headers: { ...json, accept: 'application/xml' }, body: '{"query":"{ __typename }"}' } },
      { kind: 'extensions-string', init: { method: 'POST', headers: json, body: '{"query":"{ __typename }","extensions":"x"}' } },
      { kind: 'persisted-unknown', init: { method: 'POST', headers: json, body: '{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"abc"}}}' } },
      { kind: 'deep-json', init: { method: 'POST', headers: json, body: '{"query":"{ __typename }","variables":' + '{"a":'.repeat(5000) + '1' + '}'.repeat(5001) } },
    ];
    return this.pick(cases);
  }

  next(): Case {
    const r = this.rand();
    const accept = this.pick(['application/graphql-response+json, application/json;q=0.9', 'application/json', '*/*', undefined]);
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(accept ? { accept } : {}) };
    if (r < 0.1) return this.malformedHttp();
    if (r < 0.15) {
      const { query, variables } = this.operation(this.chance(0.5));
      const url = `?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
      return { kind: 'get', init: { method: 'GET', headers: accept ? { accept } : {} }, query: url };
    }
    const valid = r < 0.55;
    const { query, variables } = this.operation(valid);
    return { kind: valid ? 'valid' : 'invalid', init: { method: 'POST', headers, body: JSON.stringify({ query, variables }) } };
  }
}

function literal(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(literal).join(', ')}]`;
  if (typeof v === 'object') return `{ ${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${literal(x)}`).join(', ')} }`;
  if (typeof v === 'string') return /^[A-Z][A-Z0-9_]*$/.test(v) ? v : JSON.stringify(v);
  return String(v);
}

const STACK = /"stacktrace"|\bat [\w$.<>]+ \(.*:\d+:\d+\)|\.(ts|js):\d+:\d+/;

export interface FuzzReport {
  requests: number;
  byStatus: Record<string, number>;
  byKind: Record<string, number>;
  byCode: Record<string, number>;
  status500: number;
  stackTraces: number;
  html: number;
  hangs: number;
  slowestMs: number;
  samples: string[];
}

const COUNTS_QUERY = '{ companies { totalCount } products { totalCount } regions { totalCount } markets { totalCount } policies { totalCount } tradeFlows { totalCount } figures { totalCount } sources { totalCount } facts { totalCount } }';

/** The graph's root totals (retried: a cold server on a loaded machine may miss its deadline once). */
async function graphCounts(url: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: COUNTS_QUERY }) });
    const json = (await res.json()) as { data?: unknown; errors?: unknown[] };
    if (json.data && !json.errors) return JSON.stringify(json.data);
    if (attempt === 5) throw new Error(`cannot count the graph: ${JSON.stringify(json.errors).slice(0, 300)}`);
  }
}

export async function fuzz(url: string, requests: number, concurrency: number, seed: number, timeoutMs: number): Promise<FuzzReport> {
  const schema = buildSchema(fs.readFileSync(path.join(PROJECT_ROOT, 'schema', 'schema.graphql'), 'utf8'));
  const gen = new Generator(schema, prng(seed));
  const cases = Array.from({ length: requests }, () => gen.next());
  const report: FuzzReport = { requests, byStatus: {}, byKind: {}, byCode: {}, status500: 0, stackTraces: 0, html: 0, hangs: 0, slowestMs: 0, samples: [] };
  const bump = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);
  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < cases.length) {
      const c = cases[nextIndex++]!;
      bump(report.byKind, c.kind);
      const began = Date.now();
      try {
        const res = await fetch(c.kind === 'get' ? url + c.query : url, { ...c.init, signal: AbortSignal.timeout(timeoutMs) });
        const text = await res.text();
        report.slowestMs = Math.max(report.slowestMs, Date.now() - began);
        bump(report.byStatus, String(res.status));
        for (const m of text.matchAll(/"code":"([A-Z_]+)"/g)) bump(report.byCode, m[1]!);
        const bad = res.status >= 500 && res.status !== 503 && res.status !== 504 ? 'status ' + res.status : STACK.test(text) ? 'stack trace' : /<html|<!DOCTYPE/i.test(text) ? 'html' : undefined;
        if (res.status === 500) report.status500 += 1;
        if (STACK.test(text)) report.stackTraces += 1;
        if (/<html|<!DOCTYPE/i.test(text)) report.html += 1;
        if (bad && report.samples.length < 10) report.samples.push(`${bad} (${c.kind}): ${String(c.init.body ?? c.query).slice(0, 200)} -> ${text.slice(0, 200)}`);
      } catch (err) {
        if ((err as Error).name === 'TimeoutError') report.hangs += 1;
        bump(report.byStatus, 'network error: ' + ((err as Error).cause as Error | undefined)?.message?.slice(0, 40) || (err as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return report;
}

async function main(): Promise<void> {
  const program = new Command()
    .requiredOption('--url <url>', 'GraphQL endpoint, e.g. http://127.0.0.1:4103/graphql')
    .option('--requests <n>', 'requests to send', (v) => Number(v), 10_000)
    .option('--concurrency <n>', 'requests in flight', (v) => Number(v), 8)
    .option('--seed <n>', 'PRNG seed (same seed, same requests)', (v) => Number(v), 1)
    .option('--timeout <ms>', 'a request slower than this counts as a hang', (v) => Number(v), 30_000)
    .parse();
  const o = program.opts<{ url: string; requests: number; concurrency: number; seed: number; timeout: number }>();
  const before = await graphCounts(o.url);
  const began = Date.now();
  const r = await fuzz(o.url, o.requests, o.concurrency, o.seed, o.timeout);
  const after = await graphCounts(o.url);
  const unchanged = before === after;
  process.stdout.write(
    [
      `## Fuzz: ${r.requests} requests, seed ${o.seed}, ${o.concurrency} in flight, ${((Date.now() - began) / 1000).toFixed(0)} s`,
      '',
      `| HTTP 500 | stack traces | HTML pages | hangs (> ${o.timeout} ms) | slowest | graph unchanged |`,
      '|---|---|---|---|---|---|',
      `| ${r.status500} | ${r.stackTraces} | ${r.html} | ${r.hangs} | ${r.slowestMs} ms | ${unchanged ? 'yes' : 'NO'} |`,
      '',
      `by kind: ${JSON.stringify(r.byKind)}`,
      `by status: ${JSON.stringify(r.byStatus)}`,
      `by code: ${JSON.stringify(r.byCode)}`,
      ...(r.samples.length ? ['', 'samples:', ...r.samples.map((s) => `- ${s}`)] : []),
      '',
    ].join('\n'),
  );
  if (!unchanged) process.stdout.write(`before: ${before}\nafter:  ${after}\n`);
  process.exitCode = r.status500 + r.stackTraces + r.html + r.hangs > 0 || !unchanged ? 1 : 0;
}

if (require.main === module) void main();
