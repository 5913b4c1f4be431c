import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import demo from '../../../src/portal/adapters/demo-portal.json';
import { startAssistant, type Assistant, type AssistantAdapter } from '../../../src/portal/dom/assistant.ts';
import { isMessageForContent } from '../../../src/portal/dom/message-guard.ts';
import { backgroundToContentSchema, prefillResultSchema, type ContentToBackground } from '../../../src/messaging/protocol.ts';
import { renderStep } from './portal-markup.ts';
import { prefillDriver } from '../../../src/portal/dom/prefill-driver.ts';
import { loadedPrefillDriver, setPrefillDriver } from '../../../src/portal/dom/prefill-driver-slot.ts';

let running: Assistant | null = null;
afterEach(() => { running?.stop(); running = null; });

function start(path: string, driver: typeof prefillDriver | null = prefillDriver) {
  history.replaceState(null, '', path);
  const sent: ContentToBackground[] = [];
  running = startAssistant({ doc: document, adapters: [demo as unknown as AssistantAdapter], send: (m) => sent.push(m), debounceMs: 5, missDelayMs: 5, prefillDriver: () => driver });
  return { a: running, sent };
}
const lastSnapshot = (sent: ContentToBackground[]) => [...sent].reverse().find((m) => m.type === 'portal/snapshot') as Extract<ContentToBackground, { type: 'portal/snapshot' }> | undefined;
const shadow = () => document.querySelector('award-pilot-hints')?.shadowRoot ?? null;

