/**
 * Relay connections: `edges { cursor node }`, a `nodes` shortcut, `pageInfo` and `totalCount`.
 *
 * `connectionType(Company, 'Company')` makes `CompanyConnection` and `CompanyEdge` (once per name).
 * `toConnection` turns the rows of a paginated named query (page size + 1 rows in scan order,
 * each with `node` and `key`) into a connection value: it trims the extra row, restores the
 * requested order when paging backwards and derives hasNext/hasPrevious.
 */
import { Field, Int, ObjectType } from 'type-graphql';
import { encodeCursor, SortKey } from './cursor';
import type { Page } from './page';

@ObjectType('PageInfo', { simpleResolvers: true, description: 'Where a page sits in the whole list (Relay).' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface EdgeValue<T> {
  cursor: string;
  node: T;
}

export interface ConnectionValue<T> {
  edges: EdgeValue<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number | null;
}

const made = new Map<string, Function>();

export function connectionType(nodeType: Function, name: string): Function {
  const existing = made.get(name);
  if (existing) return existing;

  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field({ description: 'Opaque keyset cursor of this item; pass it as `after` or `before`.' })
    cursor!: string;

    @Field(() => nodeType)
    node!: unknown;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${name} items (Relay connection).` })
  class Connection {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [nodeType], { description: 'The nodes of `edges`, for clients that need no cursors.' })
    nodes!: unknown[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items in the whole list (counted, never collected).' })
    totalCount!: number;
  }

  made.set(name, Connection);
  return Connection;
}

export interface PageRow<T> {
  node: T;
  key: SortKey;
}

export function toConnection<T>(rows: PageRow<T>[], page: Page, totalCount: number | null = null): ConnectionValue<T> {
  const more = rows.length > page.size;
  const slice = more ? rows.slice(0, page.size) : rows.slice();
  if (page.backward) slice.reverse();
  const edges = slice.map((r) => ({ cursor: encodeCursor(page.sort, r.key), node: r.node }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      // Relay allows "true if cheap to know": the side we came from has at least the cursor's own item.
      hasNextPage: page.backward ? page.hasBefore : more,
      hasPreviousPage: page.backward ? more : page.hasAfter,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount,
  };
}
