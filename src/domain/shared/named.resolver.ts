/**
 * Fields every named entity (region, market, company, product, policy) has, declared once on the
 * `Named` interface: provenance, what supports it, the figures about it. `NamedFields(Company)` is
 * the base Company's resolver extends; `NamedResolver` declares them on the interface itself.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import type { NodeValue } from '../../graphql/relay/node';
import { FigureArgs } from '../figure/figure.inputs';
import { FigureConnection, figuresAbout } from '../figure/figure.resolver';
import { loadObjects } from './load';
import { Named } from './named';
import { ProvenanceResolver } from './provenance.resolver';
import { NoBase, ResolverBase } from './resolver-base';
import { PolicySupport } from './summaries';

export function NamedFields<B extends ResolverBase>(of: Function, Base: B = NoBase as unknown as B) {
  @Resolver(() => of)
  abstract class NamedBase extends ProvenanceResolver(of, Base) {
    @FieldResolver(() => [PolicySupport], { description: 'Policies, programs and brands supporting this (SUPPORTS), with excerpts.' })
    supportedBy(@Root() n: NodeValue, @Ctx() ctx: RequestContext) {
      return loadObjects(ctx, 'policy/supporting', n.key);
    }

    @FieldResolver(() => FigureConnection, { description: 'Figures about this entity.', complexity: 2 })
    figures(@Root() n: NodeValue, @Args() args: FigureArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
      return figuresAbout(ctx, info, n.key, args);
    }
  }
  return NamedBase;
}

/** The interface's own fields (what a client selecting `... on Named` sees). */
@Resolver(() => Named)
export class NamedResolver extends NamedFields(Named) {}
