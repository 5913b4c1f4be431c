import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { publishStorageNotice } from '../../../src/storage/status.ts';
import { PanelStorageNotice, requestPanelPersistence, resetPanelPersistenceForTests } from '../../../src/ui/panel/storage.tsx';

afterEach(() => {
  cleanup();
  publishStorageNotice(null);
  resetPanelPersistenceForTests();
});

describe('storage notices in the side panel', () => {
  it('shows nothing while storage is fine, and the quota notice with an export button when it is full', async () => {
    const onExport = vi.fn();
    render(<PanelStorageNotice onExport={onExport} />);
    // the banner module loads on demand; nothing to show yet
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.queryByTestId('storage-notice')).toBeNull();
    await act(() => publishStorageNotice({ kind: 'quota', message: { zh: '存储空间已满，请导出备份', en: 'Storage is full: export a backup' }, offerExport: true }));
    const banner = await screen.findByTestId('storage-notice');
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toContain('存储空间已满，请导出备份');
    expect(banner.textContent).toContain('Storage is full: export a backup');
    fireEvent.click(screen.getByRole('button', { name: /立即导出备份/ }));
    expect(onExport).toHaveBeenCalledTimes(1);
  });

  it('a notice raised before the panel opened is shown at once', async () => {
    publishStorageNotice({ kind: 'terminated', message: { zh: '数据库连接已断开', en: 'The database connection was lost' }, offerExport: true });
    render(<PanelStorageNotice />);
    expect((await screen.findByTestId('storage-notice')).textContent).toContain('数据库连接已断开');
  });

  it('a banner module that cannot load leaves the panel working (no banner, no throw)', async () => {
    render(<PanelStorageNotice load={() => Promise.reject(new Error('chunk missing'))} />);
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.queryByTestId('storage-notice')).toBeNull();
  });
});

describe('persistent storage from the side panel', () => {
  it('asks the browser once, however often the panel calls it', async () => {
    const request = vi.fn(async () => 'granted');
    await Promise.all([requestPanelPersistence(request), requestPanelPersistence(request), requestPanelPersistence(request)]);
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('uses the storage module’s requestPersistentStorage by default; a browser without it is not an error', async () => {
    // happy-dom has no navigator.storage.persist: the storage module reports 'unsupported'
    await expect(requestPanelPersistence()).resolves.toBe('unsupported');
  });

  it('a failing request does not reject (the panel keeps working)', async () => {
    await expect(requestPanelPersistence(() => Promise.reject(new Error('denied')))).resolves.toBe('unsupported');
  });
});
