/** The discovery resolvers, for src/domain/index.ts. */
import { DiscoveryResolver } from './discovery.resolver';

export const discoveryResolvers: Function[] = [DiscoveryResolver];
