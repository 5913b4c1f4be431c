import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { freshDb } from '../storage/fresh-db.ts';
import { lang } from '../../../src/ui/lang.ts';
import { ExpertsApp } from '../../../src/ui/experts/ExpertsApp.tsx';
import { appendCaseEvents, createCase } from '../../../src/storage/repos.ts';
import { saveMe, savePanel, saveScorebook } from '../../../src/experts/store.ts';
import { saveExpert } from '../../../src/experts/pool-store.ts';
import { book } from '../experts/helpers.ts';
import { chineseLeft } from './one-language.ts';

/**
 * UI text, one language at a time (issue 13): with English chosen, the expert panel's pages (workspace,
 * 回避, scoring, office consensus, site checklist, pool) show no Chinese anywhere — text in nested
 * elements, options, placeholders and accessible names included, not only a control's own text.
 * Data the people typed (names here are ASCII) and 第…条 citations aside.
 */
beforeEach(async () => {
  await freshDb();
  lang.value = 'en';
});
afterEach(() => {
  cleanup();
  lang.value = 'zh';
  location.hash = '';
});

async function page(hash: string, ready: () => Promise<unknown>) {
  location.hash = hash;
  const r = render(<ExpertsApp />);
  await ready();
  return r.container;
}

describe('the expert panel in English says nothing in Chinese', () => {
  it('a new browser: who is scoring, or open a package', async () => {
    const root = await page('', () => screen.findByText(/Who is scoring/));
    expect(chineseLeft(root)).toEqual([]);
  });

  it('the workspace: 回避 first, then the 23 items with bands, fields and the export', async () => {
    await saveMe({ id: 'x1', name: 'Expert A', affiliation: 'Org A' });
    const b = book('x1', {});
    await saveScorebook({ ...b, expert: { id: 'x1', name: 'Expert A', affiliation: 'Org A' }, events: [], subject: { ...b.subject, applicantName: 'Acme Ltd' } });
    const root = await page('', () => screen.findByText(/Acme Ltd/));
    expect(chineseLeft(root)).toEqual([]);
    fireEvent.click(root.querySelectorAll('input[type=radio]')[0]!);
    const confirm = [...root.querySelectorAll('fieldset button')].at(-1)!;
    fireEvent.click(confirm);
    await waitFor(() => expect(root.querySelectorAll('.item select').length).toBe(23));
    expect(chineseLeft(root)).toEqual([]);
  });

  it('the office: import, panels, consensus table and site checklist', async () => {
    const c = await createCase({ year: 2026, kind: 'organization', applicantName: 'Acme Ltd' });
    await appendCaseEvents(c.id, [{ type: 'apply', on: '2026-06-01', kind: 'organization' }, { type: 'recommend', on: '2026-06-10', by: 'Haizhou' }, { type: 'accept', on: '2026-06-20' }], 'staff');
    const named = (id: string, p: number) => ({ ...book(id, { '4.1.2': p }, { verify: { '4.1.2': 'check the records' } }), expert: { id, name: `Expert ${id}`, affiliation: '' } });
    await savePanel({ caseId: c.id, margin: 20, scorebooks: [named('a', 50), named('b', 85)], events: [], recorded: [{ type: 'pass-material-review', on: '2026-07-01', at: '2026-07-01T00:00:00.000Z' }], version: 0 });
    const root = await page('#office', () => screen.findByText('Acme Ltd'));
    expect(chineseLeft(root)).toEqual([]);
    fireEvent.click(screen.getByText('Acme Ltd'));
    await waitFor(() => expect(root.querySelector('table.cons')).not.toBeNull());
    expect(chineseLeft(root)).toEqual([]);
  });

  it('the pool: the table and the expert form', async () => {
    await saveExpert({ id: 'p1', version: 0, name: 'Expert P', fields: ['machining'], affiliation: 'Org P', region: '320706', declaredConflicts: [] });
    const root = await page('#pool', () => screen.findByText('Expert P'));
    expect(chineseLeft(root)).toEqual([]);
    fireEvent.click(root.querySelector('.pool-table button')!);
    await waitFor(() => expect(root.querySelector('.expert-form')).not.toBeNull());
    expect(chineseLeft(root)).toEqual([]);
  });
});
