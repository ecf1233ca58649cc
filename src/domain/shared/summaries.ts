/**
 * Small objects for aggregated relationships (who trades what with whom, in which years),
 * and for relationships with properties (excerpts on edges).
 */
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Company } from '../company/company.type';
import { Product } from '../product/product.type';
import { Policy } from '../policy/policy.type';
import { Market } from '../market/market.type';
import { Region } from '../region/region.type';
import { Node } from '../../graphql/relay/node';
import { Place } from './place';

@ObjectType('CurrencyTotal', { simpleResolvers: true, description: 'The summed values of flows stated in one currency.' })
export class CurrencyTotal {
  @Field(() => String, { nullable: true, description: 'ISO 4217 currency as the flows state it (null: flows stating no currency).' })
  currency!: string | null;

  @Field(() => Float, { description: 'Sum of the stated values in that currency.' })
  value!: number;

  @Field(() => Int, { description: 'Number of flows stating a value in that currency.' })
  flows!: number;
}

@ObjectType('TradeSummary', { simpleResolvers: true, description: 'How much trade the flows behind a relationship represent.' })
export class TradeSummary {
  @Field(() => Int, { description: 'Number of trade flows.' })
  flowCount!: number;

  @Field(() => Int, { nullable: true, description: 'First year of those flows.' })
  firstYear!: number | null;

  @Field(() => Int, { nullable: true, description: 'Last year of those flows.' })
  lastYear!: number | null;

  @Field(() => [Int], { description: 'Every year covered by those flows.' })
  years!: number[];

  @Field(() => [CurrencyTotal], { description: 'Sums of the stated values, one per currency (values in different currencies are never added), largest first.' })
  totals!: CurrencyTotal[];

  @Field(() => Float, { nullable: true, description: 'Sum of the stated values when every flow stating one states the same currency; else null (see totals).' })
  totalValue!: number | null;

  @Field(() => String, { nullable: true, description: 'Currency of totalValue.' })
  currency!: string | null;
}

@ObjectType('CompanyTrade', { simpleResolvers: true, description: 'A company at the other end of trade flows, with a summary.' })
export class CompanyTrade extends TradeSummary {
  @Field(() => Company)
  company!: unknown;
}

@ObjectType('ProductTrade', { simpleResolvers: true, description: 'A traded product, with a summary of its flows.' })
export class ProductTrade extends TradeSummary {
  @Field(() => Product)
  product!: unknown;
}

@ObjectType('PlaceTrade', { simpleResolvers: true, description: 'A region or market at the other end of trade flows, with a summary.' })
export class PlaceTrade extends TradeSummary {
  @Field(() => Place)
  place!: unknown;
}

@ObjectType('Link', { description: 'A relationship with the excerpts that state it.' })
export class Link {
  @Field(() => [String], { description: 'Ids of the excerpts stating the relationship.' })
  excerptIds!: string[];

  // Any stated relationship may carry its record's note (docs/model.md), so every edge object has it.
  @Field(() => String, { nullable: true, description: 'What the curator noted on the relationship (how the source was read, what it leaves open).' })
  note!: string | null;
}

@ObjectType('RegionLink', { implements: [], simpleResolvers: true, description: 'A relationship to a region (headquarters, location, origin, application), with its excerpts.' })
export class RegionLink extends Link {
  @Field(() => Region)
  region!: unknown;
}

@ObjectType('PolicySupport', { simpleResolvers: true, description: 'A policy, program or brand supporting something (SUPPORTS), with its excerpts.' })
export class PolicySupport extends Link {
  @Field(() => Policy)
  policy!: unknown;

  @Field(() => Node, { description: 'What is supported: a company, product, region, market or policy.' })
  target!: unknown;
}

@ObjectType('Classification', { simpleResolvers: true, description: 'A named product classified under an HS entry (CLASSIFIED_AS).' })
export class Classification extends Link {
  @Field(() => Product, { description: 'The named product.' })
  product!: unknown;

  @Field(() => Product, { description: 'The HS entry.' })
  hsEntry!: unknown;
}

@ObjectType('Membership', { simpleResolvers: true, description: "A region's membership of a market (MEMBER_OF), with its dates as the source states them." })
export class Membership extends Link {
  @Field(() => Region, { description: 'The member region.' })
  member!: unknown;

  @Field(() => Market)
  market!: unknown;

  @Field(() => String, { nullable: true, description: 'Member since (ISO date), when known.' })
  from!: string | null;

  @Field(() => String, { nullable: true, description: 'Member until (ISO date); null while a member.' })
  to!: string | null;
}

@ObjectType('Activity', { simpleResolvers: true, description: 'A company doing business in, or integrating with, a market or country (ACTIVE_IN), as a source says.' })
export class Activity extends Link {
  @Field(() => Company)
  company!: unknown;

  @Field(() => Place, { description: 'The market or region the company is active in.' })
  place!: unknown;
}

@ObjectType('Category', { simpleResolvers: true, description: 'A named product under a broader named product, its category (PART_OF between named products, not the HS tree).' })
export class Category extends Link {
  @Field(() => Product, { description: 'The narrower named product (e.g. beef).' })
  member!: unknown;

  @Field(() => Product, { description: 'The broader named product (e.g. consumer goods).' })
  category!: unknown;
}
