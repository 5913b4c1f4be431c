import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  catalogueItemById, formatScore, gbt19580Catalogue, improvementPriorities, scoreSelfEvaluation, scoreSubtotals, workbookSheet, type ItemNotes,
} from '../../self-evaluation/index.ts';
import { catalogueFor } from '../../self-evaluation/catalogue.ts';
import { defaultPolicy } from '../../policy/lianyungang-2021.ts';
import type { PolicyPack } from '../../policy/schema.ts';
import { Bi } from './Bi.tsx';
import { tx } from '../lang.ts';
import { ItemCard } from './ItemCard.tsx';
import { ProfileSection } from './ProfileSection.tsx';
import { RoundsSection } from './RoundsSection.tsx';
import { ReportSection } from './ReportSection.tsx';
import { IndividualSection } from './IndividualSection.tsx';
import { RadarChart, SplitBars } from './charts.tsx';
import { SelfEvaluationStore, type ApplicantKind } from './store.ts';
import { individualArticle } from '../../self-evaluation/individual.ts';
import './self-evaluation.css';

type View = 'scores' | 'profile' | 'charts' | 'rounds' | 'report';
const views: { id: View; zh: string; en: string }[] = [
  { id: 'scores', zh: '评分', en: 'Scores' },
  { id: 'profile', zh: '概述', en: 'Profile' },
  { id: 'charts', zh: '图表', en: 'Charts' },
  { id: 'rounds', zh: '轮次', en: 'Rounds' },
  { id: 'report', zh: '报告', en: 'Report' },
];

const saveLabels = {
  loading: { zh: '读取中…', en: 'Loading…' },
  saving: { zh: '保存中…', en: 'Saving…' },
  saved: { zh: '已自动保存', en: 'Saved' },
  error: { zh: '未保存', en: 'Not saved' },
} as const;

/**
 * 自评 tab of the side panel (GB/T 19580 self-evaluation; 第十条(一) asks every applicant to
 * evaluate itself against the review standard). Organisations score the 23 items; individuals
 * assess themselves on 第九条. Everything is saved to IndexedDB as it is typed.
 */
