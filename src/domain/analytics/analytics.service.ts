/**
 * Trade aggregates, rankings and concentration (over trade flows) and period comparisons (over
 * figures). Every trade aggregate is one batched named query over parts/trade-flows: root fields
 * run it for one "parent" (''), nested fields (Market.suppliersByProduct,
 * Company.exportsByDestination) for all parents of the request at once through the request's loader.
 */
import neo4j, { Node as Neo4jNode } from 'neo4j-driver';
import type { RequestContext } from '../../graphql/context';
import { loadRelation, runNamed } from '../../graphql/loaders';
import { badUserInput } from '../../graphql/relay/bad-input';
import type { Params } from '../../neo4j/database';
import { toGraphNode } from '../linkage/graph-values';
import { boundedInt } from '../../graphql/args';
import { resolveEntity } from '../linkage/linkage.service';
import { toValue } from '../shared/to-value';
import { FlowParent, flowQueryParams, onlyDirections, ROOT_PARENT } from '../trade-flow/trade-flow.repository';
import type { TradeFlowFilter } from '../trade-flow/trade-flow.inputs';
import { FlowDirection } from '../trade-flow/trade-flow.type';
import type { Concentration, FigureGrowth, PeriodChange, RankedExporter, TradeChange, TradeTotal } from './analytics.types';
import { ConcentrationBy, TradeGroupBy } from './analytics.types';
import { concentration, ExporterValue, withShares } from './concentration';
import type { FigureWindowArgs } from './figure-window.args';
import { joinChanges } from './trade-change';

interface TotalRow extends Omit<TradeTotal, 'node'> {
  parentId: string;
  node: Neo4jNode | null;
}

interface SharesRow {
  parentId: string;
  key: string;
  label: string;
  node: Neo4jNode | null;
  currency: string | null;
  direction: FlowDirection | null;
  exporters: (Omit<ExporterValue, 'node'> & { node: Neo4jNode })[];
}

const valueOf = (node: Neo4jNode | null) => (node ? toValue(node) : null);

/** Every aggregate runs over parts/trade-flows: the filter, `groupBy`, and the parent of a nested field. */
function aggregateParams(filter: TradeFlowFilter | null | undefined, groupBy: string, parent: FlowParent | null, defaults: Partial<TradeFlowFilter> = {}): Params {
  return { ...flowQueryParams({ ...defaults, ...(filter ?? {}) } as TradeFlowFilter, parent), groupBy };
}

export async function tradeTotals(
  ctx: RequestContext,
  groupBy: TradeGroupBy,
  filter: TradeFlowFilter | null | undefined,
  parent: FlowParent | null = null,
  defaults: Partial<TradeFlowFilter> = {},
  /** `first`: the root field's page size; `withNode` false when nobody reads the groups' nodes (the selection has no `node`): they come back null. */
  { first, withNode = true }: { first?: number; withNode?: boolean } = {},
): Promise<TradeTotal[]> {
  // The root field's one parent: its first `first` rows are a LIMIT (nested fields batch parents: no limit).
  const limit = first !== undefined && parent === null ? { limit: neo4j.int(first) } : {};
  const params = aggregateParams(filter, groupBy, parent, defaults);
  if (!parent && STORED_TOTALS.has(groupBy) && onlyDirections(params.filter as Params)) {
    const stored = await storedTotals(ctx, groupBy, (params.filter as Params).directions as string[] | null, first);
    if (stored) return stored;
  }
  const rows = await loadRelation<TotalRow>(ctx, 'analytics/trade-totals', parent?.key ?? ROOT_PARENT, { ...params, ...limit, withNode });
  return rows.map(({ parentId: _p, node, ...row }) => ({ ...row, node: valueOf(node) }));
}

/** The groupings whose whole-graph totals imports store (aggregates/trade-totals, TRADE_TOTAL_GROUPS). */
const STORED_TOTALS: ReadonlySet<TradeGroupBy> = new Set([TradeGroupBy.COMPANY]);

interface StoredTotalRow {
  ready: boolean;
  t: (Omit<TradeTotal, 'node'> & { rank: number }) | null;
  node: Neo4jNode | null;
}

