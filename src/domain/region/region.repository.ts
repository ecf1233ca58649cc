/**
 * Region queries: lists, lookups by code, hierarchy, memberships, partners.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../graphql/context';
import { runNamed } from '../../graphql/loaders';
import type { PageArgs, SortDirection } from '../../graphql/relay/page';
import { idArg, rootConnection, textArg } from '../shared/page';
import type { NameSort } from '../shared/sort';
import { NodeRow } from '../shared/load';
import { EntityValue, toValue } from '../shared/to-value';
import type { RegionFilter } from './region.inputs';

export function regionPage(ctx: RequestContext, info: GraphQLResolveInfo, filter: RegionFilter | undefined, sort: NameSort, direction: SortDirection, args: PageArgs) {
  const f = filter ?? {};
  return rootConnection(
    ctx,
    info,
    'region/page',
    {
      name: textArg(f.name, 'name'),
      kind: textArg(f.kind, 'kind'),
      code: textArg(f.code, 'code'),
      memberOf: idArg(f.memberOf, ['Market']),
      partOf: idArg(f.partOf, ['Region']),
    },
    args,
    { sort, direction },
  );
}

export interface RegionCodes {
  iso2?: string | null;
  iso3?: string | null;
  m49?: string | null;
  gbCode?: string | null;
}

export async function regionByCode(ctx: RequestContext, codes: RegionCodes): Promise<EntityValue | null> {
  const rows = await runNamed<Omit<NodeRow, 'parentId'>>(ctx, 'region/by-code', {
    iso2: textArg(codes.iso2, 'iso2')?.toUpperCase() ?? null,
    iso3: textArg(codes.iso3, 'iso3')?.toUpperCase() ?? null,
    m49: textArg(codes.m49, 'm49'),
    gbCode: textArg(codes.gbCode, 'gbCode'),
  });
  return rows[0] ? toValue(rows[0].node) : null;
}
