// Issue 16 on the staff page: each case is replayed with the award and version of the measures its
// record names, not the office's default; a version this build does not know is named in Chinese and
// the case is not judged (never replayed under a guessed pack).
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jiangsuGovernor2023, lianyungang2021, lianyungang2024Draft } from '../../../src/awards/index.ts';
import { CaseViewPanel } from '../../../src/ui/staff/CaseView.tsx';
import { cases, policyOf, reloadCase, selectedId } from '../../../src/ui/staff/store.ts';
import { appendCaseEvents, createCase } from '../../../src/storage/index.ts';
import { lang } from '../../../src/ui/lang.ts';
import { freshDb } from '../storage/fresh-db.ts';

beforeEach(async () => {
  await freshDb();
  cases.value = new Map();
  selectedId.value = null;
  lang.value = 'zh';
});
afterEach(cleanup);

/** One case filed under `award`, with false material found: Lianyungang bans 3 years (第十四条), Jiangsu's ban is unverified. */
async function seed(id: string, award?: { awardId: string; versionId: string }) {
  await createCase({ id, year: 2026, kind: 'organization', applicantName: `${id} 公司`, recommender: '市工信局', ...(award ? { award } : {}) });
  await appendCaseEvents(id, [{ type: 'apply', on: '2026-03-01', kind: 'organization' }, { type: 'false-material-found', on: '2026-04-01' }], 'staff');
  await reloadCase(id);
  return cases.value.get(id)!;
}

describe('staff store: each case by its own award and version (issue 16)', () => {
  it('a case filed under the Jiangsu award replays with the Jiangsu pack: no Lianyungang ban is invented', async () => {
    const lyg = await seed('case-lyg', { awardId: 'lianyungang-mayor', versionId: '2021' });
    const js = await seed('case-js', { awardId: 'jiangsu-governor', versionId: '2023' });
    expect(policyOf(lyg.header)).toBe(lianyungang2021);
    expect(policyOf(js.header)).toBe(jiangsuGovernor2023);
    expect(lyg.error).toBeNull();
    expect(js.error).toBeNull();
    expect(lyg.view?.stage).toBe('disqualified');
    expect(js.view?.stage).toBe('disqualified');
    // 第十四条: 3 years counted as the Civil Code counts them; Jiangsu's measures do not say → no ban
    expect(lyg.view?.banUntil).toBe('2029-04-01');
    expect(js.view?.banUntil).toBeNull();
  });

  it('a case recorded under the 2024 draft amendment is judged by that version, not by the one in force today', async () => {
    const c = await seed('case-draft', { awardId: 'lianyungang-mayor', versionId: '2024-draft' });
    expect(policyOf(c.header)).toBe(lianyungang2024Draft);
    expect(c.error).toBeNull();
  });

  it('an unknown version is named in Chinese and the case is not judged under a guessed pack', async () => {
    const c = await seed('case-future', { awardId: 'lianyungang-mayor', versionId: '2030' });
    expect(() => policyOf(c.header)).toThrow();
    expect(c.view).toBeNull();
    expect(c.error?.zh).toContain('无法评判');
    expect(c.error?.zh).toContain('未知的奖项版本（lianyungang-mayor/2030）');
    expect(c.error?.en).toContain('lianyungang-mayor/2030');
    // and the case page says so, in Chinese only, with no stage or ban worked out
    selectedId.value = 'case-future';
    render(<CaseViewPanel />);
    const text = document.body.textContent ?? '';
    expect(text).toContain('未知的奖项版本（lianyungang-mayor/2030）');
    expect(text).not.toMatch(/cannot be judged/);
    expect(screen.queryByTestId('publicity-deadline')).toBeNull();
  });

  it('an unknown award is named the same way', async () => {
    const c = await seed('case-other', { awardId: 'shanghai-mayor', versionId: '2022' });
    expect(c.view).toBeNull();
    expect(c.error?.zh).toContain('未知的奖项版本（shanghai-mayor/2022）');
  });

  it('a record from before awards were recorded is judged by the version in force on the day it was filed', () => {
    const header = { createdAt: '2025-01-10T08:00:00.000Z' };
    expect(policyOf(header)).toBe(lianyungang2021);
  });
});
