import { computed, signal } from '@preact/signals';
import type { Bilingual } from '../../core/i18n.ts';
import type { DutyId } from '../../staff/after-award-duties.data.ts';
import type { AwardedCase, CaseDuties, DutyRecord, DutyTask, TitleUse, YearDuties } from '../../staff/duties.ts';
// the data layer loads on demand (issue 19): the page's frame paints without it
const storage = () => import('../../storage/index.ts');
import { cases, loading, policyOf, today, viewOf } from './store.ts';
import { defaultPolicy } from '../../awards/lianyungang-mayor/2021.ts';
import type { AwardPack } from '../../policy/schema.ts';

/**
 * 获奖后监督 tasks: derived from each awarded case (dates from its government approval), with what the
 * office recorded kept per award year in the settings store (`staff.afterAwardDuties.<year>`).
 */
const key = (year: number) => `staff.afterAwardDuties.${year}`;

/** a duty's status, in the same words in the case view and the duties tab */
export const dutyStatusLabels: Record<DutyTask['status'], Bilingual> = {
  open: { zh: '待办', en: 'Open' },
  done: { zh: '已办结', en: 'Done' },
  'not-applicable': { zh: '不适用', en: 'Not applicable' },
};

export const dutiesByYear = signal<ReadonlyMap<number, YearDuties>>(new Map());
export const dutiesError = signal<Bilingual | null>(null);

/*
 * The after-award duties' rules and schemas (src/staff/duties.ts, with zod) are not in the page's first load
 * (issue 19: staff page initial JS): they load with the first read of the recorded duties (loadDuties), which the
 * page starts as soon as a case stands awarded. Until they are in, no case has duty tasks.
 */
type DutyRules = typeof import('../../staff/duties.ts');
const dutyRules = signal<DutyRules | null>(null);
let rulesLoading: Promise<DutyRules> | null = null;
const loadDutyRules = (): Promise<DutyRules> =>
  (rulesLoading ??= import('../../staff/duties.ts').then(
    (m) => (dutyRules.value = m),
    (error: unknown) => {
      rulesLoading = null; // a later load tries again
      throw error;
    },
  ));

export interface AwardedEntry {
  caseId: string;
  applicantName: string;
  award: AwardedCase;
}

/** Every case standing awarded (revoked ones are not: their duties ended with the revocation). */
export const awardedCases = computed<AwardedEntry[]>(() => {
  if (loading.value !== null) return [];
  const out: AwardedEntry[] = [];
  for (const c of cases.value.values()) {
    const v = viewOf(c);
    if (v?.stage === 'awarded' && v.awardedOn && v.tier) out.push({ caseId: c.header.id, applicantName: c.header.applicantName, award: { year: c.header.year, tier: v.tier, awardedOn: v.awardedOn } });
  }
  return out;
});

export function recordedDuties(caseId: string, year: number): CaseDuties | undefined {
  return dutiesByYear.value.get(year)?.[caseId];
}

/** The case's own measures (issue 16): its duties' articles and titles are its award's; the default award for an unknown version. */
function packOfCase(caseId: string): AwardPack {
  const c = cases.value.get(caseId);
  try {
    return c ? policyOf(c.header) : defaultPolicy;
  } catch {
    return defaultPolicy;
  }
}

export const tasksByCase = computed(() => {
  const map = new Map<string, { entry: AwardedEntry; tasks: DutyTask[] }>();
  const awarded = awardedCases.value;
  const rules = dutyRules.value;
  if (!rules) {
    // a view that shows duties before the page has read them (loadDuties) brings the rules; they land in `dutyRules`
    if (awarded.length) void loadDutyRules().catch(() => undefined);
    return map;
  }
  for (const entry of awarded) map.set(entry.caseId, { entry, tasks: rules.dutyTasks(entry.award, recordedDuties(entry.caseId, entry.award.year), today.value, packOfCase(entry.caseId)) });
  return map;
});

export const overdueByCase = computed(() => {
  const map = new Map<string, number>();
  for (const [id, { tasks }] of tasksByCase.value) {
    const n = tasks.filter((t) => t.overdue).length;
    if (n) map.set(id, n);
  }
  return map;
});

export const overdueTotal = computed(() => [...overdueByCase.value.values()].reduce((a, b) => a + b, 0));

/** Reads the stored duties of the years that have awarded cases (once per year). */
export async function loadDuties(years: Iterable<number>): Promise<void> {
  let rules: DutyRules;
  try {
    rules = await loadDutyRules();
  } catch {
    dutiesError.value = { zh: '获奖后监督事项未能加载，请刷新页面后重试。', en: 'The after-award duties could not be loaded; reload the page and try again.' };
    return;
  }
  const { parseYearDuties } = rules;
  const missing = [...new Set(years)].filter((y) => !dutiesByYear.value.has(y));
  if (!missing.length) return;
  const next = new Map(dutiesByYear.value);
  for (const y of missing) {
    const parsed = parseYearDuties(await storage().then((m) => m.getSetting(key(y))).catch(() => undefined));
    if (!parsed.ok) dutiesError.value = { zh: `${y} 年度的获奖后事项记录无法读取，已按未办理显示。`, en: `The ${y} after-award records cannot be read; shown as open.` };
    next.set(y, parsed.duties);
  }
  dutiesByYear.value = next;
}

let chain: Promise<unknown> = Promise.resolve();

/** Read-modify-write of one case's record, one write at a time; the stored year is re-read and validated first. */
function update(caseId: string, year: number, change: (d: CaseDuties) => CaseDuties): Promise<void> {
  const run = chain.then(async () => {
    const { emptyCaseDuties, parseYearDuties, yearDutiesSchema } = await loadDutyRules();
    const stored = parseYearDuties(await (await storage()).getSetting(key(year)));
    const current: YearDuties = stored.ok ? stored.duties : {};
    const next = { ...current, [caseId]: change(current[caseId] ?? emptyCaseDuties()) };
    const checked = yearDutiesSchema.parse(next);
    await (await storage()).setSetting(key(year), checked);
    dutiesByYear.value = new Map(dutiesByYear.value).set(year, checked);
  });
  chain = run.catch(() => undefined);
  return run;
}

export const saveDutyRecord = (caseId: string, year: number, id: DutyId, record: DutyRecord): Promise<void> =>
  update(caseId, year, (d) => ({ ...d, tasks: { ...d.tasks, [id]: record } }));

export const addTitleUse = (caseId: string, year: number, use: TitleUse): Promise<void> => update(caseId, year, (d) => ({ ...d, titleUses: [...d.titleUses, use] }));
