/**
 * Aggregates nested in the entity types (field resolvers on the Market and Company types, kept
 * here with the analytics), and the `node` of every aggregate row whose key is an entity.
 * Each nested field is one batched query for all parents of a request.
 */
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Node } from '../../graphql/relay/node';
import type { NodeValue } from '../../graphql/relay/node';
import { Company } from '../company/company.type';
import { Market } from '../market/market.type';
import { loadNode } from '../shared/load';
import type { EntityValue } from '../shared/to-value';
import { FlowEnd, TradeFlowFilter } from '../trade-flow/trade-flow.inputs';
import { FlowDirection } from '../trade-flow/trade-flow.type';
import * as analytics from './analytics.service';
import { Concentration, ConcentrationBy, ExporterShare, RankedExporter, TradeChange, TradeGroupBy, TradeTotal } from './analytics.types';

@Resolver(() => Market)
export class MarketAnalyticsResolver {
  @FieldResolver(() => [Concentration], {
    description: 'Per product exported to this market (its members count while members): the total, the supplying companies and their shares, concentration.',
    complexity: 20,
  })
  suppliersByProduct(
    @Root() market: NodeValue,
    @Arg('filter', () => TradeFlowFilter, { nullable: true }) filter: TradeFlowFilter | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Concentration[]> {
    return analytics.concentrations(ctx, ConcentrationBy.PRODUCT, filter, { as: 'place', key: market.key, end: FlowEnd.TO });
  }
}

@Resolver(() => Company)
export class CompanyAnalyticsResolver {
  @FieldResolver(() => [TradeTotal], {
    description: 'This company\'s exports summed per destination (region or market), per currency; largest first.',
    complexity: 20,
  })
  exportsByDestination(
    @Root() company: NodeValue,
    @Arg('filter', () => TradeFlowFilter, { nullable: true }) filter: TradeFlowFilter | null,
    @Ctx() ctx: RequestContext,
  ): Promise<TradeTotal[]> {
    const defaults = filter?.direction ? {} : { direction: [FlowDirection.EXPORT, FlowDirection.RE_EXPORT] };
    return analytics.tradeTotals(ctx, TradeGroupBy.DESTINATION, filter, { as: 'trader', key: company.key }, defaults);
  }
}

/** The entity a row's key names (null for years and hs:unclassified), batched per request. */
function entityOfKey(ctx: RequestContext, key: string): Promise<EntityValue | null> {
  return key.includes(':') && !key.startsWith('hs:') ? loadNode(ctx, 'node/by-ids', key) : Promise.resolve(null);
}

function keyNodeResolver(of: Function, description: string) {
  @Resolver(() => of)
  class KeyNode {
    @FieldResolver(() => Node, { nullable: true, description })
    node(@Root() row: { key: string }, @Ctx() ctx: RequestContext): Promise<EntityValue | null> {
      return entityOfKey(ctx, row.key);
    }
  }
  return KeyNode;
}

export const TradeTotalNodeResolver = keyNodeResolver(TradeTotal, 'The entity of the group (product, region, market, company, policy); null for years.');
export const ExporterShareNodeResolver = keyNodeResolver(ExporterShare, 'The Company.');
export const RankedExporterNodeResolver = keyNodeResolver(RankedExporter, 'The Company.');
export const TradeChangeNodeResolver = keyNodeResolver(TradeChange, 'The entity of the group; null for years.');
export const ConcentrationNodeResolver = keyNodeResolver(Concentration, 'The product, chapter, market or region measured.');
