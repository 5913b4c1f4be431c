import { applicantDatabase } from './audiences.ts';

/**
 * The applicants' directory (issue 20): CouchDB 3 lists databases to server admins only, so a clerk could
 * find an applicant's database only through a case naming that applicant. Each applicant's own browser
 * writes one entry, `applicant:<name>`, into `award-applicants`; the server's `validate_doc_update` lets an
 * applicant write only the entry named by its own login (`userCtx.name`), and nobody else write at all. The
 * clerk's console reads the directory and looks into those databases too. An entry holds the name only:
 * the database name is derived from it, never taken from the entry.
 * (Every member may read the directory: applicants see which other units have an account. It says nothing
 * else; README "Sharing on CouchDB".)
 */
export const DIRECTORY_DATABASE = 'award-applicants';

export const entryId = (name: string) => `applicant:${name}`;

export interface DirectoryEntry {
  _id: string;
  name: string;
}

export const directoryEntry = (name: string): DirectoryEntry => ({ _id: entryId(name), name });

/** The design document IT puts into `award-applicants` (README; the test server's setupAward does the same). */
export const directoryDesign = {
  _id: '_design/award-directory',
  validate_doc_update: `function (newDoc, oldDoc, userCtx) {
  if (userCtx.roles.indexOf('_admin') !== -1) return;
  if (userCtx.roles.indexOf('award-applicant') === -1) throw { forbidden: 'Only an applicant writes its own entry.' };
  if (newDoc._id !== 'applicant:' + userCtx.name) throw { forbidden: 'An applicant writes only its own entry.' };
  if (!newDoc._deleted && newDoc.name !== userCtx.name) throw { forbidden: 'The entry must name its writer.' };
}`,
};

/** The applicants' names in the directory's rows (anything else ignored), with their databases. */
export function readDirectory(rows: ReadonlyArray<{ id?: unknown; doc?: unknown }>): Array<{ name: string; database: string }> {
  const out = new Map<string, string>();
  for (const row of rows) {
    const doc = row.doc as { _id?: unknown; name?: unknown } | undefined;
    if (typeof doc?.name !== 'string' || !doc.name.trim() || doc._id !== entryId(doc.name)) continue;
    out.set(doc.name, applicantDatabase(doc.name));
  }
  return [...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, database]) => ({ name, database }));
}
