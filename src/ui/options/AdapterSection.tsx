/**
 * Options · portal adapters (design idea 2: the portal is data). Lists shipped and saved adapters,
 * exports/imports adapter JSON (validated; a bad file writes nothing), lets staff re-anchor a field
 * by pointing at it on the portal (picker), and shows the anchor-miss report.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Bilingual } from '../../core/i18n.ts';
import { applicationFieldLabels, labelKeyOf } from '../../application/labels.ts';
import type { Locator, PortalAdapter } from '../../portal/adapter-schema.ts';
import { applyPickedLocators } from '../../portal/apply-picked.ts';
import { shippedPortalAdapters } from '../../portal/demo-adapter.ts';
import { parsePortalAdapterJson } from '../../portal/import.ts';
import { clearAnchorMisses, listAnchorMisses, saveAdapter } from '../../storage/repos.ts';
import { askBackground, onBackgroundMessage } from '../../messaging/panel-client.ts';
import { downloadFile } from '../download.ts';
import { mirrorSavedAdapters, savedPortalAdapters } from './adapter-mirror.ts';
import './AdapterSection.css';
import { options as O } from '../../i18n/messages/options.ts';
import { isLocked, msg, tx } from '../lang.ts';
import { Bi as OneLanguage } from '../panel/text.tsx';

export { SAVED_ADAPTERS_KEY } from './adapter-mirror.ts';

interface Listed {
  adapter: PortalAdapter;
  saved: boolean;
}
interface Miss {
  adapterId: string;
  field: string;
  url: string;
  tried: string[];
  at: string;
}
type Notice = { tone: 'ok' | 'error' | 'info'; text: Bilingual; details?: Bilingual[] } | null;

/** one language at a time (the language setting); 中英对照 shows both */
const Bi = ({ t }: { t: Bilingual }) => <OneLanguage text={t} inline />;
const b = (zh: string, en: string): Bilingual => ({ zh, en });

function fieldName(key: string): Bilingual {
  return applicationFieldLabels[labelKeyOf(key)] ?? { zh: key, en: key };
}

function locatorText(l: Locator): string {
  switch (l.kind) {
    case 'label': return `标签 label“${l.text}”${l.precision === 'normalized' ? '' : `（${l.precision}）`}`;
    case 'aria': return `无障碍名称 aria“${l.name}”`;
    case 'name': return `name=${l.value}`;
    case 'path': return `路径 path ${l.css}`;
  }
}

