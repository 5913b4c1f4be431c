import { useEffect, useState } from 'preact/hooks';
import { sharing as S } from '../../i18n/messages/sharing.ts';
import { msg } from '../lang.ts';
import { getSharingConfig, getSharingStatus } from '../../sharing/config.ts';
import { isDraftShared, setDraftShared } from '../../sharing/draft-choice.ts';
import { draftAudience, draftChoiceSaid, ShareDraftBox } from '../options/DraftSharing.tsx';

/**
 * The draft-sharing choice beside the draft it concerns (issue 20, Deliver 2): the same box and words as
 * the options page, off until ticked. Shown only when sharing is set up; with sharing off it reads
 * IndexedDB and shows nothing. Loaded on demand (side-panel size budget).
 */
export default function DraftShare({ draftId, name }: { draftId: string; name: string }) {
  // undefined while the settings are read; null when sharing is off (nothing shown)
  const [ready, setReady] = useState<{ shared: boolean; database?: string | undefined } | null | undefined>(undefined);
  const [said, setSaid] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setSaid(null);
    setReady(undefined);
    void (async () => {
      const config = await getSharingConfig();
      if (!config?.enabled) return live && setReady(null);
      const [shared, status] = await Promise.all([isDraftShared(draftId), getSharingStatus()]);
      if (live) setReady({ shared, database: status.database });
    })();
    return () => void (live = false);
  }, [draftId]);
  if (ready === null) return <span hidden data-testid="panel-draft-sharing-off" />;
  if (!ready) return null;
  async function toggle(shared: boolean) {
    await setDraftShared(draftId, shared);
    setReady((r) => (r ? { ...r, shared } : r));
    setSaid(draftChoiceSaid(shared, name));
  }
  return (
    <div class="notice notice-info ap-draft-sharing" data-testid="panel-draft-sharing">
      <p>{msg(S, 'drafts.intro', { who: draftAudience(ready.database) })}</p>
      <ShareDraftBox id={draftId} name={name} shared={ready.shared} onChange={(on) => void toggle(on)} />
      {said ? (
        <p role="status" data-testid="draft-sharing-message">
          {said}
        </p>
      ) : null}
    </div>
  );
}
