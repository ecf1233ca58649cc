/**
 * Relay pagination arguments (`first/after`, `last/before`) turned into keyset parameters for Cypher.
 *
 * Every paginated named query takes the same four parameters:
 *   $gt, $lt  lists or null: only rows whose sort key is greater / smaller (list comparison)
 *   $desc     scan the order descending (the requested direction, flipped when paging backwards)
 *   $limit    page size + 1: the extra row tells whether another page exists
 * and returns rows with a `key` list (sort values then id) from which cursors are made.
 */
import neo4j, { Integer } from 'neo4j-driver';
import { ArgsType, Field, Int, registerEnumType } from 'type-graphql';
import { pageSize } from '../args';
import { badUserInput } from './bad-input';
import { decodeCursor, SortKey } from './cursor';

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'Ascending or descending order.' });

export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Forward paging: at most this many items (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Forward paging: items after this cursor.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Backward paging: at most this many items, ending before `before`.' })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Backward paging: items before this cursor.' })
  before?: string | null;
}

export interface PageSpec {
  sort: string;
  direction: SortDirection;
  /** Number of values in the sort key, including the trailing id. */
  keyLength: number;
  maxPageSize: number;
}

export interface Page {
  sort: string;
  size: number;
  backward: boolean;
  hasAfter: boolean;
  hasBefore: boolean;
  params: { gt: SortKey | null; lt: SortKey | null; desc: boolean; limit: Integer };
}

export function toPage(args: PageArgs, spec: PageSpec): Page {
  const { first, last, after, before } = args;
  if (first != null && last != null) throw badUserInput('Pass either `first` or `last`, not both');
  for (const [name, n] of [['first', first], ['last', last]] as const) if (n != null) pageSize(name, n, spec.maxPageSize);
  const backward = last != null || (first == null && before != null && after == null);
  const size = (backward ? last : first) ?? DEFAULT_PAGE_SIZE;
  const afterKey = after != null ? decodeCursor(after, spec.sort, spec.keyLength) : null;
  const beforeKey = before != null ? decodeCursor(before, spec.sort, spec.keyLength) : null;
  const descending = spec.direction === SortDirection.DESC;
  return {
    sort: spec.sort,
    size,
    backward,
    hasAfter: afterKey !== null,
    hasBefore: beforeKey !== null,
    params: {
      // In a descending order, "after" a cursor means a smaller key.
      gt: descending ? beforeKey : afterKey,
      lt: descending ? afterKey : beforeKey,
      desc: descending !== backward,
      limit: neo4j.int(size + 1),
    },
  };
}
