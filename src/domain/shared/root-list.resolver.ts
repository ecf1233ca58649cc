/**
 * The root fields of an entity type, built from what differs between types: the list
 * (`companies(filter, sort, direction, first/after/last/before)`, one named page query, the count
 * only when `totalCount` is asked) and, for types without a lookup of their own, the lookup by id
 * (`company(id)`, a global id or a graph id). A type's resolver extends it:
 * `class CompanyResolver extends RootList({ type: Company, ..., base: NamedFields(Company) })`.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ClassType, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { connectionType } from '../../graphql/relay/connection';
import { PageArgs, SortDirection } from '../../graphql/relay/page';
import type { Params } from '../../neo4j/database';
import { nodeByKey } from './node.resolver';
import { idArg } from '../../graphql/args';
import { rootConnection } from './page';
import { NoBase, ResolverBase } from './resolver-base';
import type { EntityValue, NodeTypeName } from './to-value';

export interface RootListSpec<F extends object, S extends string, B extends ResolverBase> {
  /** The object type and its name, e.g. Company and 'Company'. */
  type: ClassType;
  typeName: NodeTypeName;
  /** The list field, e.g. 'companies', and what it lists. */
  list: string;
  description: string;
  /** The named page query, e.g. 'company/page' (see cypher/queries/company/page.cypher). */
  query: string;
  /** The filter input type and its mapping to the page query's parameters (checks included). */
  filter: ClassType<F>;
  params: (filter: Partial<F>) => Params;
  /** The sort enum (registered with type-graphql) and its default. */
  sort: object;
  defaultSort: S;
  /** The lookup field, e.g. 'company'; omitted when the type has a lookup of its own. */
  lookup?: { field: string; description: string };
  /** The generic resolver this one extends (e.g. NamedFields(Company)). */
  base?: B;
}

export function RootList<F extends object, S extends string, B extends ResolverBase>(spec: RootListSpec<F, S, B>) {
  const Connection = connectionType(spec.type, spec.typeName);
  const Base = spec.base ?? (NoBase as unknown as B);

  @Resolver(() => spec.type)
  abstract class RootListBase extends Base {
    @Query(() => Connection, { name: spec.list, description: spec.description, complexity: 2 })
    list(
      @Arg('filter', () => spec.filter, { nullable: true }) filter: F | undefined,
      @Arg('sort', () => spec.sort, { defaultValue: spec.defaultSort }) sort: S,
      @Arg('direction', () => SortDirection, { defaultValue: SortDirection.ASC }) direction: SortDirection,
      @Args() page: PageArgs,
      @Ctx() ctx: RequestContext,
      @Info() info: GraphQLResolveInfo,
    ) {
      return rootConnection(ctx, info, spec.query, spec.params(filter ?? {}), page, { sort, direction });
    }
  }
  if (!spec.lookup) return RootListBase;
  const { field, description } = spec.lookup;

  @Resolver(() => spec.type)
  abstract class RootListAndLookup extends RootListBase {
    @Query(() => spec.type, { name: field, nullable: true, description })
    lookup(@Arg('id', () => String) id: string, @Ctx() ctx: RequestContext): Promise<EntityValue | null> {
      return nodeByKey(ctx, idArg(id, [spec.typeName])!, spec.typeName);
    }
  }
  return RootListAndLookup;
}