export default function SelfEvaluationTab({ applicantKind, policy = defaultPolicy, inTab = false }: {
  applicantKind: ApplicantKind;
  policy?: PolicyPack;
  /** true on the full-tab editor (report.html?mode=edit): no "open in a tab" link */
  inTab?: boolean;
}) {
  const store = useMemo(() => new SelfEvaluationStore(applicantKind), [applicantKind]);
  const [view, setView] = useState<View>('scores');

  useEffect(() => {
    void store.load();
    const hide = () => { void store.flush(); };
    const vis = () => { if (document.visibilityState === 'hidden') hide(); };
    window.addEventListener('pagehide', hide);
    document.addEventListener('visibilitychange', vis);
    return () => {
      window.removeEventListener('pagehide', hide);
      document.removeEventListener('visibilitychange', vis);
      void store.flush().finally(() => store.dispose());
    };
  }, [store]);

  const w = store.workbook.value;
  const saveState = store.saveState.value;
  const blur = () => { void store.flush(); };

  const status = (
    <p class={`se-save se-save-${saveState}`}>
      <span role="status" aria-live="polite" data-testid="save-state" data-state={saveState}><Bi text={saveLabels[saveState]} /></span>
      {!inTab && (
        <a class="se-link" href={`report.html?kind=${applicantKind}&mode=edit`} target="_blank" rel="noopener" data-testid="open-in-tab">
          <Bi text={{ zh: '在标签页中编辑', en: 'Open in a tab' }} />
        </a>
      )}
    </p>
  );
  const error = store.error.value && <p class="se-error" role="alert">{store.error.value}</p>;

  if (saveState === 'loading') return <div class="se-tab" data-testid="self-evaluation">{status}</div>;

  if (applicantKind === 'individual') {
    return (
      <div class="se-tab" data-testid="self-evaluation" data-kind="individual">
        <header class="se-head">
          <h2><Bi text={{ zh: `个人自评（${individualArticle(policy)}）`, en: `Individual self-evaluation (${individualArticle(policy)})` }} /></h2>
          {status}
        </header>
        {error}
        <IndividualSection value={w.individual} policy={policy} onBlur={blur}
          onChange={(individual) => store.update((x) => ({ ...x, individual }))} />
      </div>
    );
  }

  const sheet = workbookSheet(w);
  const score = scoreSelfEvaluation(sheet);
  const sub = scoreSubtotals(score);
  const scored = sheet.items.length;
  const setNotes = (id: string, notes: ItemNotes) => store.update((x) => ({ ...x, notes: { ...x.notes, [id]: notes } }));
  const setPercent = (id: string, percent: number | undefined) =>
    store.update((x) => {
      const percents = { ...x.percents };
      if (percent === undefined) delete percents[id];
      else percents[id] = percent;
      return { ...x, percents };
    });

  return (
    <div class="se-tab" data-testid="self-evaluation" data-kind="organization">
      <header class="se-head">
        <div class="se-total" data-testid="total">
          <span class="se-total-label"><Bi text={{ zh: '总分', en: 'Total' }} /></span>
          <strong data-testid="total-score">{formatScore(score.total)}</strong>
          <span class="se-muted">/ 1000</span>
        </div>
        <div class="se-subtotals">
          <span><Bi text={{ zh: '过程', en: 'Process' }} /> {formatScore(sub.process)}/{sub.processPoints}</span>
          <span><Bi text={{ zh: '结果', en: 'Results' }} /> {formatScore(sub.results)}/{sub.resultsPoints}</span>
          <span data-testid="scored-count"><Bi text={{ zh: '已评', en: 'Scored' }} /> {scored}/23</span>
        </div>
        {status}
      </header>
      {error}

      <nav class="se-views" role="tablist" aria-label={tx({ zh: '自评内容', en: 'Self-evaluation sections' })}>
        {views.map((v) => (
          <button key={v.id} type="button" role="tab" aria-selected={view === v.id} class={view === v.id ? 'on' : ''}
            data-testid={`view-${v.id}`} onClick={() => setView(v.id)}>
            <Bi text={v} />
          </button>
        ))}
      </nav>

      {view === 'scores' && (
        <div class="se-categories">
          <p class="se-note"><Bi text={{ zh: `${policy.selfEvaluation.standard}：23 个评分条款，共 1000 分。先选得分档，再在档内选 5% 刻度。`, en: `${policy.selfEvaluation.standard}: 23 scored items, 1000 points: pick a band, then a 5% step.` }} /></p>
          {catalogueFor(policy).map((c, k) => (
            <details class="se-category" key={c.id} open={k === 0} data-testid={`category-${c.id}`}>
              <summary>
                <span class="se-item-id">{c.id}</span>
                <span class="se-item-name"><Bi text={c.name} /></span>
                <span class="se-item-score">{formatScore(score.byCategory[c.id])}/{c.points}</span>
              </summary>
              {c.items.map((i) => (
                <ItemCard key={i.id} item={i} percent={w.percents[i.id]} notes={w.notes[i.id]} onBlur={blur}
                  onPercent={(p) => setPercent(i.id, p)} onNotes={(n) => setNotes(i.id, n)} />
              ))}
            </details>
          ))}
        </div>
      )}

      {view === 'profile' && (
        <ProfileSection profile={w.profile} policy={policy} onBlur={blur} onChange={(profile) => store.update((x) => ({ ...x, profile }))} />
      )}

      {view === 'charts' && (
        <section class="se-section" aria-labelledby="se-charts-h">
          <h3 id="se-charts-h"><Bi text={{ zh: '七大类目得分', en: 'The seven categories' }} /></h3>
          <RadarChart categories={gbt19580Catalogue.map((c) => ({ id: c.id, name: c.name, short: c.short, points: c.points, score: score.byCategory[c.id] }))} />
          <p class="se-note"><Bi text={{ zh: '外圈为各类目满分，深色区域为得分。', en: 'The outer ring is each category’s full points; the filled shape is the score.' }} /></p>
          <h3><Bi text={{ zh: '过程与结果', en: 'Process vs results' }} /></h3>
          <SplitBars {...sub} />
          {score.missing.length > 0 && (
            <p class="se-warn"><Bi text={{ zh: '未评分条款按 0 分计：', en: 'Unscored items count 0: ' }} />{score.missing.join('、')}</p>
          )}
          <h3><Bi text={{ zh: '提升空间最大的条款', en: 'Where the most points are left' }} /></h3>
          <table class="se-table" data-testid="priorities">
            <thead><tr><th><Bi text={{ zh: '条款', en: 'Item' }} /></th><th><Bi text={{ zh: '得分率 %', en: 'Percent' }} /></th><th><Bi text={{ zh: '可提升（分）', en: 'Gap (points)' }} /></th></tr></thead>
            <tbody>
              {improvementPriorities(sheet).map((p) => (
                <tr key={p.id}>
                  <td>{p.id} {tx(catalogueItemById.get(p.id)?.name ?? { zh: '', en: '' })}</td>
                  <td>{p.percent === null ? '—' : `${p.percent}%`}</td>
                  <td>{formatScore(p.gap)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="se-note"><Bi text={{ zh: '把这些条款的改进机会转成改进项目。', en: 'Turn these items’ opportunities for improvement into improvement projects.' }} /></p>
        </section>
      )}

      {view === 'rounds' && (
        <RoundsSection workbook={w} rounds={store.rounds.value} onBlur={blur}
          onRoundName={(round) => store.update((x) => ({ ...x, round }))}
          onSave={(name) => store.saveRound(name)} onDelete={(id) => store.deleteRound(id)} />
      )}

      {view === 'report' && (
        <ReportSection workbook={w} policy={policy} onBlur={blur} onName={(applicantName) => store.update((x) => ({ ...x, applicantName }))}
          onLayout={(reportLayout) => { store.update((x) => ({ ...x, reportLayout })); void store.flush(); }} />
      )}
    </div>
  );
}
