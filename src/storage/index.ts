// Storage lives in the extension origin (side panel, options, staff page, background): never import it
// from a content script, and never from the pure core (src/index.ts).
// Backup (./backup.ts) is not re-exported: it pulls the application, self-evaluation and adapter
// schemas into every page that imports storage; the backup UI and tests import it directly.
export * from './repos.ts';
export { DB_NAME, DB_VERSION, openAwardDb, type AwardDb, type AwardDbHandle, type StoredCaseEvent } from './db.ts';
export * from './errors.ts';
export * from './status.ts';
export * from './persist.ts';
export { migrations, LATEST_VERSION, normalizeCreditCode, type Migration } from './migrations.ts';
export * from './record-changes.ts';
