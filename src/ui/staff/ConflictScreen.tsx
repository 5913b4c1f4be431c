import { useEffect, useState } from 'preact/hooks';
import { Bi, t } from './Bi.tsx';
import { lang } from '../lang.ts';
import type { Bilingual } from '../../core/i18n.ts';
import { getSharingStatus, onSharingStatus, requestSharingRestart, type SharingConflict } from '../../sharing/config.ts';
import { ConflictChanged, DECLARED, differences, mergeRecord, readConflict, replicaName, resolveConflict, type ConflictDetail, type Pick, type Replica, type Side } from '../../sharing/conflicts.ts';
import './conflict-screen.css';

/**
 * The conflict screen (issue 20, Deliver 3): a shared record (a scorebook, an expert's entry, a review
 * group) changed on two machines from the same copy. Both versions stay until a person chooses here:
 * side by side, field by field, who saved each and when; one side as a whole, or field by field. The
 * choice is saved as a new version and replicated; the other version leaves the server. Loaded on demand.
 */

const kindNames: Record<string, Bilingual> = {
  scorebook: t('评分册', 'Scorebook'),
  expert: t('专家信息', "Expert's entry"),
  assignment: t('评审组', 'Review group'),
};

interface Access {
  detail(docId: string): Promise<ConflictDetail | null>;
  resolve(detail: ConflictDetail, chosen: Record<string, unknown>): Promise<number>;
}

/** Through the replicator this page runs, or (another page replicates) through the replica itself. */
async function access(database: string | undefined): Promise<Access> {
  const { activeReplicator } = await import('../../sharing/run.ts');
  const running = activeReplicator();
  if (running) return { detail: (id) => running.conflictDetail(id), resolve: (d, c) => running.resolve(d, c) };
  if (!database) throw new Error('no database');
  const { loadPouchDB } = await import('../../sharing/replicate.ts');
  const PouchDB = await loadPouchDB();
  const config = await (await import('../../sharing/config.ts')).getSharingConfig();
  const replica = new PouchDB(replicaName(database)) as unknown as Replica;
  return {
    detail: (id) => readConflict(replica, id),
    resolve: async (d, c) => {
      const v = await resolveConflict(replica, d, c, { user: config?.user ?? '', at: new Date().toISOString() });
      requestSharingRestart(); // the page that replicates sends it on
      return v;
    },
  };
}

function sideTitle(side: Side): Bilingual {
  const when = side.at ? new Date(side.at).toLocaleString(lang.value === 'en' ? 'en-GB' : 'zh-CN') : null;
  if (side.source === 'local') return when ? t(`本机（这台电脑）· 最后修改于 ${when}`, `This computer · last changed ${when}`) : t('本机（这台电脑）', 'This computer');
  const who = side.by ?? null;
  if (who && when) return t(`服务器：${who} 保存于 ${when}`, `Server: saved by ${who} at ${when}`);
  if (who) return t(`服务器：${who} 保存`, `Server: saved by ${who}`);
  return t('服务器上的版本', 'The version on the server');
}

const declared: Record<string, Bilingual> = { [DECLARED.recused]: t('声明回避', 'Declared a conflict'), [DECLARED.clear]: t('声明无利害关系', 'Declared no conflict') };

function Value({ field, text }: { field: string; text: string }) {
  if (field === 'declaration' && declared[text]) return <Bi text={declared[text]!} />;
  return text === '' ? <span class="empty-value"><Bi text={t('（空）', '(empty)')} /></span> : <span translate={false}>{text}</span>;
}

