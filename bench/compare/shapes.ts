/**
 * The query set: each shape has tradegraph's operation, the peer's operation, one hand-written
 * Cypher query (all in bench/compare/queries/), the parameter sets it runs with, and one
 * normalizer per side that turns its answer into the same canonical form (checked identical
 * before any timing). The example operations of operations/ run on tradegraph only (no peer or
 * raw equivalents are written for them).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ids, Scale } from '../generate';
import { money, sortById, uniqueById } from './compare';

type Json = any;
export type Vars = Record<string, unknown>;

export interface Shape {
  name: string;
  title: string;
  tg: string;
  peer?: string;
  raw?: string;
  variants: Vars[];
  norm?: { tg(data: Json): unknown; peer(data: Json): unknown; raw(rows: Json[]): unknown };
}

export function projectRoot(from = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

const QUERIES = path.join(projectRoot(), 'bench', 'compare', 'queries');
const read = (file: string) => fs.readFileSync(path.join(QUERIES, file), 'utf8');

const flowList = (list: Json[]) => list.map((f) => ({ id: f.id, value: money(f.value) }));

/** Parameter sets spread over the synthetic ids (deterministic), `n` of each. */
function spread<T>(n: number, make: (i: number) => T): T[] {
  return Array.from({ length: n }, (_, i) => make(i));
}

