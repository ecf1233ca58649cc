/**
 * The resolvers of every domain folder, assembled into the schema by graphql/schema.ts: one per
 * GraphQL type (NamedResolver and FactResolver: the interfaces' own fields).
 */
import { analyticsResolvers } from './analytics';
import { discoveryResolvers } from './discovery';
import { CompanyResolver } from './company/company.resolver';
import { curationResolvers } from './curation';
import { FacilityResolver } from './facility/facility.resolver';
import { FactResolver, FigureResolver } from './figure/figure.resolver';
import { linkageResolvers } from './linkage';
import { MarketResolver } from './market/market.resolver';
import { PolicyResolver } from './policy/policy.resolver';
import { ProductResolver } from './product/product.resolver';
import { RegionResolver } from './region/region.resolver';
import { LinkResolver } from './shared/link.resolver';
import { NamedResolver } from './shared/named.resolver';
import { NodeResolver } from './shared/node.resolver';
import { ExcerptResolver, SourceResolver } from './source/source.resolver';
import { TradeFlowResolver } from './trade-flow/trade-flow.resolver';

export const domainResolvers: Function[] = [
  NodeResolver,
  NamedResolver,
  FactResolver,
  LinkResolver,
  RegionResolver,
  MarketResolver,
  CompanyResolver,
  ProductResolver,
  PolicyResolver,
  FacilityResolver,
  FigureResolver,
  TradeFlowResolver,
  SourceResolver,
  ExcerptResolver,
  ...linkageResolvers,
  ...analyticsResolvers,
  ...discoveryResolvers,
  ...curationResolvers,
];