export default function AdapterSection() {
  const [adapters, setAdapters] = useState<Listed[]>([]);
  const [misses, setMisses] = useState<Miss[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [importText, setImportText] = useState('');
  /** an import that would replace a shipped or saved adapter waits here for the user's yes (issue 15) */
  const [pendingReplace, setPendingReplace] = useState<{ adapter: PortalAdapter; shipped: boolean } | null>(null);
  const [picking, setPicking] = useState<string | null>(null);
  // Which entry is being re-anchored (key + applicant kind), read by the broadcast listener.
  const pickingRef = useRef<{ key: string; kind?: 'organization' | 'individual' } | null>(null);

  async function reload() {
    let saved: PortalAdapter[] = [];
    try {
      saved = await savedPortalAdapters();
    } catch {
      setNotice({ tone: 'error', text: { zh: '无法读取已保存的适配器', en: 'Cannot read saved adapters' } });
    }
    const savedIds = new Set(saved.map((a) => a.id));
    setAdapters([...saved.map((adapter) => ({ adapter, saved: true })), ...shippedPortalAdapters.filter((a) => !savedIds.has(a.id)).map((adapter) => ({ adapter, saved: false }))]);
    try {
      setMisses([...(await listAnchorMisses())].reverse().map((m) => ({ adapterId: m.adapterId, field: m.field, url: m.url, tried: m.tried, at: m.at })));
    } catch {
      setMisses([]);
    }
    return saved;
  }

  async function store(adapter: PortalAdapter, message: Bilingual) {
    await saveAdapter({ id: adapter.id, adapter });
    const saved = await reload();
    await mirrorSavedAdapters(saved);
    setNotice({ tone: 'ok', text: message });
  }

  useEffect(() => {
    void reload();
    return onBackgroundMessage((msg) => {
      if (msg.type !== 'picker/picked') return;
      void (async () => {
        setPicking(null);
        const entry = pickingRef.current?.key === msg.field ? pickingRef.current : null;
        pickingRef.current = null;
        const list = await reload();
        const id = msg.adapterId ?? 'demo-portal';
        const base = list.find((a) => a.id === id) ?? shippedPortalAdapters.find((a) => a.id === id);
        if (!base) {
          setNotice({ tone: 'error', text: { zh: `未找到适配器“${id}”，字段“${fieldName(msg.field).zh}”的定位未更改`, en: `Adapter “${id}” not found; the locators of “${fieldName(msg.field).en}” are unchanged` } });
          return;
        }
        const applied = applyPickedLocators(base, msg.field, msg.locators, entry?.kind);
        if (!applied.ok) {
          setNotice({ tone: 'error', text: applied.error });
          return;
        }
        await store(applied.adapter, { zh: `已更新“${fieldName(msg.field).zh}”的定位：${msg.label ?? ''}`, en: `Updated the locators of “${fieldName(msg.field).en}”: ${msg.label ?? ''}` });
      })();
    });
  }, []);

  function exportAdapter(adapter: PortalAdapter) {
    downloadFile(JSON.stringify(adapter, null, 2) + '\n', `${adapter.id}.portal-adapter.json`, 'application/json');
  }

  async function importAdapter(text: string) {
    const r = parsePortalAdapterJson(text);
    if (!r.ok) {
      setNotice({ tone: 'error', text: { zh: '导入失败，未做任何更改：', en: 'Import failed; nothing was changed:' }, details: r.errors.map((e) => e.message) });
      return;
    }
    const existing = adapters.find((a) => a.adapter.id === r.adapter.id);
    if (existing) {
      setPendingReplace({ adapter: r.adapter, shipped: !existing.saved });
      return;
    }
    await storeImported(r.adapter);
  }

  async function storeImported(adapter: PortalAdapter) {
    setPendingReplace(null);
    await store(adapter, { zh: `已导入适配器“${adapter.name.zh}”`, en: `Imported adapter “${adapter.name.en}”` });
    setImportText('');
  }

  async function onFile(e: Event) {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    if (file.size > 2_000_000) {
      setNotice({ tone: 'error', text: { zh: '文件过大（超过 2 MB），未导入', en: 'File too large (over 2 MB); not imported' } });
      return;
    }
    await importAdapter(await file.text());
  }

  async function pick(adapterId: string, field: string, kind?: 'organization' | 'individual') {
    // The options page is a tab of its own: follow the latest portal tab.
    const state = await askBackground({ type: 'panel/get-tab-state', followLatest: true });
    const tabId = state.ok ? (state.state?.tabId ?? state.tabId ?? null) : null;
    if (tabId === null || tabId === undefined) {
      setNotice({ tone: 'error', text: { zh: '请先在浏览器中打开申报系统页面', en: 'Open the portal page in a tab first' } });
      return;
    }
    const r = await askBackground({ type: 'panel/start-picker', tabId, field, adapterId });
    if (!r.ok) {
      setNotice({ tone: 'error', text: r.error });
      return;
    }
    setPicking(field);
    pickingRef.current = { key: field, kind };
    setNotice({ tone: 'info', text: { zh: `请切换到申报页面，点击“${fieldName(field).zh}”对应的输入框（Esc 取消）`, en: `Switch to the portal tab and click the input for “${fieldName(field).en}” (Esc cancels)` } });
  }

  async function clearMisses() {
    await clearAnchorMisses();
    await reload();
  }

  const current = adapters.find((a) => a.adapter.id === selected)?.adapter ?? null;

  return (
    <div class="adapters" data-testid="adapter-section">
      {notice && (
        <div class={`adapters-notice is-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          <Bi t={notice.text} />
          {notice.details && (
            <ul>
              {notice.details.map((d, i) => (
                <li key={i}>
                  <Bi t={d} />
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div class="table-scroll" data-scroll-x>
      <table class="adapters-list">
        <thead>
          <tr>
            <th><Bi t={b('适配器', 'Adapter')} /></th>
            <th><Bi t={b('版本', 'Version')} /></th>
            <th><Bi t={b('字段', 'Fields')} /></th>
            <th><Bi t={b('来源', 'Source')} /></th>
            <th />
          </tr>
        </thead>
        <tbody>
          {adapters.map(({ adapter, saved }) => (
            <tr key={adapter.id} data-adapter={adapter.id}>
              <td>
                <Bi t={adapter.name} />
                <div class="adapters-id" translate={false}>{adapter.id}</div>
              </td>
              <td>{adapter.version}</td>
              <td>{adapter.fields.length}</td>
              <td>{saved ? <Bi t={{ zh: '已保存（可修改）', en: 'saved (editable)' }} /> : <Bi t={{ zh: '内置', en: 'shipped' }} />}</td>
              <td class="adapters-actions">
                <button type="button" onClick={() => setSelected(selected === adapter.id ? null : adapter.id)}>
                  <Bi t={selected === adapter.id ? b('收起', 'Close') : b('字段', 'Fields')} />
                </button>
                <button type="button" onClick={() => exportAdapter(adapter)}><Bi t={b('导出', 'Export')} /></button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>

      {/* the office's browser policy may lock the adapters (issue 17): shown, not offered */}
      <fieldset class="adapters-import" disabled={isLocked('adapters')} data-testid="adapters-import">
        {isLocked('adapters') && <p class="hint">{msg(O, 'locked')}</p>}
        <label>
          <Bi t={b('导入适配器 JSON', 'Import adapter JSON')} />
          <input type="file" accept="application/json,.json" onChange={onFile} />
        </label>
        <textarea
          aria-label={tx({ zh: '粘贴适配器 JSON', en: 'Paste adapter JSON' })}
          placeholder={tx({ zh: '或粘贴 JSON', en: 'or paste JSON' })}
          rows={3}
          value={importText}
          onInput={(e) => setImportText((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <button type="button" disabled={!importText.trim()} onClick={() => void importAdapter(importText)}>
          <Bi t={b('导入', 'Import')} />
        </button>
      </fieldset>

      {pendingReplace && (
        <div class="adapters-confirm" role="alertdialog" aria-label={tx({ zh: '确认替换适配器', en: 'Confirm replacing the adapter' })} data-testid="adapter-replace-confirm">
          <p>
            <Bi
              t={
                pendingReplace.shipped
                  ? { zh: `导入的文件将替换内置适配器“${pendingReplace.adapter.id}”，扩展会按新文件读取门户字段。确定替换吗？`, en: `The file replaces the shipped adapter “${pendingReplace.adapter.id}”; the portal will be read by the new file. Replace it?` }
                  : { zh: `导入的文件将替换已保存的适配器“${pendingReplace.adapter.id}”（包括您在其中做的修改）。确定替换吗？`, en: `The file replaces your saved adapter “${pendingReplace.adapter.id}” (and your changes to it). Replace it?` }
              }
            />
          </p>
          <button type="button" class="primary" onClick={() => void storeImported(pendingReplace.adapter)}>{tx({ zh: '确认替换', en: 'Replace' })}</button>
          <button type="button" onClick={() => setPendingReplace(null)}>{tx({ zh: '取消', en: 'Cancel' })}</button>
        </div>
      )}

      {current && (
        <div class="adapters-fields">
          <h3>
            <Bi t={current.name} /> · <Bi t={b('字段定位', 'Field locators')} />
          </h3>
          <p class="hint">
            <Bi t={b('定位按顺序尝试：标签 → 无障碍名称 → name → 结构路径；同时命中两个字段时不会猜测。', 'Locators are tried in order: label → accessible name → name → path; a tie is never guessed.')} />
          </p>
          <table>
            <thead>
              <tr>
                <th><Bi t={b('字段', 'Field')} /></th>
                <th><Bi t={b('步骤', 'Step')} /></th>
                <th><Bi t={b('定位', 'Locators')} /></th>
                <th />
              </tr>
            </thead>
            <tbody>
              {current.fields.map((f) => (
                <tr key={`${f.key}|${f.applicantKind ?? ''}`} data-field={f.key}>
                  <td>
                    <Bi t={fieldName(f.key)} />
                    {f.applicantKind && <div class="adapters-id">{f.applicantKind === 'organization' ? tx({ zh: '组织', en: 'organisation' }) : tx({ zh: '个人', en: 'individual' })}</div>}
                  </td>
                  <td>{f.step ?? ''}</td>
                  <td>
                    <ol class="adapters-locators">
                      {f.locators.map((l, i) => (
                        <li key={i}>{locatorText(l)}</li>
                      ))}
                    </ol>
                  </td>
                  <td>
                    <button type="button" disabled={picking !== null || isLocked('adapters')} onClick={() => void pick(current.id, f.key, f.applicantKind)}>
                      {picking === f.key ? tx({ zh: '选取中…', en: 'Picking…' }) : tx({ zh: '在页面上选取', en: 'Pick on page' })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div class="adapters-misses">
        <h3>
          <Bi t={b('定位失败记录', 'Anchor misses')} />
        </h3>
        {misses.length === 0 ? (
          <p class="hint"><Bi t={b('暂无记录。', 'None recorded.')} /></p>
        ) : (
          <>
            <table>
              <thead>
                <tr>
                  <th><Bi t={b('时间', 'When')} /></th>
                  <th><Bi t={b('字段', 'Field')} /></th>
                  <th><Bi t={b('页面', 'Page')} /></th>
                  <th><Bi t={b('尝试', 'Tried')} /></th>
                </tr>
              </thead>
              <tbody>
                {misses.slice(0, 100).map((m, i) => (
                  <tr key={i} data-miss={m.field}>
                    <td>{m.at.slice(0, 16).replace('T', ' ')}</td>
                    <td>
                      <Bi t={fieldName(m.field)} />
                      <div class="adapters-id" translate={false}>{m.adapterId}</div>
                    </td>
                    {/* identifiers and the content script's trace of what it tried: code, not text to translate */}
                    <td class="adapters-url" translate={false}>{safePath(m.url)}</td>
                    <td>
                      <ul class="adapters-locators" translate={false}>
                        {m.tried.map((t, j) => (
                          <li key={j}>{t}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button type="button" onClick={() => void clearMisses()}><Bi t={b('清空记录', 'Clear')} /></button>
          </>
        )}
      </div>
    </div>
  );
}

function safePath(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return url.slice(0, 120);
  }
}
