import fc from 'fast-check';
import { addDays, type IsoDate } from '../../../src/core/dates.ts';
import { caseEventTypes, type CaseEvent, type CaseEventType } from '../../../machines/case.events.ts';
import { startFold } from '../../../src/cases/replay.ts';

/** A full event with every optional field a type may need. */
export function makeEvent(type: CaseEventType, on: IsoDate, opts: { kind?: 'organization' | 'individual'; tier?: 'award' | 'nomination'; reason?: 'fraud' | 'incident' } = {}): CaseEvent {
  switch (type) {
    case 'apply':
      return { type, on, kind: opts.kind ?? 'organization' };
    case 'recommend':
      return { type, on, by: '海州区人民政府' };
    case 'propose':
      return { type, on, tier: opts.tier ?? 'award' };
    case 'revoke':
      return { type, on, reason: opts.reason ?? 'fraud' };
    default:
      return { type, on } as CaseEvent;
  }
}

/** The happy path of a case up to an event type, with the given dates (one day apart; publicity 7 days). */
export function happyPath(kind: 'organization' | 'individual', tier: 'award' | 'nomination' = 'award', start: IsoDate = '2026-03-02'): CaseEvent[] {
  const review = kind === 'organization' ? 'complete-site-review' : 'complete-presentation';
  const seq: CaseEventType[] = ['apply', 'recommend', 'accept', 'pass-material-review', review, 'propose', 'committee-approve'];
  const events = seq.map((t, i) => makeEvent(t, addDays(start, i), { kind, tier }));
  const posted = addDays(start, seq.length - 1);
  events.push(makeEvent('publicity-end', addDays(posted, 7)), makeEvent('government-approve', addDays(posted, 10)));
  return events;
}

const step = fc.record({
  /** 0: any event type (mostly refusals); 1–2: any event the case accepts now; 3–9: the forward one if any. */
  mode: fc.nat(9),
  pick: fc.nat(),
  gap: fc.integer({ min: -2, max: 6 }),
  kind: fc.constantFrom('organization' as const, 'individual' as const),
  tier: fc.constantFrom('award' as const, 'nomination' as const),
  reason: fc.constantFrom('fraud' as const, 'incident' as const),
});

const forward = new Set<CaseEventType>([
  'apply',
  'recommend',
  'accept',
  'pass-material-review',
  'complete-site-review',
  'complete-presentation',
  'propose',
  'committee-approve',
  'publicity-end',
  'government-approve',
]);

export type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/** Builds a log from random choices; next-event choices look at where the case is now. */
export function buildLog(steps: Step[], start: IsoDate = '2026-01-05'): CaseEvent[] {
  const fold = startFold();
  const events: CaseEvent[] = [];
  let day = start;
  steps.forEach((s, i) => {
    day = addDays(day, s.gap);
    const next = fold.view().nextEvents;
    const fwd = next.find((t) => forward.has(t));
    const type =
      s.mode >= 3 && fwd
        ? fwd
        : s.mode >= 1 && next.length
          ? next[s.pick % next.length]!
          : caseEventTypes[s.pick % caseEventTypes.length]!;
    const event = makeEvent(type, day, s);
    events.push(event);
    fold.step(event, i);
  });
  return events;
}

export const stepsArb = (maxLength = 30) => fc.array(step, { maxLength, size: 'max' });
/** Mostly follows the lifecycle, so many cases reach approval. */
export const deepStepsArb = (maxLength = 30) =>
  fc.array(step.map((s) => ({ ...s, mode: s.pick % 12 === 0 ? 1 : 9, gap: Math.max(1, s.gap) })), { minLength: 8, maxLength, size: 'max' });
export const logArb = (maxLength = 30) => stepsArb(maxLength).map((s) => buildLog(s));
