/**
 * Connections over named paginated queries (see cypher/queries/<kind>/page.cypher and the nested
 * per-parent variants): argument checks, keyset parameters, count only when `totalCount` is asked.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Node as Neo4jNode } from 'neo4j-driver';
import type { RequestContext } from '../../graphql/context';
import { loadRelationRow, QueryRef, runNamed } from '../../graphql/loaders';
import { ConnectionValue, toConnection } from '../../graphql/relay/connection';
import type { SortKey } from '../../graphql/relay/cursor';
import { PageArgs, SortDirection, toPage } from '../../graphql/relay/page';
import { selects } from '../../graphql/relay/selection';
import type { Params } from '../../neo4j/database';
import { Look, lookAhead, Near, Neighbours, primeNear } from './look-ahead';
import { entityOf } from './selected-properties';
import type { EntityValue } from './to-value';

export interface PageResultRow {
  total: number | null;
  /** A node whole, or projected to the request's properties (selected-properties.ts). */
  page: { node: Neo4jNode | unknown[]; key: SortKey; near?: Near }[];
}

export interface SortSpec {
  sort: string;
  direction?: SortDirection | null;
}

function pageFor(ctx: RequestContext, args: PageArgs, spec: SortSpec) {
  return toPage(args, {
    sort: spec.sort,
    direction: spec.direction ?? SortDirection.ASC,
    keyLength: 2,
    maxPageSize: ctx.config.graphql.maxPageSize,
  });
}

function connectionOf(ctx: RequestContext, row: PageResultRow | undefined, page: ReturnType<typeof toPage>, withCount: boolean, near?: (node: EntityValue, r: PageResultRow['page'][number]) => void): ConnectionValue<EntityValue> {
  const rows = (row?.page ?? []).map((r) => {
    const node = entityOf(ctx, r.node);
    near?.(node, r);
    return { node, key: r.key };
  });
  return toConnection(rows, page, withCount ? (row?.total ?? 0) : null);
}

/** The page and count parameters of `args`, the rows `fetch` returns for them, as a connection. */
async function connection(
  ctx: RequestContext,
  info: GraphQLResolveInfo,
  args: PageArgs,
  spec: SortSpec,
  fetch: (params: Params) => Promise<PageResultRow | undefined>,
): Promise<ConnectionValue<EntityValue>> {
  const page = pageFor(ctx, args, spec);
  const withCount = selects(info, 'totalCount');
  const row = await fetch({ ...page.params, sort: page.sort, withCount });
  return connectionOf(ctx, row, page, withCount);
}

/** A root connection: one named query returns the page (and the count when `totalCount` is selected). */
export function rootConnection(ctx: RequestContext, info: GraphQLResolveInfo, query: QueryRef, params: Params, args: PageArgs, spec: SortSpec) {
  return connection(ctx, info, args, spec, async (paging) => (await runNamed<PageResultRow>(ctx, query, { ...params, ...paging }))[0]);
}

/** A nested page's query and the loader arguments of one parent's page (what `nestedConnection` loads). */
export interface NestedPageRequest {
  query: string;
  /** The loader's arguments (parameters, `$look`, paging): the loader of (query, args) holds the parent's row. */
  args: Params;
  /** The page the arguments ask for (its size, sort and bounds), to build the connection from the row. */
  page: ReturnType<typeof pageFor>;
}

/** The query and loader arguments `nestedConnection` uses for these field arguments (throws as it would on bad ones). */
export function nestedPageRequest(
  ctx: RequestContext,
  info: GraphQLResolveInfo,
  query: string,
  params: Params,
  args: PageArgs,
  spec: SortSpec,
  neighbours?: Neighbours,
): NestedPageRequest {
  const page = pageFor(ctx, args, spec);
  const look = neighbours ? { look: lookAhead(info, neighbours, 'connection') } : {};
  return { query, args: { ...params, ...look, ...page.params, sort: page.sort, withCount: selects(info, 'totalCount') }, page };
}

/**
 * A nested connection: per-parent pages of one batched query (one round trip for all parents).
 * With `neighbours`, the query also returns what the selection asks for under each node (its
 * `$look`), and the neighbours' loaders are primed (look-ahead.ts). A lookup of the parent may have
 * loaded the page already, with the parent (with-parent.ts): the loader then holds it.
 */
export async function nestedConnection(
  ctx: RequestContext,
  info: GraphQLResolveInfo,
  query: string,
  parentKey: string,
  params: Params,
  args: PageArgs,
  spec: SortSpec,
  neighbours?: Neighbours,
): Promise<ConnectionValue<EntityValue>> {
  const request = nestedPageRequest(ctx, info, query, params, args, spec, neighbours);
  const row = await loadRelationRow<PageResultRow & { parentId: string }>(ctx, query, parentKey, request.args);
  const look = request.args.look as Look | undefined;
  const prime = neighbours && look ? (node: EntityValue, r: PageResultRow['page'][number]) => primeNear(ctx, neighbours, look, node.key, r.near) : undefined;
  return connectionOf(ctx, row, request.page, request.args.withCount === true, prime);
}
