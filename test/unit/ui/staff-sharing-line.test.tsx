// The staff console shows sharing's state, a first replication's progress and the last complete sync
// (issue 20): before, a clerk replicating several award years saw nothing there for many minutes.
import { render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lang } from '../../../src/ui/lang.ts';
import { StaffApp } from '../../../src/ui/staff/StaffApp.tsx';
import { emptyStatus, publishSharingStatus } from '../../../src/sharing/config.ts';
import { freshDb } from '../storage/fresh-db.ts';
import { happyPath } from '../cases/fixtures.ts';
import { resetStaffStore, seedStaffStore } from './staff-store-seed.ts';

beforeEach(async () => {
  await freshDb();
  seedStaffStore(2025, [{ id: 'c1', name: '连云港甲公司', events: happyPath('organization', 'award', '2025-03-02').slice(0, 3) }]);
  lang.value = 'zh';
});
afterEach(resetStaffStore);

describe('the staff console sharing line (issue 20)', () => {
  it('nothing with sharing off', async () => {
    const { container, getByTestId } = render(<StaffApp />);
    await waitFor(() => expect(getByTestId('new-case')).toBeTruthy());
    expect(container.querySelector('[data-testid="staff-sharing"]')).toBeNull();
  });

  it('how far a first replication is, then in sync with the time it completed', async () => {
    await publishSharingStatus({ ...emptyStatus(), state: 'active', role: 'clerk', progress: { here: 12_345, server: 41_188 } });
    const { findByTestId } = render(<StaffApp />);
    const line = await findByTestId('staff-sharing');
    await waitFor(() => expect(line.textContent).toContain('已收到 12,345 / 41,188 份（29%）'));
    expect(line.getAttribute('role')).toBe('status');
    await publishSharingStatus({ ...emptyStatus(), state: 'idle', role: 'clerk', lastSync: '2026-12-08T01:17:05.000Z', progress: { here: 41_187, server: 41_188 } });
    await waitFor(() => expect(line.textContent).toMatch(/已与服务器同步。上次同步完成：/));
  });
});
