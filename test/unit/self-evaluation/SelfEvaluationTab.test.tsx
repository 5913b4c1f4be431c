import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import SelfEvaluationTab from '../../../src/ui/self-evaluation/SelfEvaluationTab.tsx';
import { deleteSelfEvaluation, getSelfEvaluation, listSelfEvaluations } from '../../../src/storage/index.ts';
import { allSaved, workingId } from '../../../src/ui/self-evaluation/store.ts';
import { defaultPolicy } from '../../../src/policy/index.ts';

async function clearAll() {
  for (const r of await listSelfEvaluations()) await deleteSelfEvaluation(r.id);
}

async function mounted(kind: 'organization' | 'individual' = 'organization') {
  const view = render(<SelfEvaluationTab applicantKind={kind} />);
  await waitFor(() => expect(screen.getByTestId('save-state').dataset.state).toBe('saved'));
  return view;
}

/**
 * Unmounts and waits for the tab's last write. Preact runs useEffect cleanups (which flush the store)
 * after paint, not during unmount: without act() they ran during the NEXT test, after clearAll,
 * and wrote this test's workbook into it.
 */
async function unmountAll() {
  act(() => cleanup());
  await allSaved();
}

beforeEach(clearAll);
afterEach(async () => {
  await unmountAll();
  await clearAll();
});

