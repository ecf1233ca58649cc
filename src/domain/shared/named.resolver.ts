/**
 * Provenance of every named entity (regions, markets, companies, products, policies), declared once
 * on the `Named` interface; and what supports each of them.
 */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import type { NodeValue } from '../../graphql/relay/node';
import { loadObjects } from './load';
import { Named } from './named';
import { ProvenanceResolver } from './provenance.resolver';
import { PolicySupport } from './summaries';

@Resolver(() => Named)
export class NamedResolver extends ProvenanceResolver(Named) {
  @FieldResolver(() => [PolicySupport], { description: 'Policies, programs and brands supporting this (SUPPORTS), with excerpts.' })
  supportedBy(@Root() n: NodeValue, @Ctx() ctx: RequestContext) {
    return loadObjects(ctx, 'policy/supporting', n.key);
  }
}
