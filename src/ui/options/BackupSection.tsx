import { useEffect, useState } from 'preact/hooks';
import { bi, type Bilingual } from '../../core/i18n.ts';
import { currentStorageNotice, onStorageNotice, requestPersistentStorage, type PersistOutcome, type StorageNotice } from '../../storage/index.ts';
import {
  backupFileName,
  currentCounts,
  exportBackup,
  importBackup,
  incompleteDrafts,
  MAX_BACKUP_BYTES,
  readBackup,
  type BackupCounts,
  type BackupProblem,
} from '../../storage/backup.ts';
import { downloadFile } from '../download.ts';
import { mirrorSavedAdapters } from './adapter-mirror.ts';
import { Bi } from './storage-text.tsx';
import './storage-sections.css';
import { tx } from '../lang.ts';

const storeLabels: Record<keyof BackupCounts, Bilingual> = {
  drafts: bi('申报草稿', 'Application drafts'),
  profiles: bi('单位/个人概况', 'Profiles'),
  selfEvaluations: bi('自评表', 'Self-evaluations'),
  cases: bi('案件', 'Cases'),
  caseEvents: bi('案件事件', 'Case events'),
  adapters: bi('门户适配器', 'Portal adapters'),
  anchorMisses: bi('字段定位失败记录', 'Field locator misses'),
  settings: bi('设置', 'Settings'),
};

const persistText: Record<PersistOutcome, Bilingual> = {
  persisted: bi('浏览器已承诺在空间紧张时保留本扩展的数据。', 'The browser keeps this extension’s data even when storage runs low.'),
  granted: bi('浏览器已同意在空间紧张时保留本扩展的数据。', 'The browser agreed to keep this extension’s data when storage runs low.'),
  denied: bi('浏览器未承诺长期保留数据：请定期导出备份。', 'The browser did not promise to keep the data: export a backup regularly.'),
  'asked-before': bi('浏览器未承诺长期保留数据：请定期导出备份。', 'The browser did not promise to keep the data: export a backup regularly.'),
  unsupported: bi('无法确认数据是否会被长期保留：请定期导出备份。', 'Cannot tell whether the data will be kept: export a backup regularly.'),
};

/** Shows quota / version / connection problems; the quota case offers an export right away. */
export function StorageNoticeBanner({ onExport }: { onExport?: () => void }) {
  const [notice, setNotice] = useState<StorageNotice | null>(currentStorageNotice());
  useEffect(() => onStorageNotice(setNotice), []);
  if (!notice) return null;
  return (
    <div class={`ap-notice ${notice.kind === 'quota' || notice.kind === 'terminated' ? 'ap-notice-error' : ''}`} role="alert" data-testid="storage-notice">
      <Bi text={notice.message} />
      {notice.offerExport && onExport ? (
        <div class="ap-row">
          <button type="button" class="ap-primary" onClick={onExport}>
            <Bi text={bi('立即导出备份', 'Export a backup now')} />
          </button>
        </div>
      ) : null}
    </div>
  );
}

type Pending = { text: string; fileName: string; counts: BackupCounts; current: BackupCounts; upgradedFrom: number | null; incomplete: string[]; createdAt: string };
type Status = { kind: 'ok' | 'error'; message: Bilingual } | null;

