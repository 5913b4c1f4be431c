// The receiving side of shared drafts (issue 20, Deliver 2): the staff console lists the drafts applicants
// chose to share, read-only, with who shared each and when, in one language at a time.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lang } from '../../../src/ui/lang.ts';
import type { SharedDraft } from '../../../src/sharing/shared-drafts.ts';
import { chineseLeft, englishLeft } from './one-language.ts';

let drafts: SharedDraft[] = [];
vi.mock('../../../src/sharing/run.ts', () => ({ activeReplicator: () => ({ sharedDrafts: async () => drafts }) }));
const { SharedDrafts } = await import('../../../src/ui/staff/SharedDrafts.tsx');

const one: SharedDraft = {
  id: 'draft-9',
  application: { applicant: { kind: 'organization', name: '连云港甲公司', creditCode: '91320700MA1XXXXX0X', independentLegalPerson: true } },
  updatedAt: '2026-09-01T02:00:00.000Z',
  by: '申报人王五',
  at: '2026-09-01T02:05:00.000Z',
};
const data = ['连云港甲公司', '申报人王五', '91320700MA1XXXXX0X', 'draft-9'];

beforeEach(() => void (lang.value = 'zh'));
afterEach(() => {
  cleanup();
  lang.value = 'zh';
  drafts = [];
});

describe('shared drafts in the staff console (issue 20)', () => {
  it('says in words when no one has shared a draft', async () => {
    render(<SharedDrafts onClose={() => undefined} />);
    expect((await screen.findByTestId('shared-drafts-empty')).textContent).toBe('还没有人共享申报草稿。');
  });

  it('shows a shared draft read-only: who shared it, when, and its fields by their names', async () => {
    drafts = [one];
    const { container } = render(<SharedDrafts onClose={() => undefined} />);
    expect((await screen.findByTestId('shared-draft-by')).textContent).toMatch(/^共享人：申报人王五，共享于 .*2026.*；申报人最后修改于 /);
    const fields = screen.getAllByTestId('shared-draft-field').map((f) => f.textContent);
    expect(fields).toContain('名称/姓名连云港甲公司');
    expect(fields).toContain('具有独立法人资格是');
    expect(fields).toContain('申报类型（组织/个人）组织'); // the word, not the stored value
    expect(container.querySelectorAll('input, textarea, select')).toHaveLength(0); // nothing to edit
    expect(englishLeft(container).filter((s) => !data.some((d) => s.includes(d)))).toEqual([]);
  });

  it('speaks English when English is chosen', async () => {
    lang.value = 'en';
    drafts = [one, { ...one, id: 'draft-8', application: { applicant: { name: '连云港乙公司' } }, by: undefined, at: undefined } as unknown as SharedDraft];
    const { container } = render(<SharedDrafts onClose={() => undefined} />);
    expect((await screen.findByTestId('shared-draft-by')).textContent).toMatch(/^Shared by 申报人王五 at /);
    expect(screen.getAllByTestId('shared-draft-field').map((f) => f.textContent)).toContain('Independent legal personYes');
    fireEvent.click(screen.getAllByTestId('shared-draft-item')[1]!);
    expect((await screen.findByText(/Sharer not recorded/)).textContent).toContain('Sharer not recorded');
    expect(chineseLeft(container).filter((s) => ![...data, '连云港乙公司'].some((d) => s.includes(d)))).toEqual([]);
  });
});
