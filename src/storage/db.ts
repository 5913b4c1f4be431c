import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { AwardRef } from '../awards/index.ts';
import { connectionLostMessage, upgradeFailedMessage, newerVersionMessage, dataFromNewerVersionMessage, olderVersionOpenMessage, StorageError } from './errors.ts';
import { LATEST_VERSION, runMigrations } from './migrations.ts';
import { publishStorageNotice } from './status.ts';

/**
 * The extension's IndexedDB (extension origin only: never open it from a content script, where it
 * would land in the portal's origin). The schema is built by the numbered migrations in migrations.ts.
 */
export const DB_NAME = 'award-pilot';
export const DB_VERSION = LATEST_VERSION;

export interface StoredCaseEvent {
  seq?: number; // auto-increment key: the append order
  caseId: string;
  /** a contract §3 CaseEvent (validated by src/cases before it is appended) */
  event: { type: string; on: string; [k: string]: unknown };
  recordedAt: string; // ISO timestamp of the recording, for the audit trail
  recordedBy: string; // "staff", "portal-status-page", "import" …
  /** the expert group's scores behind a material-review, site-review or presentation event (src/experts) */
  review?: unknown;
}

export interface AwardDb extends DBSchema {
  /** application drafts read off the portal or typed in the panel, keyed by draft id */
  drafts: { key: string; value: { id: string; application: unknown; updatedAt: string; source?: string; version?: number; award?: AwardRef; recommendedFrom?: { caseId: string; article: string; selfEvaluations: string[] } }; indexes: { byUpdatedAt: string } };
  /** the organisation/individual profile used for prefill and the self-evaluation report */
  profiles: { key: string; value: { id: string; data: unknown; updatedAt: string; version?: number } };
  /** self-evaluation sheets, one per round ("2025", "2026") */
  selfEvaluations: { key: string; value: { id: string; round: string; data: unknown; updatedAt: string }; indexes: { byUpdatedAt: string } };
  /** case headers (who, which year); the state is always derived by replaying caseEvents */
  cases: {
    key: string;
    value: { id: string; year: number; kind: 'organization' | 'individual'; applicantName: string; creditCode?: string | null; recommender?: string | null; createdAt: string; version?: number; award?: AwardRef; recommendedFrom?: { caseId: string; article: string } };
    indexes: { byYear: number; byCreditCode: string };
  };
  /** append-only case event log (第十条 lifecycle); corrections are new events, never edits */
  caseEvents: { key: number; value: StoredCaseEvent; indexes: { byCase: string } };
  /** portal adapters edited or imported by the user (the shipped ones live in the package) */
  adapters: { key: string; value: { id: string; adapter: unknown; updatedAt: string } };
  /** locator misses reported by the content script, shown on the options page */
  anchorMisses: { key: number; value: { seq?: number; adapterId: string; field: string; url: string; tried: string[]; at: string } };
  settings: { key: string; value: unknown };
}

export type AwardDbHandle = IDBPDatabase<AwardDb>;

export const STORE_NAMES = ['drafts', 'profiles', 'selfEvaluations', 'cases', 'caseEvents', 'adapters', 'anchorMisses', 'settings'] as const;

export interface OpenOptions {
  /** the version to open (tests open older versions to exercise migrations) */
  version?: number;
  /** called when the browser or another page takes the connection away; the caller forgets it */
  onLost?: () => void;
}

/**
 * Open (and if needed upgrade) the database. Connection lifecycle:
 * - blocked: another tab still has an older version open → tell the user to close it (bilingual notice);
 * - blocking: a newer version wants to upgrade → close this connection so the upgrade can proceed;
 * - terminated: the browser closed the connection (disk error, storage cleared) → tell the user.
 */
export function openAwardDb(name = DB_NAME, options: OpenOptions = {}): Promise<AwardDbHandle> {
  const version = options.version ?? DB_VERSION;
  let upgradeFailure: unknown = null;
  const opening = openDB<AwardDb>(name, version, {
    upgrade(_db, oldVersion, newVersion, tx) {
      tx.done.catch(() => undefined); // an aborted upgrade is reported through the open request below
      // idb does not wait for an async upgrade: keep the versionchange transaction busy with the
      // migrations' requests, and abort it (all or nothing) if one fails.
      runMigrations(tx, oldVersion, newVersion ?? version).catch((error) => {
        upgradeFailure = error;
        try {
          tx.abort();
        } catch {
          // already aborted
        }
      });
    },
    blocked() {
      publishStorageNotice({ kind: 'blocked', message: olderVersionOpenMessage, offerExport: false });
    },
    blocking() {
      void opening.then((db) => db.close());
      options.onLost?.();
      publishStorageNotice({ kind: 'upgraded-elsewhere', message: newerVersionMessage, offerExport: false });
    },
    terminated() {
      options.onLost?.();
      publishStorageNotice({ kind: 'terminated', message: connectionLostMessage, offerExport: true });
    },
  });
  return opening.then(
    (db) => {
      publishStorageNotice(null);
      return db;
    },
    (error) => {
      if (upgradeFailure) {
        throw new StorageError('version', upgradeFailedMessage, { cause: upgradeFailure });
      }
      if ((error as { name?: string })?.name === 'VersionError') {
        // The data was written by a newer release: reloading cannot help and nothing may be changed.
        return storedVersion(name).then((found) => {
          throw new StorageError('version', dataFromNewerVersionMessage(found, version), { cause: error });
        });
      }
      throw error;
    },
  );
}

/** The version a database is at, opened without asking for any (so nothing is upgraded or created). */
async function storedVersion(name: string): Promise<number | null> {
  try {
    const db = await openDB(name);
    const v = db.version;
    db.close();
    return v;
  } catch {
    return null;
  }
}

/**
 * Rolls back a readwrite transaction whose body failed and waits until it has settled, so the caller's
 * error (not the abort) is what surfaces and no partial write commits.
 */
export async function abortAndSettle(tx: Pick<IDBTransaction, 'abort'> & { done: Promise<void> }): Promise<void> {
  try {
    tx.abort();
  } catch {
    // already finished or aborted
  }
  await tx.done.catch(() => undefined);
}
