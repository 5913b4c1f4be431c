// The options page's sharing progress line (issue 20): during a first replication it says how many documents
// of how many have been received; then, while the stores the pages read are written, how many they hold of
// how many; nothing once in sync. One language at a time.
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lang } from '../../../src/ui/lang.ts';
import SharingSection from '../../../src/ui/options/SharingSection.tsx';
import { emptyStatus, publishSharingStatus, saveSharingConfig } from '../../../src/sharing/config.ts';
import { freshDb } from '../storage/fresh-db.ts';

const api = {
  permissions: { request: async () => true, contains: async () => true },
  runtime: { getManifest: () => ({ optional_host_permissions: ['http://127.0.0.1/*'] }) },
};

beforeEach(async () => {
  await freshDb();
  lang.value = 'zh';
  await saveSharingConfig({ url: 'http://127.0.0.1:5984', user: '王科员', password: 'pw', enabled: true });
});
afterEach(() => {
  cleanup();
  lang.value = 'zh';
});

describe('the options page sharing progress (issue 20)', () => {
  it('received of the server’s documents, then stored of received, then nothing once in sync', async () => {
    await publishSharingStatus({ ...emptyStatus(), state: 'active', role: 'clerk', database: 'award-office', progress: { here: 12_345, server: 41_188 } });
    render(<SharingSection api={api} />);
    const progress = await screen.findByTestId('sharing-progress');
    expect(progress.textContent).toBe('正在从服务器接收：已收到 12,345 / 41,188 份（29%）');

    // the replica holds everything; the stores are being written: a number that moves
    await publishSharingStatus({ ...emptyStatus(), state: 'active', role: 'clerk', database: 'award-office', progress: { here: 41_188, server: 41_188, stored: 20_000 } });
    await waitFor(() => expect(screen.getByTestId('sharing-progress').textContent).toBe('已收到服务器上的 41,188 份，正在存入本机：已存入 20,000 / 41,188 份（48%）'));
    await publishSharingStatus({ ...emptyStatus(), state: 'active', role: 'clerk', database: 'award-office', progress: { here: 41_188, server: 41_188, stored: 41_188 } });
    await waitFor(() => expect(screen.getByTestId('sharing-progress').textContent).toContain('已存入 41,188 / 41,188 份（99%）'));
    lang.value = 'en';
    await waitFor(() => expect(screen.getByTestId('sharing-progress').textContent).toBe('All 41,188 documents received, storing them here: 41,188 of 41,188 stored (99%)'));

    await publishSharingStatus({ ...emptyStatus(), state: 'idle', role: 'clerk', database: 'award-office', lastSync: '2026-12-08T01:17:05.000Z', progress: { here: 41_188, server: 41_188, stored: 41_188 } });
    await waitFor(() => expect(screen.queryByTestId('sharing-progress')).toBeNull());
    expect(screen.getByTestId('sharing-status').getAttribute('data-state')).toBe('idle');
  });
});
