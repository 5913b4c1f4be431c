import { caseMachine, type CaseStage, type StageMeta } from '../../machines/case.machine.ts';

/** Title, article, actor and review flag of a stage, from the machine's own meta. */
export function caseStageInfo(stage: CaseStage): StageMeta {
  return caseMachine.states[stage]!.meta as StageMeta;
}
