import { cleanup, render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lang } from '../../../src/ui/lang.ts';
import { BansPanel } from '../../../src/ui/staff/BansPanel.tsx';
import { DutiesPanel } from '../../../src/ui/staff/DutiesPanel.tsx';
import { freshDb } from '../storage/fresh-db.ts';
import { happyPath, makeEvent } from '../cases/fixtures.ts';
import { resetStaffStore, seedStaffStore } from './staff-store-seed.ts';

/** An awarded case (its duties a year on) and one revoked for fraud (a ban under 第十四条). */
function seed() {
  const awarded = happyPath('organization', 'award', '2025-03-02');
  const revoked = [...awarded, makeEvent('revoke', '2025-09-01', { reason: 'fraud' })];
  seedStaffStore(2025, [{ id: 'c1', name: 'Acme Ltd', events: awarded }, { id: 'c2', name: 'Beta Ltd', events: revoked }]);
}

beforeEach(async () => {
  await freshDb();
  seed();
});

afterEach(resetStaffStore);

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
