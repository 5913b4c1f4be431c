import type { Bilingual } from '../../core/i18n.ts';
import { defaultPolicy } from '../../policy/lianyungang-2021.ts';
import type { CaseView } from '../../cases/replay.ts';
import { replayYear, summarizeYear, type CaseRecord, type YearSummary } from '../../cases/year.ts';

/** What the page needs of one award year's 第四条 quota check (plain data: crosses a worker boundary). */
export interface YearGateResult {
  year: number;
  key: string;
  /** Year-gated views of the cases holding a government approval: over-quota approvals refused. */
  gated: [string, CaseView][];
  summary: YearSummary | null;
  error: Bilingual | null;
}

export interface YearGateRequest {
  year: number;
  key: string;
  approved: CaseRecord[];
}

/** Only a `government-approve` can be refused for quota, so only those cases go through replayYear. */
export function computeYearGate({ year, key, approved }: YearGateRequest): YearGateResult {
  try {
    const gated = replayYear(approved, { policy: defaultPolicy }).cases.map((c): [string, CaseView] => [c.id, c.view]);
    const summary = { ...summarizeYear(approved, defaultPolicy), year };
    return { year, key, gated, summary, error: null };
  } catch (err) {
    return { year, key, gated: [], summary: null, error: { zh: `本年度名额核对失败：${String(err)}`, en: `the year’s quota check failed: ${String(err)}` } };
  }
}
