import { useComputed, useSignal, useSignalEffect } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { fieldLabel } from '../../application/labels.ts';
import type { CaseRecord } from '../../storage/index.ts';
import type { ChecklistInput } from './checklist.ts';
import { pageText } from './labels.ts';
import { LazySlot } from './LazySlot.tsx';
import { PrecheckTab } from './PrecheckTab.tsx';
import { OwnTabDraftNotice } from './OwnTabDraft.tsx';
import { connection, notice, prefill, prefillBusy, prefillReport, runAction, startPick, storageVersion, tabState } from './state.ts';
import type { CaseSummary } from './stored.ts';
import { PanelStorageNotice } from './storage.tsx';
import { Bi } from './text.tsx';
import { panel as P } from '../../i18n/messages/panel.ts';
import { entry } from '../../i18n/define.ts';
import { isLocked, msg, tx } from '../lang.ts';

const selfEvaluationLoaders = import.meta.glob('/src/ui/self-evaluation/SelfEvaluationTab.tsx');
// Views and stored data that the first screen (预检) does not need load on demand (side-panel size budget).
const statusLoaders = { status: () => import('./StatusTab.tsx') };
const checklistLoaders = { checklist: () => import('./ChecklistPane.tsx') };
const recommenderLoaders = { recommender: () => import('./RecommenderPane.tsx') };
const prefillReportLoaders = { prefillReport: () => import('./PrefillReport.tsx') };
const loadStored = () => import('./stored.ts');
const loadDraftShare = () => import('./DraftShare.tsx');

/** Issue 20: the draft-sharing choice beside this form's draft; its module (and sharing's settings) load on demand. */
function DraftShareSlot(props: { draftId: string; name: string }) {
  const [Comp, setComp] = useState<ComponentType<{ draftId: string; name: string }> | null>(null);
  useEffect(() => {
    let live = true;
    // an optional choice: if its part cannot load, the panel goes on without it (the options page has the same box)
    loadDraftShare().then((m) => live && setComp(() => m.default), () => undefined);
    return () => void (live = false);
  }, []);
  return Comp ? <Comp {...props} /> : null;
}

type TabId = 'precheck' | 'checklist' | 'self-evaluation' | 'status' | 'recommender';
const TABS: { id: TabId }[] = [{ id: 'precheck' }, { id: 'checklist' }, { id: 'self-evaluation' }, { id: 'status' }, { id: 'recommender' }];

