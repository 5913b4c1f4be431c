import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { PrintReport } from '../../../src/ui/self-evaluation/PrintReport.tsx';
import { emptyWorkbook } from '../../../src/self-evaluation/index.ts';
import { lang } from '../../../src/ui/lang.ts';

afterEach(() => { cleanup(); lang.value = 'both'; });

describe('PrintReport (report.html)', () => {
  it('shows the total, every item row and the per-item text', () => {
    const w = { ...emptyWorkbook('organization'), applicantName: '示例公司', round: '2026', percents: { '4.1.2': 60, '4.7.2': 100 },
      notes: { '4.7.2': { narrative: '', strengths: '合格率 99.6%，行业第一', improvements: '', evidence: [] } } };
    lang.value = 'zh';
    render(<PrintReport workbook={w} />);
    // one language at a time (issue 13): Chinese here, English when chosen
    expect(screen.getByTestId('print-total').textContent).toBe('总分：110 / 1000');
    cleanup();
    lang.value = 'en';
    render(<PrintReport workbook={w} />);
    expect(screen.getByTestId('print-total').textContent).toBe('Total: 110 / 1000');
    cleanup();
    lang.value = 'zh';
    render(<PrintReport workbook={w} />);
    const rows = screen.getAllByRole('row');
    expect(rows.filter((r) => /^4\.\d\.\d/.test(r.textContent ?? '')).length).toBe(23);
    expect(screen.getByText('合格率 99.6%，行业第一')).toBeTruthy();
    expect(screen.getByRole('img', { name: /4\.7 结果 80\/400/ })).toBeTruthy();
  });

  it('prints an individual along 第九条 with its evidence checklist', () => {
    const w = { ...emptyWorkbook('individual'), applicantName: '王工' };
    render(<PrintReport workbook={w} />);
    expect(screen.getByTestId('print-report').textContent).toContain('第九条(一)');
    expect(screen.getByTestId('print-report').textContent).not.toContain('第九条(四)');
  });
});

describe('report.html with nothing written yet (issue 13: one language at a time)', () => {
  it('says where to write it in Chinese, or in English when chosen, never both', async () => {
    const { PrintEmpty, printTitle } = await import('../../../src/ui/self-evaluation/PrintReport.tsx');
    const { chineseLeft, englishLeft } = await import('../ui/one-language.ts');
    lang.value = 'zh';
    render(<PrintEmpty />);
    expect(screen.getByTestId('print-empty').textContent).toContain('自评');
    expect(englishLeft(document.body)).toEqual([]);
    expect(printTitle('empty')).toBe('自评报告');
    cleanup();
    lang.value = 'en';
    render(<PrintEmpty />);
    expect(screen.getByTestId('print-empty').textContent).toContain('Self-eval');
    expect(chineseLeft(document.body)).toEqual([]);
    expect(printTitle({ ...emptyWorkbook('organization'), applicantName: 'Acme', round: '2026' })).toBe('Self-evaluation report Acme 2026');
  });
});
