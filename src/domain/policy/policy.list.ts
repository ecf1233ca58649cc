/**
 * Root fields `policies` (filtered, sorted, paged) and `policy(id)`.
 */
import { Field, InputType, Int } from 'type-graphql';
import { idArg, intArg, textArg } from '../shared/page';
import { rootListResolver } from '../shared/root-list.resolver';
import { NameSort } from '../shared/sort';
import { Policy } from './policy.type';

@InputType('PolicyFilter')
export class PolicyFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name, Chinese name or an alias.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'plan, program, brand, platform, trade-form, zone, corridor, mechanism.' })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'Region id: in force there (applying to it or a region containing it).' })
  appliesIn?: string | null;

  @Field(() => Int, { nullable: true, description: 'In force during this year.' })
  year?: number | null;

  @Field(() => String, { nullable: true, description: 'Entity id: policies supporting it.' })
  supports?: string | null;
}

export const PolicyListResolver = rootListResolver({
  type: Policy,
  typeName: 'Policy',
  list: 'policies',
  description: 'Policies, plans, programs, brands, platforms, trade forms and channels.',
  query: 'policy/page',
  filter: PolicyFilter,
  params: (f) => ({
    name: textArg(f.name, 'name'),
    kind: textArg(f.kind, 'kind'),
    appliesIn: idArg(f.appliesIn, ['Region']),
    year: intArg(f.year, 'year'),
    supports: idArg(f.supports),
  }),
  sort: NameSort,
  defaultSort: NameSort.NAME,
  lookup: { field: 'policy', description: 'One policy by global id or graph id (policy:...).' },
});
