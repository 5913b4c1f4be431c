import { computed } from '@preact/signals';
import type { Bilingual } from '../../core/i18n.ts';
import type { CaseEventType, Tier } from '../../../machines/case.events.ts';
import { stageTitlesFor, tierTitlesFor, type CaseStage } from '../../../machines/case.stages.ts';
import { caseEventLabelsFor } from '../../staff/event-labels.ts';
import type { AwardPack } from '../../policy/schema.ts';
import { packOfCase, policy, yearCohort } from './store.ts';

/** Stage, tier and event names in one award's words (its committee, its approver, its award names). */
export interface AwardNames {
  stages: Record<CaseStage, Bilingual>;
  tiers: Record<Tier, Bilingual>;
  events: Record<CaseEventType, Bilingual>;
}

const cache = new WeakMap<AwardPack['award'], AwardNames>();
export function namesOf(pack: AwardPack): AwardNames {
  let n = cache.get(pack.award);
  if (!n) cache.set(pack.award, (n = { stages: stageTitlesFor(pack.award), tiers: tierTitlesFor(pack.award), events: caseEventLabelsFor(pack.award) }));
  return n;
}

/** A list mixing awards: names no one award owns (a committee, an approval, an award and a nomination). */
const mixed: AwardNames = {
  ...namesOf({ award: { terms: { committee: { zh: '委员会', en: 'committee' } }, shortName: { zh: '奖项', en: 'Award' }, nominationName: { zh: '提名奖', en: 'Nomination' } } } as AwardPack),
};

/** One listed case's names: its own award's (issue 16); the office's when it cannot be judged. */
export const namesOfCase = (id: string): AwardNames => namesOf(packOfCase(id) ?? policy);

/**
 * Names on the parts of the page that show no single case (stage chips, filters, the year's quotas):
 * the award the selected year's cases are judged by; neutral names when they mix awards; the office's
 * award when the year has no case (issue 16).
 */
export const listNames = computed<AwardNames>(() => {
  let only: AwardPack | null = null;
  for (const c of yearCohort.value.cohort) {
    const p = packOfCase(c.header.id) ?? policy;
    if (only && p.award.id !== only.award.id) return mixed;
    only ??= p;
  }
  return namesOf(only ?? policy);
});
