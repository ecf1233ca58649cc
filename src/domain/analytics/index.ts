/** The analytics resolvers, for src/domain/index.ts. */
import { AnalyticsResolver } from './analytics.resolver';
import {
  CompanyAnalyticsResolver,
  ExporterConcentrationNodeResolver,
  SupplierShareNodeResolver,
  MarketAnalyticsResolver,
  RankedExporterNodeResolver,
  TradeTotalNodeResolver,
} from './nested.resolver';

export const analyticsResolvers: Function[] = [
  AnalyticsResolver,
  MarketAnalyticsResolver,
  CompanyAnalyticsResolver,
  TradeTotalNodeResolver,
  SupplierShareNodeResolver,
  RankedExporterNodeResolver,
  ExporterConcentrationNodeResolver,
];
