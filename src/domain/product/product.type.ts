/**
 * A product: an entry of the Harmonized System (chapter, heading, subheading, national line) or a
 * named product (a regional specialty) classified under one.
 */
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/relay/node';
import { Named } from '../shared/named';

@ObjectType('Product', { implements: [Node, Named], simpleResolvers: true, description: 'An HS entry or a named product classified under one.' })
export class Product extends Named {
  @Field(() => String, { nullable: true, description: 'HS description (HS entries).' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'HS code, e.g. "8711" (HS entries only).' })
  hsCode!: string | null;

  @Field(() => String, { nullable: true, description: 'HS edition, e.g. "HS2022".' })
  hsEdition!: string | null;

  @Field(() => Int, { nullable: true, description: 'Digits of the HS code: 2 chapter, 4 heading, 6 subheading, 8/10 national.' })
  hsLevel!: number | null;

  @Field(() => String, { nullable: true, description: 'HS section (Roman numeral).' })
  hsSection!: string | null;
}