/** The side panel: applicant and recommender views over the portal tab it follows. */
export function App() {
  const tab = useSignal<TabId>('precheck');
  const cases = useSignal<CaseRecord[]>([]);
  const selectedCaseId = useSignal<string | null>(null);
  const currentCase = useSignal<CaseSummary | null>(null);
  const recommended = useSignal<boolean | null>(null);
  const attachmentLabels = useSignal<Record<string, { zh: string; en: string }>>({});
  const selfEval = useSignal<{ scored: number; total: number; score: number } | null>(null);
  const pickerOpen = useSignal(false);
  const pickField = useSignal('');

  const state = tabState.value;
  const isReview = state?.page === 'recommender-review';
  const visibleTabs = TABS.filter((t) => t.id !== 'recommender' || isReview);

  // The recommender's page opens on the recommender view; leaving it falls back to the pre-check.
  useSignalEffect(() => {
    const p = tabState.value?.page;
    if (p === 'recommender-review' && tab.peek() === 'precheck') tab.value = 'recommender';
    if (p !== 'recommender-review' && tab.peek() === 'recommender') tab.value = 'precheck';
  });

  // Stored data: cases (进度, 清单's 推荐意见) and self-evaluation progress, reloaded on change.
  // Only what picks the case or the adapter re-reads storage (not every keystroke's snapshot).
  const storageKey = useComputed(() => {
    const st = tabState.value;
    const text = (k: string) => st?.fields.find((f) => f.key === k)?.value ?? null;
    return JSON.stringify([st?.tabId, st?.adapterId, st?.caseIds, text('applicant.creditCode'), text('applicant.name')]);
  });
  useSignalEffect(() => {
    void storageVersion.value;
    void storageKey.value;
    const s = tabState.peek();
    const chosen = selectedCaseId.value;
    let live = true;
    void (async () => {
      try {
        const { isRecommended, loadAttachmentLabels, loadCase, loadCases, loadSelfEvaluationProgress } = await loadStored();
        const { cases: all, preferred, matched } = await loadCases(s);
        const id = chosen && all.some((c) => c.id === chosen) ? chosen : preferred;
        const record = all.find((c) => c.id === id) ?? null;
        const summary = record ? await loadCase(record) : null;
        const se = await loadSelfEvaluationProgress();
        const labels = await loadAttachmentLabels(s?.adapterId ?? null);
        if (!live) return;
        cases.value = all;
        currentCase.value = summary;
        // 推荐意见 counts only for the case that is this page's application.
        recommended.value = matched && summary?.record.id === preferred ? isRecommended(summary.view) : null;
        selfEval.value = se;
        attachmentLabels.value = labels;
      } catch {
        if (live) notice.value = { kind: 'error', text: entry(P, 'error.readLocal') };
      }
    })();
    return () => {
      live = false;
    };
  });

  // what 清单 and 推荐 build their checklist from (the checklist itself loads with those tabs)
  const checklistInput = useComputed<ChecklistInput>(() => ({
    state: tabState.value,
    recommended: recommended.value,
    selfEvaluation: selfEval.value ? { scored: selfEval.value.scored, total: selfEval.value.total } : null,
    attachmentLabels: attachmentLabels.value,
  }));

  const onTabKey = (e: KeyboardEvent) => {
    const i = visibleTabs.findIndex((t) => t.id === tab.value);
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : null;
    if (next === null) return;
    const t = visibleTabs[(next + visibleTabs.length) % visibleTabs.length];
    if (t) {
      tab.value = t.id;
      document.getElementById(`tab-${t.id}`)?.focus();
    }
  };

  const kind = state?.precheck?.kind ?? 'organization';
  const pickable = state ? [...state.fields].sort((a, b) => Number(a.found) - Number(b.found)) : [];

  return (
    <div class="panel">
      <header class="panel-head">
        <div class="brand">
          <span class="brand-mark" aria-hidden="true" translate={false}>
            质
          </span>
          <div>
            <h1>{msg(P, 'app.name')}</h1>
            <div class="sub">{state?.precheck?.measures ? tx(state.precheck.measures.name) : msg(P, 'app.award')}</div>
          </div>
          <a class="head-help" href={extensionUrl('/help.html#applicant')} target="_blank" rel="noopener" data-testid="panel-help">
            {msg(P, 'foot.help')}
          </a>
        </div>
        <div class="where" data-testid="where">
          {state ? (
            <>
              <span class="dot dot-on" aria-hidden="true" />
              {tx(pageText[state.page])} · {safeHost(state.url)}
            </>
          ) : connection.value === 'loading' ? (
            msg(P, 'where.connecting')
          ) : (
            <>
              <span class="dot" aria-hidden="true" />
              {msg(P, 'where.none')}
            </>
          )}
        </div>
      </header>

      <nav class="tabs" role="tablist" aria-label={msg(P, 'tabs.label')} onKeyDown={onTabKey}>
        {visibleTabs.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab.value === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab.value === t.id ? 0 : -1}
            class={`tab ${tab.value === t.id ? 'tab-active' : ''}`}
            onClick={() => (tab.value = t.id)}
          >
            <Bi text={entry(P, `tab.${t.id}`)} inline />
          </button>
        ))}
      </nav>

      {notice.value && (
        <div class={`notice notice-${notice.value.kind}`} role={notice.value.kind === 'error' ? 'alert' : 'status'}>
          <Bi text={notice.value.text} />
          <button type="button" class="notice-close" aria-label={msg(P, 'close')} onClick={() => (notice.value = null)}>
            ×
          </button>
        </div>
      )}

      <OwnTabDraftNotice draftId={state?.draftId} />

      {prefillReport.value && prefillReport.value.tabId === state?.tabId && (
        <LazySlot
          loaders={prefillReportLoaders}
          props={{ report: prefillReport.value, onOverwrite: (keys: string[]) => prefill(prefillReport.value!.tabId, keys), onClose: () => (prefillReport.value = null) }}
          name={{ zh: '预填结果', en: 'the prefill report' }}
        />
      )}

      <div class="storage-notice">
        {/* a full disk or a lost database connection: the options page has the backup export */}
        <PanelStorageNotice onExport={() => void browser.runtime.openOptionsPage()} />
      </div>

      <div id={`panel-${tab.value}`} role="tabpanel" aria-labelledby={`tab-${tab.value}`} class="panel-main">
        {tab.value === 'precheck' && <PrecheckTab state={state} />}
        {tab.value === 'checklist' && <LazySlot loaders={checklistLoaders} props={checklistInput.value} name={{ zh: '清单', en: 'the checklist' }} />}
        {tab.value === 'self-evaluation' && (
          <LazySlot loaders={selfEvaluationLoaders} props={{ applicantKind: kind }} name={{ zh: '自评工具', en: 'the self-evaluation' }} />
        )}
        {tab.value === 'status' && (
          <LazySlot
            loaders={statusLoaders}
            props={{ cases: cases.value, current: currentCase.value, onSelect: (id: string) => (selectedCaseId.value = id) }}
            name={{ zh: '进度', en: 'the status view' }}
          />
        )}
        {tab.value === 'recommender' && state && (
          <LazySlot loaders={recommenderLoaders} props={{ ...checklistInput.value, state }} name={{ zh: '推荐审核', en: 'the recommender view' }} />
        )}
      </div>

      {/* below the tab's content: the verdict stays the first thing the applicant sees */}
      {state?.draftId && !isReview && <DraftShareSlot draftId={state.draftId} name={((v) => (typeof v === 'string' && v.trim() ? v : state.draftId))(state.fields.find((f) => f.key === 'applicant.name')?.value)} />}

      {pickerOpen.value && state && (
        <div class="picker" aria-label={msg(P, 'pick.label')}>
          {state.picker ? (
            <div class="row">
              <span>{msg(P, 'pick.onPage', { field: tx(fieldLabel(state.picker.field)) })}</span>
              <button type="button" class="btn" onClick={() => void runAction({ type: 'panel/cancel-picker', tabId: state.tabId }, entry(P, 'pick.cancelled'))}>
                {msg(P, 'pick.cancel')}
              </button>
            </div>
          ) : (
            <div class="row">
              <select aria-label={msg(P, 'pick.field')} value={pickField.value} onChange={(e) => (pickField.value = (e.currentTarget as HTMLSelectElement).value)}>
                <option value="">{msg(P, 'pick.choose')}</option>
                {pickable.map((f) => (
                  <option key={f.key} value={f.key}>
                    {f.found ? '' : '⚠ '}
                    {tx(fieldLabel(f.key))}
                  </option>
                ))}
              </select>
              <button
                type="button"
                class="btn btn-primary"
                disabled={!pickField.value}
                onClick={() => void startPick(state.tabId, pickField.value)}
              >
                {msg(P, 'pick.start')}
              </button>
            </div>
          )}
        </div>
      )}

      <footer class="panel-foot">
        <button
          type="button"
          class="btn"
          disabled={state?.page !== 'application-form' || prefillBusy.value}
          aria-busy={prefillBusy.value}
          title={msg(P, 'foot.prefillTitle')}
          onClick={(e) => e.isTrusted && state && void prefill(state.tabId) /* only a person's click starts a prefill */}
        >
          {msg(P, 'foot.prefill')}
        </button>
        <button type="button" class="btn" disabled={!state || isLocked('adapters')} title={isLocked('adapters') ? msg(P, 'foot.pickLocked') : undefined} aria-expanded={pickerOpen.value} onClick={() => (pickerOpen.value = !pickerOpen.value)}>
          {msg(P, 'foot.pick')}
        </button>
        <button type="button" class="btn" onClick={() => void browser.tabs.create({ url: extensionUrl('/dashboard.html') })}>
          {msg(P, 'foot.staff')}
        </button>
        <button type="button" class="btn" onClick={() => void browser.runtime.openOptionsPage()}>
          {msg(P, 'foot.options')}
        </button>
      </footer>
    </div>
  );
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** The staff page is another area's entrypoint; its path is not in this build's typed list until it lands. */
function extensionUrl(path: string): string {
  return (browser.runtime.getURL as (p: string) => string)(path);
}
