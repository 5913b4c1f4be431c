// The experts page mounts the staff console's conflict screen (issue 20, Deliver 3): an expert settles a
// scorebook conflict where scorebooks are edited. The button appears only when there is one.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lang } from '../../../src/ui/lang.ts';
import { emptyStatus, publishSharingStatus } from '../../../src/sharing/config.ts';
import type { ConflictDetail } from '../../../src/sharing/conflicts.ts';
import { freshDb } from '../storage/fresh-db.ts';

const resolve = vi.fn(async (_d: ConflictDetail, _chosen: Record<string, unknown>) => 4);
vi.mock('../../../src/sharing/run.ts', () => ({ activeReplicator: () => ({ conflictDetail: async () => detail, resolve }) }));
const { book } = await import('../experts/helpers.ts');
const here = { ...book('expert-c', { '4.1.2': 40 }), version: 3 } as unknown as Record<string, unknown> & { id: string };
const there = { ...book('expert-c', { '4.1.2': 70 }), id: here.id, version: 3 } as unknown as Record<string, unknown>;
const detail: ConflictDetail = {
  docId: `scorebook:${here.id}`,
  kind: 'scorebook',
  local: { source: 'local', record: here, version: 3 },
  remote: [{ source: '3-bbb', record: there, version: 3, by: 'expert-c', at: '2026-09-02T08:00:05.000Z' }],
  seenRevs: ['3-bbb'],
};
const conflict = { id: `scorebook:${here.id}`, kind: 'scorebook', localVersion: 3, serverVersion: 3, at: '2026-09-02T09:00:00.000Z' };
const { ConflictsButton } = await import('../../../src/ui/experts/ConflictsButton.tsx');

beforeEach(async () => {
  await freshDb();
  lang.value = 'zh';
  resolve.mockClear();
});
afterEach(() => cleanup());

describe('the conflict screen on the experts page (issue 20)', () => {
  it('no conflict: no button', async () => {
    await publishSharingStatus({ ...emptyStatus(), state: 'idle', database: 'award-expert-e1' });
    const { container } = render(<ConflictsButton />);
    expect(container.querySelector('[data-testid=open-conflicts]')).toBeNull();
    // a conflict arriving while the page is open brings the button
    await waitFor(async () => {
      await publishSharingStatus({ ...emptyStatus(), state: 'idle', database: 'award-expert-e1', conflicts: [conflict] });
      expect(screen.getByTestId('open-conflicts')).toBeTruthy();
    });
    expect((await screen.findByTestId('open-conflicts')).textContent).toBe('待处理的冲突 1');
  });

  it('a scorebook conflict opens the same screen, loaded on demand, and is settled there', async () => {
    await publishSharingStatus({ ...emptyStatus(), state: 'idle', database: 'award-expert-e1', conflicts: [conflict] });
    render(<ConflictsButton />);
    fireEvent.click(await screen.findByTestId('open-conflicts'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.getAttribute('aria-label')).toBe('共享记录的冲突');
    expect((await screen.findByTestId('conflict-screen')).textContent).toContain('共享记录的冲突');
    expect((await screen.findByTestId('conflict-item')).textContent).toContain('评分册');
    const rows = await screen.findAllByTestId('conflict-field');
    expect(rows.map((r) => r.textContent)).toEqual(['4.1.2 得分率40%70%']);
    expect(resolve).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('keep-second'));
    await waitFor(() => expect(resolve).toHaveBeenCalledTimes(1));
    expect((await screen.findByTestId('conflict-message')).textContent).toContain('已保存为第 4 版');
  });
});
