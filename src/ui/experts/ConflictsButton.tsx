import { useEffect, useState } from 'preact/hooks';
import { Bi, plain, t } from '../staff/Bi.tsx';
import { lazyPanel } from '../staff/lazy.tsx';

// the staff console's conflict screen, loaded the first time it is opened
const ConflictScreen = lazyPanel(() => import('../staff/ConflictScreen.tsx').then((m) => m.ConflictScreen));

/**
 * Issue 20, Deliver 3, on the experts page: a scorebook changed on two machines from the same copy waits
 * for a person. The expert settles it here, where scorebooks are edited, on the same screen as the staff
 * console. Shown only while there is something to settle; sharing's status is read on demand.
 */
export function ConflictsButton() {
  const [count, setCount] = useState(0);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    let live = true;
    let stop = () => undefined as void;
    void import('../../sharing/config.ts').then((m) => {
      if (!live) return;
      void m.getSharingStatus().then((s) => live && setCount(s.conflicts.length));
      stop = m.onSharingStatus((s) => setCount(s.conflicts.length));
    });
    return () => ((live = false), stop());
  }, []);
  return (
    <>
      {count > 0 && (
        <button type="button" class="ex-conflicts warn" data-testid="open-conflicts" onClick={() => setOpen(true)}>
          <Bi text={t(`待处理的冲突 ${count}`, `Conflicts to settle: ${count}`)} />
        </button>
      )}
      {open && (
        <div class="ex-modal" role="dialog" aria-modal="true" aria-label={plain(t('共享记录的冲突', 'Conflicts in shared records'))} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <ConflictScreen onClose={() => setOpen(false)} />
        </div>
      )}
    </>
  );
}
