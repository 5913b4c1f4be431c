import { bi, type Bilingual } from '../core/i18n.ts';
import { publishStorageNotice } from './status.ts';

/** Why a storage operation failed, in words the UI can show as they are (zh first, en second). */
export type StorageErrorKind = 'quota' | 'blocked' | 'version' | 'closed' | 'not-found' | 'conflict' | 'invalid';

export class StorageError extends Error {
  readonly kind: StorageErrorKind;
  readonly userMessage: Bilingual;
  constructor(kind: StorageErrorKind, userMessage: Bilingual, options?: { cause?: unknown }) {
    super(`${userMessage.en}`, options);
    this.name = kind === 'quota' ? 'StorageQuotaError' : 'StorageError';
    this.kind = kind;
    this.userMessage = userMessage;
  }
}

/** The disk is full or the browser's quota for the extension is used up: the UI offers an export. */
export class StorageQuotaError extends StorageError {
  constructor(cause?: unknown) {
    super(
      'quota',
      bi(
        '浏览器存储空间已满，最近的修改未能保存。请立即导出备份（选项页 → 备份），再清理不需要的草稿或自评。',
        'Browser storage is full and the latest change was not saved. Export a backup now (Options → Backup), then remove drafts or self-evaluations you no longer need.',
      ),
      { cause },
    );
  }
}

export const olderVersionOpenMessage: Bilingual = bi(
  '另一个标签页或窗口仍在使用旧版本的本扩展数据。请关闭其他打开的“质量奖申报助手”页面后重新加载本页。',
  'Another tab or window still has an older version of this extension’s data open. Close the other Award Pilot pages, then reload this page.',
);

export const newerVersionMessage: Bilingual = bi(
  '本扩展已在其他页面升级，数据连接已关闭。请重新加载本页以继续。',
  'The extension was upgraded in another page and this page’s data connection was closed. Reload this page to continue.',
);

/** The database was written by a newer version of the extension (issue 15: reloading cannot help). */
export function dataFromNewerVersionMessage(found: number | null, supported: number): Bilingual {
  const v = found === null ? '' : `（数据版本 ${found}，本扩展只支持到 ${supported}）`;
  const ve = found === null ? '' : ` (data version ${found}; this version supports up to ${supported})`;
  return bi(
    `本机数据是由更新版本的“质量奖申报助手”保存的${v}。请把扩展升级到最新版本后再打开；本页没有读取或更改任何数据。`,
    `The data here was saved by a newer version of Award Pilot${ve}. Update the extension, then open this page again; nothing was read or changed.`,
  );
}

export const staleWriteMessage: Bilingual = bi(
  '保存未完成：这份资料已在其他页面（另一个标签页或窗口）修改过。为免覆盖别人的修改，本次没有保存；页面已刷新为最新内容，请核对后重新保存。',
  'Not saved: this was changed in another page (another tab or window). To avoid overwriting that change nothing was saved; this page now shows the latest version, check it and save again.',
);

/** A case event decided on a stale view: another tab or clerk recorded on the case meanwhile (issue 15). */
export const staleCaseMessage: Bilingual = bi(
  '未记录：这个案件刚在其他页面（另一个标签页或另一位工作人员）记录了新事件，您看到的已不是最新状态。为免依据过期信息记录，本次没有写入；案件已刷新为最新记录，请核对后重新记录。',
  'Not recorded: another page (another tab or another clerk) has just recorded an event on this case, so what you saw was out of date. To avoid recording on stale information nothing was written; the case now shows its latest log, check it and record again.',
);

export const connectionLostMessage: Bilingual = bi(
  '浏览器意外关闭了数据连接（可能是磁盘错误或存储被清除）。请重新加载本页；若问题持续，请导出备份。',
  'The browser closed the data connection unexpectedly (a disk error, or the storage was cleared). Reload this page; if it keeps happening, export a backup.',
);

export const upgradeFailedMessage: Bilingual = bi(
  '数据格式升级失败，已回滚，原有数据未改动。请重新加载本页；若问题持续，请报告此问题（见 SECURITY.md）。',
  'Upgrading the data format failed and was rolled back; your existing data is unchanged. Reload this page; if it keeps happening, please report it (see SECURITY.md).',
);

function isQuotaError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const name = (error as { name?: unknown }).name;
  // Firefox used NS_ERROR_DOM_QUOTA_REACHED before it adopted the standard name.
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** Turn a raw IndexedDB failure into a typed, bilingual one; other errors pass through untouched. */
export function toStorageError(error: unknown): unknown {
  if (error instanceof StorageError) return error;
  if (isQuotaError(error)) return new StorageQuotaError(error);
  // A transaction aborted by a quota failure surfaces as AbortError whose cause is on tx.error.
  const inner = (error as { target?: { error?: unknown } } | null)?.target?.error;
  if (isQuotaError(inner)) return new StorageQuotaError(inner);
  return error;
}

/** Run a storage operation; quota failures come out as StorageQuotaError. */
export async function guardQuota<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    const typed = toStorageError(error);
    if (typed instanceof StorageQuotaError) publishStorageNotice({ kind: 'quota', message: typed.userMessage, offerExport: true });
    throw typed;
  }
}
