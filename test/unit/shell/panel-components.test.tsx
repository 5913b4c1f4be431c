import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { runPrecheck } from '../../../src/messaging/precheck.ts';
import type { TabState } from '../../../src/messaging/panel-protocol.ts';
import { ClauseList } from '../../../src/ui/panel/ClauseList.tsx';
import { PrecheckTab } from '../../../src/ui/panel/PrecheckTab.tsx';
import { VerdictBanner } from '../../../src/ui/panel/VerdictBanner.tsx';
import { lianyungang2021 } from '../../../src/awards/index.ts';
import { ChecklistTab } from '../../../src/ui/panel/ChecklistTab.tsx';
import { buildChecklist } from '../../../src/ui/panel/checklist.ts';
import { PrefillReport } from '../../../src/ui/panel/PrefillReport.tsx';
import { core, eligibleOrganization, PORTAL_URL } from './fixtures.ts';
import { lang } from '../../../src/ui/lang.ts';

afterEach(cleanup);

function tabState(overrides: Record<string, string | boolean | null> = {}): TabState {
  const fields = eligibleOrganization(overrides);
  const { precheck, hints } = runPrecheck(core, fields, 'demo-portal');
  return {
    tabId: 7, url: PORTAL_URL, page: 'application-form', adapterId: 'demo-portal', takenAt: 1, fields,
    attachments: [
      { key: 'business-licence', present: true, fileNames: ['营业执照.pdf'] },
      { key: 'self-evaluation-report', present: false, fileNames: [] },
    ],
    precheck, hints, draftId: 'portal/demo-portal', caseIds: [], picker: null,
  };
}

describe('VerdictBanner', () => {
  it.each([
    ['eligible', '可以申报', 'Eligible to apply'],
    ['ineligible', '暂不符合', 'Not eligible yet'],
    ['incomplete', '待补充', 'Incomplete'],
  ] as const)('%s reads %s / %s', (verdict, zh, en) => {
    render(<VerdictBanner verdict={verdict} pack={lianyungang2021} />);
    const banner = screen.getByRole('status');
    expect(banner.textContent).toContain(zh);
    expect(banner.textContent).toContain(en);
    expect(banner.dataset.verdict).toBe(verdict);
  });
});

describe('ClauseList', () => {
  it('lists each clause with its article, status chip, message in both languages and evidence; failures first', () => {
    const state = tabState({ 'applicant.establishedOn': '2024-01-01' });
    render(<ClauseList findings={state.precheck!.findings} />);
    const items = screen.getAllByRole('listitem').filter((li) => li.classList.contains('clause'));
    expect(items[0]?.dataset.rule).toBe('8.1');
    const first = within(items[0]!);
    expect(first.getByText('第八条（一）')).toBeTruthy();
    expect(items[0]!.textContent).toContain('不符合');
    expect(items[0]!.textContent).toContain('Art. 8(1)');
    expect(items[0]!.textContent).toContain('营业执照');
    expect(items[0]!.textContent).toContain('Business licence');
    const passing = items.find((li) => li.dataset.rule === '8.2');
    expect(passing?.dataset.status).toBe('pass');
    expect(passing?.textContent).toContain('申报时附'); // a passing clause still lists what to attach
  });

  it('renders portal-supplied text as text, never as markup', () => {
    render(<ClauseList findings={[{ rule: '8.1', status: 'fail', message: { zh: '<img src=x onerror=alert(1)>', en: '<b>x</b>' }, detail: { zh: '<img src=x onerror=alert(1)>', en: '<b>x</b>' }, evidence: [] }]} />);
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
  });
});

describe('PrecheckTab', () => {
  it('without a portal tab shows how to get started, including granting a portal address', () => {
    render(<PrecheckTab state={null} />);
    const empty = screen.getByTestId('empty-state');
    expect(empty.textContent).toContain('当前页面不是申报系统');
    expect(empty.textContent).toContain('申报系统网址');
  });

  it('states the date convention with the submission date, and names an unreadable field', () => {
    render(<PrecheckTab state={tabState({ 'applicant.creditCode': '91320700MA1NXQ0BX8' })} />);
    expect(document.body.textContent).toContain('按申报日期（2026-06-30）核验');
    expect(document.body.textContent).toContain('统一社会信用代码');
    expect(document.body.textContent).toContain('连政办发〔2021〕26号');
  });
});

