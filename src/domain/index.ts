/**
 * The resolvers of every domain folder, assembled into the schema by graphql/schema.ts.
 */
import { RegionResolver } from './region/region.resolver';
import { TradeFlowResolver } from './trade-flow/trade-flow.resolver';
import { NodeResolver } from './shared/node.resolver';
import { LinkResolver } from './shared/link.resolver';
import { ExcerptResolver, SourceResolver } from './source/source.resolver';

export const domainResolvers: Function[] = [NodeResolver, LinkResolver, SourceResolver, ExcerptResolver, RegionResolver, TradeFlowResolver];