describe('SelfEvaluationTab (organisation)', () => {
  it('starts at 0 / 1000 with 0 of 23 items scored', async () => {
    await mounted();
    expect(screen.getByTestId('total-score').textContent).toBe('0');
    expect(screen.getByTestId('scored-count').textContent).toContain('0/23');
  });

  it('picks a band, shows its meaning, then a 5% step: the total follows', async () => {
    await mounted();
    const card = screen.getByTestId('item-4.1.2');
    fireEvent.click(within(card).getByTestId('band-4.1.2-50-65'));
    const meaning = within(card).getByTestId('band-meaning');
    expect(meaning.textContent).toContain('方法'); // ADLI for a process item
    expect(meaning.textContent).toContain('总体要求');
    // the steps offered are the band's own
    expect(within(card).queryByTestId('step-4.1.2-45')).toBeNull();
    fireEvent.click(within(card).getByTestId('step-4.1.2-60'));
    expect(screen.getByTestId('total-score').textContent).toBe('30');
    expect(screen.getByTestId('item-score-4.1.2').textContent).toContain('60% · 30/50');
  });

  it('a results item shows levels, trends, comparisons', async () => {
    await mounted();
    fireEvent.click(screen.getByTestId('band-4.7.2-70-85'));
    const meaning = within(screen.getByTestId('item-4.7.2')).getByTestId('band-meaning');
    expect(meaning.textContent).toContain('水平');
    expect(meaning.textContent).toContain('趋势');
    expect(meaning.textContent).toContain('Comparisons');
  });

  it('saves what is typed to IndexedDB and shows it again after a remount', async () => {
    const view = await mounted();
    fireEvent.click(screen.getByTestId('band-4.4.3-10-25'));
    fireEvent.click(screen.getByTestId('step-4.4.3-15'));
    fireEvent.input(screen.getByTestId('strengths-4.4.3'), { target: { value: '预算执行率 98%' } });
    fireEvent.blur(screen.getByTestId('strengths-4.4.3'));
    await waitFor(async () => {
      const rec = await getSelfEvaluation(workingId('organization'));
      expect((rec?.data as { notes: Record<string, { strengths: string }> }).notes['4.4.3']?.strengths).toBe('预算执行率 98%');
    });
    act(() => { view.unmount(); });
    await allSaved();
    await mounted();
    expect((screen.getByTestId('strengths-4.4.3') as HTMLTextAreaElement).value).toBe('预算执行率 98%');
    expect(screen.getByTestId('total-score').textContent).toBe('2.25');
  });

  it('keeps the applicant’s own narrative per item, counts it, and the report length includes it', async () => {
    const view = await mounted();
    const reportChars = () => {
      fireEvent.click(screen.getByTestId('view-report'));
      const n = Number(screen.getByTestId('report-length').textContent!.match(/报告篇幅 (\d+)/)![1]);
      fireEvent.click(screen.getByTestId('view-scores'));
      return n;
    };
    const before = reportChars();
    const text = '公司建立了以总经理为组长的质量领导小组。\n每季度召开质量分析会，评审关键绩效指标。';
    fireEvent.input(screen.getByTestId('narrative-4.1.2'), { target: { value: text } });
    fireEvent.blur(screen.getByTestId('narrative-4.1.2'));
    expect(within(screen.getByTestId('item-4.1.2')).getByText(/^40 字/)).toBeTruthy();
    expect(reportChars()).toBeGreaterThanOrEqual(before + 40);
    await waitFor(async () => {
      const rec = await getSelfEvaluation(workingId('organization'));
      expect((rec?.data as { notes: Record<string, { narrative: string }> }).notes['4.1.2']?.narrative).toBe(text);
    });
    act(() => { view.unmount(); });
    await allSaved();
    await mounted();
    expect((screen.getByTestId('narrative-4.1.2') as HTMLTextAreaElement).value).toBe(text);
  });

  it('counts the profile live against the 3000-字 cap and warns when over', async () => {
    await mounted();
    fireEvent.click(screen.getByTestId('view-profile'));
    fireEvent.input(screen.getByTestId('profile-description'), { target: { value: '我们 生产\n装备' } });
    expect(screen.getByTestId('profile-count').textContent).toContain('6 / 3000');
    fireEvent.input(screen.getByTestId('profile-challenges'), { target: { value: '挑'.repeat(2995) } });
    expect(screen.getByTestId('profile-count').textContent).toContain('3001 / 3000');
    expect(screen.getByTestId('profile-count').className).toContain('over');
  });

  it('draws the radar with one polygon for the score and the process/results bars', async () => {
    await mounted();
    fireEvent.click(screen.getByTestId('band-4.1.2-90-100'));
    fireEvent.click(screen.getByTestId('step-4.1.2-100'));
    fireEvent.click(screen.getByTestId('view-charts'));
    const radar = screen.getByTestId('radar-chart');
    // 中英对照 here: each category name in both languages
    expect(radar.getAttribute('aria-label')).toContain('4.1 领导 / Leadership 50/110');
    expect(screen.getByTestId('bar-process').textContent).toContain('50 / 600');
    expect(screen.getByTestId('bar-results').textContent).toContain('0 / 400');
  });

  it('saves a named round and compares it with the current sheet', async () => {
    await mounted();
    fireEvent.click(screen.getByTestId('band-4.2.2-30-45'));
    fireEvent.click(screen.getByTestId('step-4.2.2-40'));
    fireEvent.click(screen.getByTestId('view-rounds'));
    fireEvent.input(screen.getByTestId('round-name'), { target: { value: '2025' } });
    fireEvent.click(screen.getByTestId('round-save'));
    await screen.findByText(/Round 2025 saved/);
    fireEvent.click(screen.getByTestId('view-scores'));
    fireEvent.click(screen.getByTestId('band-4.2.2-50-65'));
    fireEvent.click(screen.getByTestId('step-4.2.2-60'));
    fireEvent.click(screen.getByTestId('view-rounds'));
    fireEvent.change(screen.getByTestId('round-before'), { target: { value: 'selfeval:organization:round:2025' } });
    const total = screen.getByTestId('delta-total');
    expect(total.textContent).toContain('16');
    expect(total.textContent).toContain('24');
    expect(total.textContent).toContain('+8');
  });

  it('shows the report length against the policy cap, and warns when over it', async () => {
    await mounted();
    fireEvent.click(screen.getByTestId('view-report'));
    expect(screen.getByTestId('report-length').textContent).toMatch(/\d+ \/ 30000 字/);
    await unmountAll();
    const policy = { ...defaultPolicy, selfEvaluation: { ...defaultPolicy.selfEvaluation, reportMaxChars: 600 } };
    render(<SelfEvaluationTab applicantKind="organization" policy={policy} />);
    await waitFor(() => expect(screen.getByTestId('save-state').dataset.state).toBe('saved'));
    fireEvent.click(screen.getByTestId('view-profile'));
    fireEvent.input(screen.getByTestId('profile-description'), { target: { value: '质'.repeat(500) } });
    fireEvent.click(screen.getByTestId('view-report'));
    const warning = screen.getByTestId('report-length');
    expect(warning.className).toContain('over');
    expect(warning.textContent).toMatch(/\/ 600 字 · 超出 \d+ 字/);
  });
});

describe('SelfEvaluationTab (individual)', () => {
  it('lists 第九条 (一)–(三) with their evidence, and (四) only for a head of an organisation', async () => {
    await mounted('individual');
    expect(screen.getByTestId('dimension-9.1').textContent).toContain('10 年以上');
    expect(screen.getByTestId('dimension-9.3')).toBeTruthy();
    expect(screen.queryByTestId('dimension-9.4')).toBeNull();
    expect(screen.getByTestId('individual-readiness').textContent).toContain('0 / 9');
    fireEvent.click(screen.getByTestId('heads-organization'));
    expect(screen.getByTestId('dimension-9.4').textContent).toContain('第八条');
    fireEvent.click(screen.getByTestId('evidence-9.2-credit-report'));
    expect(screen.getByTestId('individual-readiness').textContent).toContain('1 / 12');
  });
});
