/** The analytics resolvers, for src/domain/index.ts (nested aggregates live with their type: Company.exportsByDestination, Market.suppliersByProduct). */
import { AnalyticsResolver } from './analytics.resolver';

export const analyticsResolvers: Function[] = [AnalyticsResolver];
