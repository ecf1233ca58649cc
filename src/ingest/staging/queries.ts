/**
 * The staging Cypher (cypher/ingest/staging/*.cypher), placeholders filled once from closed lists:
 * labels and relationship types from the model, the property list of a Comtrade flow from
 * FLOW_PROPS. Nothing from input reaches the text.
 */
import { MERGE_LABELS, fill, template } from '../templates';
import { REL_TYPES, RelType } from '../model';

/** Every property a Comtrade row owns on its TradeFlow (src/ingest/readers/comtrade.ts), but sourceRow. */
export const FLOW_PROPS = [
  'direction',
  'periodStart',
  'periodEnd',
  'period',
  'value',
  'currency',
  'cifValue',
  'fobValue',
  'netWeightKg',
  'quantity',
  'quantityUnit',
  'qualifier',
  'flag',
  'classification',
] as const;

/** Labels an import may create as staged entities (the Fact labels are staged as StagedFact). */
export const ENTITY_LABELS = MERGE_LABELS.filter((l) => l !== 'Fact');
export const STAGED_LABELS = ['StagedFact', 'StagedUpdate', 'StagedEntity'] as const;

const t = (name: string): string => template(`staging/${name}`);

export class StagingQueries {
  readonly existingFlows = t('existing-flows');
  readonly stageNewFlows = t('stage-new-flows');
  readonly stageUpdates = t('stage-updates');
  readonly resolveIds = MERGE_LABELS.map((l) => fill(t('resolve-ids'), { MERGE_LABEL: l })).join('\nUNION ALL\n');
  readonly resolveStaged = t('resolve-staged-ids');
  readonly stageEntities = t('stage-entities');
  readonly entityRels = new Map<RelType, string>(REL_TYPES.map((type) => [type, fill(t('stage-entity-rels'), { TYPE: type })]));
  readonly publishEntities = ENTITY_LABELS.map((l) => fill(t('publish-entities'), { LABEL: l }));
  readonly dropStagedRows = t('drop-staged-rows');
  readonly stagedTouched = t('staged-touched');
  readonly runStart = t('run-start');
  readonly runUnfinished = t('run-unfinished');
  readonly runCheckpoint = t('run-checkpoint');
  readonly runStatus = t('run-status');
  readonly rollback = STAGED_LABELS.map((l) => fill(t('rollback'), { STAGED_LABEL: l }));

  /** `rows`: flows per inner transaction when publishing in batches (a whole number the code chooses), or undefined inside one transaction. */
  publishFlows(rows?: number): string {
    return fill(t('publish-flows'), { IN_TRANSACTIONS: inTransactions(rows) });
  }

  publishUpdates(rows?: number): string {
    const set = FLOW_PROPS.map((p) => `f.${p} = u.${p}`).join(', ');
    return fill(t('publish-updates'), { SET_PROPS: set, IN_TRANSACTIONS: inTransactions(rows && Math.ceil(rows / 2)) });
  }
}

function inTransactions(rows?: number): string {
  return rows === undefined ? '' : `IN TRANSACTIONS OF ${Math.max(1, Math.floor(rows))} ROWS`;
}

let shared: StagingQueries | undefined;
export function stagingQueries(): StagingQueries {
  shared ??= new StagingQueries();
  return shared;
}
