/**
 * `excerpts` and `sources` of every relationship object (Link and its subtypes), from the
 * `excerptIds` the relationship carries.
 */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Excerpt, Source } from '../source/source.type';
import { excerptsByIds, sourcesOfExcerptIds } from './provenance.resolver';
import { Link } from './summaries';
import type { EntityValue } from './to-value';

@Resolver(() => Link)
export class LinkResolver {
  @FieldResolver(() => [Excerpt], { description: 'The excerpts stating the relationship, verbatim.' })
  excerpts(@Root() link: { excerptIds?: string[] }, @Ctx() ctx: RequestContext): Promise<EntityValue[]> {
    return excerptsByIds(ctx, link.excerptIds ?? []);
  }

  @FieldResolver(() => [Source], { description: 'The distinct sources of those excerpts.' })
  sources(@Root() link: { excerptIds?: string[] }, @Ctx() ctx: RequestContext): Promise<EntityValue[]> {
    return sourcesOfExcerptIds(ctx, link.excerptIds ?? []);
  }
}