describe('Checklist', () => {
  it('counts form sections, attachments, the self-evaluation and the pending 推荐意见, each with its article', () => {
    const items = buildChecklist({ state: tabState({ 'applicant.registeredTrademarks': '' }), recommended: false, selfEvaluation: { scored: 10, total: 23 } });
    const byId = Object.fromEntries(items.map((i) => [i.id, i]));
    expect(byId['form-8.1']?.status).toBe('done');
    expect(byId['form-8.1']?.article.zh).toBe('第八条（一）');
    expect(byId['form-8.3']?.status).toBe('todo');
    expect(byId['form-8.3']?.missing?.map((m) => m.zh)).toEqual(['注册商标数量']);
    expect(byId.attachments?.progress).toEqual({ done: 1, total: 2 });
    expect(byId['self-evaluation']?.progress).toEqual({ done: 10, total: 23 });
    expect(byId.recommendation?.status).toBe('pending');

    render(<ChecklistTab items={items} />);
    expect(screen.getByRole('progressbar')).toBeTruthy();
    expect(document.body.textContent).toContain('推荐单位签署推荐意见');
  });

  it('the attachments item names the files the portal shows as uploaded, per attachment (issue 11)', () => {
    const items = buildChecklist({ state: tabState(), recommended: false, selfEvaluation: null, attachmentLabels: { 'business-licence': { zh: '营业执照', en: 'Business licence' } } });
    const att = items.find((i) => i.id === 'attachments')!;
    expect(att.files).toEqual([{ label: { zh: '营业执照', en: 'Business licence' }, names: ['营业执照.pdf'] }]);
    const before = lang.value;
    lang.value = 'zh';
    try {
      render(<ChecklistTab items={items} />);
      expect(screen.getByTestId('check-files').textContent).toBe('营业执照：营业执照.pdf');
    } finally {
      lang.value = before;
    }
  });

  it('the 推荐意见 item is done once the case log has a recommend event', () => {
    const items = buildChecklist({ state: null, recommended: true, selfEvaluation: null });
    expect(items.find((i) => i.id === 'recommendation')?.status).toBe('done');
  });
});

describe('PrecheckTab when the pre-check cannot run', () => {
  it('names what is missing or unreadable below 暂时无法预检, instead of nothing', () => {
    const state = { ...tabState(), precheck: null, hints: [{ field: 'applicant.kind', status: 'fail' as const, rule: 'input', text: { zh: '申报类型（组织/个人）：未在申报表中找到，请在表单中选择或填写', en: 'Applicant type (organisation/individual): not found on the application form; choose or fill it in on the form' } }] };
    render(<PrecheckTab state={state} />);
    expect(screen.getByTestId('verdict').textContent).toContain('暂时无法预检');
    expect(screen.getByTestId('precheck-blocked').textContent).toContain('申报类型（组织/个人）：未在申报表中找到');
  });
});

describe('PrecheckTab: 申报类型 not found', () => {
  const kindHint = { field: 'applicant.kind', status: 'fail' as const, rule: 'input', text: { zh: '申报类型（组织/个人）：未在申报表中找到，请在表单中选择或填写', en: 'Applicant type: not found' } };
  const withoutKind = () => tabState().fields.map((f) => (f.key === 'applicant.kind' ? { ...f, found: false, value: null } : f));
  it('offers the choice of kind beside naming the missing field', () => {
    render(<PrecheckTab state={{ ...tabState(), fields: withoutKind(), precheck: null, hints: [kindHint] }} />);
    expect(screen.getByTestId('kind-choose').textContent).toContain('没有找到申报类型');
    expect(screen.getByRole('button', { name: /按组织申报/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /按个人申报/ })).toBeTruthy();
  });
  it('once chosen, the whole check shows, saying which kind it assumed, with a way back', () => {
    render(<PrecheckTab state={{ ...tabState(), fields: withoutKind(), chosenKind: 'individual' }} />);
    expect(screen.getByTestId('kind-chosen').textContent).toContain('“个人”');
    expect(screen.getByRole('button', { name: /撤销选择/ })).toBeTruthy();
    expect(screen.queryByTestId('kind-choose')).toBeNull();
    cleanup();
    // the page's own 申报类型 read: no note
    render(<PrecheckTab state={{ ...tabState(), chosenKind: 'individual' }} />);
    expect(screen.queryByTestId('kind-chosen')).toBeNull();
  });
});

