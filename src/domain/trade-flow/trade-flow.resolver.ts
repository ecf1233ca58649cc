/**
 * Everything of the TradeFlow type: the root list (the analysts' main entry), one flow by id, each
 * flow's participants, provenance.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { connectionType } from '../../graphql/relay/connection';
import type { NodeValue } from '../../graphql/relay/node';
import { Company } from '../company/company.type';
import { Policy } from '../policy/policy.type';
import { Product } from '../product/product.type';
import { Region } from '../region/region.type';
import { loadNode, loadNodes } from '../shared/load';
import { idArg } from '../../graphql/args';
import { Place } from '../shared/place';
import { ProvenanceResolver } from '../shared/provenance.resolver';
import type { EntityValue } from '../shared/to-value';
import { flowByKey } from './flow-neighbours';
import { FlowArgs } from './trade-flow.inputs';
import { flowPage } from './trade-flow.repository';
import { TradeFlow } from './trade-flow.type';

export const TradeFlowConnection = connectionType(TradeFlow, 'TradeFlow');

@Resolver(() => TradeFlow)
export class TradeFlowResolver extends ProvenanceResolver(TradeFlow) {
  @Query(() => TradeFlowConnection, {
    description: 'Trade flows, filtered by trader, product or HS prefix, origin, destination (regions or markets), channel, direction and years.',
    complexity: 2,
  })
  tradeFlows(@Args() args: FlowArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return flowPage(ctx, info, args);
  }

  @Query(() => TradeFlow, { nullable: true, description: 'One trade flow by global id or graph id (flow:...).' })
  tradeFlow(@Arg('id', () => String) id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<EntityValue | null> {
    return flowByKey(ctx, info, idArg(id, ['TradeFlow'])!);
  }

  @FieldResolver(() => Company, { nullable: true, description: 'The exporter (EXPORT) or importer (IMPORT).' })
  trader(@Root() f: NodeValue, @Ctx() ctx: RequestContext) {
    return loadNode(ctx, 'trade-flow/trader', f.key);
  }

  @FieldResolver(() => Product, { nullable: true, description: 'What is traded.' })
  product(@Root() f: NodeValue, @Ctx() ctx: RequestContext) {
    return loadNode(ctx, 'trade-flow/product', f.key);
  }

  @FieldResolver(() => Place, { nullable: true, description: 'Origin: a region or a market.' })
  from(@Root() f: NodeValue, @Ctx() ctx: RequestContext) {
    return loadNode(ctx, 'trade-flow/from', f.key);
  }

  @FieldResolver(() => Place, { nullable: true, description: 'Destination: a region or a market.' })
  to(@Root() f: NodeValue, @Ctx() ctx: RequestContext) {
    return loadNode(ctx, 'trade-flow/to', f.key);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The reporting economy (customs statistics).' })
  reportedBy(@Root() f: NodeValue, @Ctx() ctx: RequestContext) {
    return loadNode(ctx, 'trade-flow/reporter', f.key);
  }

  @FieldResolver(() => [Policy], { description: 'Channels and trade forms (cross-border e-commerce, market procurement, ...).' })
  via(@Root() f: NodeValue, @Ctx() ctx: RequestContext) {
    return loadNodes(ctx, 'trade-flow/via', f.key);
  }
}