describe('portal assistant (content-script logic) in happy-dom', () => {
  it('sends a snapshot of the form, only field readings, tagged with page and adapter', () => {
    renderStep('a', 'basic', { orgName: '连云港示例有限公司' });
    const { sent } = start('/app/apply/a/basic');
    const snap = lastSnapshot(sent)!;
    expect(snap.page).toBe('application-form');
    expect(snap.adapterId).toBe('demo-portal');
    expect(snap.fields.find((f) => f.key === 'applicant.name')).toMatchObject({ found: true, value: '连云港示例有限公司', via: 'label' });
    // Fields of other steps are listed as not found (yet), never invented.
    expect(snap.fields.find((f) => f.key === 'applicant.productLevel')).toMatchObject({ found: false, value: null });
  });

  it('late-rendered steps and SPA navigation: the next step is scanned after it renders, earlier answers are remembered', async () => {
    renderStep('a', 'basic', { orgName: '连云港示例有限公司' });
    const { sent } = start('/app/apply/a/basic');
    // The SPA navigates: the URL changes, the old step leaves the DOM, the new one renders a moment later.
    history.pushState(null, '', '/app/apply/a/qualification');
    document.body.replaceChildren();
    await new Promise((r) => setTimeout(r, 20));
    renderStep('a', 'qualification', { productLevel: '国际先进' });
    await new Promise((r) => setTimeout(r, 40));
    const snap = lastSnapshot(sent)!;
    expect(snap.url).toContain('/qualification');
    expect(snap.fields.find((f) => f.key === 'applicant.productLevel')).toMatchObject({ found: true, value: '国际先进' });
    expect(snap.fields.find((f) => f.key === 'applicant.name')).toMatchObject({ found: true, value: '连云港示例有限公司' });
    expect(snap.fields.find((f) => f.key === 'applicant.kind')?.value).toBe('组织');
  });

  it('leaving the form for another portal page starts a fresh reading', async () => {
    renderStep('a', 'basic', { orgName: '甲' });
    const { sent } = start('/app/apply/a/basic');
    history.pushState(null, '', '/app/review/LYG2026-0015');
    document.body.replaceChildren(document.createElement('p'));
    await new Promise((r) => setTimeout(r, 40));
    const snap = lastSnapshot(sent)!;
    expect(snap.page).toBe('recommender-review');
    expect(snap.fields.find((f) => f.key === 'applicant.name')?.found).toBe(false);
  });

  it('hints/update draws red and amber badges in the shadow root; required empty fields get 必填; fixed hints go away', () => {
    renderStep('a', 'basic');
    const { a } = start('/app/apply/a/basic');
    a.handle({ type: 'hints/update', hints: [
      { field: 'applicant.establishedOn', status: 'fail', rule: '8.1', text: { zh: '第八条（一）：不满 3 年', en: 'Art. 8(1): under 3 years' }, cite: { zh: '第八条（一）', en: 'Art. 8(1)' } },
      { field: 'applicant.name', status: 'needs-evidence', rule: '8.4', text: { zh: '需证明', en: 'needs evidence' }, cite: { zh: '第八条（四）', en: 'Art. 8(4)' } },
      { field: 'applicant.creditCode', status: 'pass', rule: '8.1', text: { zh: '通过', en: 'pass' } },
    ] });
    const box = (k: string) => [...shadow()!.querySelectorAll(`.badges[data-field="${k}"] .badge`)].map((b) => `${(b as HTMLElement).dataset.tone}:${b.textContent}`);
    // one badge per field; a blank field's open question is a quiet 待填, cited as a person reads it
    expect(box('applicant.establishedOn')).toEqual(['fail:✕ 第八条（一） 不符合']);
    expect(box('applicant.name')).toEqual(['required:待填 · 第八条（四）']);
    expect(box('applicant.creditCode')).toEqual(['required:必填']);
    // one language at a time (issue 13): 中文 by default, the whole text in the title
    expect(shadow()!.querySelector('.badge[data-tone="fail"]')!.getAttribute('title')).toBe('第八条（一）：不满 3 年');
    a.setPrefs({ lang: 'en', focusTips: true });
    expect(box('applicant.establishedOn')).toEqual(['fail:✕ Art. 8(1) not met']);
    expect(box('applicant.name')).toEqual(['required:To fill · Art. 8(4)']);
    expect(shadow()!.querySelector('.badge[data-tone="fail"]')!.getAttribute('title')).toBe('Art. 8(1): under 3 years');
    a.setPrefs({ lang: 'zh', focusTips: true });
    a.handle({ type: 'hints/update', hints: [] });
    expect(box('applicant.establishedOn')).toEqual(['required:必填']);
  });

  it('focus shows the adapter tip with its article; the open tip follows new hints', () => {
    renderStep('a', 'basic');
    const { a } = start('/app/apply/a/basic');
    const input = [...document.querySelectorAll('label')].find((l) => l.textContent === '成立日期')!;
    const field = document.getElementById(input.htmlFor)!;
    field.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    const tip = () => shadow()!.querySelector('.tip') as HTMLElement;
    expect(tip().hidden).toBe(false);
    expect(tip().textContent).toContain('第八条（一）');
    expect(tip().textContent).toContain('恰好 3 年也算');
    expect(tip().textContent).not.toContain('exactly 3 years counts'); // one language at a time
    a.handle({ type: 'hints/update', hints: [{ field: 'applicant.establishedOn', status: 'fail', rule: '8.1', text: { zh: '不满 3 年', en: 'under 3 years' } }] });
    expect(tip().textContent).toContain('不满 3 年');
    a.setPrefs({ lang: 'both', focusTips: true });
    field.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(tip().textContent).toContain('不满 3 年');
    expect(tip().textContent).toContain('under 3 years');
    field.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    expect(tip().hidden).toBe(true);
    // the off switch: no tip on focus, badges stay
    a.setPrefs({ lang: 'zh', focusTips: false });
    field.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(tip().hidden).toBe(true);
    expect(shadow()!.querySelectorAll('.badge').length).toBeGreaterThan(0);
  });

  it('portal strings never become markup: a hostile hint text is shown as text', () => {
    renderStep('a', 'basic');
    const { a } = start('/app/apply/a/basic');
    a.handle({ type: 'hints/update', hints: [{ field: 'applicant.establishedOn', status: 'fail', rule: '<img src=x onerror=alert(1)>', text: { zh: '<script>x</script>', en: '<b>y</b>' } }] });
    expect(shadow()!.querySelector('img, script, b')).toBeNull();
    expect(shadow()!.querySelector('.badge[data-tone="fail"]')!.textContent).toContain('<img');
  });

  it('prefill without the widget drivers loaded (the background could not inject them) answers not-ok and writes nothing', async () => {
    renderStep('a', 'basic', {});
    const { a } = start('/app/apply/a/basic', null);
    const before = [...document.querySelectorAll('input')].map((i) => `${i.value}|${i.checked}`);
    const reply = await a.handle({ type: 'prefill/apply', values: { 'applicant.name': '档案名称', 'applicant.independentLegalPerson': true }, overwrite: [] });
    expect(reply).toEqual({ ok: false });
    expect(prefillResultSchema.safeParse(reply).success).toBe(false);
    expect([...document.querySelectorAll('input')].map((i) => `${i.value}|${i.checked}`)).toEqual(before);
  });

  it('the driver slot holds only a driver: junk put there reads as not loaded; the injected driver is found', () => {
    const g = globalThis as Record<string, unknown>;
    const keep = g.__awardPilotPrefillDriver;
    try {
      g.__awardPilotPrefillDriver = { applyPrefill: 'x' };
      expect(loadedPrefillDriver()).toBeNull();
      setPrefillDriver(prefillDriver);
      expect(loadedPrefillDriver()).toBe(prefillDriver);
    } finally {
      g.__awardPilotPrefillDriver = keep;
    }
  });

  it('prefill fills empty fields and leaves typed ones, then a snapshot carries the new values', async () => {
    renderStep('a', 'basic', { orgName: '用户填写' });
    const { a, sent } = start('/app/apply/a/basic');
    const reply = await a.handle({ type: 'prefill/apply', values: { 'applicant.name': '档案名称', 'applicant.creditCode': '91320706MA1Q8K2L3J', 'applicant.independentLegalPerson': true }, overwrite: [] }) as { filled: string[]; skipped: Array<{ key: string; reason: string }> };
    expect(reply.filled.sort()).toEqual(['applicant.creditCode', 'applicant.independentLegalPerson']);
    expect(reply.skipped).toEqual([{ key: 'applicant.name', reason: 'not-empty', current: '用户填写' }]);
    a.scanNow();
    const snap = lastSnapshot(sent)!;
    expect(snap.fields.find((f) => f.key === 'applicant.name')?.value).toBe('用户填写');
    expect(snap.fields.find((f) => f.key === 'applicant.creditCode')?.value).toBe('91320706MA1Q8K2L3J');
    expect(snap.fields.find((f) => f.key === 'applicant.independentLegalPerson')?.value).toBe('是');
  });

  it('prefill asks before overwriting: only the fields the user agreed to are replaced; values already equal are not offered', async () => {
    renderStep('a', 'basic', { orgName: '用户填写', creditCode: '91320706MA1Q8K2L3J' });
    const { a } = start('/app/apply/a/basic');
    const values = { 'applicant.name': '档案名称', 'applicant.creditCode': '91320706MA1Q8K2L3J', 'applicant.independentLegalPerson': true };
    const first = prefillResultSchema.parse(await a.handle({ type: 'prefill/apply', values, overwrite: [] }));
    // the credit code already reads what the profile says: nothing to fill, nothing to ask about
    expect(first.filled).toEqual(['applicant.independentLegalPerson']);
    expect(first.skipped).toEqual([{ key: 'applicant.name', reason: 'not-empty', current: '用户填写' }]);

    const nameInput = [...document.querySelectorAll('input')].find((i) => i.closest('.el-form-item')?.querySelector('label')?.textContent === '单位名称')!;
    const agreed = prefillResultSchema.parse(await a.handle({ type: 'prefill/apply', values, overwrite: ['applicant.name'] }));
    expect(agreed.filled).toEqual(['applicant.name']);
    expect(agreed.skipped).toEqual([]);
    expect(nameInput.value).toBe('档案名称');
  });

  it('consent is bound to what the field read when the user agreed: a field changed since is kept and reported again', async () => {
    renderStep('a', 'basic', { orgName: '第一次写的' });
    const { a } = start('/app/apply/a/basic');
    const values = { 'applicant.name': '档案名称' };
    const nameInput = [...document.querySelectorAll('input')].find((i) => i.closest('.el-form-item')?.querySelector('label')?.textContent === '单位名称')!;
    nameInput.value = '后来又改的';
    const stale = prefillResultSchema.parse(await a.handle({ type: 'prefill/apply', values, overwrite: ['applicant.name'], expect: { 'applicant.name': '第一次写的' } }));
    expect(stale).toEqual({ ok: true, filled: [], skipped: [{ key: 'applicant.name', reason: 'not-empty', current: '后来又改的' }] });
    expect(nameInput.value).toBe('后来又改的');
    const agreed = prefillResultSchema.parse(await a.handle({ type: 'prefill/apply', values, overwrite: ['applicant.name'], expect: { 'applicant.name': '后来又改的' } }));
    expect(agreed.filled).toEqual(['applicant.name']);
    expect(nameInput.value).toBe('档案名称');
  });

  it('prefill never replaces a chosen radio option without consent, and replaces it with consent', async () => {
    renderStep('a', 'basic', { independentLegal: '否' });
    const { a } = start('/app/apply/a/basic');
    const values = { 'applicant.independentLegalPerson': true };
    const kept = prefillResultSchema.parse(await a.handle({ type: 'prefill/apply', values, overwrite: [] }));
    expect(kept).toEqual({ ok: true, filled: [], skipped: [{ key: 'applicant.independentLegalPerson', reason: 'not-empty', current: '否' }] });
    const replaced = prefillResultSchema.parse(await a.handle({ type: 'prefill/apply', values, overwrite: ['applicant.independentLegalPerson'] }));
    expect(replaced.filled).toEqual(['applicant.independentLegalPerson']);
    const checked = [...document.querySelectorAll<HTMLInputElement>('input[type="radio"]:checked')].map((r) => r.closest('label')?.textContent?.trim());
    expect(checked).toContain('是');
  });

  it('an ambiguous field is reported as an anchor miss with what was tried', async () => {
    renderStep('a', 'basic');
    // The platform renders a second 成立日期 field (e.g. a duplicated block).
    const item = [...document.querySelectorAll('.el-form-item')].find((e) => e.querySelector('label')?.textContent === '成立日期')!;
    const dup = item.cloneNode(true) as Element;
    document.querySelector('form')!.append(dup);
    const { sent } = start('/app/apply/a/basic');
    await new Promise((r) => setTimeout(r, 30));
    const miss = sent.find((m) => m.type === 'portal/anchor-miss' && m.field === 'applicant.establishedOn');
    expect(miss).toBeDefined();
    expect(miss && miss.type === 'portal/anchor-miss' && miss.tried[0]).toBe('status:ambiguous');
  });

  it('status page: rows are sent as portal/status-rows', () => {
    document.body.replaceChildren();
    const table = document.createElement('table');
    const thead = document.createElement('thead');
    const hr = document.createElement('tr');
    for (const h of ['申报编号', '申报主体', '办理状态', '办理日期']) { const th = document.createElement('th'); th.textContent = h; hr.append(th); }
    thead.append(hr);
    const tbody = document.createElement('tbody');
    const tr = document.createElement('tr');
    for (const c of ['LYG2026-0001', '甲公司', '已受理', '2026-03-20']) { const td = document.createElement('td'); td.textContent = c; tr.append(td); }
    tbody.append(tr);
    table.append(thead, tbody);
    document.body.append(table);
    const { sent } = start('/app/my-applications');
    expect(sent.find((m) => m.type === 'portal/status-rows')).toMatchObject({ rows: [{ applicationNo: 'LYG2026-0001', applicantName: '甲公司', statusText: '已受理', date: '2026-03-20' }] });
  });

  it('pages that are not portal pages get nothing: no snapshot, no UI', () => {
    renderStep('a', 'basic');
    const { sent } = start('/somewhere/else');
    expect(sent).toEqual([]);
  });
});

