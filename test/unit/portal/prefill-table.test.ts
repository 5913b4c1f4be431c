import { afterEach, describe, expect, it } from 'vitest';
import { addRowButton, fillTableRows, tableRows } from '../../../src/portal/dom/prefill-table.ts';
import { readTable } from '../../../src/portal/dom/read.ts';

const columns = [
  { key: 'standard', header: '认证标准' },
  { key: 'validUntil', header: '有效期至' },
];
const certificates = [
  { standard: 'GB/T 19001-2016', validUntil: '2027-05-31' },
  { standard: 'GB/T 24001-2016', validUntil: '2026-12-31' },
];

afterEach(() => document.body.replaceChildren());

/**
 * A low-code table: rows drawn from state, a 删除 link per row, and the add button below. Like Vue or
 * React it draws the new row on a later tick: patched in place, or (`redrawAll`) the whole block
 * replaced with new elements. `redrawOnInput` also redraws everything on each keystroke; `atTop` and
 * `defaults` model platforms that insert new rows first or prefill a cell.
 */
function portalTable({
  rows = [] as Array<Record<string, string>>,
  addText = '+ 添加一行',
  redrawAll = false,
  redrawOnInput = false,
  atTop = false,
  defaults = {} as Record<string, string>,
  inputs = [] as string[],
} = {}) {
  const state: Array<Record<string, string>> = rows.map((r) => ({ ...r }));
  const host = document.createElement('div');
  document.body.append(host);
  const rowElement = (row: Record<string, string>) => {
    const tr = document.createElement('tr');
    for (const key of ['standard', 'validUntil']) {
      const input = document.createElement('input');
      input.value = row[key] ?? '';
      input.addEventListener('input', () => {
        row[key] = input.value;
        inputs.push(`${state.indexOf(row)}.${key}=${input.value}`);
        if (redrawOnInput) draw();
      });
      const td = document.createElement('td');
      td.append(input);
      tr.append(td);
    }
    const td = document.createElement('td');
    td.append(Object.assign(document.createElement('a'), { textContent: '删除' }));
    tr.append(td);
    return tr;
  };
  const draw = () => {
    const block = document.createElement('div');
    block.className = 'el-table-wrap';
    const table = document.createElement('table');
    const thead = table.createTHead().insertRow();
    for (const h of ['认证标准', '有效期至', '操作']) thead.append(Object.assign(document.createElement('th'), { textContent: h }));
    const tbody = table.createTBody();
    for (const row of state) tbody.append(rowElement(row));
    const add = Object.assign(document.createElement('button'), { type: 'button', textContent: addText });
    add.addEventListener('click', () => {
      const row = { ...defaults };
      if (atTop) state.unshift(row);
      else state.push(row);
      setTimeout(() => {
        if (redrawAll) return draw();
        const tbody = host.querySelector('tbody')!;
        if (atTop) tbody.prepend(rowElement(row));
        else tbody.append(rowElement(row));
      }, 5);
    });
    block.append(table, add);
    host.replaceChildren(block);
  };
  draw();
  return { state, find: () => host.querySelector('table') };
}

