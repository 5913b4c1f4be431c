import { useEffect, useState } from 'preact/hooks';
import { Bi, t } from './Bi.tsx';
import { lang } from '../lang.ts';
import { fieldLabel } from '../../application/labels.ts';
import { getSharingStatus } from '../../sharing/config.ts';
import { replicaName } from '../../sharing/conflicts.ts';
import { draftFields, readSharedDrafts, sharedDraftName, type DraftReplica, type SharedDraft } from '../../sharing/shared-drafts.ts';
import './conflict-screen.css';

/**
 * The receiving side of shared drafts (issue 20, Deliver 2): the application drafts applicants chose to
 * share with this office or recommender, read-only, with who shared each and when. Loaded on demand.
 */
async function readDrafts(): Promise<SharedDraft[]> {
  const { activeReplicator } = await import('../../sharing/run.ts');
  const running = activeReplicator();
  if (running) return running.sharedDrafts();
  const status = await getSharingStatus();
  if (!status.database) return [];
  const config = await (await import('../../sharing/config.ts')).getSharingConfig();
  const { loadPouchDB } = await import('../../sharing/replicate.ts');
  const PouchDB = await loadPouchDB();
  return readSharedDrafts(new PouchDB(replicaName(status.database)) as unknown as DraftReplica, config?.user);
}

const when = (iso: string) => new Date(iso).toLocaleString(lang.value === 'en' ? 'en-GB' : 'zh-CN');

const kinds: Record<string, ReturnType<typeof t>> = { organization: t('组织', 'Organisation'), individual: t('个人', 'Individual') };

function Value({ path, value }: { path: string; value: string }) {
  if (path === 'applicant.kind' && kinds[value]) return <Bi text={kinds[value]!} />;
  if (value === 'true') return <Bi text={t('是', 'Yes')} />;
  if (value === 'false') return <Bi text={t('否', 'No')} />;
  return <span translate={false}>{value}</span>;
}

export function SharedDrafts({ onClose }: { onClose: () => void }) {
  const [drafts, setDrafts] = useState<SharedDraft[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void readDrafts()
      .then((list) => live && (setDrafts(list), setOpenId(list[0]?.id ?? null)))
      .catch(() => live && setFailed(true));
    return () => void (live = false);
  }, []);
  const open = drafts?.find((d) => d.id === openId) ?? null;
  return (
    <div class="dialog-form conflict-screen" data-testid="shared-drafts">
      <h3>
        <Bi text={t('共享给本单位的申报草稿', 'Application drafts shared with you')} />
      </h3>
      <p class="muted">
        <Bi text={t('申报人在申报助手中勾选“共享这份草稿”后，草稿会出现在这里。只能查看，不能修改；草稿仍以申报人本机的为准。', 'A draft appears here once its applicant ticks “Share this draft” in the assistant. It is read-only; the applicant’s own copy is the one that counts.')} block />
      </p>
      {failed && (
        <p class="error" role="alert" data-testid="shared-drafts-error">
          <Bi text={t('读不到共享的草稿，请稍后重试。', 'The shared drafts could not be read; try again later.')} />
        </p>
      )}
      {drafts && drafts.length === 0 && (
        <p data-testid="shared-drafts-empty">
          <Bi text={t('还没有人共享申报草稿。', 'No one has shared an application draft yet.')} />
        </p>
      )}
      {drafts && drafts.length > 0 && (
        <>
          <ul class="conflict-list">
            {drafts.map((d) => (
              <li key={d.id}>
                <button type="button" class={d.id === openId ? 'on' : ''} data-testid="shared-draft-item" onClick={() => setOpenId(d.id)}>
                  <span translate={false}>{sharedDraftName(d)}</span>
                </button>
              </li>
            ))}
          </ul>
          {open && (
            <section data-testid="shared-draft" aria-readonly="true">
              <p data-testid="shared-draft-by">
                {open.by && open.at ? (
                  <>
                    <Bi text={t('共享人：', 'Shared by ')} />
                    <span translate={false}>{open.by}</span>
                    <Bi text={t(`，共享于 ${when(open.at)}`, ` at ${when(open.at)}`)} />
                  </>
                ) : (
                  <Bi text={t('共享人未注明', 'Sharer not recorded')} />
                )}
                <Bi text={t(`；申报人最后修改于 ${when(open.updatedAt)}`, `; last changed by the applicant ${when(open.updatedAt)}`)} />
              </p>
              <dl class="shared-draft-fields">
                {draftFields(open.application).map((f) => (
                  <div key={f.path} data-testid="shared-draft-field">
                    <dt>
                      <Bi text={fieldLabel(f.path)} />
                    </dt>
                    <dd>
                      <Value path={f.path} value={f.value} />
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          )}
        </>
      )}
      <div class="actions">
        <button type="button" data-testid="shared-drafts-close" onClick={onClose}>
          <Bi text={t('关闭', 'Close')} />
        </button>
      </div>
    </div>
  );
}
