import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lang } from '../../../src/ui/lang.ts';
import { AfterAward } from '../../../src/ui/staff/AfterAward.tsx';
import { BansPanel } from '../../../src/ui/staff/BansPanel.tsx';
import { DutiesPanel } from '../../../src/ui/staff/DutiesPanel.tsx';
import { ImportDialog } from '../../../src/ui/staff/ImportExport.tsx';
import { NewCaseForm } from '../../../src/ui/staff/NewCaseForm.tsx';
import { RecordEventForm } from '../../../src/ui/staff/RecordEventForm.tsx';
import { StaffApp } from '../../../src/ui/staff/StaffApp.tsx';
import { YearOverview } from '../../../src/ui/staff/YearOverview.tsx';
import { ExpertGroup } from '../../../src/ui/staff/ExpertGroup.tsx';
import { saveAssignment, saveExpert } from '../../../src/experts/pool-store.ts';
import { cases } from '../../../src/ui/staff/store.ts';
import { policy } from '../../../src/ui/staff/store.ts';
import { freshDb } from '../storage/fresh-db.ts';
import { happyPath } from '../cases/fixtures.ts';
import { chineseLeft } from './one-language.ts';
import { resetStaffStore, seedStaffStore } from './staff-store-seed.ts';

/** One awarded case (a year ago, so some of its duties are overdue) and one still in review. */
function seed() {
  // the recommender is the case's own data: an English name here, so only the console's own words are checked
  const awarded = happyPath('organization', 'award', '2025-03-02').map((e) => (e.type === 'recommend' ? { ...e, by: 'Haizhou' } : e));
  const review = awarded.slice(0, 3);
  seedStaffStore(2025, [{ id: 'c1', name: 'Acme Ltd', events: awarded }, { id: 'c2', name: 'Beta Ltd', events: review }]);
}

beforeEach(async () => {
  await freshDb();
  seed();
});

afterEach(resetStaffStore);

/** The rest of the staff console in one language (issue 14): nothing Chinese left when English is chosen. */
describe('the staff console in English says nothing in Chinese (issue 14)', () => {
  it('the top bar, summary strip and export buttons (titles included)', () => {
    lang.value = 'en';
    const { container } = render(<StaffApp />);
    expect(container.querySelector('[data-testid="export-csv"]')).not.toBeNull();
    expect(chineseLeft(container)).toEqual([]);
  });

  it('the dialogs: new case and import (each loaded when first opened)', async () => {
    lang.value = 'en';
    const { container, getByTestId, findByTestId } = render(<StaffApp />);
    fireEvent.click(getByTestId('new-case'));
    await findByTestId('new-case-form');
    expect(chineseLeft(container)).toEqual([]);
    cleanup();
    const second = render(<StaffApp />);
    fireEvent.click(second.getByTestId('import-open'));
    await second.findByTestId('import-file');
    expect(chineseLeft(second.container)).toEqual([]);
  });

  it('after the award: the dated duties, a task being closed, the title uses', async () => {
    lang.value = 'en';
    const { container, findAllByTestId } = render(<AfterAward caseId="c1" year={2025} tier="award" policy={policy} />);
    const buttons = await findAllByTestId('duty-close');
    fireEvent.click(buttons[0]!);
    expect(container.querySelector('[data-testid="duty-by"]')).not.toBeNull();
    expect(chineseLeft(container)).toEqual([]);
  });

  it('the duties, bans and year tabs', () => {
    lang.value = 'en';
    for (const Panel of [DutiesPanel, BansPanel, YearOverview]) {
      const { container } = render(<Panel />);
      expect(chineseLeft(container), Panel.name).toEqual([]);
      cleanup();
    }
  });

  it('the forms on their own: new case, import, record a decision', () => {
    lang.value = 'en';
    const close = () => undefined;
    for (const node of [<NewCaseForm onClose={close} />, <ImportDialog onClose={close} />, <RecordEventForm c={cases.value.get('c2')!} />]) {
      const { container } = render(node);
      expect(chineseLeft(container)).toEqual([]);
      cleanup();
    }
  });

  it('the case view’s expert review: an empty pool, then candidates, one in conflict, and a saved group', async () => {
    lang.value = 'en';
    const header = cases.value.get('c2')!.header;
    const empty = render(<ExpertGroup header={header} />);
    await empty.findByTestId('expert-group');
    expect(chineseLeft(empty.container)).toEqual([]);
    cleanup();
    await saveExpert({ id: 'p1', name: 'Expert P', fields: ['machining'], affiliation: 'Org P' });
    await saveExpert({ id: 'p2', name: 'Expert Q', fields: [], affiliation: 'Beta Ltd', declaredConflicts: ['Beta Ltd'] });
    await saveAssignment({ id: 'c2', version: 0, field: 'machining', experts: [{ id: 'p1', name: 'Expert P', affiliation: 'Org P' }], issued: [] });
    const full = render(<ExpertGroup header={header} />);
    await full.findByTestId('expert-candidates');
    await full.findByTestId('package-material');
    expect(chineseLeft(full.container)).toEqual([]);
  });
});