describe('prefill: table rows through the portal’s own add-row button', () => {
  it('adds one row per certificate, typed through input events the portal’s state sees', async () => {
    const inputs: string[] = [];
    const { state, find } = portalTable({ inputs });
    const outcome = await fillTableRows({ key: 'applicant.qmsCertificates', columns, addRowTexts: ['添加一行', '新增'], rows: certificates, mayAdd: false }, find);
    expect(outcome).toBe('filled');
    expect(state).toEqual(certificates);
    expect(readTable(find()!, columns)).toEqual(certificates);
    expect(inputs).toContain('1.validUntil=2026-12-31');
  });

  it('follows a platform that redraws the whole block when a row is added (new elements each time)', async () => {
    const { state, find } = portalTable({ redrawAll: true, addText: '+ 新增' });
    const first = find();
    expect(await fillTableRows({ key: 'k', columns, addRowTexts: ['添加一行', '新增'], rows: certificates, mayAdd: false }, find)).toBe('filled');
    expect(find()).not.toBe(first);
    expect(state).toEqual(certificates);
  });

  it('a table that already shows every profile row is unchanged: nothing added, nothing asked', async () => {
    const { state, find } = portalTable({ rows: certificates });
    expect(await fillTableRows({ key: 'k', columns, addRowTexts: ['添加一行'], rows: certificates, mayAdd: false }, find)).toBe('unchanged');
    expect(state).toEqual(certificates);
  });

  it('a platform that redraws the table on every keystroke still gets each row once', async () => {
    const { state, find } = portalTable({ redrawOnInput: true });
    expect(await fillTableRows({ key: 'k', columns, addRowTexts: ['添加一行'], rows: certificates, mayAdd: false }, find)).toBe('filled');
    expect(state).toEqual(certificates);
  });

  it('a new row inserted at the top with a default value is the one written, never the row the user typed', async () => {
    const typed = { standard: 'ISO 9001:2015', validUntil: '2029-01-01' };
    for (const redrawAll of [false, true]) {
      document.body.replaceChildren();
      const { state, find } = portalTable({ rows: [typed], atTop: true, defaults: { standard: 'GB/T 19001-2016' }, redrawAll });
      expect(await fillTableRows({ key: 'k', columns, addRowTexts: ['添加一行'], rows: [certificates[1]!], mayAdd: true }, find)).toBe('filled');
      expect(state).toEqual([certificates[1], typed]);
    }
  });

  it('a table holding rows the user typed is left alone without consent; with consent only missing rows are added', async () => {
    const typed = [{ standard: 'GB/T 19001-2016', validUntil: '2027-05-31' }];
    const { state, find } = portalTable({ rows: typed });
    const job = { key: 'k', columns, addRowTexts: ['添加一行'], rows: certificates };
    expect(await fillTableRows({ ...job, mayAdd: false }, find)).toBe('not-empty');
    expect(state).toEqual(typed);
    expect(await fillTableRows({ ...job, mayAdd: true }, find)).toBe('filled');
    expect(state).toEqual(certificates); // the matching row is not added twice
  });

  it('uses the blank row a platform shows before adding another', async () => {
    const { state, find } = portalTable({ rows: [{}] });
    expect(await fillTableRows({ key: 'k', columns, addRowTexts: ['添加一行'], rows: [certificates[0]!], mayAdd: false }, find)).toBe('filled');
    expect(state).toEqual([certificates[0]]);
  });

  // Issue 15, item 2 for tables: a page could hide a table (or its add button) to harvest the profile's
  // certificates, as it could with hidden fields. Nothing is added to a table a person cannot see.
  for (const [what, hide] of [
    ['the table’s block is display:none', (host: Element) => { (host.firstElementChild as HTMLElement).style.display = 'none'; }],
    ['the table’s block has the hidden attribute', (host: Element) => { (host.firstElementChild as HTMLElement).hidden = true; }],
    ['the add button is transparent', (host: Element) => { (host.querySelector('button') as HTMLElement).style.opacity = '0'; }],
  ] as const) {
    it(`a table a person cannot see is not filled (${what}): reported as hidden, nothing added`, async () => {
      const { state, find } = portalTable();
      hide(find()!.closest('div')!.parentElement!);
      const outcome = await fillTableRows({ key: 'applicant.qmsCertificates', columns, addRowTexts: ['添加一行', '新增'], rows: certificates, mayAdd: false }, find);
      expect(outcome).toBe('hidden');
      expect(state).toEqual([]);
    });
  }

  it('without an add button it says it could not, and changes nothing', async () => {
    const { state, find } = portalTable({ addText: '提交' });
    expect(await fillTableRows({ key: 'k', columns, addRowTexts: ['添加一行'], rows: certificates, mayAdd: false }, find)).toBe('unsupported');
    expect(state).toEqual([]);
  });

  it('the add button is looked for beside its own table only, never beside another table', () => {
    portalTable();
    const second = portalTable({ addText: '+ 添加一行' });
    const tables = document.querySelectorAll('table');
    expect(tables).toHaveLength(2);
    expect(addRowButton(second.find()!, ['添加一行'])?.closest('.el-table-wrap')).toBe(second.find()!.closest('.el-table-wrap'));
  });

  it('finds the add button beside a table drawn as two <table>s (header and body, as el-table and antd scroll tables do)', () => {
    const make = (n: number) => {
      const wrap = document.createElement('div');
      wrap.className = 'editable-table';
      const el = document.createElement('div');
      el.className = 'el-table';
      const hw = document.createElement('div');
      const head = document.createElement('table');
      const thead = head.appendChild(document.createElement('thead'));
      const tr = thead.appendChild(document.createElement('tr'));
      for (const h of ['认证标准', '有效期至']) tr.appendChild(document.createElement('th')).textContent = h;
      hw.appendChild(head);
      const bw = document.createElement('div');
      const body = bw.appendChild(document.createElement('table'));
      body.appendChild(document.createElement('tbody'));
      el.append(hw, bw);
      const button = document.createElement('button');
      button.textContent = `+ 添加一行 ${n}`;
      wrap.append(el, button);
      document.body.appendChild(wrap);
      // the driver is a separate script: the pairing the scan made (setSplitBody) is not visible to it
      return { head, button };
    };
    const first = make(1);
    const second = make(2);
    expect(addRowButton(first.head, ['添加一行'])).toBe(first.button);
    expect(addRowButton(second.head, ['添加一行'])).toBe(second.button);
  });

  it('tableRows reads only JSON arrays of row objects, keeps known columns, drops blank rows', () => {
    expect(tableRows(JSON.stringify([{ standard: ' x ', validUntil: '', extra: 'no' }, {}]), columns)).toEqual([{ standard: ' x ' }]);
    for (const bad of ['{', '{"a":1}', '[1]', '[null]', true]) expect(tableRows(bad as string, columns)).toBeNull();
  });
});
