// The staff console's conflict screen (issue 20, Deliver 3): both versions side by side, field by field,
// who saved each and when; the person's pick is what is saved; nothing is saved before they choose.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lang } from '../../../src/ui/lang.ts';
import { publishSharingStatus, emptyStatus } from '../../../src/sharing/config.ts';
import type { ConflictDetail } from '../../../src/sharing/conflicts.ts';
import { freshDb } from '../storage/fresh-db.ts';
import { chineseLeft, englishLeft } from './one-language.ts';

const resolve = vi.fn(async (_d: ConflictDetail, _chosen: Record<string, unknown>) => 3);
const expertHere = { id: 'exp-9', version: 2, name: '钱专家', fields: ['机械'], affiliation: '连云港市质检院', region: '320703', declaredConflicts: [] };
const expertThere = { ...expertHere, affiliation: '江苏海洋大学', region: '320706' };
const detail: ConflictDetail = {
  docId: 'expert:exp-9',
  kind: 'expert',
  local: { source: 'local', record: expertHere, version: 2 },
  remote: [{ source: '2-bbb', record: expertThere, version: 2, by: '李科员', at: '2026-09-02T08:00:05.000Z' }],
  seenRevs: ['2-bbb'],
};
vi.mock('../../../src/sharing/run.ts', () => ({
  activeReplicator: () => ({ conflictDetail: async () => detail, resolve }),
}));
const { ConflictScreen } = await import('../../../src/ui/staff/ConflictScreen.tsx');

beforeEach(async () => {
  await freshDb();
  resolve.mockClear();
});
afterEach(() => {
  cleanup();
  lang.value = 'zh';
});

const withConflict = () => publishSharingStatus({ ...emptyStatus(), state: 'idle', database: 'award-office', conflicts: [{ id: 'expert:exp-9', kind: 'expert', localVersion: 2, serverVersion: 2, at: '2026-09-02T09:00:00.000Z' }] });

describe('the conflict screen (issue 20)', () => {
  it('says in words when there is nothing to settle', async () => {
    render(<ConflictScreen onClose={() => undefined} />);
    expect((await screen.findByTestId('conflict-empty')).textContent).toContain('没有待处理的冲突');
  });

  it('shows only the fields that differ, both values, who saved the server copy; saves the fields picked', async () => {
    await withConflict();
    const { container } = render(<ConflictScreen onClose={() => undefined} />);
    const rows = await screen.findAllByTestId('conflict-field');
    expect(rows.map((r) => r.textContent)).toEqual(['工作单位连云港市质检院江苏海洋大学', '所在地区320703320706']);
    expect(screen.getByTestId('conflict-side-1').textContent).toContain('服务器：李科员 保存于');
    expect(screen.getByTestId('conflict-side-0').textContent).toContain('本机（这台电脑）');
    // ids and values are data, marked translate={false} (happy-dom does not reflect it as translate="no")
    expect(englishLeft(container).filter((s) => !s.includes('exp-9'))).toEqual([]);
    expect(resolve).not.toHaveBeenCalled(); // nothing is picked for the person
    fireEvent.click(rows[1]!.querySelectorAll('input[type=radio]')[1]!); // the server's region
    fireEvent.click(screen.getByTestId('save-merge'));
    await waitFor(() => expect(resolve).toHaveBeenCalledTimes(1));
    expect(resolve.mock.calls[0]![1]).toMatchObject({ affiliation: '连云港市质检院', region: '320706' });
    expect((await screen.findByTestId('conflict-message')).textContent).toContain('已保存为第 3 版');
  });

  it('keeps one version as a whole, in English when English is chosen', async () => {
    lang.value = 'en';
    await withConflict();
    const { container } = render(<ConflictScreen onClose={() => undefined} />);
    await screen.findAllByTestId('conflict-field');
    expect(screen.getByTestId('conflict-side-1').textContent).toContain('Server: saved by 李科员');
    const data = ['李科员', '连云港市质检院', '江苏海洋大学'];
    expect(chineseLeft(container).filter((s) => !data.some((d) => s.includes(d)))).toEqual([]);
    fireEvent.click(screen.getByTestId('keep-second'));
    await waitFor(() => expect(resolve).toHaveBeenCalledTimes(1));
    expect(resolve.mock.calls[0]![1]).toMatchObject({ affiliation: '江苏海洋大学', region: '320706' });
  });
});
