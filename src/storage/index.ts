// Storage lives in the extension origin (side panel, options, staff page, background): never import it
// from a content script, and never from the pure core (src/index.ts).
export * from './repos.ts';
export { DB_NAME, DB_VERSION, openAwardDb, type AwardDb, type AwardDbHandle, type StoredCaseEvent } from './db.ts';
export * from './errors.ts';
export * from './status.ts';
export * from './persist.ts';
export {
  exportBackup,
  importBackup,
  readBackup,
  incompleteDrafts,
  backupFileName,
  backupCounts,
  currentCounts,
  BACKUP_FORMAT,
  type BackupEnvelope,
  type BackupCounts,
  type BackupProblem,
  type ImportBackupResult,
  type ReadBackupResult,
} from './backup.ts';
export { migrations, LATEST_VERSION, normalizeCreditCode, type Migration } from './migrations.ts';
