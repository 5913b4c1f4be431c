import { caseStates, type CaseStage, type StageMeta } from '../../machines/case.definition.ts';

/** Title, article, actor and review flag of a stage, from the machine's own meta. */
export function caseStageInfo(stage: CaseStage): StageMeta {
  return caseStates[stage].meta;
}
