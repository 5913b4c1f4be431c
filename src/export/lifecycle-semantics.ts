import type { PolicyPack } from '../policy/schema.ts';
import { caseRulesFrom } from '../../machines/case.machine.ts';

/**
 * What the case machine's named guards and actions mean, written once per expression language the
 * exports speak: ECMAScript for SCXML (`datamodel="ecmascript"`) and JUEL `${…}` for BPMN (Camunda 7,
 * Flowable). The machine stays the source of the lifecycle (stages, transitions, guard and action
 * names); this table only translates each name. An export of a machine that uses a name missing here
 * throws, so a new guard cannot be exported silently as "always true".
 *
 * Data carried by both exports (the machine's context, as far as a guard reads it):
 * - `kind`  applicant kind from `apply` (第十条(三): site review vs presentation)
 * - `lastDay` day number of the last accepted event (replayCase refuses a date before it)
 * - `publicityStartedDay` day number of `committee-approve`; `publicityDays` from the policy (第十条(五))
 * - `tier`, `recommendedBy`, `awardedOn`, `banDecidedOn` + `banYears` (第十四条/第十五条: the decision
 *   and its length, not an end date: the end day follows the Civil Code period rule in replayCase)
 *
 * Day numbers are days since 1970-01-01 (UTC calendar arithmetic), because JUEL has no dates.
 */

export interface LifecycleData {
  publicityDays: number;
  falseMaterialYears: number;
  fraudRevocationYears: number;
  incidentRevocationYears: number;
}

/** An executable model needs every number: an award whose pack leaves one unverified cannot be exported. */
function stated(value: number | null, what: string): number {
  if (value === null) throw new Error(`The award's measures do not state ${what} (unverified): the lifecycle cannot be exported as an executable model.`);
  return value;
}

export const lifecycleData = (policy: PolicyPack): LifecycleData => {
  const r = caseRulesFrom(policy);
  return {
    publicityDays: stated(r.publicityDays, 'the publicity days'),
    falseMaterialYears: stated(r.falseMaterialYears, 'the false-material ban'),
    fraudRevocationYears: stated(r.fraudRevocationYears, 'the fraud revocation ban'),
    incidentRevocationYears: stated(r.incidentRevocationYears, 'the incident revocation ban'),
  };
};

/** ECMAScript guard expressions; `_event.data` is the case event (`on`, `kind`, …). */
export const ecmaGuards: Record<string, string> = {
  isOrganization: "kind === 'organization'",
  isIndividual: "kind === 'individual'",
  publicityRanItsDays: 'publicityStartedDay !== null && dayNumber(_event.data.on) >= publicityStartedDay + publicityDays',
  hasFiled: 'kind !== null',
};

/** Every accepted event must not be dated before the last accepted one (contract §3). */
export const ecmaInOrder = 'lastDay === null || dayNumber(_event.data.on) >= lastDay';

/** ECMAScript assignments per machine action: [location, expr]. */
export const ecmaActions: Record<string, [string, string][]> = {
  recordKind: [['kind', '_event.data.kind']],
  recordRecommender: [['recommendedBy', '_event.data.by']],
  recordTier: [['tier', '_event.data.tier']],
  startPublicity: [['publicityStartedDay', 'dayNumber(_event.data.on)']],
  recordAward: [['awardedOn', '_event.data.on']],
  banForFalseMaterial: [
    ['banDecidedOn', '_event.data.on'],
    ['banYears', 'falseMaterialYears'],
  ],
  banForRevocation: [
    ['banDecidedOn', '_event.data.on'],
    ['banYears', "_event.data.reason === 'incident' ? incidentRevocationYears : fraudRevocationYears"],
  ],
};

/** Day number of an ISO date, in the SCXML document's <script>. */
export const ecmaDayNumber =
  'function dayNumber(iso) { var p = String(iso).split("-"); return Math.round(Date.UTC(+p[0], +p[1] - 1, +p[2]) / 86400000); }';

/**
 * JUEL guard expressions over process variables. The event that completes a stage's user task
 * carries `event` (its type), `on` (ISO date), `onDay` (its day number) and the event's own fields
 * (`kind`, `by`, `tier`, `reason`).
 */
export const juelGuards: Record<string, string> = {
  isOrganization: "kind == 'organization'",
  isIndividual: "kind == 'individual'",
  publicityRanItsDays: 'publicityStartedDay != null && onDay >= publicityStartedDay + publicityDays',
  hasFiled: 'kind != null',
};

export const juelInOrder = 'lastDay == null || onDay >= lastDay';

export function requireName<T>(table: Record<string, T>, name: string, what: string): T {
  const v = table[name];
  if (v === undefined) throw new Error(`lifecycle export: no expression for ${what} "${name}" (add it to src/export/lifecycle-semantics.ts)`);
  return v;
}

/** JUEL assignments per machine action: [variable, JUEL expression] (Camunda execution listeners on take). */
export const juelActions: Record<string, [string, string][]> = {
  recordKind: [['kind', 'eventKind']],
  recordRecommender: [['recommendedBy', 'eventBy']],
  recordTier: [['tier', 'eventTier']],
  startPublicity: [['publicityStartedDay', 'onDay']],
  recordAward: [['awardedOn', 'on']],
  banForFalseMaterial: [
    ['banDecidedOn', 'on'],
    ['banYears', 'falseMaterialYears'],
  ],
  banForRevocation: [
    ['banDecidedOn', 'on'],
    ['banYears', "eventReason == 'incident' ? incidentRevocationYears : fraudRevocationYears"],
  ],
};

/** The case's own variables, null until an event sets them (JUEL refuses an unknown identifier). */
export const caseVariables = ['kind', 'tier', 'recommendedBy', 'lastDay', 'publicityStartedDay', 'awardedOn', 'banDecidedOn', 'banYears'] as const;

/** Variables a stage's user task is completed with: the case event (第十条 decisions). */
export const eventVariables = ['event', 'on', 'onDay', 'eventKind', 'eventBy', 'eventTier', 'eventReason'] as const;

/** Short Chinese names of the guards, for flow labels. */
export const guardTitles: Record<string, string> = {
  isOrganization: '组织',
  isIndividual: '个人',
  publicityRanItsDays: '公示期满',
  hasFiled: '已申报',
};
