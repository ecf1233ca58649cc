/**
 * Trade-flow queries: the root list, per-parent pages (company, product, region, market, channel)
 * and trade summaries (who trades what with whom).
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../graphql/context';
import { badUserInput } from '../../graphql/relay/bad-input';
import type { Params } from '../../neo4j/database';
import { loadObjects } from '../shared/load';
import { hsPrefixArg, idArg, intArg } from '../../graphql/args';
import { nestedConnection, nestedPageRequest, NestedPageRequest } from '../shared/page';
import { fieldsParam } from '../shared/selected-properties';
import { FLOW_NEIGHBOURS, FLOW_NODE_TYPES } from './flow-neighbours';
import { FlowArgs, FlowEnd, FlowSort, TradeFlowFilter } from './trade-flow.inputs';
import { EXPORT_DIRECTIONS, FlowDirection, IMPORT_DIRECTIONS } from './trade-flow.type';

/** The named query's filter parameters from a TradeFlowFilter. */
export function flowParams(filter: TradeFlowFilter | null | undefined): Params {
  const f = filter ?? {};
  const traders = [f.trader, f.exporter, f.importer].filter((t) => t != null);
  if (traders.length > 1) throw badUserInput('Pass one of `trader`, `exporter` and `importer`');
  let directions: string[] | null = f.direction && f.direction.length > 0 ? [...f.direction] : null;
  const implied = f.exporter != null ? EXPORT_DIRECTIONS : f.importer != null ? IMPORT_DIRECTIONS : null;
  if (implied) directions = directions ? directions.filter((d) => implied.includes(d as FlowDirection)) : implied;
  return {
    trader: idArg(f.trader ?? f.exporter ?? f.importer, ['Company']),
    directions,
    product: idArg(f.product, ['Product']),
    hsPrefix: hsPrefixArg(f.hsPrefix),
    from: idArg(f.from, ['Region', 'Market']),
    to: idArg(f.to, ['Region', 'Market']),
    via: idArg(f.via, ['Policy']),
    reporter: idArg(f.reporter, ['Region']),
    yearFrom: intArg(f.yearFrom, 'yearFrom'),
    yearTo: intArg(f.yearTo, 'yearTo'),
  };
}

/**
 * What the parent of a nested flow field is (parts/trade-flows): a company as trader, a product
 * (with its HS descendants and classification), a region or market at one end (`end`, or either)
 * or a channel. The root fields have none.
 */
export type FlowParentRole = 'trader' | 'product' | 'place' | 'channel';

export interface FlowParent {
  as: FlowParentRole;
  key: string;
  end?: FlowEnd | null;
}

/** The root fields' single "parent". */
export const ROOT_PARENT = '';

/** Parameters of the queries over parts/trade-flows: the filter and the parent's role ($ids is the loader's). */
export function flowQueryParams(filter: TradeFlowFilter | null | undefined, parent?: FlowParent | null): Params {
  return { filter: flowParams(filter), parentAs: parent?.as ?? null, parentEnd: parent?.end ?? null };
}

/** True when a flow filter (flowParams) sets nothing but the directions (what the stored aggregates are exact for). */
export function onlyDirections(filter: Params): boolean {
  return Object.entries(filter).every(([k, v]) => v === null || (k === 'directions' && Array.isArray(v)));
}

/** A page of trade flows: the root tradeFlows (no parent) or a parent's flows, batched across parents. */
export function flowPage(ctx: RequestContext, info: GraphQLResolveInfo, a: FlowArgs, parent?: FlowParent) {
  const params: Params = { ...flowQueryParams(a.filter, parent), fields: fieldsParam(ctx, info, FLOW_NODE_TYPES) };
  // The root page with no filter but the directions: the stored counts, and in PERIOD order the
  // stored sort keys (trade-flow/page).
  if (!parent) {
    params.storedCount = onlyDirections(params.filter as Params);
    params.storedOrder = params.storedCount && a.sort === FlowSort.PERIOD;
  }
  return nestedConnection(ctx, info, 'trade-flow/page', parent?.key ?? ROOT_PARENT, params, a, { sort: a.sort, direction: a.direction }, FLOW_NEIGHBOURS);
}

/** What `flowPage` loads for a parent's page (a lookup of the parent loads it with the parent: shared/with-parent.ts). */
export function flowPageRequest(ctx: RequestContext, info: GraphQLResolveInfo, a: FlowArgs, parent: FlowParent): NestedPageRequest {
  const params = { ...flowQueryParams(a.filter, parent), fields: fieldsParam(ctx, info, FLOW_NODE_TYPES) };
  return nestedPageRequest(ctx, info, 'trade-flow/page', params, a, { sort: a.sort, direction: a.direction }, FLOW_NEIGHBOURS);
}

export interface CurrencyTotalValue {
  currency: string | null;
  value: number;
  flows: number;
}

interface SummaryRow {
  flowCount: number;
  periods: [number | null, number | null][];
  totals: CurrencyTotalValue[];
  [k: string]: unknown;
}

export interface TradeSummaryValue {
  flowCount: number;
  firstYear: number | null;
  lastYear: number | null;
  years: number[];
  totals: CurrencyTotalValue[];
  totalValue: number | null;
  currency: string | null;
}

/** Trade summaries (parts/trade-summary: flowCount, periods, totals per currency, plus an entity column). */
export async function loadTradeSummaries(ctx: RequestContext, query: string, parentKey: string, args: Params = {}): Promise<(TradeSummaryValue & Record<string, unknown>)[]> {
  const rows = await loadObjects<SummaryRow>(ctx, query, parentKey, args);
  return rows.map(({ periods, totals, ...rest }) => {
    const years = yearsOf(periods);
    totals.sort((a, b) => b.value - a.value || ((a.currency ?? '') < (b.currency ?? '') ? -1 : 1));
    // One total only when every valued flow states the same currency: values are never added across currencies.
    const single = totals.length === 1 && totals[0]!.currency !== null ? totals[0]! : null;
    return {
      ...rest,
      years,
      firstYear: years[0] ?? null,
      lastYear: years[years.length - 1] ?? null,
      totals,
      totalValue: single ? single.value : null,
      currency: single ? single.currency : null,
    };
  });
}

function yearsOf(periods: [number | null, number | null][]): number[] {
  const set = new Set<number>();
  for (const [s, e] of periods) {
    const start = s ?? e;
    const end = e ?? s;
    if (start == null || end == null) continue;
    for (let y = start; y <= end && y - start < 200; y++) set.add(y);
  }
  return [...set].sort((a, b) => a - b);
}

