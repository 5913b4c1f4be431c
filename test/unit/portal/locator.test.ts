import { describe, expect, it } from 'vitest';
import demo from '../../../src/portal/adapters/demo-portal.json';
import { scanPage, type ScanAdapter } from '../../../src/portal/dom/scan.ts';
import { indexTargets } from '../../../src/portal/dom/targets.ts';
import { locateField } from '../../../src/portal/dom/locate.ts';
import { renderStep, portalSteps } from './portal-markup.ts';

const adapter = demo as unknown as ScanAdapter & { fields: Array<{ key: string; step?: string; applicantKind?: string }> };

function expected(kind: 'organization' | 'individual', stepTitle: string): string[] {
  return adapter.fields.filter((f) => f.step === stepTitle && (!f.applicantKind || f.applicantKind === kind)).map((f) => f.key);
}

describe('locator on the demo portal markup', () => {
  for (const variant of ['a', 'b'] as const) {
    for (const kind of ['organization', 'individual'] as const) {
      for (const step of portalSteps) {
        it(`variant ${variant.toUpperCase()}, ${kind}, step ${step.title}: every field of the step is bound`, () => {
          const values = kind === 'individual' ? { kind: '个人', headsOrg: '是' } : {};
          renderStep(variant, step.id, values);
          const r = scanPage(document, adapter, { kindHint: kind });
          const want = expected(kind, step.title);
          const notFound = want.filter((k) => !r.fields.find((f) => f.key === k)?.found);
          expect(notFound).toEqual([]);
          if (step.id === 'attachments') {
            const atts = r.bindings.filter((b) => b.key.startsWith('attachment:'));
            expect(atts.filter((b) => b.status !== 'found').map((b) => b.key)).toEqual([]);
          }
        });
      }
    }
  }

  it('variant B really mixes label ties: label[for], aria-labelledby and a div label beside the control all occur', () => {
    const sources = new Set<string>();
    for (const step of portalSteps) {
      renderStep('b', step.id);
      for (const t of indexTargets(document)) for (const l of t.labels) sources.add(l.source);
    }
    expect(sources).toContain('label-for');
    expect(sources).toContain('labelledby');
    // the antd-like <div class="…-label"> beside the control: the form-item label cell (widgets.ts)
    expect(sources).toContain('form-item');
  });

  it('generated ids differ between renders, yet the same fields are bound', () => {
    renderStep('a', 'basic', {}, 1);
    const first = document.querySelector('input[type="text"]')!.id;
    const r1 = scanPage(document, adapter).fields.filter((f) => f.found).map((f) => f.key);
    renderStep('a', 'basic', {}, 2);
    const second = document.querySelector('input[type="text"]')!.id;
    const r2 = scanPage(document, adapter).fields.filter((f) => f.found).map((f) => f.key);
    expect(first).not.toBe(second);
    expect(r2).toEqual(r1);
  });

  it('reads values as the portal shows them: text, radio option text, select option text, checkbox, table rows', () => {
    renderStep('a', 'basic', { orgName: '连云港示例有限公司', independentLegal: '是', policyCompliant: true, establishedOn: '2019-06-30' });
    let r = scanPage(document, adapter);
    const v = (k: string) => r.fields.find((f) => f.key === k)?.value;
    expect(v('applicant.kind')).toBe('组织');
    expect(v('applicant.name')).toBe('连云港示例有限公司');
    expect(v('applicant.independentLegalPerson')).toBe('是');
    expect(v('applicant.registeredInLianyungang')).toBe('');
    expect(v('applicant.policyCompliant')).toBe(true);
    expect(v('applicant.establishedOn')).toBe('2019-06-30');
    renderStep('a', 'basic', { policyCompliant: false });
    r = scanPage(document, adapter);
    expect(v('applicant.policyCompliant')).toBe(''); // unticked: not declared yet (unknown), not "no"
    renderStep('b', 'qualification', { productLevel: '省内先进', qms: [{ standard: 'GB/T 19001-2016', number: 'X1', validUntil: '2027-01-31' }] });
    r = scanPage(document, adapter, { kindHint: 'organization' });
    expect(r.fields.find((f) => f.key === 'applicant.productLevel')?.value).toBe('省内先进');
    expect(JSON.parse(String(r.fields.find((f) => f.key === 'applicant.qmsCertificates')?.value))).toEqual([
      { standard: 'GB/T 19001-2016', validUntil: '2027-01-31' },
    ]);
  });

  it('kind unknown (page reloaded on a later step): the kind whose own fields the page shows is followed', () => {
    renderStep('a', 'compliance', { kind: '组织' });
    let r = scanPage(document, adapter);
    expect(r.kind).toBeNull();
    expect(r.layoutKind).toBe('organization');
    expect(r.fields.find((f) => f.key === 'applicant.accidents')?.found).toBe(true);
    renderStep('b', 'compliance', { kind: '个人', headsOrg: '是' });
    r = scanPage(document, adapter);
    expect(r.layoutKind).toBe('individual');
    expect(r.fields.find((f) => f.key === 'applicant.headsOrganization.accidents')?.found).toBe(true);
    expect(r.fields.some((f) => f.key === 'applicant.accidents')).toBe(false);
    // The shared history table alone says nothing about the kind: it stays unknown.
    document.body.replaceChildren();
    r = scanPage(document, adapter);
    expect(r.layoutKind).toBeNull();
  });

  /** Two form items labelled 成立日期 (label[for] → input), returned in page order. */
  function twoEstablishedOnItems(): HTMLElement[] {
    document.body.replaceChildren();
    return [0, 1].map((i) => {
      const item = document.createElement('div');
      const label = document.createElement('label');
      label.textContent = '成立日期';
      label.htmlFor = `d${i}`;
      const input = document.createElement('input');
      input.id = `d${i}`;
      item.append(label, input);
      document.body.append(item);
      return item;
    });
  }

  it('two fields with the same label on a page: the field is not bound (a miss, never a guess)', () => {
    twoEstablishedOnItems();
    const b = locateField({ key: 'applicant.establishedOn', type: 'date', locators: [{ kind: 'label', text: '成立日期' }] }, indexTargets(document), document);
    expect(b.status).toBe('ambiguous');
    expect(b.target).toBeNull();
    expect(b.tried).toEqual(['label(normalized):成立日期→2']);
  });

  // Audit (issue 15, item 7): a page added a hidden copy of 成立日期 and turned 不符合 into 待补充.
  // A copy the page itself hides (no layout read: attributes and inline style only) is no candidate.
  for (const [how, hide] of [
    ['the hidden attribute on its form item', (e: HTMLElement) => { e.hidden = true; }],
    ['inline display:none on its form item', (e: HTMLElement) => { e.style.display = 'none'; }],
    ['inline visibility:hidden on its form item', (e: HTMLElement) => { e.style.visibility = 'hidden'; }],
    ['aria-hidden on its form item', (e: HTMLElement) => { e.setAttribute('aria-hidden', 'true'); }],
    ['inert on its form item', (e: HTMLElement) => { e.setAttribute('inert', ''); }],
  ] as const) {
    for (const hiddenFirst of [true, false]) {
      it(`a duplicate the page hides (${how}, ${hiddenFirst ? 'before' : 'after'} the real one) does not unbind the visible field`, () => {
        const items = twoEstablishedOnItems();
        hide(items[hiddenFirst ? 0 : 1]!);
        const visible = items[hiddenFirst ? 1 : 0]!.querySelector('input');
        const b = locateField({ key: 'applicant.establishedOn', type: 'date', locators: [{ kind: 'label', text: '成立日期' }] }, indexTargets(document), document);
        expect(b.status).toBe('found');
        expect(b.target!.el).toBe(visible);
      });
    }
  }

  it('when every copy is hidden, the field is still ambiguous (hiding decides only between visible and hidden)', () => {
    document.body.replaceChildren();
    for (let i = 0; i < 2; i++) {
      const item = document.createElement('div');
      item.hidden = true;
      const label = document.createElement('label');
      label.textContent = '成立日期';
      const input = document.createElement('input');
      label.append(input);
      item.append(label);
      document.body.append(item);
    }
    const b = locateField({ key: 'applicant.establishedOn', type: 'date', locators: [{ kind: 'label', text: '成立日期' }] }, indexTargets(document), document);
    expect(b.status).toBe('ambiguous');
  });

  it('a later locator can break a tie among the earlier candidates (never pick outside them)', () => {
    document.body.replaceChildren();
    for (const name of ['a', 'b']) {
      const label = document.createElement('label');
      label.textContent = '成立日期';
      const input = document.createElement('input');
      input.name = name;
      label.append(input);
      document.body.append(label);
    }
    const targets = indexTargets(document);
    const ok = locateField({ key: 'k', type: 'date', locators: [{ kind: 'label', text: '成立日期' }, { kind: 'name', value: 'b' }] }, targets, document);
    expect(ok.status).toBe('found');
    expect(ok.via).toBe('name');
    expect((ok.target!.el as HTMLInputElement).name).toBe('b');
    // A contradicting locator (matches something else entirely) does not decide.
    const no = locateField({ key: 'k', type: 'date', locators: [{ kind: 'label', text: '成立日期' }, { kind: 'path', css: 'body' }] }, targets, document);
    expect(no.status).toBe('ambiguous');
  });

  it('precision: exact vs normalized vs contains', () => {
    document.body.replaceChildren();
    const label = document.createElement('label');
    label.textContent = '* 成立日期：';
    const input = document.createElement('input');
    label.append(input);
    document.body.append(label);
    const t = indexTargets(document);
    const at = (precision: 'exact' | 'normalized' | 'contains', text: string) =>
      locateField({ key: 'k', type: 'date', locators: [{ kind: 'label', text, precision }] }, t, document).status;
    expect(at('exact', '成立日期')).toBe('missing');
    expect(at('exact', '* 成立日期：')).toBe('found');
    expect(at('normalized', '成立日期')).toBe('found');
    expect(at('normalized', '成立')).toBe('missing');
    expect(at('contains', '成立')).toBe('found');
  });

  it('review page: read-only label/value pairs are read when static values are on', () => {
    document.body.replaceChildren();
    const table = document.createElement('table');
    const tr = document.createElement('tr');
    for (const [l, v] of [['成立日期', '2024年09月01日'], ['发明专利数量', '0']]) {
      const th = document.createElement('th');
      th.textContent = l!;
      const td = document.createElement('td');
      td.textContent = v!;
      tr.append(th, td);
    }
    table.append(tr);
    document.body.append(table);
    const r = scanPage(document, adapter, { staticValues: true, kindHint: 'organization' });
    expect(r.fields.find((f) => f.key === 'applicant.establishedOn')?.value).toBe('2024年09月01日');
    expect(r.fields.find((f) => f.key === 'applicant.inventionPatents')?.value).toBe('0');
    const off = scanPage(document, adapter, { kindHint: 'organization' });
    expect(off.fields.find((f) => f.key === 'applicant.establishedOn')?.found).toBe(false);
  });
});
