import { z } from '../src/core/zod-mini.ts';
import { isIsoDate, todayInChina, type IsoDate } from '../src/core/dates.ts';
import { throwZodErrorOnParse } from '../src/core/zod-contract.ts';

/**
 * The events of a case's log (contract §3). `on` is an ISO calendar date in China time; a JS Date
 * is accepted on input and converted to its China calendar date (lenient in, strict out).
 */
/**
 * Bulk replay validates hundreds of thousands of dates drawn from a few hundred days: remember the
 * ones already checked (isIsoDate from src/core/dates.ts decides; the message matches isoDateSchema).
 */
const knownDates = new Set<string>();
function isCalendarDate(text: string): boolean {
  if (knownDates.has(text)) return true;
  if (!isIsoDate(text)) return false;
  if (knownDates.size >= 20_000) knownDates.clear();
  knownDates.add(text);
  return true;
}

const dateText = z.string({ error: '日期应按“年-月-日”填写，例如 2021-04-26 / a date must be written year-month-day, e.g. 2021-04-26' }).check(z.refine(isCalendarDate, {
    error: (issue) =>
      `不是有效的日期：${String(issue.input)}（应按“年-月-日”填写，例如 2021-04-26）/ not a valid date: ${String(issue.input)} (write year-month-day, e.g. 2021-04-26)`,
  }));

const onSchema = z.pipe(z.union([
    dateText,
    z.date({ error: '“on” 必须是 YYYY-MM-DD 日期 / "on" must be a YYYY-MM-DD date' }).check(z.refine((d) => !Number.isNaN(d.getTime()), { error: '“on” 是无效的日期对象 / "on" is an invalid Date' })),
  ]), z.transform((d): IsoDate => (typeof d === 'string' ? d : todayInChina(d))));

const dated = <T extends string>(type: T) => z.object({ type: z.literal(type), on: onSchema });

const eventOptions = [
  z.extend(dated('apply'), {
    kind: z.enum(['organization', 'individual'], {
      error: '“kind” 必须是 organization 或 individual / "kind" must be organization or individual',
    }),
  }),
  dated('return'),
  z.extend(dated('recommend'), {
    by: z.string().check(z.trim()).check(z.minLength(1, { error: '“by” 需填写推荐单位 / "by" must name the recommender' })),
  }),
  dated('decline'),
  dated('accept'),
  dated('reject'),
  dated('pass-material-review'),
  dated('fail-material-review'),
  dated('complete-site-review'),
  dated('complete-presentation'),
  z.extend(dated('propose'), {
    tier: z.enum(['award', 'nomination'], { error: '“tier” 必须是 award 或 nomination / "tier" must be award or nomination' }),
  }),
  dated('not-proposed'),
  dated('committee-approve'),
  dated('committee-reject'),
  dated('publicity-objection-upheld'),
  dated('publicity-end'),
  dated('government-approve'),
  dated('government-reject'),
  dated('false-material-found'),
  dated('withdraw'),
  z.extend(dated('revoke'), {
    reason: z.enum(['fraud', 'incident'], { error: '“reason” 必须是 fraud 或 incident / "reason" must be fraud or incident' }),
  }),
] as const;

const eventTypeList = eventOptions.map((o) => o.shape.type._zod.def.values[0]!).join(', ');

export const caseEventSchema = z.discriminatedUnion('type', eventOptions, {
  // zod's own messages here are English only; an import or replay names the event in both languages.
  error: (issue) => {
    const input = issue.input as { type?: unknown } | null | undefined;
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      return '事件必须是含 “type” 和 “on” 的对象 / an event must be an object with "type" and "on"';
    const type = typeof input.type === 'string' ? `“${input.type.slice(0, 60)}”` : '（缺失）';
    const typeEn = typeof input.type === 'string' ? `"${input.type.slice(0, 60)}"` : '(missing)';
    return `未知的事件类型 ${type}，应为以下之一：${eventTypeList} / unknown event type ${typeEn}; expected one of: ${eventTypeList}`;
  },
});

export const caseEventLogSchema = z.array(caseEventSchema, {
  error: '事件日志必须是数组 / the event log must be an array',
});

const plainTypes = new Set<string>(
  eventOptions.filter((o) => Object.keys(o.shape).length === 2).map((o) => o.shape.type._zod.def.values[0]!),
);
const kinds = new Set(['organization', 'individual']);
const tiers = new Set(['award', 'nomination']);
const reasons = new Set(['fraud', 'incident']);

/**
 * Bulk replay (a year's cases, the benchmark's 200 000 events) spends most of its time in zod. A
 * log that is already in normal form (ISO date strings, known fields) takes this fast path, which
 * returns exactly what caseEventLogSchema.parse would (test/unit/cases/events.test.ts checks that
 * on random input); anything else (JS Dates, bad input) returns null and goes through zod.
 */
function normalFormLog(events: unknown): CaseEvent[] | null {
  if (!Array.isArray(events)) return null;
  const out: CaseEvent[] = new Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as Record<string, unknown> | null | undefined;
    if (typeof e !== 'object' || e === null || Array.isArray(e)) return null;
    const type = e['type'];
    const on = e['on'];
    if (typeof type !== 'string' || typeof on !== 'string' || !isCalendarDate(on)) return null;
    if (plainTypes.has(type)) {
      out[i] = { type, on } as CaseEvent;
      continue;
    }
    switch (type) {
      case 'apply': {
        const kind = e['kind'];
        if (typeof kind !== 'string' || !kinds.has(kind)) return null;
        out[i] = { type, on, kind: kind as ApplicantKind };
        break;
      }
      case 'recommend': {
        const by = e['by'];
        if (typeof by !== 'string') return null;
        const trimmed = by.trim();
        if (!trimmed) return null;
        out[i] = { type, on, by: trimmed };
        break;
      }
      case 'propose': {
        const tier = e['tier'];
        if (typeof tier !== 'string' || !tiers.has(tier)) return null;
        out[i] = { type, on, tier: tier as Tier };
        break;
      }
      case 'revoke': {
        const reason = e['reason'];
        if (typeof reason !== 'string' || !reasons.has(reason)) return null;
        out[i] = { type, on, reason: reason as 'fraud' | 'incident' };
        break;
      }
      default:
        return null;
    }
  }
  return out;
}

/** Validates and normalises a case's event log; throws ZodError when it is malformed. */
export function parseCaseEventLog(events: unknown): CaseEvent[] {
  return normalFormLog(events) ?? caseEventLogSchema.parse(events);
}

/** For tests: the fast path alone. */
export const normalFormLogForTest = normalFormLog;

/** A case event after validation: `on` is always an ISO date string. */
export type CaseEvent = z.output<typeof caseEventSchema>;
/** A case event as accepted on input (`on` may also be a JS Date). */
export type CaseEventInput = z.input<typeof caseEventSchema>;
export type CaseEventType = CaseEvent['type'];
export type ApplicantKind = 'organization' | 'individual';
export type Tier = 'award' | 'nomination';

export const caseEventTypes = eventOptions.map((o) => o.shape.type._zod.def.values[0]!) as CaseEventType[];

// Part of the contract (src/index.ts): `.parse` throws the classic ZodError, as with full zod (issue 19).
throwZodErrorOnParse(caseEventLogSchema, caseEventSchema);
