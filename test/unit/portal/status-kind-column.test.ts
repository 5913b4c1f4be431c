import { describe, expect, it } from 'vitest';
import { demoPortalAdapter, portalAdapterSchema } from '../../../src/portal/index.ts';
import { readStatusRows } from '../../../src/portal/dom/status-rows.ts';
import { statusRowSchema } from '../../../src/messaging/protocol.ts';
import contentCopy from '../../../src/portal/adapters/demo-portal.content.json';
// @ts-expect-error plain JS module of the demo portal
import { h } from '../../portal/public/app/dom.js';
// @ts-expect-error plain JS module of the demo portal
import { applications } from '../../portal/public/app/data.js';

type PortalRow = { no: string; name: string; kind: string; status: string; on: string; note?: string };
const HEAD = ['申报编号', '申报主体', '申报类型', '办理状态', '办理日期', '说明'];

/** The demo portal's 我的申报 table, built as portal.js renderStatus builds it (its module runs the whole app on import). */
function renderStatusTable(rows: PortalRow[], head = HEAD): void {
  const table = h('table', { class: 'el-table status-table' },
    h('thead', {}, h('tr', {}, head.map((t) => h('th', { class: 'el-table__cell' }, t)))),
    h('tbody', {}, rows.map((r) => h('tr', { class: 'el-table__row' },
      h('td', {}, r.no), h('td', {}, r.name), h('td', {}, r.kind), h('td', {}, h('span', { class: 'status-tag' }, r.status)), h('td', {}, r.on), h('td', {}, r.note ?? '')))));
  document.body.replaceChildren(h('div', { class: 'el-card' }, h('div', { class: 'el-card__body' }, table)));
}

const headers = demoPortalAdapter.statusTable.headers;

describe('status page: the 申报类型 column gives each row its applicant kind', () => {
  it('the demo portal rows read 组织 → organization and 个人 → individual, and pass the message schema', () => {
    renderStatusTable(applications as PortalRow[]);
    const rows = readStatusRows(document, headers)!;
    expect(rows).toHaveLength((applications as PortalRow[]).length);
    expect(rows[0]).toEqual({ applicationNo: 'LYG2026-0012', applicantName: '连云港海州精密机械有限公司', statusText: '待推荐', date: '2026-03-02', applicantKind: 'organization' });
    expect(rows.find((r) => r.applicantName === '张明华')?.applicantKind).toBe('individual');
    expect(new Set(rows.filter((r) => r.applicationNo === 'LYG2026-0031').map((r) => r.applicantKind))).toEqual(new Set(['organization']));
    for (const r of rows) expect(statusRowSchema.safeParse(r).success).toBe(true);
  });

  it('the content script copy of the adapter reads the same kinds', () => {
    renderStatusTable(applications as PortalRow[]);
    expect(readStatusRows(document, contentCopy.statusTable.headers as typeof headers)).toEqual(readStatusRows(document, headers));
  });

  it('单位 / 企业 and spaced or full-width text map too; an unknown or empty cell is null, never guessed', () => {
    const base = { no: 'X1', name: '甲', status: '已受理', on: '2026-03-01' };
    renderStatusTable([{ ...base, kind: '单位' }, { ...base, kind: ' 企 业 ' }, { ...base, kind: '个人' }, { ...base, kind: '社会团体' }, { ...base, kind: '' }]);
    expect(readStatusRows(document, headers)!.map((r) => r.applicantKind)).toEqual(['organization', 'organization', 'individual', null, null]);
  });

  it('a table without the kind column still reads, with kind null; an adapter naming no kind column adds no field', () => {
    renderStatusTable([{ no: 'X1', name: '甲', kind: '组织', status: '已受理', on: '2026-03-01' }], ['申报编号', '申报主体', '类别', '办理状态', '办理日期', '说明']);
    expect(readStatusRows(document, headers)).toEqual([{ applicationNo: 'X1', applicantName: '甲', statusText: '已受理', date: '2026-03-01', applicantKind: null }]);
    const { applicantKind: _k, applicantKindValues: _v, ...noKind } = headers;
    renderStatusTable([{ no: 'X1', name: '甲', kind: '组织', status: '已受理', on: '2026-03-01' }]);
    expect(readStatusRows(document, noKind)).toEqual([{ applicationNo: 'X1', applicantName: '甲', statusText: '已受理', date: '2026-03-01' }]);
  });

  it('a kind cell with more than the kind in it (page text, markup) maps to nothing: no partial match', () => {
    renderStatusTable([{ no: 'X1', name: '甲', kind: `组织${'<img src=x onerror=alert(1)>'.repeat(50)}`, status: '已受理', on: '2026-03-01' }]);
    expect(readStatusRows(document, headers)![0]!.applicantKind).toBeNull();
  });

  it('the adapter schema rejects a kind value map to anything but organization / individual', () => {
    const bad = structuredClone(demoPortalAdapter) as unknown as { statusTable: { headers: Record<string, unknown> } };
    bad.statusTable.headers.applicantKindValues = { 组织: 'company' };
    expect(portalAdapterSchema.safeParse(bad).success).toBe(false);
    expect(portalAdapterSchema.safeParse(demoPortalAdapter).success).toBe(true);
  });
});
