/** The linkage resolvers, for src/domain/index.ts. */
import { GraphEdgeResolver } from './graph-edge.resolver';
import { LinkageResolver } from './linkage.resolver';

export const linkageResolvers: Function[] = [LinkageResolver, GraphEdgeResolver];
