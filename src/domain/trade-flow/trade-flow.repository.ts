/**
 * Trade-flow queries: the root list, per-parent pages (company, product, region, market, channel)
 * and trade summaries (who trades what with whom).
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../graphql/context';
import { badUserInput } from '../../graphql/relay/bad-input';
import type { Params } from '../../neo4j/database';
import { loadObjects } from '../shared/load';
import { idArg, intArg, nestedConnection, rootConnection, textArg } from '../shared/page';
import type { EntityValue } from '../shared/to-value';
import { FlowArgs, FlowEnd, TradeFlowFilter } from './trade-flow.inputs';
import { FlowDirection } from './trade-flow.type';

const EXPORTS = [FlowDirection.EXPORT, FlowDirection.RE_EXPORT];
const IMPORTS = [FlowDirection.IMPORT, FlowDirection.RE_IMPORT];

/** The named query's filter parameters from a TradeFlowFilter. */
export function flowParams(filter: TradeFlowFilter | null | undefined): Params {
  const f = filter ?? {};
  const traders = [f.trader, f.exporter, f.importer].filter((t) => t != null);
  if (traders.length > 1) throw badUserInput('Pass one of `trader`, `exporter` and `importer`');
  let directions: string[] | null = f.direction && f.direction.length > 0 ? [...f.direction] : null;
  const implied = f.exporter != null ? EXPORTS : f.importer != null ? IMPORTS : null;
  if (implied) directions = directions ? directions.filter((d) => implied.includes(d as FlowDirection)) : implied;
  const hsPrefix = textArg(f.hsPrefix, 'hsPrefix');
  if (hsPrefix !== null && !/^\d{1,10}$/.test(hsPrefix)) throw badUserInput('`hsPrefix` must be 1 to 10 digits');
  return {
    trader: idArg(f.trader ?? f.exporter ?? f.importer, ['Company']),
    directions,
    product: idArg(f.product, ['Product']),
    hsPrefix,
    from: idArg(f.from, ['Region', 'Market']),
    to: idArg(f.to, ['Region', 'Market']),
    via: idArg(f.via, ['Policy']),
    reporter: idArg(f.reporter, ['Region']),
    yearFrom: intArg(f.yearFrom, 'yearFrom'),
    yearTo: intArg(f.yearTo, 'yearTo'),
  };
}


export function flowPage(ctx: RequestContext, info: GraphQLResolveInfo, a: FlowArgs) {
  return rootConnection(ctx, info, 'trade-flow/page', flowParams(a.filter), a, { sort: a.sort, direction: a.direction });
}

/** Per-parent pages: `query` is one of trade-flow/of-trader, of-product, of-region, of-market, via-policy. */
export function nestedFlowPage(
  ctx: RequestContext,
  info: GraphQLResolveInfo,
  query: string,
  parentKey: string,
  a: FlowArgs,
  extra: { end?: FlowEnd | null; viaClassification?: boolean } = {},
) {
  return nestedConnection(ctx, info, query, parentKey, { ...flowParams(a.filter), ...extraParams(query, extra) }, a, { sort: a.sort, direction: a.direction });
}

interface SummaryRow {
  flowCount: number;
  periods: [number | null, number | null][];
  totalValue: number | null;
  currencies: string[];
  [k: string]: unknown;
}

export interface TradeSummaryValue {
  flowCount: number;
  firstYear: number | null;
  lastYear: number | null;
  years: number[];
  totalValue: number | null;
  currency: string | null;
}

/** Trade summaries (columns flowCount, periods, totalValue, currencies plus an entity column). */
export async function loadTradeSummaries(ctx: RequestContext, query: string, parentKey: string, args: Params = {}): Promise<(TradeSummaryValue & Record<string, unknown>)[]> {
  const rows = await loadObjects<SummaryRow>(ctx, query, parentKey, args);
  return rows.map(({ periods, currencies, totalValue, ...rest }) => {
    const years = yearsOf(periods);
    const single = currencies.length === 1;
    return {
      ...rest,
      years,
      firstYear: years[0] ?? null,
      lastYear: years[years.length - 1] ?? null,
      totalValue: single ? totalValue : null,
      currency: single ? currencies[0]! : null,
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

export type { EntityValue };

/** Parameters only some per-parent flow queries take (a named query rejects none, but keep loader keys lean). */
function extraParams(query: string, extra: { end?: FlowEnd | null; viaClassification?: boolean }) {
  if (query === 'trade-flow/of-region' || query === 'trade-flow/of-market') return { end: extra.end ?? null };
  if (query === 'trade-flow/of-product') return { viaClassification: extra.viaClassification ?? true };
  return {};
}
