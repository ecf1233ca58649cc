/**
 * The root fields of an entity type, built from what differs between types: the list
 * (`companies(filter, sort, direction, first/after/last/before)`, one named page query, the count
 * only when `totalCount` is asked) and, for types without a lookup of their own, the lookup by id
 * (`company(id)`, a global id or a graph id). A type's resolver extends it:
 * `class CompanyResolver extends RootList({ type: Company, ..., base: NamedFields(Company) })`.
 *
 * A type that names no page query of its own (a kind just added to the model) gets the generic
 * one: `node/page` rendered for its label, filtered by name and kind (`<Type>Filter`), sorted by
 * name or key (NameSort).
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ClassType, Ctx, Field, InputType, Info, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { connectionType } from '../../graphql/relay/connection';
import { PageArgs, SortDirection } from '../../graphql/relay/page';
import type { Params } from '../../neo4j/database';
import { nodeByKey } from './node.resolver';
import { idArg, textArg } from '../../graphql/args';
import type { QueryRef } from '../../graphql/loaders';
import { labelSlot } from '../../neo4j/queries';
import { NameSort } from './sort';
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
  /** The named page query, e.g. 'company/page' (see cypher/queries/company/page.cypher); default: node/page for the type's label. */
  query?: string;
  /** The filter input type and its mapping to the page query's parameters (checks included); default: name and kind. */
  filter?: ClassType<F>;
  params?: (filter: Partial<F>) => Params;
  /** The sort enum (registered with type-graphql) and its default; default: NameSort, NAME. */
  sort?: object;
  defaultSort?: S;
  /** The lookup field, e.g. 'company'; omitted when the type has a lookup of its own. */
  lookup?: { field: string; description: string };
  /** The generic resolver this one extends (e.g. NamedFields(Company)). */
  base?: B;
}

/** The filter of a type without one of its own: `<Type>Filter { name, kind }`. */
export interface NameKindFilter {
  name?: string | null;
  kind?: string | null;
}

function nameKindFilter(typeName: string): ClassType<NameKindFilter> {
  @InputType(`${typeName}Filter`)
  class Filter implements NameKindFilter {
    @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name, Chinese name or an alias.' })
    name?: string | null;

    @Field(() => String, { nullable: true, description: 'The kind (see the type\'s `kind` field).' })
    kind?: string | null;
  }
  return Filter;
}

const nameKindParams = (f: Partial<NameKindFilter>): Params => ({ name: textArg(f.name, 'name'), kind: textArg(f.kind, 'kind') });

export function RootList<F extends object = NameKindFilter, S extends string = NameSort, B extends ResolverBase = ResolverBase>(spec: RootListSpec<F, S, B>) {
  const Connection = connectionType(spec.type, spec.typeName);
  const Base = spec.base ?? (NoBase as unknown as B);
  const query: QueryRef = spec.query ?? { name: 'node/page', slots: { LABEL: labelSlot(spec.typeName) } };
  const filterType = spec.filter ?? (nameKindFilter(spec.typeName) as unknown as ClassType<F>);
  const params = spec.params ?? (nameKindParams as (f: Partial<F>) => Params);
  const sortEnum = spec.sort ?? NameSort;
  const defaultSort = spec.defaultSort ?? (NameSort.NAME as unknown as S);

  @Resolver(() => spec.type)
  abstract class RootListBase extends Base {
    @Query(() => Connection, { name: spec.list, description: spec.description, complexity: 2 })
    list(
      @Arg('filter', () => filterType, { nullable: true }) filter: F | undefined,
      @Arg('sort', () => sortEnum, { defaultValue: defaultSort }) sort: S,
      @Arg('direction', () => SortDirection, { defaultValue: SortDirection.ASC }) direction: SortDirection,
      @Args() page: PageArgs,
      @Ctx() ctx: RequestContext,
      @Info() info: GraphQLResolveInfo,
    ) {
      return rootConnection(ctx, info, query, params(filter ?? {}), page, { sort, direction });
    }
  }
  if (!spec.lookup) return RootListBase;
  const { field, description } = spec.lookup;

  @Resolver(() => spec.type)
  abstract class RootListAndLookup extends RootListBase {
    @Query(() => spec.type, { name: field, nullable: true, description })
    lookup(@Arg('id', () => String) id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<EntityValue | null> {
      return nodeByKey(ctx, idArg(id, [spec.typeName])!, spec.typeName, info);
    }
  }
  return RootListAndLookup;
}