describe('PrefillReport', () => {
  it('names the fields it filled, the typed ones it kept, and those with no place here; replacing kept fields takes a click', async () => {
    const asked: string[][] = [];
    render(
      <PrefillReport
        report={{ tabId: 7, filled: ['applicant.creditCode'], kept: ['applicant.name'], notPlaced: ['applicant.productLevel'], keptValues: { 'applicant.name': '用户写的' } }}
        onOverwrite={async (keys) => void asked.push(keys)}
        onClose={() => undefined}
      />,
    );
    const report = screen.getByTestId('prefill-report');
    expect(report.textContent).toContain('已从保存的资料填入 1 项');
    expect(screen.getByTestId('prefill-filled').textContent).toContain('统一社会信用代码');
    expect(screen.getByTestId('prefill-kept').textContent).toContain('名称/姓名');
    expect(report.textContent).toContain('1 项不在本页');
    expect(asked).toEqual([]); // nothing is replaced until the user says so
    screen.getByRole('button', { name: /用保存的资料覆盖这 1 项/ }).click();
    await Promise.resolve();
    expect(asked).toEqual([['applicant.name']]);
  });

  it('says the form already matches when there was nothing to do, and offers no overwrite', () => {
    render(<PrefillReport report={{ tabId: 7, filled: [], kept: [], notPlaced: [], keptValues: {} }} onOverwrite={async () => undefined} onClose={() => undefined} />);
    expect(screen.getByTestId('prefill-report').textContent).toContain('表单已与保存的资料一致');
    expect(screen.queryByRole('button', { name: /覆盖/ })).toBeNull();
  });
});

describe('PrefillReport: a field on the page that prefill cannot fill', () => {
  it('says it is on this page and must be filled by hand, not 不在本页', () => {
    render(<PrefillReport report={{ tabId: 7, filled: [], kept: [], notPlaced: [], notSupported: ['applicant.qmsCertificates'], keptValues: {} }} onOverwrite={async () => undefined} onClose={() => undefined} />);
    const report = screen.getByTestId('prefill-report').textContent ?? '';
    expect(screen.getByTestId('prefill-not-supported').textContent).toContain('质量管理体系认证证书');
    expect(report).toContain('本页有');
    expect(report).toContain('请手动填写');
    expect(report).not.toContain('不在本页');
    expect(report).not.toContain('表单已与保存的资料一致');
  });
});

describe('PrefillReport with a table kept', () => {
  it('says a table only gets its missing rows when the user agrees; scalar-only reports do not say it', () => {
    render(<PrefillReport report={{ tabId: 7, filled: [], kept: ['applicant.qmsCertificates'], notPlaced: [], keptValues: {} }} onOverwrite={async () => undefined} onClose={() => undefined} />);
    expect(screen.getByTestId('prefill-kept').textContent).toContain('表格只补充缺少的行');
    cleanup();
    render(<PrefillReport report={{ tabId: 7, filled: [], kept: ['applicant.name'], notPlaced: [], keptValues: {} }} onOverwrite={async () => undefined} onClose={() => undefined} />);
    expect(screen.getByTestId('prefill-kept').textContent).not.toContain('表格');
  });
});

describe('PrefillReport: a value the page shows on its own (Element UI 2 input-number 0, issue 11)', () => {
  it('names each kept field with what it holds now, and does not claim the person typed it', () => {
    render(
      <PrefillReport
        report={{ tabId: 7, filled: [], kept: ['applicant.registeredTrademarks', 'applicant.inventionPatents'], notPlaced: [], keptValues: { 'applicant.registeredTrademarks': '0', 'applicant.inventionPatents': '0' } }}
        onOverwrite={async () => undefined}
        onClose={() => undefined}
      />,
    );
    const kept = screen.getByTestId('prefill-kept').textContent ?? '';
    expect(kept).toContain('注册商标数量（页面现为“0”）');
    expect(kept).toContain('发明专利数量（页面现为“0”）');
    expect(kept).toContain('可能是页面自带的默认值');
    expect(kept).not.toContain('已有您填写的内容');
  });
});