/**
 * The root totals from the summaries imports store (analytics/trade-totals-stored): the rows
 * analytics/trade-totals returns for a filter of directions only, in its order, limited. Undefined
 * when they are not stored or not current: the direct computation answers then.
 */
async function storedTotals(ctx: RequestContext, groupBy: TradeGroupBy, directions: string[] | null, first?: number): Promise<TradeTotal[] | undefined> {
  const rows = await runNamed<StoredTotalRow>(ctx, 'analytics/trade-totals-stored', { groupBy, directions, limit: neo4j.int(first ?? 1_000_000_000) });
  if (!rows[0]?.ready) return undefined;
  return rows
    .filter((r): r is StoredTotalRow & { t: NonNullable<StoredTotalRow['t']> } => r.t !== null)
    .sort((a, b) => a.t.rank - b.t.rank)
    .map(({ t: { rank: _r, ...t }, node }) => ({
      key: t.key,
      label: t.label,
      currency: t.currency ?? null,
      direction: t.direction ?? null,
      value: t.value ?? null,
      flows: t.flows,
      qualitativeFlows: t.qualitativeFlows,
      node: valueOf(node),
    }));
}

export interface ConcentrationPick {
  singleExporterOnly?: boolean;
  first?: number;
  /** What the request selects (concentrationWants): the stored path reads only that. All by default. */
  wants?: ConcentrationWants;
}

/** The parts of a Concentration that cost reading: the exporter list, its nodes, the top exporter's node. */
export interface ConcentrationWants {
  exporters: boolean;
  exporterNodes: boolean;
  topNode: boolean;
}

const WANT_ALL: ConcentrationWants = { exporters: true, exporterNodes: true, topNode: true };

export async function concentrations(
  ctx: RequestContext,
  by: ConcentrationBy,
  filter: TradeFlowFilter | null | undefined,
  parent: FlowParent | null = null,
  pick: ConcentrationPick = {},
): Promise<Concentration[]> {
  // Concentration is about exporters unless the filter says otherwise.
  const defaults = filter?.direction || filter?.importer ? {} : { direction: [FlowDirection.EXPORT] };
  const params = aggregateParams(filter, by, parent, defaults);
  if (!parent && onlyDirections(params.filter as Params)) {
    const stored = await storedConcentrations(ctx, by, (params.filter as Params).directions as string[] | null, pick);
    if (stored) return stored;
  }
  return picked(await directConcentrations(ctx, by, params, parent), pick);
}

function picked(all: Concentration[], pick: ConcentrationPick): Concentration[] {
  const kept = pick.singleExporterOnly ? all.filter((c) => c.singleExporter) : all;
  return pick.first === undefined ? kept : kept.slice(0, pick.first);
}


/** The stored measures of one summary (aggregates/concentration). */
interface StoredMeasures {
  rank: number;
  key: string;
  label: string;
  currency: string | null;
  direction: FlowDirection | null;
  total: number;
  flows: number;
  exporterCount: number;
  hhi: number | null;
  topShare: number | null;
  topId: string | null;
  topLabel: string | null;
  topValue: number | null;
  topFlows: number | null;
}

interface SummaryRow {
  ready: boolean;
  m: StoredMeasures | null;
  node: Neo4jNode | null;
  lists: { exporterIds: string[]; exporterLabels: string[]; exporterValues: number[]; exporterFlows: number[] } | null;
  companies: Neo4jNode[];
  top: Neo4jNode[];
}

/**
 * The whole graph's concentration from the summaries imports store (aggregates/concentration):
 * the groups come in the stored rank order, limited, with the stored measures (computed in Cypher
 * as concentration.ts computes them; aggregates.test.ts checks they are the same), and the exporter
 * list and nodes only when the request selects them. Undefined when no summary is stored (a graph
 * written around the import pipeline): the direct computation answers then.
 */
