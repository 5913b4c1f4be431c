import { cleanup, render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replayCase } from '../../../src/cases/replay.ts';
import type { CaseRecord } from '../../../src/storage/repos.ts';
import { lang } from '../../../src/ui/lang.ts';
import { BansPanel } from '../../../src/ui/staff/BansPanel.tsx';
import { DutiesPanel } from '../../../src/ui/staff/DutiesPanel.tsx';
import { cases, loading, selectedId, tab, today, year } from '../../../src/ui/staff/store.ts';
import { freshDb } from '../storage/fresh-db.ts';
import { happyPath, makeEvent } from '../cases/fixtures.ts';

/** An awarded case (its duties a year on) and one revoked for fraud (a ban under 第十四条). */
function seed() {
  const awarded = happyPath('organization', 'award', '2025-03-02');
  const revoked = [...awarded, makeEvent('revoke', '2025-09-01', { reason: 'fraud' })];
  const header = (id: string, name: string) =>
    ({ id, year: 2025, kind: 'organization', applicantName: name, creditCode: null, recommender: 'Haizhou', createdAt: '2025-03-01T00:00:00.000Z', version: 0 }) as unknown as CaseRecord;
  const stored = (id: string, raw: readonly object[]) => raw.map((event, i) => ({ seq: i + 1, caseId: id, event, recordedAt: '2025-03-02T00:00:00.000Z', recordedBy: 'staff' }));
  cases.value = new Map([
    ['c1', { header: header('c1', 'Acme Ltd'), events: stored('c1', awarded), view: replayCase(awarded), error: null }],
    ['c2', { header: header('c2', 'Beta Ltd'), events: stored('c2', revoked), view: replayCase(revoked), error: null }],
  ] as never);
  loading.value = null;
  year.value = 2025;
  today.value = '2026-12-07';
}

beforeEach(async () => {
  await freshDb();
  seed();
});

afterEach(() => {
  cleanup();
  lang.value = 'zh';
  selectedId.value = null;
  tab.value = 'cases';
  cases.value = new Map();
});

/** The article column of the duties and bans tables, cited in the chosen language (issue 14). */
describe('article cells in the duties and bans tables', () => {
  const articleCells = (root: Element, rowId: string, col: number) =>
    [...root.querySelectorAll(`[data-testid="${rowId}"]`)].map((tr) => tr.children[col]?.textContent ?? '');

  it('English says Art. N, never 第X条', async () => {
    lang.value = 'en';
    const duties = render(<DutiesPanel />);
    await duties.findAllByTestId('duty-row');
    const d = articleCells(duties.container, 'duty-row', 3);
    expect(d.length).toBeGreaterThan(0);
    for (const cell of d) expect(cell).toMatch(/^Art\. \d+/);
    cleanup();
    const bans = render(<BansPanel />);
    await bans.findAllByTestId('ban-row');
    const b = articleCells(bans.container, 'ban-row', 5);
    expect(b.length).toBeGreaterThan(0);
    for (const cell of b) expect(cell).toMatch(/^Art\. \d+/);
  });

  it('Chinese keeps the measures’ own 第X条', async () => {
    const duties = render(<DutiesPanel />);
    await duties.findAllByTestId('duty-row');
    for (const cell of articleCells(duties.container, 'duty-row', 3)) expect(cell).toMatch(/^第.+条/);
    cleanup();
    const bans = render(<BansPanel />);
    await bans.findAllByTestId('ban-row');
    for (const cell of articleCells(bans.container, 'ban-row', 5)) expect(cell).toMatch(/^第.+条/);
  });
});

describe('citeWritten', () => {
  it('cites an article as the data writes it, in both languages', async () => {
    const { citeWritten } = await import('../../../src/core/articles.ts');
    expect(citeWritten('第十七条')).toEqual({ zh: '第十七条', en: 'Art. 17' });
    expect(citeWritten('第十条（五）')).toEqual({ zh: '第十条（五）', en: 'Art. 10(5)' });
    expect(citeWritten('第十四条 / 第十五条')).toEqual({ zh: '第十四条/第十五条', en: 'Art. 14/Art. 15' });
    expect(citeWritten('条款未核实')).toEqual({ zh: '条款未核实', en: '条款未核实' });
  });
});
