// Issue 19 with issue 11 "Bindings that cannot go stale": the field index is now kept across added
// and removed elements, so a binding must still be checked again whenever its form item changes, and a
// field that lost its binding reads as unknown, never its last value.
import { describe, expect, it } from 'vitest';
import { scanPage, type ScanAdapter } from '../../../src/portal/dom/scan.ts';
import demoPortal from '../../../src/portal/adapters/demo-portal.json' with { type: 'json' };

const adapter = demoPortal as unknown as ScanAdapter;
const reading = (key: string) => scanPage(document, adapter, { kindHint: 'organization' }).fields.find((f) => f.key === key)!;

function formItem(label: string, id: string, value: string): HTMLElement {
  const item = document.createElement('div');
  item.className = 'el-form-item';
  const l = document.createElement('label');
  l.className = 'el-form-item__label';
  l.htmlFor = id;
  l.textContent = label;
  const content = document.createElement('div');
  content.className = 'el-form-item__content';
  const input = document.createElement('input');
  input.id = id;
  input.value = value;
  content.append(input);
  item.append(l, content);
  return item;
}

describe('bindings kept fresh while the index is kept in place (issue 19, issue 11)', () => {
  it('a removed field reads unknown, a re-rendered step binds the new input, a moved label moves the binding', () => {
    const form = document.createElement('form');
    form.append(formItem('单位名称', 'f1', '连云港某某有限公司'), formItem('统一社会信用代码', 'f2', '91320700MA1XXXXXXX'));
    document.body.replaceChildren(form);
    expect(reading('applicant.name')).toMatchObject({ found: true, value: '连云港某某有限公司' });

    // the field's form item removed (the library hid it): unknown, never its last value
    form.firstElementChild!.remove();
    expect(reading('applicant.name')).toMatchObject({ found: false, value: null });

    // the step re-rendered with a new input: bound to the new one, read from it
    form.replaceChildren(formItem('统一社会信用代码', 'g2', '91320700MA1XXXXXXX'), formItem('单位名称', 'g1', '新的单位'));
    expect(reading('applicant.name')).toMatchObject({ found: true, value: '新的单位' });

    // the label's input swapped for another inside the same form item: the binding follows
    const content = form.lastElementChild!.lastElementChild!;
    const old = content.firstElementChild!;
    const next = document.createElement('input');
    next.id = 'g1';
    next.value = '换过的输入框';
    old.remove();
    content.append(next);
    expect(reading('applicant.name')).toMatchObject({ found: true, value: '换过的输入框' });

    // the label removed alone: the input has no name left, so the field is unknown
    form.lastElementChild!.firstElementChild!.remove();
    expect(reading('applicant.name')).toMatchObject({ found: false, value: null });
  });
});
