/**
 * Root fields `companies` (filtered, sorted, paged) and `company(id)`.
 */
import { Field, InputType } from 'type-graphql';
import { idArg, textArg } from '../shared/page';
import { rootListResolver } from '../shared/root-list.resolver';
import { NameSort } from '../shared/sort';
import { Company } from './company.type';

@InputType('CompanyFilter')
export class CompanyFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name, Chinese name or an alias.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'enterprise or group.' })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'Region id: headquartered, or running a facility, in it or inside it.' })
  region?: string | null;
}

export const CompanyListResolver = rootListResolver({
  type: Company,
  typeName: 'Company',
  list: 'companies',
  description: 'Companies and business groups.',
  query: 'company/page',
  filter: CompanyFilter,
  params: (f) => ({ name: textArg(f.name, 'name'), kind: textArg(f.kind, 'kind'), region: idArg(f.region, ['Region']) }),
  sort: NameSort,
  defaultSort: NameSort.NAME,
  lookup: { field: 'company', description: 'One company by global id or graph id (company:...).' },
});
