/**
 * Linkage: search, neighbourhoods and paths over the whole graph, as drawable nodes and edges.
 * Every bound is checked before a query runs (limits.ts); every query is a named .cypher file.
 */
import neo4j, { Node as Neo4jNode } from 'neo4j-driver';
import type { RequestContext } from '../../graphql/context';
import { loadRelation, runNamed } from '../../graphql/loaders';
import { badUserInput } from '../../graphql/relay/bad-input';
import { globalId, graphIdOf } from '../../graphql/relay/global-id';
import { intSlot } from '../../neo4j/queries';
import type { NodeRow } from '../shared/load';
import { EntityKind, kindOfLabels, LABEL_OF_KIND, PROVENANCE_KINDS, SEARCHABLE_KINDS } from './entity-kind';
import type { GraphPath, SearchHit, Subgraph } from './graph.types';
import { EdgeRow, toGraphEdge, toGraphNode } from './graph-values';
import { boundedInt } from '../../graphql/args';
import { NEIGHBOURHOOD_MAX_HOPS, nodeLabels, PATH_MAX_COUNT, PATH_MAX_HOPS, relationshipTypes } from './limits';
import { luceneQueries, tokenize } from './lucene';
import { mergeSearchHits, NameRow, TextRow } from './search-hits';

/** The node an argument names (global id or raw key); BAD_USER_INPUT when there is none. */
export async function resolveEntity(ctx: RequestContext, id: string, argumentName = 'id'): Promise<Neo4jNode> {
  const key = graphIdOf(id);
  const row = (await loadRelation<NodeRow>(ctx, 'node/by-ids', key))[0];
  if (!row) throw badUserInput(`There is no entity with key ${JSON.stringify(key)}`, { argumentName });
  return row.node;
}

function startsAtProvenance(node: Neo4jNode): boolean {
  const kind = kindOfLabels(node.labels);
  return kind !== undefined && PROVENANCE_KINDS.includes(kind);
}

export interface SearchArgs {
  text: string;
  kinds?: EntityKind[] | null;
  first: number;
}

/** Index hits read from `source_text` per hit asked for: room for hits of kinds filtered out. */
const TEXT_HITS_PER_HIT = 3;

/**
 * Names and what sources say, in one ranked list (search-hits.ts). Every word must match first; only
 * when neither index has a node with every word does any word do (a typo too far, an extra word).
 */
export async function search(ctx: RequestContext, args: SearchArgs): Promise<SearchHit[]> {
  const first = boundedInt('first', args.first, 1, ctx.config.graphql.maxPageSize);
  const kinds = args.kinds && args.kinds.length > 0 ? args.kinds : Object.values(EntityKind);
  const labels = new Set(kinds.map((k) => LABEL_OF_KIND[k]));
  const nameLabels = SEARCHABLE_KINDS.filter((k) => kinds.includes(k)).map((k) => LABEL_OF_KIND[k]);
  const names = luceneQueries(args.text);
  const passages = luceneQueries(args.text, 'passages');
  const textFirst = neo4j.int(Math.min(first * TEXT_HITS_PER_HIT, ctx.config.graphql.maxPageSize));
  const byName = (query: string) =>
    nameLabels.length === 0 ? Promise.resolve([]) : runNamed<NameRow>(ctx, 'linkage/search', { query, labels: nameLabels, first: neo4j.int(first) });
  const byText = (query: string) => runNamed<TextRow>(ctx, 'linkage/search-text', { query, first: textFirst });
  let [nameRows, textRows] = await Promise.all([byName(names.all), byText(passages.all)]);
  let hits = mergeSearchHits(nameRows, textRows, labels, tokenize(args.text), first);
  if (hits.length === 0 && (names.any !== names.all || passages.any !== passages.all)) {
    [nameRows, textRows] = await Promise.all([byName(names.any), byText(passages.any)]);
    hits = mergeSearchHits(nameRows, textRows, labels, tokenize(args.text), first);
  }
  // One hit per search and entity (see SearchHit.id): the same entity scores differently elsewhere.
  const searchKey = `${args.text}|${[...kinds].sort().join(',')}`;
  return hits.map((hit) => ({ ...hit, id: globalId('SearchHit', `${searchKey}|${hit.key}`) }));
}

export interface NeighbourhoodArgs {
  id: string;
  hops: number;
  limit: number;
  relationshipTypes?: string[] | null;
  labels?: EntityKind[] | null;
}

/** Edges drawn per node kept, at most: a hub's subgraph stays drawable. */
const EDGES_PER_NODE = 4;

/**
 * Breadth-first, one query per hop (a variable-length pattern would enumerate every path through a
 * hub), keeping at most `limit` nodes besides the start; then the edges among the kept nodes.
 */