export default function BackupSection() {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [problems, setProblems] = useState<BackupProblem[]>([]);
  const [pending, setPending] = useState<Pending | null>(null);
  const [persist, setPersist] = useState<PersistOutcome | null>(null);

  useEffect(() => {
    requestPersistentStorage().then(setPersist, () => setPersist('unsupported'));
  }, []);

  async function onExport() {
    setBusy(true);
    setProblems([]);
    try {
      const envelope = await exportBackup();
      downloadFile(JSON.stringify(envelope, null, 2), backupFileName(envelope), 'application/json');
      const total = Object.values(envelope.data).reduce((n, rows) => n + rows.length, 0);
      setStatus({ kind: 'ok', message: bi(`已导出 ${total} 条记录。请把文件保存在安全的地方。`, `Exported ${total} ${total === 1 ? 'record' : 'records'}. Keep the file somewhere safe.`) });
    } catch {
      setStatus({ kind: 'error', message: bi('导出失败，请重试。', 'The export failed; please try again.') });
    } finally {
      setBusy(false);
    }
  }

  async function onChooseFile(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again must trigger a new preview
    setPending(null);
    setStatus(null);
    setProblems([]);
    if (!file) return;
    if (file.size > MAX_BACKUP_BYTES) {
      setProblems([{ path: '', message: bi('备份文件过大（超过 64 MB），未导入。', 'The backup file is too large (over 64 MB); nothing was imported.') }]);
      return;
    }
    setBusy(true);
    try {
      const text = await file.text();
      const read = await readBackup(text);
      if (!read.ok) {
        setProblems(read.errors);
        return;
      }
      setPending({
        text,
        fileName: file.name,
        counts: read.counts,
        current: await currentCounts(),
        upgradedFrom: read.upgradedFrom,
        incomplete: incompleteDrafts(read.envelope),
        createdAt: read.envelope.createdAt,
      });
    } finally {
      setBusy(false);
    }
  }

  async function onConfirmImport() {
    if (!pending) return;
    setBusy(true);
    try {
      const result = await importBackup(pending.text);
      setPending(null);
      if (result.ok) {
        // The restore replaced the adapters store: the portal's content script must follow it.
        await mirrorSavedAdapters();
        const total = Object.values(result.counts).reduce((n, c) => n + c, 0);
        setStatus({ kind: 'ok', message: bi(`已导入 ${total} 条记录。请重新打开侧边栏以查看。`, `Imported ${total} ${total === 1 ? 'record' : 'records'}. Reopen the side panel to see them.`) });
      } else {
        setProblems(result.errors);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="ap-section" aria-label={tx({ zh: '备份与恢复', en: 'Backup and restore' })} data-testid="backup-section">
      <StorageNoticeBanner onExport={onExport} />
      <p>
        <Bi
          text={bi(
            '所有草稿、自评和案件只保存在本机浏览器中。导出备份可在换电脑或清理浏览器前保存数据；导入会替换本机现有数据。',
            'All drafts, self-evaluations and cases are kept only in this browser. Export a backup before changing computers or clearing the browser; importing replaces the data here.',
          )}
        />
      </p>
      {persist ? (
        <p data-testid="persist-status">
          <Bi text={persistText[persist]} />
        </p>
      ) : null}
      <div class="ap-row">
        <button type="button" class="ap-primary" onClick={onExport} disabled={busy} data-testid="backup-export">
          <Bi text={bi('导出备份', 'Export backup')} />
        </button>
        <label class="ap-file">
          <Bi text={bi('从文件导入…', 'Import from file…')} />{' '}
          <input type="file" accept="application/json,.json" onChange={onChooseFile} disabled={busy} data-testid="backup-file" />
        </label>
      </div>

      {status ? (
        <p class={status.kind === 'ok' ? 'ap-ok' : 'ap-error'} role="status" data-testid="backup-status">
          <Bi text={status.message} />
        </p>
      ) : null}

      {problems.length > 0 ? (
        <div class="ap-notice ap-notice-error" role="alert" data-testid="backup-problems">
          <Bi text={bi('未导入，本机数据没有任何改动：', 'Not imported; nothing here was changed:')} />
          <ul class="ap-errors">
            {problems.map((p, i) => (
              <li key={i}>
                <Bi text={p.message} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {pending ? (
        <div class="ap-notice" role="region" aria-label={tx({ zh: '导入预览', en: 'Import preview' })} data-testid="backup-preview">
          <p>
            <Bi text={bi(`文件“${pending.fileName}”（导出于 ${pending.createdAt.slice(0, 10)}）包含：`, `The file "${pending.fileName}" (exported ${pending.createdAt.slice(0, 10)}) contains:`)} />
          </p>
          <table class="ap-table">
            <thead>
              <tr>
                <th scope="col"><Bi text={bi('内容', 'Content')} /></th>
                <th scope="col"><Bi text={bi('备份中', 'In the backup')} /></th>
                <th scope="col"><Bi text={bi('本机现有（将被替换）', 'Here now (will be replaced)')} /></th>
              </tr>
            </thead>
            <tbody>
              {(Object.keys(storeLabels) as (keyof BackupCounts)[]).map((name) => (
                <tr key={name}>
                  <th scope="row"><Bi text={storeLabels[name]} /></th>
                  <td class="ap-num">{pending.counts[name]}</td>
                  <td class="ap-num">{pending.current[name]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pending.upgradedFrom !== null ? (
            <p><Bi text={bi(`该备份来自较早的数据版本 ${pending.upgradedFrom}，导入时会自动升级。`, `This backup is from the older data version ${pending.upgradedFrom}; it will be upgraded on import.`)} /></p>
          ) : null}
          {pending.incomplete.length > 0 ? (
            <p><Bi text={bi(`其中 ${pending.incomplete.length} 份草稿尚未填写完整，导入后仍可继续编辑。`, `${pending.incomplete.length} of the drafts are not complete yet; you can keep editing them after the import.`)} /></p>
          ) : null}
          <p>
            <strong><Bi text={bi('导入将替换本机所有现有数据。如需保留，请先导出备份。', 'Importing replaces all data here. Export a backup first if you want to keep it.')} /></strong>
          </p>
          <div class="ap-row">
            <button type="button" class="ap-danger" onClick={onConfirmImport} disabled={busy} data-testid="backup-confirm">
              <Bi text={bi('确认导入并替换', 'Import and replace')} />
            </button>
            <button type="button" onClick={() => setPending(null)} disabled={busy} data-testid="backup-cancel">
              <Bi text={bi('取消', 'Cancel')} />
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
