import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * The extension's IndexedDB (extension origin only: never open it from a content script, where it
 * would land in the portal's origin). Version history and migrations: see migrations.ts.
 */
export const DB_NAME = 'award-pilot';
export const DB_VERSION = 1;

export interface StoredCaseEvent {
  seq?: number; // auto-increment key: the append order
  caseId: string;
  /** a contract §3 CaseEvent (validated by src/cases before it is appended) */
  event: { type: string; on: string; [k: string]: unknown };
  recordedAt: string; // ISO timestamp of the recording, for the audit trail
  recordedBy: string; // "staff", "portal-status-page", "import" …
}

export interface AwardDb extends DBSchema {
  /** application drafts read off the portal or typed in the panel, keyed by draft id */
  drafts: { key: string; value: { id: string; application: unknown; updatedAt: string; source?: string } };
  /** the organisation/individual profile used for prefill and the self-evaluation report */
  profiles: { key: string; value: { id: string; data: unknown; updatedAt: string } };
  /** self-evaluation sheets, one per round ("2025", "2026") */
  selfEvaluations: { key: string; value: { id: string; round: string; data: unknown; updatedAt: string } };
  /** case headers (who, which year); the state is always derived by replaying caseEvents */
  cases: {
    key: string;
    value: { id: string; year: number; kind: 'organization' | 'individual'; applicantName: string; creditCode?: string | null; recommender?: string | null; createdAt: string };
    indexes: { byYear: number };
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

export function openAwardDb(name = DB_NAME): Promise<AwardDbHandle> {
  return openDB<AwardDb>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('drafts', { keyPath: 'id' });
        db.createObjectStore('profiles', { keyPath: 'id' });
        db.createObjectStore('selfEvaluations', { keyPath: 'id' });
        const cases = db.createObjectStore('cases', { keyPath: 'id' });
        cases.createIndex('byYear', 'year');
        const events = db.createObjectStore('caseEvents', { keyPath: 'seq', autoIncrement: true });
        events.createIndex('byCase', 'caseId');
        db.createObjectStore('adapters', { keyPath: 'id' });
        db.createObjectStore('anchorMisses', { keyPath: 'seq', autoIncrement: true });
        db.createObjectStore('settings');
      }
    },
  });
}