export async function neighbourhood(ctx: RequestContext, args: NeighbourhoodArgs): Promise<Subgraph> {
  const hops = boundedInt('hops', args.hops, 1, NEIGHBOURHOOD_MAX_HOPS);
  const limit = boundedInt('limit', args.limit, 1, ctx.config.graphql.maxPageSize);
  const start = await resolveEntity(ctx, args.id);
  const types = relationshipTypes(args.relationshipTypes, startsAtProvenance(start));
  const labels = nodeLabels(args.labels);

  const kept: Neo4jNode[] = [start];
  const visited: Record<string, true> = { [start.elementId]: true };
  let frontier = [start.elementId];
  let truncated = false;
  for (let hop = 1; hop <= hops && frontier.length > 0 && !truncated; hop++) {
    const room = limit - (kept.length - 1);
    const rows = await runNamed<{ node: Neo4jNode }>(ctx, 'linkage/expand', { frontier, visited, types, labels, limit: neo4j.int(room + 1) });
    if (rows.length > room) truncated = true;
    const fresh = rows.slice(0, room).map((r) => r.node);
    for (const n of fresh) visited[n.elementId] = true;
    kept.push(...fresh);
    frontier = fresh.map((n) => n.elementId);
  }

  const maxEdges = EDGES_PER_NODE * kept.length;
  const edgeRows = await runNamed<EdgeRow>(ctx, 'linkage/edges-among', {
    nodes: kept.map((n) => n.elementId),
    members: visited,
    types,
    limit: neo4j.int(maxEdges + 1),
  });
  if (edgeRows.length > maxEdges) truncated = true;
  return { nodes: kept.map(toGraphNode), edges: edgeRows.slice(0, maxEdges).map(toGraphEdge), truncated };
}

export interface PathArgs {
  from: string;
  to: string;
  maxHops: number;
  relationshipTypes?: string[] | null;
  labels?: EntityKind[] | null;
}

interface PathRow {
  nodes: Neo4jNode[];
  edges: (EdgeRow & { attested: boolean })[];
  length: number;
}

interface RankedPath {
  path: GraphPath;
  attested: number;
  order: string;
}

function ranked(row: PathRow): RankedPath {
  const path = { length: row.length, nodes: row.nodes.map(toGraphNode), edges: row.edges.map(toGraphEdge) };
  return { path, attested: row.edges.filter((e) => e.attested).length, order: path.nodes.map((n) => n.key).join('\u0000') };
}

/** Shorter first; then the better attested (more hops stated by an excerpt); then by node keys, for a stable answer. */
function byRank(a: RankedPath, b: RankedPath): number {
  return a.path.length - b.path.length || b.attested - a.attested || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0);
}

type PathSearch = { kind: 'k-shortest'; k: number } | { kind: 'all-shortest'; limit: number };

/**
 * Paths between two entities, ranked (byRank); [] when they are not connected within maxHops.
 * `k-shortest`: the k shortest simple paths, of any lengths up to maxHops (allPaths).
 * `all-shortest`: candidates of the shortest length only, searched from both ends (shortestPath).
 */
async function findPaths(ctx: RequestContext, args: PathArgs, search: PathSearch): Promise<GraphPath[]> {
  const maxHops = boundedInt('maxHops', args.maxHops, 1, PATH_MAX_HOPS);
  const [a, b] = await Promise.all([resolveEntity(ctx, args.from, 'from'), resolveEntity(ctx, args.to, 'to')]);
  if (a.elementId === b.elementId) {
    return [{ length: 0, nodes: [toGraphNode(a)], edges: [] }];
  }
  const types = relationshipTypes(args.relationshipTypes, startsAtProvenance(a) || startsAtProvenance(b));
  const labels = nodeLabels(args.labels);
  const params = { from: a.elementId, to: b.elementId, types, labels };
  // A path length and a SHORTEST count cannot be parameters: they are rendered, as checked integers.
  const MAX_HOPS = intSlot('hop bound', maxHops, 1, PATH_MAX_HOPS);
  const rows =
    search.kind === 'k-shortest'
      ? await ctx.db.read<PathRow & Record<string, unknown>>(
          ctx.queries.render('linkage/paths', { MAX_HOPS, K: intSlot('path count', search.k, 1, PATH_MAX_COUNT) }),
          params,
        )
      : await ctx.db.read<PathRow & Record<string, unknown>>(ctx.queries.render('linkage/shortest-paths', { MAX_HOPS }), {
          ...params,
          limit: neo4j.int(search.limit),
        });
  return rows.map(ranked).sort(byRank).map((r) => r.path);
}

/** Candidates among which the single best path is chosen (equally short paths come in no order). */
const SHORTEST_CANDIDATES = 20;

/** The best-ranked shortest path, or null. */
export async function shortestPath(ctx: RequestContext, args: PathArgs): Promise<GraphPath | null> {
  return (await findPaths(ctx, args, { kind: 'all-shortest', limit: SHORTEST_CANDIDATES }))[0] ?? null;
}

/** The `first` shortest simple paths, shortest first. */
export async function allPaths(ctx: RequestContext, args: PathArgs, first: number): Promise<GraphPath[]> {
  return findPaths(ctx, args, { kind: 'k-shortest', k: boundedInt('first', first, 1, ctx.config.graphql.maxPageSize) });
}

/**
 * How X is connected to Y: the shortest path over the world's relationships (no type or label
 * filter, provenance not followed), the best attested among equally short ones; the resolver's
 * edges then carry each hop's excerpts and sources.
 */
export function howConnected(ctx: RequestContext, args: Omit<PathArgs, 'relationshipTypes' | 'labels'>): Promise<GraphPath | null> {
  return shortestPath(ctx, args);
}
