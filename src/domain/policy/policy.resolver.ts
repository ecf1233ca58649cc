/**
 * Everything of the Policy type: the root list `policies` and lookup `policy(id)`, the Named fields
 * (NamedFields), what it supports, where it applies, the flows through it as a channel.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Field, FieldResolver, Info, InputType, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import type { NodeValue } from '../../graphql/relay/node';
import { loadObjects } from '../shared/load';
import { NamedFields } from '../shared/named.resolver';
import { idArg, intArg, textArg } from '../../graphql/args';
import { RootList } from '../shared/root-list.resolver';
import { NameSort } from '../shared/sort';
import { PolicySupport, RegionLink } from '../shared/summaries';
import { FlowArgs } from '../trade-flow/trade-flow.inputs';
import { flowPage } from '../trade-flow/trade-flow.repository';
import { TradeFlowConnection } from '../trade-flow/trade-flow.resolver';
import { Policy } from './policy.type';

@InputType('PolicyFilter')
export class PolicyFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name, Chinese name or an alias.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'plan, program, brand, platform, trade-form, zone, corridor, mechanism.' })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'Region id: in force there (applying to it or a region containing it).' })
  appliesIn?: string | null;

  @Field(() => Int, { nullable: true, description: 'In force during this year.' })
  year?: number | null;

  @Field(() => String, { nullable: true, description: 'Entity id: policies supporting it.' })
  supports?: string | null;
}

@Resolver(() => Policy)
export class PolicyResolver extends RootList({
  type: Policy,
  typeName: 'Policy',
  list: 'policies',
  description: 'Policies, plans, programs, brands, platforms, trade forms and channels.',
  query: 'policy/page',
  filter: PolicyFilter,
  params: (f) => ({
    name: textArg(f.name, 'name'),
    kind: textArg(f.kind, 'kind'),
    appliesIn: idArg(f.appliesIn, ['Region']),
    year: intArg(f.year, 'year'),
    supports: idArg(f.supports),
  }),
  sort: NameSort,
  defaultSort: NameSort.NAME,
  lookup: { field: 'policy', description: 'One policy by global id or graph id (policy:...).' },
  base: NamedFields(Policy),
}) {
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
