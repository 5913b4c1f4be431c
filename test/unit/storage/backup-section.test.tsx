import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import BackupSection, { StorageNoticeBanner } from '../../../src/ui/options/BackupSection.tsx';
import { publishStorageNotice, StorageQuotaError, olderVersionOpenMessage } from '../../../src/storage/index.ts';
import { listCases, listDrafts, saveDraft } from '../../../src/storage/index.ts';
import { freshDb } from './fresh-db.ts';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SAVED_ADAPTERS_KEY } from '../../../src/ui/options/adapter-mirror.ts';

const v1Text = readFileSync(resolve(process.cwd(), 'test/fixtures/storage/v1.json'), 'utf8');

beforeEach(freshDb);
afterEach(() => {
  cleanup();
  publishStorageNotice(null);
});

function chooseFile(text: string, name = 'backup.json') {
  const input = screen.getByTestId('backup-file') as HTMLInputElement;
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('BackupSection', () => {
  it('exports the database as a JSON file download', async () => {
    await saveDraft({ id: 'd1', application: { year: 2026 } });
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:test';
    });
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    render(<BackupSection />);
    fireEvent.click(screen.getByTestId('backup-export'));
    await waitFor(() => expect(screen.getByTestId('backup-status').textContent).toContain('已导出 1 条记录'));
    expect(clicks[0]).toMatch(/^award-pilot-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const envelope = JSON.parse(await created[0]!.text());
    expect(envelope.format).toBe('lyg-award/backup@1');
    expect(envelope.data.drafts[0].id).toBe('d1');
  });

  it('previews counts before importing, and replaces only after confirmation', async () => {
    await saveDraft({ id: 'here-now', application: {} });
    render(<BackupSection />);
    chooseFile(v1Text, 'old.json');
    const preview = await screen.findByTestId('backup-preview');
    expect(preview.textContent).toContain('old.json');
    expect(preview.textContent).toContain('较早的数据版本 1');
    const rows = [...preview.querySelectorAll('tbody tr')].map((tr) => tr.textContent);
    expect(rows.find((r) => r?.startsWith('案件 Cases'))).toBe('案件 Cases30');
    expect(rows.find((r) => r?.startsWith('申报草稿'))).toBe('申报草稿 Application drafts21');
    expect(preview.textContent).toContain('1 份草稿尚未填写完整');
    // nothing written yet
    expect((await listDrafts()).map((d) => d.id)).toEqual(['here-now']);
    fireEvent.click(screen.getByTestId('backup-confirm'));
    await waitFor(() => expect(screen.getByTestId('backup-status').textContent).toContain('已导入 17 条记录'));
    expect(await listCases()).toHaveLength(3);
    expect((await listDrafts()).map((d) => d.id)).not.toContain('here-now');
  });

  it('a restore refreshes the adapters the portal content script reads; a refused file leaves them alone', async () => {
    fakeBrowser.reset();
    const stale = [{ id: 'removed-by-restore' }];
    await fakeBrowser.storage.local.set({ [SAVED_ADAPTERS_KEY]: stale });
    const mirrored = async () => ((await fakeBrowser.storage.local.get(SAVED_ADAPTERS_KEY))[SAVED_ADAPTERS_KEY] as { id: string }[]).map((a) => a.id);

    render(<BackupSection />);
    const tampered = JSON.parse(v1Text);
    tampered.data.adapters = [];
    chooseFile(JSON.stringify(tampered));
    await screen.findByTestId('backup-problems');
    expect(await mirrored()).toEqual(['removed-by-restore']);
    cleanup();

    render(<BackupSection />);
    chooseFile(v1Text, 'old.json');
    await screen.findByTestId('backup-preview');
    fireEvent.click(screen.getByTestId('backup-confirm'));
    await waitFor(() => expect(screen.getByTestId('backup-status').textContent).toContain('已导入 17 条记录'));
    expect(await mirrored()).toEqual(['jszwfw-custom']);
  });

  it('cancel leaves everything as it was', async () => {
    await saveDraft({ id: 'here-now', application: {} });
    render(<BackupSection />);
    chooseFile(v1Text);
    await screen.findByTestId('backup-preview');
    fireEvent.click(screen.getByTestId('backup-cancel'));
    expect(screen.queryByTestId('backup-preview')).toBeNull();
    expect((await listDrafts()).map((d) => d.id)).toEqual(['here-now']);
  });

  it('a refused file shows the reasons in Chinese and English and changes nothing', async () => {
    await saveDraft({ id: 'here-now', application: {} });
    render(<BackupSection />);
    const tampered = JSON.parse(v1Text);
    tampered.data.cases[0].applicantName = '改过的';
    chooseFile(JSON.stringify(tampered));
    const problems = await screen.findByTestId('backup-problems');
    expect(problems.textContent).toContain('校验和不符');
    expect(problems.textContent).toContain('Checksum mismatch');
    expect(screen.queryByTestId('backup-preview')).toBeNull();
    expect((await listDrafts()).map((d) => d.id)).toEqual(['here-now']);
  });
});

describe('StorageNoticeBanner', () => {
  it('shows a quota error as an alert with an export button, and the blocked-upgrade message without one', async () => {
    const onExport = vi.fn();
    render(<StorageNoticeBanner onExport={onExport} />);
    expect(screen.queryByTestId('storage-notice')).toBeNull();
    const quota = new StorageQuotaError();
    publishStorageNotice({ kind: 'quota', message: quota.userMessage, offerExport: true });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('浏览器存储空间已满');
    expect(alert.textContent).toContain('Browser storage is full');
    fireEvent.click(screen.getByText('立即导出备份'));
    expect(onExport).toHaveBeenCalledTimes(1);
    publishStorageNotice({ kind: 'blocked', message: olderVersionOpenMessage, offerExport: false });
    await waitFor(() => expect(screen.getByTestId('storage-notice').textContent).toContain('旧版本'));
    expect(screen.queryByText('立即导出备份')).toBeNull();
  });
});
