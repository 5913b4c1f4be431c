/**
 * Every stage of the contract, in lifecycle order (CaseView.stage). Kept apart from case.machine.ts so
 * pages that only list or filter stages (the staff filter bar) don't load xstate; the machine's states
 * are checked against this list in test/unit/machines/case.machine.test.ts.
 */
export const caseStages = [
  'draft',
  'recommendation',
  'qualification-review',
  'material-review',
  'site-review',
  'presentation',
  'comprehensive-evaluation',
  'committee',
  'publicity',
  'approval',
  'awarded',
  'withdrawn',
  'not-recommended',
  'not-accepted',
  'not-selected',
  'disqualified',
  'revoked',
] as const;

export type CaseStage = (typeof caseStages)[number];
