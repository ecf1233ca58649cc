/**
 * Region lookup by a natural code (ISO alpha-2/alpha-3, UN M49, GB/T 2260).
 */
import type { RequestContext } from '../../graphql/context';
import { loadByKey } from '../../graphql/loaders';
import { textArg } from '../../graphql/args';
import { NodeRow } from '../shared/load';
import { EntityValue, toValue } from '../shared/to-value';

export interface RegionCodes {
  iso2?: string | null;
  iso3?: string | null;
  m49?: string | null;
  gbCode?: string | null;
}

export async function regionByCode(ctx: RequestContext, codes: RegionCodes): Promise<EntityValue | null> {
  // Batched: the aliased lookups of a request are one query, and so are their nested fields.
  const rows = await loadByKey<NodeRow>(ctx, 'region/by-code', {
    iso2: textArg(codes.iso2, 'iso2')?.toUpperCase() ?? null,
    iso3: textArg(codes.iso3, 'iso3')?.toUpperCase() ?? null,
    m49: textArg(codes.m49, 'm49'),
    gbCode: textArg(codes.gbCode, 'gbCode'),
  });
  return rows[0] ? toValue(rows[0].node) : null;
}
