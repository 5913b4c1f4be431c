// Issue 16: 综合评价报告 from the experts office. A case recording an award version this build does not
// know: the office is told so in one language (zh by default, en when chosen) and no file is downloaded.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCase } from '../../../src/storage/index.ts';
import { savePanel } from '../../../src/experts/store.ts';
import { lang } from '../../../src/ui/lang.ts';
import { freshDb } from '../storage/fresh-db.ts';

const downloads = vi.hoisted(() => [] as string[]);
vi.mock('../../../src/ui/download.ts', () => ({ downloadFile: (_c: unknown, name: string) => void downloads.push(name) }));
const { Office } = await import('../../../src/ui/experts/Office.tsx');

beforeEach(async () => {
  await freshDb();
  downloads.length = 0;
  lang.value = 'zh';
});
afterEach(cleanup);

/** The 综合评价报告 button is drawn per award once the cases are loaded: the enabled one. */
function enabledSummaryButton(): Promise<HTMLButtonElement> {
  return waitFor(() => {
    const b = screen.getByRole('button', { name: /综合评价报告|Comprehensive evaluation report/ }) as HTMLButtonElement;
    expect(b.disabled).toBe(false);
    return b;
  });
}

async function seed(award: { awardId: string; versionId: string }) {
  await createCase({ id: 'c1', year: 2026, kind: 'organization', applicantName: '甲公司', recommender: '海州区市场监督管理局', award });
  await savePanel({ caseId: 'c1', margin: 20, scorebooks: [], events: [], recorded: [] });
}

describe('综合评价报告 in the experts office (issue 16)', () => {
  it('an unknown award version: a Chinese message, nothing downloaded', async () => {
    await seed({ awardId: 'lianyungang-mayor', versionId: '2099' });
    render(<Office />);
    fireEvent.click(await enabledSummaryButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^综合评价报告未导出：.*lianyungang-mayor\/2099/);
    expect(alert.textContent!.replace(/lianyungang-mayor\/2099/g, '')).not.toMatch(/[A-Za-z]{3,}/);
    expect(downloads).toEqual([]);
  });
  it('in English when chosen', async () => {
    lang.value = 'en';
    await seed({ awardId: 'lianyungang-mayor', versionId: '2099' });
    render(<Office />);
    fireEvent.click(await enabledSummaryButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^The comprehensive evaluation report was not exported: /);
    expect(alert.textContent).not.toMatch(/[\u4e00-\u9fff]/);
    expect(downloads).toEqual([]);
  });
  it('a known award version: the report is downloaded', async () => {
    await seed({ awardId: 'lianyungang-mayor', versionId: '2021' });
    render(<Office />);
    fireEvent.click(await enabledSummaryButton());
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('评审报告 of one case in the experts office (issue 16)', () => {
  it('an unknown award version: said in Chinese beside the case, nothing downloaded', async () => {
    await seed({ awardId: 'lianyungang-mayor', versionId: '2099' });
    render(<Office />);
    fireEvent.click(await screen.findByRole('button', { name: '甲公司' }));
    fireEvent.click(await screen.findByRole('button', { name: /评审报告 \(\.docx\)/ }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^评审报告未导出：.*lianyungang-mayor\/2099/);
    expect(downloads).toEqual([]);
  });
});
