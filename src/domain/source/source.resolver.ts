/**
 * Sources and excerpts: what each excerpt is quoted from and what it states (root fields: source.list.ts).
 */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import type { NodeValue } from '../../graphql/relay/node';
import { Node } from '../../graphql/relay/node';
import { loadNode, loadNodes } from '../shared/load';
import type { EntityValue } from '../shared/to-value';
import { Excerpt, Source } from './source.type';

@Resolver(() => Source)
export class SourceResolver {
  @FieldResolver(() => [Excerpt], { description: 'The excerpts quoted from this source.', complexity: 5 })
  excerpts(@Root() s: NodeValue, @Ctx() ctx: RequestContext): Promise<EntityValue[]> {
    return loadNodes(ctx, 'source/excerpts', s.key);
  }
}

@Resolver(() => Excerpt)
export class ExcerptResolver {
  @FieldResolver(() => Source, { nullable: true, description: 'The source this excerpt is quoted from.' })
  source(@Root() e: NodeValue, @Ctx() ctx: RequestContext): Promise<EntityValue | null> {
    return loadNode(ctx, 'provenance/sources-by-excerpt-ids', e.key);
  }

  @FieldResolver(() => [Node], { description: 'The facts and entities this excerpt states.', complexity: 5 })
  states(@Root() e: NodeValue, @Ctx() ctx: RequestContext): Promise<EntityValue[]> {
    return loadNodes(ctx, 'source/stated', e.key);
  }
}