async function storedConcentrations(ctx: RequestContext, by: ConcentrationBy, directions: string[] | null, pick: ConcentrationPick): Promise<Concentration[] | undefined> {
  const limit = neo4j.int(pick.first ?? 1_000_000_000);
  const wants = pick.wants ?? WANT_ALL;
  const rows = await runNamed<SummaryRow>(ctx, 'analytics/concentration-summaries', {
    groupBy: by,
    directions,
    singleOnly: !!pick.singleExporterOnly,
    limit,
    exporters: wants.exporters,
    exporterNodes: wants.exporters && wants.exporterNodes,
    topNode: wants.topNode,
  });
  if (!rows[0]?.ready) return undefined;
  return rows
    .filter((r): r is SummaryRow & { m: StoredMeasures } => r.m !== null)
    .sort((a, b) => a.m.rank - b.m.rank)
    .map(({ m, node, lists, companies, top }) => {
      const topExporter =
        m.topId === null
          ? null
          : { key: m.topId, label: m.topLabel!, value: m.topValue!, flows: m.topFlows!, share: m.topShare!, node: top[0] ? toValue(top[0]) : null };
      return {
        key: m.key,
        label: m.label,
        node: valueOf(node),
        currency: m.currency ?? null,
        direction: m.direction ?? null,
        total: m.total,
        flows: m.flows,
        exporterCount: m.exporterCount,
        exporters: lists ? storedExporters(lists, companies) : [],
        topExporter,
        topShare: m.topShare ?? null,
        hhi: m.hhi ?? null,
        singleExporter: m.exporterCount === 1,
      };
    });
}

/** A summary's exporter lists with their shares (and nodes, where read), as the direct computation lists them. */
function storedExporters(lists: NonNullable<SummaryRow['lists']>, companies: Neo4jNode[]) {
  const byId = new Map(companies.map((c) => [String(c.properties.id), toValue(c)]));
  const exporters: ExporterValue[] = lists.exporterIds.map((key, i) => ({
    key,
    label: lists.exporterLabels[i]!,
    node: byId.get(key) ?? null,
    value: Number(lists.exporterValues[i]),
    flows: Number(lists.exporterFlows[i]),
  }));
  return concentration(exporters).exporters;
}

const byConcentration = (a: Concentration, b: Concentration) => (b.hhi ?? 0) - (a.hhi ?? 0) || b.total - a.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Concentration computed from the flows (analytics/exporter-shares). */
async function directConcentrations(ctx: RequestContext, by: ConcentrationBy, params: Params, parent: FlowParent | null): Promise<Concentration[]> {
  const rows = await loadRelation<SharesRow>(ctx, 'analytics/exporter-shares', parent?.key ?? ROOT_PARENT, params);
  return rows
    .map((r) => ({
      key: r.key,
      label: r.label,
      node: valueOf(r.node),
      currency: r.currency,
      direction: r.direction,
      ...concentration(r.exporters.map((e) => ({ ...e, node: valueOf(e.node) }))),
    }))
    .sort(byConcentration);
}

/** Exporters of a product and/or to a market, largest first, ranked and shared within each currency. */
export async function topExporters(
  ctx: RequestContext,
  args: { product?: string | null; market?: string | null; filter?: TradeFlowFilter | null; first: number },
): Promise<RankedExporter[]> {
  const first = boundedInt('first', args.first, 1, ctx.config.graphql.maxPageSize);
  const filter: TradeFlowFilter = { ...(args.filter ?? {}) };
  if (args.product != null) filter.product = args.product;
  if (args.market != null) filter.to = args.market;
  if (filter.direction == null && filter.importer == null) filter.direction = [FlowDirection.EXPORT];
  // Ranked by value: exporters whose flows state no value (qualitative) have none to rank by.
  const totals = (await tradeTotals(ctx, TradeGroupBy.COMPANY, filter)).filter((t): t is TradeTotal & { value: number } => t.value !== null);
  const groups = new Map<string, (TradeTotal & { value: number })[]>();
  for (const t of totals) {
    const id = `${t.currency ?? ''}|${t.direction ?? ''}`;
    groups.set(id, [...(groups.get(id) ?? []), t]);
  }
  const ranked: RankedExporter[] = [];
  for (const rows of groups.values()) {
    withShares(rows).forEach((r, i) => ranked.push({ ...r, rank: i + 1 }));
  }
  return ranked
    .filter((r) => r.rank <= first)
    .sort((a, b) => a.rank - b.rank || b.value - a.value || (a.key < b.key ? -1 : 1));
}

