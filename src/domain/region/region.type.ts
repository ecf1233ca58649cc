/**
 * A place: the world, a continent, an M49 subregion, a country, a province/municipality, a district or county.
 */
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/relay/node';
import { Named } from '../shared/named';

@ObjectType('Region', { implements: [Node, Named], simpleResolvers: true, description: 'A place in the region hierarchy (district -> municipality -> country -> M49 subregion -> continent -> world).' })
export class Region extends Named {
  @Field(() => String, { nullable: true, description: 'world, continent, subregion, country, province, municipality, district, county.' })
  kind!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 (countries).' })
  iso2!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-3 (countries).' })
  iso3!: string | null;

  @Field(() => String, { nullable: true, description: 'UN M49 numeric code (countries and areas), e.g. "156".' })
  m49!: string | null;

  @Field(() => String, { nullable: true, description: 'GB/T 2260 code (Chinese administrative divisions), e.g. "500156".' })
  gbCode!: string | null;
}
