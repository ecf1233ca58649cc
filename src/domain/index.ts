/**
 * The resolvers of every domain folder, assembled into the schema by graphql/schema.ts.
 */
import { analyticsResolvers } from './analytics';
import { discoveryResolvers } from './discovery';
import { CompanyListResolver } from './company/company.list';
import { CompanyResolver } from './company/company.resolver';
import { FacilityListResolver } from './facility/facility.list';
import { FacilityResolver } from './facility/facility.resolver';
import { FactResolver, FigureResolver } from './figure/figure.resolver';
import { linkageResolvers } from './linkage';
import { MarketListResolver } from './market/market.list';
import { MarketResolver } from './market/market.resolver';
import { PolicyListResolver } from './policy/policy.list';
import { PolicyResolver } from './policy/policy.resolver';
import { ProductListResolver } from './product/product.list';
import { ProductResolver } from './product/product.resolver';
import { RegionListResolver } from './region/region.list';
import { RegionResolver } from './region/region.resolver';
import { LinkResolver } from './shared/link.resolver';
import { NamedResolver } from './shared/named.resolver';
import { NodeResolver } from './shared/node.resolver';
import { SourceListResolver } from './source/source.list';
import { ExcerptResolver, SourceResolver } from './source/source.resolver';
import { TradeFlowResolver } from './trade-flow/trade-flow.resolver';

export const domainResolvers: Function[] = [
  NodeResolver,
  NamedResolver,
  FactResolver,
  LinkResolver,
  RegionListResolver,
  RegionResolver,
  MarketListResolver,
  MarketResolver,
  CompanyListResolver,
  CompanyResolver,
  ProductListResolver,
  ProductResolver,
  PolicyListResolver,
  PolicyResolver,
  FacilityListResolver,
  FacilityResolver,
  FigureResolver,
  TradeFlowResolver,
  SourceListResolver,
  SourceResolver,
  ExcerptResolver,
  ...linkageResolvers,
  ...analyticsResolvers,
  ...discoveryResolvers,
];
