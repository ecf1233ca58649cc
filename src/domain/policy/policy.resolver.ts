/**
 * Policy fields: what they support, where they apply, the flows through them as channels
 * (root fields: policy.list.ts).
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import type { NodeValue } from '../../graphql/relay/node';
import { loadObjects } from '../shared/load';
import { PolicySupport, RegionLink } from '../shared/summaries';
import { FlowArgs } from '../trade-flow/trade-flow.inputs';
import { flowPage } from '../trade-flow/trade-flow.repository';
import { TradeFlowConnection } from '../trade-flow/trade-flow.resolver';
import { Policy } from './policy.type';

@Resolver(() => Policy)
export class PolicyResolver {
  @FieldResolver(() => [PolicySupport], { description: 'What the policy supports: companies, products, regions, markets, policies.' })
  supports(@Root() p: NodeValue, @Ctx() ctx: RequestContext) {
    return loadObjects(ctx, 'policy/supports', p.key);
  }

  @FieldResolver(() => [RegionLink], { description: 'Where the policy is in force.' })
  appliesIn(@Root() p: NodeValue, @Ctx() ctx: RequestContext) {
    return loadObjects(ctx, 'policy/applies-in', p.key);
  }

  @FieldResolver(() => TradeFlowConnection, { description: 'Trade flows through this channel or trade form (VIA).', complexity: 2 })
  flows(@Root() p: NodeValue, @Args() args: FlowArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return flowPage(ctx, info, args, { as: 'channel', key: p.key });
  }
}
