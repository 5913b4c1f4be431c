import { useEffect, useState } from 'preact/hooks';
import { Bi, t } from '../staff/Bi.tsx';
import { todayInChina } from '../../core/dates.ts';
import { catalogueItemById } from '../../self-evaluation/catalogue.ts';
import { formatScore } from '../../self-evaluation/score.ts';
import { scoringBands } from '../../self-evaluation/bands.ts';
import { listCases, type CaseRecord } from '../../storage/repos.ts';
import { findingOutcomeLabels, findingOutcomes, siteChecklist, type FindingOutcome, type PanelEvent } from '../../experts/index.ts';
import { listPanels, panelConsensus, recordPanelEvent, savePanel, type PanelRecord } from '../../experts/store.ts';
import { downloadFile } from '../download.ts';
import { formatLocalTime } from '../../core/local-time.ts';
import { applyImport, previewImport, type ImportRow } from './import-scorebooks.ts';
import { marginNote, panelSettingsFor } from '../../experts/panel-settings.ts';
import { summaryMeasures } from '../../experts/summary-measures.ts';
import { tx } from '../lang.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const newId = () => globalThis.crypto.randomUUID();

export function Office() {
  const [cases, setCases] = useState<CaseRecord[]>([]);
  const [panels, setPanels] = useState<PanelRecord[]>([]);
  const [rows, setRows] = useState<ImportRow[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [msg, setMsg] = useState('');
  const [reportProblem, setReportProblem] = useState('');
  const reload = async () => {
    setCases(await listCases());
    setPanels(await listPanels());
  };
  useEffect(() => void reload(), []);

  async function choose(files: FileList | null) {
    if (!files?.length) return;
    const read = await Promise.all(Array.from(files).map(async (f) => ({ name: f.name, text: await f.text() })));
    setRows(await previewImport(read, cases, panels));
  }
  async function confirm() {
    if (!rows || rows.some((r) => !r.ok)) return;
    try {
      for (const p of applyImport(rows, panels, (id) => panelSettingsFor(cases.find((c) => c.id === id)?.award).spreadMargin)) await savePanel(p);
      setMsg(`已导入 ${rows.length} 份评分册。`);
    } catch (e) {
      setMsg(`未导入：${(e as Error).message}`);
    }
    setRows(null);
    await reload();
  }
  const panel = panels.find((p) => p.caseId === open) ?? null;
  const caseOf = (id: string) => cases.find((c) => c.id === id);

  return (
    <div class="office">
      <section class="ex-card">
        <h2><Bi text={t('导入评分册', 'Import scorebooks')} /></h2>
        <label class="file">选择评分册文件（可多选）<input type="file" accept=".json,application/json" multiple onChange={(e) => void choose((e.currentTarget as HTMLInputElement).files)} /></label>
        {rows && (
          <div class="preview" role="region" aria-label="导入预览">
            <table>
              <thead><tr><th>文件</th><th>专家</th><th>案件</th><th>结果</th></tr></thead>
              <tbody>
                {rows.map((r) => (
                  <tr class={r.ok ? '' : 'bad'}>
                    <td>{r.file}</td>
                    <td>{r.ok ? r.book.expert.name : ''}</td>
                    <td>{r.ok ? r.applicantName : ''}</td>
                    <td>{r.ok ? (r.replaces ? '更新已导入的评分册' : '可导入') : r.errors.map((e) => <div>{e.zh}</div>)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rows.some((r) => !r.ok) ? (
              <p class="error" role="alert">有文件未通过检查，本次没有导入任何内容。请更正或去掉这些文件后重新选择。</p>
            ) : (
              <button class="primary" onClick={() => void confirm()}>确认导入 {rows.length} 份</button>
            )}
            <button onClick={() => setRows(null)}>取消</button>
          </div>
        )}
        {msg && <p role="status">{msg}</p>}
      </section>
      <section class="ex-card">
        <h2><Bi text={t('评审案件', 'Panels')} /></h2>
        {panels.length === 0 ? <p class="muted">还没有导入评分册。</p> : (
          <ul class="panels">
            {panels.map((p) => {
              const c = panelConsensus(p);
              return (
                <li><button class={open === p.caseId ? 'link on' : 'link'} onClick={() => setOpen(p.caseId)}>{caseOf(p.caseId)?.applicantName ?? p.caseId}</button>
                  <span class="muted"> {p.scorebooks.length} 位专家 · 合议 {formatScore(c.consensusTotal)} 分 · 待合议 {c.openItems.length} 条 · {p.recorded.map((r) => r.type).join('、') || '未记录'}</span></li>
              );
            })}
          </ul>
        )}
        <button onClick={() => void (async () => {
          // the cases' own measures (issue 16); an unknown version or mixed measures: said, nothing exported
          const measures = summaryMeasures(panels, cases, todayInChina);
          if (!measures.ok) {
            setReportProblem(tx(measures.message));
            return;
          }
          setReportProblem('');
          const { exportPanelSummaryDocx } = await import('../../export/review-docx.ts');
          downloadFile(await exportPanelSummaryDocx(panels, cases, measures.pack), `综合评价报告-${todayInChina()}.docx`, DOCX);
        })()} disabled={panels.length === 0}>综合评价报告 (.docx)</button>
        {reportProblem && <p class="error" role="alert" data-testid="summary-report-problem">{reportProblem}</p>}
      </section>
      {panel && caseOf(panel.caseId) && <PanelView key={panel.caseId} panel={panel} record={caseOf(panel.caseId)!} onSaved={reload} />}
    </div>
  );
}

function PanelView({ panel, record, onSaved }: { panel: PanelRecord; record: CaseRecord; onSaved: () => Promise<void> }) {
  const c = panelConsensus(panel);
  const [err, setErr] = useState('');
  const [on, setOn] = useState(todayInChina());
  // every save is versioned: a save from a stale copy (another tab) is refused and says so
  const save = async (next: PanelRecord) => {
    setErr('');
    try {
      await savePanel(next);
      await onSaved();
    } catch (e) {
      setErr(`未保存：${(e as Error).message}`);
    }
  };
  const add = (e: PanelEvent) => save({ ...panel, events: [...panel.events, e] });
  const record_ = async (type: Parameters<typeof recordPanelEvent>[1]) => {
    setErr('');
    try {
      await recordPanelEvent(panel, type, on);
      await onSaved();
    } catch (e) {
      setErr(`未记录：${(e as Error).message}`);
    }
  };
  const materialDone = panel.recorded.some((r) => r.type.endsWith('material-review'));
  // who records consensus and findings: the case's own award office (issue 16), e.g. 市质量发展委员会办公室
  const office = panelSettingsFor(record.award).office.zh;
  const siteType = record.kind === 'organization' ? 'complete-site-review' : 'complete-presentation';
  return (
    <section class="ex-card">
      <h2>{record.applicantName}<span class="en">{record.kind === 'organization' ? '组织 · 现场评审' : '个人 · 陈述答辩'}</span></h2>
      <p>
        分歧阈值 <input type="number" min={0} max={100} step={5} value={panel.margin} aria-label="分歧阈值" onChange={(e) => { const m = Number((e.currentTarget as HTMLInputElement).value); if (Number.isInteger(m) && m >= 0 && m <= 100) void save({ ...panel, margin: m }); }} /> 个百分点
        <span class="muted small" data-testid="margin-note"> {marginNote(panelSettingsFor(record.award)).zh}</span>
        <span class="muted"> · 专家：{c.experts.map((x) => `${x.name}${x.recused ? '（回避）' : ''}`).join('、')}</span>
      </p>
      <table class="cons">
        <thead><tr><th>条款</th>{c.experts.filter((x) => !x.recused).map((x) => <th>{x.name}</th>)}<th>极差</th><th>建议</th><th>合议</th><th>最终</th></tr></thead>
        <tbody>
          {c.items.map((i) => (
            <tr class={i.flagged && !i.agreed ? 'flag' : ''}>
              <td>{i.id} {catalogueItemById.get(i.id)!.name.zh}</td>
              {c.experts.filter((x) => !x.recused).map((x) => <td class="num">{i.scores.find((s) => s.expert === x.id)?.percent ?? '—'}</td>)}
              <td class="num">{i.spread ?? '—'}{i.flagged ? ' ⚑' : ''}</td>
              <td class="num">{i.proposed ?? '—'}</td>
              <td>{materialDone ? (i.consensus ?? '—') : <Agree item={i.id} value={i.consensus} needed={i.flagged} onAgree={(percent, rationale) => add({ id: newId(), by: office, at: new Date().toISOString(), type: 'consensus', item: i.id, percent, rationale })} />}</td>
              <td class="num">{i.final ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p><b>合议总分 {formatScore(c.consensusTotal)}</b> · 最终总分 {formatScore(c.finalTotal)} / 1000{c.openItems.length ? <span class="warn"> · 分歧待合议：{c.openItems.join('、')}</span> : ''}</p>
      {c.changes.length > 0 && (
        <details><summary>修改记录（{c.changes.length}）</summary><ul>{c.changes.map((ch) => <li>{formatLocalTime(ch.at)} {ch.by}：{ch.item} {ch.kind === 'consensus' ? '合议' : '现场'} {ch.from ?? '—'} → {ch.to ?? '—'}（{ch.why || '无说明'}）</li>)}</ul></details>
      )}
      <p>
        日期 <input type="date" value={on} onChange={(e) => setOn((e.currentTarget as HTMLInputElement).value)} aria-label="记录日期" />{' '}
        {!materialDone && <>
          <button class="primary" disabled={!c.complete} onClick={() => void record_('pass-material-review')}>资料审查通过</button>{' '}
          <button disabled={!c.complete} onClick={() => void record_('fail-material-review')}>资料审查未通过</button>
          {!c.complete && <span class="muted small"> 所有条款合议完成后才能记录。</span>}
        </>}
        {materialDone && !panel.recorded.some((r) => r.type === siteType) && panel.recorded.some((r) => r.type === 'pass-material-review') && (
          <button class="primary" onClick={() => void record_(siteType)}>{record.kind === 'organization' ? '记录现场评审完成' : '记录陈述答辩完成'}</button>
        )}
        {' '}<button onClick={() => void (async () => {
          // the case's own award and version (issue 16); an unknown one is said, never exported under a guess
          const measures = summaryMeasures([panel], [record], todayInChina, { zh: '评审报告', en: 'The review report' });
          if (!measures.ok) {
            setErr(tx(measures.message));
            return;
          }
          setErr('');
          const { exportReviewReportDocx } = await import('../../export/review-docx.ts');
          downloadFile(await exportReviewReportDocx(panel, record, measures.pack), `评审报告-${record.applicantName}.docx`, DOCX);
        })()}>评审报告 (.docx)</button>
      </p>
      {err && <p class="error" role="alert">{err}</p>}
      {materialDone && <Site panel={panel} onFinding={add} office={office} />}
    </section>
  );
}

function Agree({ item, value, needed, onAgree }: { item: string; value: number | null; needed: boolean; onAgree: (p: number, r: string) => Promise<void> }) {
  const [p, setP] = useState(value === null ? '' : String(value));
  const [r, setR] = useState('');
  const [err, setErr] = useState('');
  return (
    <span class="agree">
      <select aria-label={`${item} 合议得分率`} value={p} onChange={(e) => setP((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">{needed ? '待合议' : '—'}</option>
        {scoringBands.flatMap((b) => b.percents).map((x) => <option value={String(x)}>{x}%</option>)}
      </select>
      <input aria-label={`${item} 合议理由`} placeholder="合议理由" value={r} onInput={(e) => setR((e.currentTarget as HTMLInputElement).value)} />
      <button onClick={() => {
        if (p === '') return setErr('请选择得分率');
        if (!r.trim()) return setErr('请写明合议理由');
        setErr('');
        void onAgree(Number(p), r.trim()).then(() => setR(''));
      }}>确定</button>
      {err && <span class="error small" role="alert">{err}</span>}
    </span>
  );
}

function Site({ panel, onFinding, office }: { panel: PanelRecord; onFinding: (e: PanelEvent) => Promise<void>; office: string }) {
  const list = siteChecklist(panelConsensus(panel));
  return (
    <div class="site">
      <h3><Bi text={t('现场核实清单', 'Site-visit / presentation checklist')} /></h3>
      {list.length === 0 && <p class="muted">专家没有提出现场核实要点。</p>}
      {list.map((e) => <FindingRow key={e.item} entry={e} onFinding={onFinding} office={office} />)}
    </div>
  );
}

function FindingRow({ entry, onFinding, office }: { entry: ReturnType<typeof siteChecklist>[number]; onFinding: (e: PanelEvent) => Promise<void>; office: string }) {
  const [outcome, setOutcome] = useState<FindingOutcome>(entry.finding?.outcome ?? 'confirmed');
  const [p, setP] = useState(entry.finding?.percent == null ? '' : String(entry.finding.percent));
  const [note, setNote] = useState(entry.finding?.note ?? '');
  const [err, setErr] = useState('');
  return (
    <div class="finding">
      <b>{entry.item} {catalogueItemById.get(entry.item)!.name.zh}</b> <span class="muted">合议 {entry.consensus ?? '—'}%</span>
      <ul>{entry.points.map((pt) => <li>{pt.text}<span class="muted small">（{pt.name}）</span></li>)}</ul>
      <select aria-label={`${entry.item} 核实结果`} value={outcome} onChange={(e) => setOutcome((e.currentTarget as HTMLSelectElement).value as FindingOutcome)}>
        {findingOutcomes.map((o) => <option value={o}>{findingOutcomeLabels[o].zh}</option>)}
      </select>
      <select aria-label={`${entry.item} 调整后得分率`} value={p} onChange={(e) => setP((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">不调整</option>
        {scoringBands.flatMap((b) => b.percents).map((x) => <option value={String(x)}>{x}%</option>)}
      </select>
      <input aria-label={`${entry.item} 现场发现`} placeholder="现场发现" value={note} onInput={(e) => setNote((e.currentTarget as HTMLInputElement).value)} />
      <button onClick={() => {
        if (outcome !== 'confirmed' && !note.trim()) return setErr('未完全核实时请写明现场发现。');
        setErr('');
        void onFinding({ id: newId(), by: office, at: new Date().toISOString(), type: 'finding', item: entry.item, outcome, percent: p === '' ? null : Number(p), note: note.trim() });
      }}>记录</button>
      {entry.finding && <span class="muted small"> 已记录：{findingOutcomeLabels[entry.finding.outcome].zh}</span>}
      {err && <span class="error small" role="alert">{err}</span>}
    </div>
  );
}
