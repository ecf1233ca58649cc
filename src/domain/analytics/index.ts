/** The analytics resolvers, for src/domain/index.ts. */
import { AnalyticsResolver } from './analytics.resolver';
import {
  CompanyAnalyticsResolver,
  ConcentrationNodeResolver,
  ExporterShareNodeResolver,
  MarketAnalyticsResolver,
  RankedExporterNodeResolver,
  TradeChangeNodeResolver,
  TradeTotalNodeResolver,
} from './nested.resolver';

export const analyticsResolvers: Function[] = [
  AnalyticsResolver,
  MarketAnalyticsResolver,
  CompanyAnalyticsResolver,
  TradeTotalNodeResolver,
  TradeChangeNodeResolver,
  ExporterShareNodeResolver,
  RankedExporterNodeResolver,
  ConcentrationNodeResolver,
];