describe('isMessageForContent (zod-free guard of the content script)', () => {
  const key = fc.string({ minLength: 1, maxLength: 120 });
  const hint = fc.record({ field: key, status: fc.constantFrom('fail' as const, 'needs-evidence' as const, 'pass' as const), rule: fc.string({ maxLength: 20 }), text: fc.record({ zh: fc.string(), en: fc.string() }) });
  const valid = fc.oneof(
    fc.record({ type: fc.constant('hints/update' as const), hints: fc.array(hint, { maxLength: 5 }) }),
    fc.record({ type: fc.constant('picker/start' as const), field: key }),
    fc.record({ type: fc.constantFrom('picker/cancel' as const, 'snapshot/request' as const) }),
    fc.record({ type: fc.constant('prefill/apply' as const), values: fc.dictionary(key, fc.oneof(fc.string(), fc.boolean())), overwrite: fc.array(key, { maxLength: 5 }) }),
  );
  it('accepts every valid message', () => {
    fc.assert(fc.property(valid, (m) => {
      expect(backgroundToContentSchema.safeParse(m).success).toBe(true);
      expect(isMessageForContent(m)).toBe(true);
    }), { numRuns: 1000 });
  });
  it('whatever it accepts, the protocol schema accepts (never looser than zod)', () => {
    const junkHint = fc.record({ field: fc.oneof(fc.string({ maxLength: 130 }), fc.integer()), status: fc.constantFrom('fail', 'needs-evidence', 'pass', 'bad'), rule: fc.oneof(fc.string({ maxLength: 25 }), fc.integer()), text: fc.oneof(fc.record({ zh: fc.string(), en: fc.string() }), fc.constant(null)) });
    const junk = fc.oneof(
      fc.record({ type: fc.constant('hints/update'), hints: fc.array(junkHint, { maxLength: 3 }) }),
      fc.record({ type: fc.constant('picker/start'), field: fc.oneof(fc.string({ maxLength: 130 }), fc.integer()) }),
      fc.record({ type: fc.constantFrom('picker/cancel', 'snapshot/request'), extra: fc.anything() }),
      fc.record({ type: fc.constant('prefill/apply'), values: fc.oneof(fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string(), fc.boolean(), fc.integer(), fc.constant(null))), fc.anything()), overwrite: fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.integer()), { maxLength: 3 }) }),
      fc.anything(),
    );
    fc.assert(fc.property(junk, (m) => {
      if (isMessageForContent(m)) expect(backgroundToContentSchema.safeParse(m).success).toBe(true);
    }), { numRuns: 3000 });
    expect(isMessageForContent({ type: 'prefill/apply', values: { '': 'x' }, overwrite: [] })).toBe(false);
    expect(isMessageForContent({ type: 'prefill/apply', values: { 'applicant.name': { evil: 1 } }, overwrite: [] })).toBe(false);
  });
});
