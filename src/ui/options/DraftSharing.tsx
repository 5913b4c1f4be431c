import { useEffect, useState } from 'preact/hooks';
import { sharing as S } from '../../i18n/messages/sharing.ts';
import { msg } from '../lang.ts';
import { listDrafts, type DraftRecord } from '../../storage/repos.ts';
import { isDraftShared, setDraftShared } from '../../sharing/draft-choice.ts';

/**
 * Per-draft choice to share an application draft (issue 20, Deliver 2): every box is off until the person
 * ticks it; the text says who will see it, and what turning it off means for the copy already sent.
 */
const nameOf = (d: DraftRecord): string => {
  const a = d.application as { applicantName?: unknown; name?: unknown } | null;
  return typeof a?.applicantName === 'string' && a.applicantName ? a.applicantName : typeof a?.name === 'string' && a.name ? a.name : d.id;
};

/** Who will see a shared draft, in words (the options page and the side panel say the same). */
export const draftAudience = (database?: string | undefined): string =>
  // an applicant's own database is read by the office's clerks, who take the drafts back (README roles table)
  database?.startsWith('award-applicant-') ? msg(S, 'drafts.who.office') : database ? msg(S, 'drafts.who.db', { db: database }) : msg(S, 'drafts.who.any');

/** What ticking or unticking a draft means, said once it is done. */
export const draftChoiceSaid = (shared: boolean, name: string): string => msg(S, shared ? 'drafts.on' : 'drafts.off', { name });

/** One draft's 共享这份草稿 box: off unless the person ticked it (options page list, side panel beside the draft). */
export function ShareDraftBox({ id, name, shared, onChange }: { id: string; name: string; shared: boolean; onChange: (shared: boolean) => void }) {
  return (
    <label>
      <input type="checkbox" checked={shared} data-testid={`share-draft-${id}`} onChange={(e) => onChange(e.currentTarget.checked)} />
      {msg(S, 'drafts.share')}: <span translate={false}>{name}</span>
    </label>
  );
}

export function DraftSharing({ database }: { database?: string | undefined }) {
  const [drafts, setDrafts] = useState<Array<{ draft: DraftRecord; shared: boolean }> | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  useEffect(() => {
    void listDrafts().then(async (list) => setDrafts(await Promise.all(list.map(async (draft) => ({ draft, shared: await isDraftShared(draft.id) })))));
  }, []);
  async function toggle(draft: DraftRecord, shared: boolean) {
    await setDraftShared(draft.id, shared);
    setDrafts((list) => list?.map((x) => (x.draft.id === draft.id ? { ...x, shared } : x)) ?? null);
    setSaid(draftChoiceSaid(shared, nameOf(draft)));
  }
  const who = draftAudience(database);
  return (
    <div class="ap-draft-sharing" data-testid="draft-sharing">
      <h3>{msg(S, 'drafts.title')}</h3>
      <p>{msg(S, 'drafts.intro', { who })}</p>
      {drafts && drafts.length === 0 ? <p data-testid="draft-sharing-none">{msg(S, 'drafts.none')}</p> : null}
      <ul class="ap-draft-list">
        {(drafts ?? []).map(({ draft, shared }) => (
          <li key={draft.id}>
            <ShareDraftBox id={draft.id} name={nameOf(draft)} shared={shared} onChange={(on) => void toggle(draft, on)} />
          </li>
        ))}
      </ul>
      {said ? (
        <p role="status" data-testid="draft-sharing-message">
          {said}
        </p>
      ) : null}
    </div>
  );
}
