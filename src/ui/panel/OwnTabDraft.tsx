import { isTabDraftId } from '../../messaging/draft-ids.ts';
import { entry } from '../../i18n/define.ts';
import { panel as P } from '../../i18n/messages/panel.ts';
import { Bi } from './text.tsx';

/**
 * Issue 15, item 6: when another tab wrote this form's shared draft, this tab's entries are kept as a
 * draft of its own. Say so, so that the person knows why the other tab does not show them.
 */
export function OwnTabDraftNotice({ draftId }: { draftId: string | null | undefined }) {
  if (!isTabDraftId(draftId)) return null;
  return (
    <p class="notice notice-info" role="status" data-testid="own-tab-draft">
      <Bi text={entry(P, 'draft.ownTab')} />
    </p>
  );
}