export function shapes(scale: Scale, variants: number): Shape[] {
  const chapters = Math.min(97, scale.products);
  const chapter = (i: number) => 1 + ((i * 17) % chapters);
  const two = (n: number) => String(n).padStart(2, '0');
  return [
    {
      name: 'company-page',
      title: 'first 50 companies by name, each with its first 10 flows',
      tg: read('company-page.tg.graphql'),
      peer: read('company-page.peer.graphql'),
      raw: read('company-page.cypher'),
      variants: [{}],
      norm: {
        tg: (d) => d.companies.nodes.map((c: Json) => ({ id: c.key, name: c.name, flows: flowList(c.tradeFlows.nodes.map((f: Json) => ({ id: f.key, value: f.value }))) })),
        peer: (d) => d.companies.map((c: Json) => ({ id: c.id, name: c.name, flows: flowList(c.flowsConnection.edges.map((e: Json) => e.node)) })),
        raw: (rows) => rows.map((r) => ({ id: r.id, name: r.name, flows: flowList(r.flows) })),
      },
    },
    {
      name: 'heading-exporters',
      title: 'exporters of an HS heading to one destination, with counts and totals',
      tg: read('heading-exporters.tg.graphql'),
      peer: read('heading-exporters.peer.graphql'),
      raw: read('heading-exporters.cypher'),
      variants: spread(variants, (i) => ({ heading: `hs9999:${two(chapter(i))}00`, dest: ids.region((i * 37) % scale.regions) })),
      norm: {
        tg: (d) => sortById(d.tradeTotals.map((t: Json) => ({ id: t.key, name: t.label, flows: t.flows, value: money(t.value) }))),
        peer: (d) =>
          sortById(d.companies.map((c: Json) => ({ id: c.id, name: c.name, flows: c.flowsConnection.aggregate.count.nodes, value: money(c.flowsConnection.aggregate.node.value.sum) }))),
        raw: (rows) => sortById(rows.map((r) => ({ id: r.id, name: r.name, flows: r.flows, value: money(r.value) }))),
      },
    },
    {
      name: 'product-traders',
      title: "product -> flows -> trader -> trader's flows (10, then 5 each)",
      tg: read('product-traders.tg.graphql'),
      peer: read('product-traders.peer.graphql'),
      raw: read('product-traders.cypher'),
      variants: spread(variants, (i) => ({ product: ids.product((i * 1237) % scale.products) })),
      norm: {
        tg: (d) => ({
          id: d.product.key,
          flows: d.product.tradeFlows.nodes.map((f: Json) => ({
            id: f.key,
            value: money(f.value),
            trader: { id: f.trader.key, name: f.trader.name, flows: flowList(f.trader.tradeFlows.nodes.map((g: Json) => ({ id: g.key, value: g.value }))) },
          })),
        }),
        peer: (d) => ({
          id: d.products[0].id,
          flows: d.products[0].flowsConnection.edges.map(({ node: f }: Json) => ({
            id: f.id,
            value: money(f.value),
            trader: { id: f.trader.id, name: f.trader.name, flows: flowList(f.trader.flowsConnection.edges.map((e: Json) => e.node)) },
          })),
        }),
        raw: (rows) => ({
          id: rows[0].id,
          flows: rows[0].flows.map((f: Json) => ({ id: f.id, value: money(f.value), trader: { id: f.trader.id, name: f.trader.name, flows: flowList(f.trader.flows) } })),
        }),
      },
    },
    {
      name: 'flow-by-id',
      title: 'one flow by id with trader, product, destination, excerpts, sources',
      tg: read('flow-by-id.tg.graphql'),
      peer: read('flow-by-id.peer.graphql'),
      raw: read('flow-by-id.cypher'),
      variants: spread(variants, (i) => ({ flow: ids.flow((i * 7919) % scale.flows) })),
      norm: {
        tg: (d) => {
          const f = d.tradeFlow;
          return {
            id: f.key, direction: f.direction, periodStart: f.periodStart, value: money(f.value), currency: f.currency,
            trader: { id: f.trader.key, name: f.trader.name }, product: { id: f.product.key, name: f.product.name }, to: { id: f.to.key, name: f.to.name },
            excerpts: sortById(f.excerpts.map((e: Json) => ({ id: e.key, text: e.text }))),
            sources: sortById(f.sources.map((s: Json) => ({ id: s.key, title: s.title }))),
          };
        },
        peer: (d) => {
          const f = d.tradeFlows[0];
          return {
            id: f.id, direction: f.direction, periodStart: f.periodStart, value: money(f.value), currency: f.currency,
            trader: f.trader, product: f.product, to: f.to,
            excerpts: sortById(f.excerpts.map((e: Json) => ({ id: e.id, text: e.text }))),
            sources: uniqueById(f.excerpts.map((e: Json) => e.source)),
          };
        },
        raw: (rows) => {
          const f = rows[0];
          return { ...f, value: money(f.value), excerpts: sortById(f.excerpts), sources: sortById(f.sources) };
        },
      },
    },
    {
      name: 'chapter-destinations',
      title: 'export value per destination for one HS chapter',
      tg: read('chapter-destinations.tg.graphql'),
      peer: read('chapter-destinations.peer.graphql'),
      raw: read('chapter-destinations.cypher'),
      variants: spread(variants, (i) => ({ chapter: `hs9999:${two(chapter(i + 3))}` })),
      norm: {
        tg: (d) => sortById(d.tradeTotals.map((t: Json) => ({ id: t.key, name: t.label, flows: t.flows, value: money(t.value) }))),
        peer: (d) =>
          sortById(d.regions.map((r: Json) => ({ id: r.id, name: r.name, flows: r.flowsInConnection.aggregate.count.nodes, value: money(r.flowsInConnection.aggregate.node.value.sum) }))),
        raw: (rows) => sortById(rows.map((r) => ({ id: r.id, name: r.name, flows: r.flows, value: money(r.value) }))),
      },
    },
  ];
}

/** The example operations (operations/*.graphql with their variables): tradegraph only. */
export function exampleOperations(): Shape[] {
  const dir = path.join(projectRoot(), 'operations');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const varsFile = path.join(dir, file.replace(/\.graphql$/, '.variables.json'));
      const vars = fs.existsSync(varsFile) ? (JSON.parse(fs.readFileSync(varsFile, 'utf8')) as Vars) : {};
      const name = file.replace(/\.graphql$/, '');
      return { name: `op:${name}`, title: `operations/${file}`, tg: fs.readFileSync(path.join(dir, file), 'utf8'), variants: [vars] };
    });
}
