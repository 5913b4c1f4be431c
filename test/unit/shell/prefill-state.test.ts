import { beforeEach, describe, expect, it, vi } from 'vitest';

const sent: unknown[] = [];
let answer: (reply: unknown) => void = () => undefined;
vi.mock('../../../src/messaging/panel-client.ts', () => ({
  askBackground: (message: unknown) => {
    sent.push(message);
    return new Promise((resolve) => (answer = resolve));
  },
  onBackgroundMessage: () => () => undefined,
}));

const { prefill, prefillBusy, prefillReport, notice } = await import('../../../src/ui/panel/state.ts');

beforeEach(() => {
  sent.length = 0;
  prefillReport.value = null;
  notice.value = null;
});

describe('panel prefill: one at a time, then a report', () => {
  it('a second click while the first prefill runs sends nothing (rows could otherwise be added twice)', async () => {
    const first = prefill(7);
    expect(prefillBusy.value).toBe(true);
    expect(await prefill(7)).toBe(false);
    expect(sent).toHaveLength(1);
    answer({ ok: true, filled: ['applicant.qmsCertificates'], kept: [], notPlaced: [] });
    expect(await first).toBe(true);
    expect(prefillBusy.value).toBe(false);
    expect(prefillReport.value).toEqual({ tabId: 7, filled: ['applicant.qmsCertificates'], kept: [], notPlaced: [], notFillable: [], notTaken: [], notSupported: [], keptValues: {} });
  });

  it('a refusal is shown as an error and clears the report; the button is free again', async () => {
    prefillReport.value = { tabId: 7, filled: ['x'], kept: [], notPlaced: [], keptValues: {} };
    const run = prefill(7, ['applicant.name']);
    expect(sent[0]).toEqual({ type: 'panel/prefill', tabId: 7, overwrite: ['applicant.name'], expect: {} });
    answer({ ok: false, error: { zh: '申报页没有回应', en: 'the application page did not answer' } });
    expect(await run).toBe(false);
    expect(prefillReport.value).toBeNull();
    expect(notice.value).toEqual({ kind: 'error', text: { zh: '申报页没有回应', en: 'the application page did not answer' } });
    expect(prefillBusy.value).toBe(false);
  });

  it('consent is bound to what each kept field read in the report: Replace sends those values as expect', async () => {
    const run = prefill(7);
    answer({ ok: true, filled: [], kept: ['applicant.name'], notPlaced: [], keptValues: { 'applicant.name': '用户写的名称' } });
    await run;
    expect(prefillReport.value?.keptValues).toEqual({ 'applicant.name': '用户写的名称' });
    const replace = prefill(7, ['applicant.name']);
    expect(sent.at(-1)).toEqual({ type: 'panel/prefill', tabId: 7, overwrite: ['applicant.name'], expect: { 'applicant.name': '用户写的名称' } });
    answer({ ok: true, filled: ['applicant.name'], kept: [], notPlaced: [], keptValues: {} });
    await replace;
  });
});
