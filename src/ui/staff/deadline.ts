import { signal } from '@preact/signals';
import { daysBetween, isIsoDate, type IsoDate } from '../../core/calendar.ts';
import { policy } from './store.ts';

/** The year's application deadline: the policy call's (第十条(一)) when it covers the year, else the office's setting. */
export const deadlineSettings = signal<Record<number, IsoDate | null>>({});

const key = (year: number) => `staff.applicationDeadline.${year}`;

export function policyDeadline(year: number): IsoDate | null {
  return policy.call && policy.call.year === year && isIsoDate(policy.call.applicationDeadline) ? policy.call.applicationDeadline : null;
}

export async function loadDeadline(year: number): Promise<void> {
  if (year in deadlineSettings.value) return;
  const v = await import('../../storage/index.ts')
    .then((m) => m.getSetting<string>(key(year)))
    .catch(() => undefined); // the data layer loads on demand (issue 19)
  deadlineSettings.value = { ...deadlineSettings.value, [year]: isIsoDate(v) ? v : null };
}

export async function saveDeadline(year: number, date: IsoDate | null): Promise<void> {
  await (await import('../../storage/index.ts')).setSetting(key(year), date);
  deadlineSettings.value = { ...deadlineSettings.value, [year]: date };
}

export function deadlineOf(year: number): { date: IsoDate; source: 'policy' | 'setting' } | null {
  const p = policyDeadline(year);
  if (p) return { date: p, source: 'policy' };
  const s = deadlineSettings.value[year];
  return s ? { date: s, source: 'setting' } : null;
}

export const daysUntil = (date: IsoDate, today: IsoDate): number => daysBetween(today, date);
