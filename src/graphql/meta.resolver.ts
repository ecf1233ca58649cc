/**
 * Facts about the service itself: its version and the Neo4j it runs on.
 */
import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from './context';
import { VERSION } from '../version';

@ObjectType({ description: 'The running tradegraph service and the Neo4j behind it.' })
export class ServiceInfo {
  @Field({ description: 'tradegraph version.' })
  version!: string;

  @Field({ description: 'Neo4j product, version and edition, e.g. "Neo4j Kernel 5.26.19 community".' })
  neo4j!: string;
}

@Resolver()
export class MetaResolver {
  @Query(() => ServiceInfo, { description: 'The service version and the Neo4j it runs on.' })
  async serviceInfo(@Ctx() ctx: RequestContext): Promise<ServiceInfo> {
    return { version: VERSION, neo4j: await ctx.db.serverInfo() };
  }
}
