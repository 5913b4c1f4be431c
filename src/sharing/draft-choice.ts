import { getDb, getDraft, getSetting, setSetting } from '../storage/repos.ts';
import { announceRecordChange } from '../storage/record-changes.ts';

/**
 * Which of the applicant's drafts go to the shared server (issue 20, Deliver 2): none unless the person
 * turns one on, draft by draft. The choice lives in the settings store (`sharing/draft/<id>` = true);
 * absent or false means the draft never leaves this machine. Turning it off stops sending the draft's
 * changes; copies already on the server stay there (the server keeps what it was given; the office
 * removes them on request), which the options page says in words.
 */
export const DRAFT_CHOICE_PREFIX = 'sharing/draft/';

export async function isDraftShared(id: string): Promise<boolean> {
  return (await getSetting<boolean>(DRAFT_CHOICE_PREFIX + id)) === true;
}

export async function setDraftShared(id: string, shared: boolean): Promise<void> {
  await setSetting(DRAFT_CHOICE_PREFIX + id, shared);
  // a page replicating (staff console, experts page, side panel) sends a newly ticked draft now, not at its next round
  if (shared) {
    const draft = await getDraft(id);
    if (draft) announceRecordChange({ store: 'drafts', id, version: draft.version ?? 0 });
  }
}

/** The ids of the drafts the person chose to share (an empty list by default). */
export async function sharedDraftIds(): Promise<string[]> {
  const db = await getDb();
  const keys = await db.getAllKeys('settings', IDBKeyRange.bound(DRAFT_CHOICE_PREFIX, `${DRAFT_CHOICE_PREFIX}\uffff`));
  const values = await db.getAll('settings', IDBKeyRange.bound(DRAFT_CHOICE_PREFIX, `${DRAFT_CHOICE_PREFIX}\uffff`));
  return keys.flatMap((k, i) => (values[i] === true ? [String(k).slice(DRAFT_CHOICE_PREFIX.length)] : []));
}
