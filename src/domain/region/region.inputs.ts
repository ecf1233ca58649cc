/**
 * Filters of the regions list.
 */
import { Field, InputType } from 'type-graphql';

@InputType('RegionFilter')
export class RegionFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name, Chinese name or an alias.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'world, continent, subregion, country, province, municipality, district, county.' })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'A code: ISO alpha-2 or alpha-3, UN M49 or GB/T 2260.' })
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'Market id: regions that are or were members.' })
  memberOf?: string | null;

  @Field(() => String, { nullable: true, description: 'Region id: regions inside it, at any depth.' })
  partOf?: string | null;
}
