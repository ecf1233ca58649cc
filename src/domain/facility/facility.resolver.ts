/**
 * Facility fields: operators, locations (with the source's own words in locationNote), provenance
 * (root fields: facility.list.ts).
 */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import type { NodeValue } from '../../graphql/relay/node';
import { Company } from '../company/company.type';
import { loadNodes, loadObjects } from '../shared/load';
import { ProvenanceResolver } from '../shared/provenance.resolver';
import { RegionLink } from '../shared/summaries';
import { Facility } from './facility.type';

@Resolver(() => Facility)
export class FacilityResolver extends ProvenanceResolver(Facility) {
  @FieldResolver(() => [Company], { description: 'Companies operating the facility.' })
  operators(@Root() f: NodeValue, @Ctx() ctx: RequestContext) {
    return loadNodes(ctx, 'facility/operators', f.key);
  }

  @FieldResolver(() => [RegionLink], { description: 'Where the facility is; when the source is vague, see locationNote.' })
  locations(@Root() f: NodeValue, @Ctx() ctx: RequestContext) {
    return loadObjects(ctx, 'facility/locations', f.key);
  }
}