/** Subjects in key order, so answers are stable (pattern comprehensions have no order). */
function byKey<T extends { key: string }>(items: T[]): T[] {
  return items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Trade per group in one year against another (the filter's own years are replaced by each year). */
export async function tradeChange(
  ctx: RequestContext,
  groupBy: TradeGroupBy,
  filter: TradeFlowFilter | null | undefined,
  fromYear: number,
  toYear: number,
): Promise<TradeChange[]> {
  boundedInt('fromYear', fromYear, 1000, 9999);
  boundedInt('toYear', toYear, 1000, 9999);
  if (fromYear >= toYear) throw badUserInput(`\`fromYear\` must be before \`toYear\`; got ${fromYear} and ${toYear}`);
  const inYear = (year: number) => tradeTotals(ctx, groupBy, { ...(filter ?? {}), yearFrom: year, yearTo: year });
  const [from, to] = await Promise.all([inYear(fromYear), inYear(toYear)]);
  return joinChanges(from, to);
}

interface FigureRow {
  node: Neo4jNode;
  about: Neo4jNode[];
}

async function planYears(ctx: RequestContext, id: string, argumentName: string): Promise<[number, number]> {
  const node = await resolveEntity(ctx, id, argumentName);
  const v = toValue(node);
  if (typeof v.periodStart !== 'number' || typeof v.periodEnd !== 'number') {
    throw badUserInput(`\`${argumentName}\` must name a plan or program with a period (periodStart..periodEnd); ${v.key} has none`, { argumentName });
  }
  return [v.periodStart, v.periodEnd];
}

async function windowParams(ctx: RequestContext, w: FigureWindowArgs): Promise<Params> {
  let { baselineFrom = null, baselineTo = null, yearFrom = null, yearTo = null } = w;
  if (w.baselinePlan) [baselineFrom, baselineTo] = await planYears(ctx, w.baselinePlan, 'baselinePlan');
  if (w.plan) [yearFrom, yearTo] = await planYears(ctx, w.plan, 'plan');
  const about = w.about ? toValue(await resolveEntity(ctx, w.about, 'about')).key : null;
  const year = (v: number | null | undefined) => (v == null ? null : neo4j.int(v));
  return {
    metric: w.metric ?? null,
    about,
    baselineFrom: year(baselineFrom),
    baselineTo: year(baselineTo),
    yearFrom: year(yearFrom),
    yearTo: year(yearTo),
    first: neo4j.int(boundedInt('first', w.first, 1, ctx.config.graphql.maxPageSize)),
  };
}

export async function figureGrowth(ctx: RequestContext, w: FigureWindowArgs): Promise<FigureGrowth[]> {
  const rows = await runNamed<FigureRow>(ctx, 'analytics/figure-growth', await windowParams(ctx, w));
  return rows.map(({ node, about }) => {
    const v = toValue(node);
    return {
      key: v.key,
      metric: (v.metric as string) ?? null,
      growthPercent: v.value as number,
      qualifier: (v.qualifier as string) ?? null,
      periodStart: (v.periodStart as number) ?? null,
      periodEnd: (v.periodEnd as number) ?? null,
      baselineStart: (v.baselineStart as number) ?? null,
      baselineEnd: (v.baselineEnd as number) ?? null,
      statement: (v.statement as string) ?? null,
      about: byKey(about.map(toGraphNode)),
      figure: v,
    };
  });
}

interface ChangeRow {
  baseline: Neo4jNode;
  current: Neo4jNode;
  about: Neo4jNode[];
  change: number;
  changePercent: number | null;
}

function point(node: Neo4jNode) {
  const v = toValue(node);
  return {
    key: v.key,
    value: v.value as number,
    periodStart: (v.periodStart as number) ?? null,
    periodEnd: (v.periodEnd as number) ?? null,
    qualifier: (v.qualifier as string) ?? null,
    figure: v,
  };
}

export async function periodChange(ctx: RequestContext, w: FigureWindowArgs): Promise<PeriodChange[]> {
  const rows = await runNamed<ChangeRow>(ctx, 'analytics/period-change', await windowParams(ctx, w));
  return rows.map((r) => {
    const b = toValue(r.baseline);
    return {
      metric: (b.metric as string) ?? null,
      unit: (b.unit as string) ?? null,
      baseline: point(r.baseline),
      current: point(r.current),
      change: r.change,
      changePercent: r.changePercent,
      about: byKey(r.about.map(toGraphNode)),
    };
  });
}
