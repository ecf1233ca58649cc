/**
 * Root field `products` (filtered, sorted, paged); the lookups are in product.resolver.ts.
 */
import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { hsPrefixArg, idArg, intArg, textArg } from '../shared/page';
import { rootListResolver } from '../shared/root-list.resolver';
import { Product } from './product.type';

export enum ProductSort {
  NAME = 'NAME',
  HS_CODE = 'HS_CODE',
  KEY = 'KEY',
}
registerEnumType(ProductSort, { name: 'ProductSort', description: 'NAME, HS_CODE (named products last) or KEY; ties broken by graph id.' });

@InputType('ProductFilter')
export class ProductFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name, Chinese name or an alias.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'HS digits: entries whose code starts with them, and named products classified under one.' })
  hsPrefix?: string | null;

  @Field(() => String, { nullable: true, description: 'HS edition, e.g. HS2022.' })
  hsEdition?: string | null;

  @Field(() => Int, { nullable: true, description: '2 chapter, 4 heading, 6 subheading, 8/10 national line.' })
  hsLevel?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'true: named products only; false: HS entries only.' })
  named?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Region id: products originating in it or inside it.' })
  origin?: string | null;
}

export const ProductListResolver = rootListResolver({
  type: Product,
  typeName: 'Product',
  list: 'products',
  description: 'Products: HS entries and named products.',
  query: 'product/page',
  filter: ProductFilter,
  params: (f) => ({
    name: textArg(f.name, 'name'),
    hsPrefix: hsPrefixArg(f.hsPrefix),
    hsEdition: textArg(f.hsEdition, 'hsEdition'),
    hsLevel: intArg(f.hsLevel, 'hsLevel', 0, 12),
    named: f.named ?? null,
    origin: idArg(f.origin, ['Region']),
  }),
  sort: ProductSort,
  defaultSort: ProductSort.NAME,
});
