/**
 * Case lifecycle (contract §3): a case is its event log, folded through the XState case machine
 * (machines/case.machine.ts). Decisions:
 * - Outcomes: decline → not-recommended; qualification reject → not-accepted; failed material review,
 *   not proposed, Committee reject, government reject → not-selected; publicity objection upheld →
 *   disqualified (第十条(五), no backfill); false material before the award → disqualified + 第十四条 ban;
 *   withdraw (before government approval) → withdrawn; revoke (after the award) → revoked + 第十四条/第十五条 ban.
 * - Ban end day (民法典 第二百零一条/第二百零二条): N years decided on D start on D+1 and end on the
 *   corresponding day N years on, the month's last day where there is none (banUntil/lockedUntil hold
 *   that last banned day), the same rule as the eligibility pre-check; the 第十六条 lock is
 *   `lockedUntil`, not `banUntil`.
 * - Dates: `on` is a China calendar date; a JS Date input is converted with todayInChina.
 */
export {
  caseEventSchema,
  caseEventLogSchema,
  caseEventTypes,
  type CaseEvent,
  type CaseEventInput,
  type CaseEventType,
  type ApplicantKind,
  type Tier,
} from '../../machines/case.events.ts';
export {
  caseMachine,
  caseStages,
  caseRulesFrom,
  lastBannedDay,
  type CaseStage,
  type CaseContext,
  type CaseRules,
  type CaseMachine,
  type StageMeta,
} from '../../machines/case.machine.ts';
export {
  replayCase,
  parseCaseEvents,
  acceptedEventTypes,
  caseTable,
  type CaseView,
  type CaseHistoryEntry,
  type RejectedCaseEvent,
  type ReplayOptions,
} from './replay.ts';
export type { RefusalCode } from './reasons.ts';
export { stageTitle } from './reasons.ts';
export {
  replayYear,
  summarizeYear,
  checkQuota,
  caseRecordSchema,
  type CaseRecord,
  type YearSummary,
  type YearReplay,
  type YearCaseView,
  type QuotaTally,
  type QuotaViolation,
  type QuotaCheck,
} from './year.ts';
export {
  bansFromCases,
  rewardForCase,
  publicityDeadline,
  type CaseBan,
  type BanHistoryEvent,
  type CaseReward,
  type PublicityDeadline,
} from './staff.ts';
export { caseStageInfo } from './labels.ts';