export function ConflictScreen({ onClose }: { onClose: () => void }) {
  const [conflicts, setConflicts] = useState<SharingConflict[]>([]);
  const [database, setDatabase] = useState<string | undefined>();
  const [openId, setOpenId] = useState<string | null>(null);
  const [detail, setDetail] = useState<ConflictDetail | null>(null);
  const [picks, setPicks] = useState<Record<string, Pick>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: Bilingual } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void getSharingStatus().then((s) => (setConflicts(s.conflicts), setDatabase(s.database)));
    return onSharingStatus((s) => (setConflicts(s.conflicts), setDatabase(s.database)));
  }, []);
  useEffect(() => {
    if (!openId && conflicts[0]) setOpenId(conflicts[0].id);
  }, [conflicts, openId]);
  useEffect(() => {
    setDetail(null);
    setPicks({});
    if (!openId) return;
    let live = true;
    void access(database)
      .then((a) => a.detail(openId))
      .then((d) => live && setDetail(d))
      .catch(() => live && setMessage({ ok: false, text: t('读不到这条记录的两个版本，请稍后重试。', 'The two versions of this record could not be read; try again later.') }));
    return () => void (live = false);
  }, [openId, database]);

  const sides: Side[] = detail ? [...(detail.local ? [detail.local] : []), ...detail.remote] : [];
  const [a, b] = sides;
  const diffs = detail && a && b ? differences(detail.kind, a.record, b.record) : [];
  const pickOf = (key: string): Pick => picks[key] ?? 'local';

  async function save(all?: Pick) {
    if (!detail || !a || !b) return;
    setBusy(true);
    setMessage(null);
    try {
      const chosenPicks = all ? Object.fromEntries(diffs.map((d) => [d.key, all])) : Object.fromEntries(diffs.map((d) => [d.key, pickOf(d.key)]));
      const chosen = mergeRecord(detail.kind, a.record, b.record, chosenPicks, new Date().toISOString());
      const version = await (await access(database)).resolve(detail, chosen);
      setMessage({ ok: true, text: t(`已保存为第 ${version} 版，正在同步给其他电脑；另一个版本已从服务器移除。`, `Saved as version ${version} and being shared with the other computers; the other version was removed from the server.`) });
      setConflicts((list) => list.filter((c) => c.id !== detail.docId));
      setOpenId(null);
    } catch (error) {
      setMessage({ ok: false, text: error instanceof ConflictChanged ? error.reason : t('未能保存，两个版本都还保留着，请重试。', 'Not saved; both versions are still kept. Try again.') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="dialog-form conflict-screen" data-testid="conflict-screen">
      <h3>
        <Bi text={t('共享记录的冲突', 'Conflicts in shared records')} />
      </h3>
      {message && (
        <p class={message.ok ? 'ok' : 'error'} role="status" data-testid="conflict-message">
          <Bi text={message.text} />
        </p>
      )}
      {conflicts.length === 0 ? (
        <p data-testid="conflict-empty">
          <Bi text={t('没有待处理的冲突。两台电脑改了同一条记录时，会在这里请您选择保留哪些内容。', 'No conflicts to settle. When two computers change the same record, you choose here what to keep.')} block />
        </p>
      ) : (
        <>
          <p class="muted">
            <Bi text={t('同一条记录在两台电脑上都被修改过。两个版本都还保留着，没有自动选用任何一个。请逐项选择要保留的内容，保存后作为新版本同步给各方。', 'The same record was changed on two computers. Both versions are still kept; neither was picked for you. Choose what to keep, field by field; it is saved as a new version and shared with everyone.')} block />
          </p>
          <ul class="conflict-list">
            {conflicts.map((c) => (
              <li key={c.id}>
                <button type="button" class={c.id === openId ? 'on' : ''} data-testid="conflict-item" onClick={() => (setOpenId(c.id), setMessage(null))}>
                  <Bi text={kindNames[c.kind] ?? t(c.kind, c.kind)} /> <span translate={false}>{c.id.slice(c.id.indexOf(':') + 1)}</span>
                </button>
              </li>
            ))}
          </ul>
          {detail && a && b && (
            <div class="sides">
              <table data-testid="conflict-sides">
                <thead>
                  <tr>
                    <th scope="col"><Bi text={t('项目', 'Field')} /></th>
                    {[a, b].map((s, i) => (
                      <th scope="col" key={i} data-testid={`conflict-side-${i}`}>
                        <Bi text={i === 0 ? t('版本一', 'Version 1') : t('版本二', 'Version 2')} />
                        <span class="who"><Bi text={sideTitle(s)} /></span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {diffs.length === 0 && (
                    <tr>
                      <td colSpan={3}><Bi text={t('两个版本的内容相同，保存任一版本即可。', 'Both versions hold the same content; save either.')} /></td>
                    </tr>
                  )}
                  {diffs.map((d) => (
                    <tr key={d.key} data-testid="conflict-field">
                      <th scope="row"><Bi text={d.label} /></th>
                      {(['local', 'remote'] as const).map((side) => (
                        <td key={side} class={pickOf(d.key) === side ? 'picked' : ''}>
                          <label>
                            <input type="radio" name={`pick-${d.key}`} checked={pickOf(d.key) === side} onChange={() => setPicks({ ...picks, [d.key]: side })} data-testid={`pick-${side}`} />
                            <Value field={d.key} text={side === 'local' ? d.local : d.remote} />
                          </label>
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      <div class="actions">
        {detail && a && b && (
          <>
            <button type="button" disabled={busy} data-testid="keep-first" onClick={() => void save('local')}>
              <Bi text={t('整份采用版本一', 'Keep version 1')} />
            </button>
            <button type="button" disabled={busy} data-testid="keep-second" onClick={() => void save('remote')}>
              <Bi text={t('整份采用版本二', 'Keep version 2')} />
            </button>
            <button type="button" class="primary" disabled={busy} data-testid="save-merge" onClick={() => void save()}>
              <Bi text={t('按所选逐项合并并保存', 'Save the fields chosen')} />
            </button>
          </>
        )}
        <button type="button" onClick={onClose} data-testid="conflict-close">
          <Bi text={t('关闭', 'Close')} />
        </button>
      </div>
    </div>
  );
}
