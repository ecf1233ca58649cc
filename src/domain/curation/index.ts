/** Curation's resolvers (one per GraphQL type); `HistoryResolver` joins every entity's chain. */
import { ChangeResolver } from './change.resolver';
import { ChangeSetResolver } from './change-set.resolver';

export const curationResolvers: Function[] = [ChangeSetResolver, ChangeResolver];
export { HistoryResolver } from './history.resolver';
