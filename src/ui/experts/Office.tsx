import { useEffect, useRef, useState } from 'preact/hooks';
import { Bi, t } from '../staff/Bi.tsx';
import { todayInChina } from '../../core/calendar.ts';
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
import { packOrInForce } from '../../awards/index.ts';
import { summaryMeasures } from '../../experts/summary-measures.ts';
import type { AwardPack } from '../../policy/schema.ts';
import { tx } from '../lang.ts';
import { errorText } from '../../i18n/error-text.ts';
import { asData, say } from './say.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const newId = () => globalThis.crypto.randomUUID();
/** who records a consensus or a finding: the office of the case's award, from its data */
const officeOf = (record: CaseRecord) => panelSettingsFor(record.award).office.zh;

/** The panels grouped by the award their cases are judged by, one 综合评价报告 each (each award has its own quotas). */
function reportAwards(panels: readonly PanelRecord[], cases: readonly CaseRecord[]): Array<{ pack: AwardPack; panels: PanelRecord[] }> {
  const out = new Map<string, { pack: AwardPack; panels: PanelRecord[] }>();
  for (const p of panels) {
    const c = cases.find((x) => x.id === p.caseId);
    if (!c) continue;
    const pack = packOrInForce(c.award);
    const group = out.get(pack.award.id);
    if (group) group.panels.push(p);
    else out.set(pack.award.id, { pack, panels: [p] });
  }
  return [...out.values()];
}

export function Office() {
  const [cases, setCases] = useState<CaseRecord[]>([]);
  const [panels, setPanels] = useState<PanelRecord[]>([]);
  const [rows, setRows] = useState<ImportRow[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [msg, setMsg] = useState('');
  const [reportProblem, setReportProblem] = useState('');
  // the latest read of the cases and panels: a file chosen before it is in is matched against it, not against nothing
  const loaded = useRef<Promise<{ cases: CaseRecord[]; panels: PanelRecord[] }> | null>(null);
  const reload = async () => {
    const read = (loaded.current = Promise.all([listCases(), listPanels()]).then(([cases, panels]) => ({ cases, panels })));
    const { cases, panels } = await read;
    setCases(cases);
    setPanels(panels);
  };
  useEffect(() => void reload(), []);

  async function choose(files: FileList | null) {
    if (!files?.length) return;
    const read = await Promise.all(Array.from(files).map(async (f) => ({ name: f.name, text: await f.text() })));
    const current = await (loaded.current ?? { cases, panels });
    setRows(await previewImport(read, current.cases, current.panels));
  }
  async function confirm() {
    if (!rows || rows.some((r) => !r.ok)) return;
    try {
      for (const p of applyImport(rows, panels, (id) => panelSettingsFor(cases.find((c) => c.id === id)?.award).spreadMargin)) await savePanel(p);
      setMsg(say(`已导入 ${rows.length} 份评分册。`, `${rows.length} scorebook(s) imported.`));
    } catch (e) {
      setMsg(say('未导入：', 'Not imported: ') + tx(errorText(e)));
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
        <label class="file">{say('选择评分册文件（可多选）', 'Choose scorebook files (several at once)')}<input type="file" accept=".json,application/json" multiple onChange={(e) => void choose((e.currentTarget as HTMLInputElement).files)} /></label>
        {rows && (
          <div class="preview" role="region" aria-label={say('导入预览', 'Import preview')}>
            <table>
              <thead><tr><th>{say('文件', 'File')}</th><th>{say('专家', 'Expert')}</th><th>{say('案件', 'Case')}</th><th>{say('结果', 'Result')}</th></tr></thead>
              <tbody>
                {rows.map((r) => (
                  <tr class={r.ok ? '' : 'bad'}>
                    <td {...asData}>{r.file}</td>
                    <td {...asData}>{r.ok ? r.book.expert.name : ''}</td>
                    <td {...asData}>{r.ok ? r.applicantName : ''}</td>
                    <td>{r.ok ? (r.replaces ? say('更新已导入的评分册', 'Updates an imported scorebook') : say('可导入', 'Ready to import')) : r.errors.map((e) => <div>{tx(e)}</div>)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rows.some((r) => !r.ok) ? (
              <p class="error" role="alert">{say('有文件未通过检查，本次没有导入任何内容。请更正或去掉这些文件后重新选择。', 'Some files failed the checks: nothing was imported. Correct or leave out those files and choose again.')}</p>
            ) : (
              <button class="primary" onClick={() => void confirm()}>{say(`确认导入 ${rows.length} 份`, `Import ${rows.length}`)}</button>
            )}
            <button onClick={() => setRows(null)}>{say('取消', 'Cancel')}</button>
          </div>
        )}
        {msg && <p role="status">{msg}</p>}
      </section>
      <section class="ex-card">
        <h2><Bi text={t('评审案件', 'Panels')} /></h2>
        {panels.length === 0 ? <p class="muted">{say('还没有导入评分册。', 'No scorebooks imported yet.')}</p> : (
          <ul class="panels">
            {panels.map((p) => {
              const c = panelConsensus(p);
              return (
                <li><button class={open === p.caseId ? 'link on' : 'link'} onClick={() => setOpen(p.caseId)}><span {...asData}>{caseOf(p.caseId)?.applicantName ?? p.caseId}</span></button>
                  <span class="muted"> {say(`${p.scorebooks.length} 位专家 · 合议 ${formatScore(c.consensusTotal)} 分 · 待合议 ${c.openItems.length} 条 · `, `${p.scorebooks.length} experts · consensus ${formatScore(c.consensusTotal)} points · ${c.openItems.length} open · `)}<span {...asData}>{p.recorded.map((r) => r.type).join(', ')}</span>{p.recorded.length ? '' : say('未记录', 'nothing recorded')}</span></li>
              );
            })}
          </ul>
        )}
        {panels.length === 0 && <button disabled>{say('综合评价报告 (.docx)', 'Comprehensive evaluation report (.docx)')}</button>}
        {reportAwards(panels, cases).map(({ pack, panels: own }, _, all) => (
          <button key={pack.award.id} onClick={() => void (async () => {
            // the cases' own versions of the measures (issue 16): an unknown one is said, nothing exported
            const measures = summaryMeasures(own, cases, todayInChina);
            if (!measures.ok) { setReportProblem(tx(measures.message)); return; }
            setReportProblem('');
            const { exportPanelSummaryDocx } = await import('../../export/review-docx.ts');
            downloadFile(await exportPanelSummaryDocx(panels, cases, measures.pack), `综合评价报告-${all.length > 1 ? `${pack.award.shortName.zh}-` : ''}${todayInChina()}.docx`, DOCX);
          })()}>{all.length > 1 ? say(`综合评价报告：${pack.award.name.zh} (.docx)`, `Comprehensive evaluation report: ${pack.award.name.en} (.docx)`) : say('综合评价报告 (.docx)', 'Comprehensive evaluation report (.docx)')}</button>
        ))}
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
      setErr(say('未保存：', 'Not saved: ') + tx(errorText(e)));
    }
  };
  const add = (e: PanelEvent) => save({ ...panel, events: [...panel.events, e] });
  const record_ = async (type: Parameters<typeof recordPanelEvent>[1]) => {
    setErr('');
    try {
      await recordPanelEvent(panel, type, on);
      await onSaved();
    } catch (e) {
      setErr(say('未记录：', 'Not recorded: ') + tx(errorText(e)));
    }
  };
  const materialDone = panel.recorded.some((r) => r.type.endsWith('material-review'));
  const siteType = record.kind === 'organization' ? 'complete-site-review' : 'complete-presentation';
  return (
    <section class="ex-card">
      <h2><span {...asData}>{record.applicantName}</span> <span class="muted small">{record.kind === 'organization' ? say('组织 · 现场评审', 'Organisation · site visit') : say('个人 · 陈述答辩', 'Individual · presentation')}</span></h2>
      <p>
        {say('分歧阈值', 'Spread margin')} <input type="number" min={0} max={100} step={5} value={panel.margin} aria-label={say('分歧阈值', 'Spread margin')} onChange={(e) => { const m = Number((e.currentTarget as HTMLInputElement).value); if (Number.isInteger(m) && m >= 0 && m <= 100) void save({ ...panel, margin: m }); }} /> {say('个百分点', 'percentage points')}
        <span class="muted small" data-testid="margin-note"> {tx(marginNote(panelSettingsFor(record.award)))}</span>
        <span class="muted"> · {say('专家：', 'Experts: ')}{c.experts.map((x, i) => <>{i ? say('、', ', ') : ''}<span {...asData}>{x.name}</span>{x.recused ? say('（回避）', ' (recused)') : ''}</>)}</span>
      </p>
      <table class="cons">
        <thead><tr><th>{say('条款', 'Item')}</th>{c.experts.filter((x) => !x.recused).map((x) => <th {...asData}>{x.name}</th>)}<th>{say('极差', 'Spread')}</th><th>{say('建议', 'Proposed')}</th><th>{say('合议', 'Consensus')}</th><th>{say('最终', 'Final')}</th></tr></thead>
        <tbody>
          {c.items.map((i) => (
            <tr class={i.flagged && !i.agreed ? 'flag' : ''}>
              <td>{i.id} {tx(catalogueItemById.get(i.id)!.name)}</td>
              {c.experts.filter((x) => !x.recused).map((x) => <td class="num">{i.scores.find((s) => s.expert === x.id)?.percent ?? '—'}</td>)}
              <td class="num">{i.spread ?? '—'}{i.flagged ? ' ⚑' : ''}</td>
              <td class="num">{i.proposed ?? '—'}</td>
              <td>{materialDone ? (i.consensus ?? '—') : <Agree item={i.id} value={i.consensus} needed={i.flagged} onAgree={(percent, rationale) => add({ id: newId(), by: officeOf(record), at: new Date().toISOString(), type: 'consensus', item: i.id, percent, rationale })} />}</td>
              <td class="num">{i.final ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p><b>{say('合议总分', 'Consensus total')} {formatScore(c.consensusTotal)}</b> · {say('最终总分', 'Final total')} {formatScore(c.finalTotal)} / 1000{c.openItems.length ? <span class="warn"> · {say('分歧待合议：', 'Open for consensus: ')}{c.openItems.join(', ')}</span> : ''}</p>
      {c.changes.length > 0 && (
        <details><summary>{say('修改记录', 'Change record')} ({c.changes.length})</summary><ul>{c.changes.map((ch) => <li>{formatLocalTime(ch.at)} <span {...asData}>{ch.by}</span>: {ch.item} {ch.kind === 'consensus' ? say('合议', 'consensus') : say('现场', 'on site')} {ch.from ?? '—'} → {ch.to ?? '—'} (<span {...asData}>{ch.why}</span>{ch.why ? '' : say('无说明', 'no reason given')})</li>)}</ul></details>
      )}
      <p>
        {say('日期', 'Date')} <input type="date" value={on} onChange={(e) => setOn((e.currentTarget as HTMLInputElement).value)} aria-label={say('记录日期', 'Date recorded')} />{' '}
        {!materialDone && <>
          <button class="primary" disabled={!c.complete} onClick={() => void record_('pass-material-review')}>{say('资料审查通过', 'Material review passed')}</button>{' '}
          <button disabled={!c.complete} onClick={() => void record_('fail-material-review')}>{say('资料审查未通过', 'Material review failed')}</button>
          {!c.complete && <span class="muted small"> {say('所有条款合议完成后才能记录。', 'Can be recorded once every item has a consensus.')}</span>}
        </>}
        {materialDone && !panel.recorded.some((r) => r.type === siteType) && panel.recorded.some((r) => r.type === 'pass-material-review') && (
          <button class="primary" onClick={() => void record_(siteType)}>{record.kind === 'organization' ? say('记录现场评审完成', 'Record the site visit as done') : say('记录陈述答辩完成', 'Record the presentation as done')}</button>
        )}
        {' '}<button onClick={() => void (async () => {
          // the case's own award and version (issue 16); an unknown one is said, never exported under a guess
          const measures = summaryMeasures([panel], [record], todayInChina, { zh: '评审报告', en: 'The review report' });
          if (!measures.ok) { setErr(tx(measures.message)); return; }
          setErr('');
          const { exportReviewReportDocx } = await import('../../export/review-docx.ts');
          downloadFile(await exportReviewReportDocx(panel, record), `评审报告-${record.applicantName}.docx`, DOCX);
        })()}>{say('评审报告 (.docx)', 'Review report (.docx)')}</button>
      </p>
      {err && <p class="error" role="alert">{err}</p>}
      {materialDone && <Site panel={panel} by={officeOf(record)} onFinding={add} />}
    </section>
  );
}

function Agree({ item, value, needed, onAgree }: { item: string; value: number | null; needed: boolean; onAgree: (p: number, r: string) => Promise<void> }) {
  const [p, setP] = useState(value === null ? '' : String(value));
  const [r, setR] = useState('');
  const [err, setErr] = useState('');
  return (
    <span class="agree">
      <select aria-label={say(`${item} 合议得分率`, `${item} consensus percent`)} value={p} onChange={(e) => setP((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">{needed ? say('待合议', 'To agree') : '—'}</option>
        {scoringBands.flatMap((b) => b.percents).map((x) => <option value={String(x)}>{x}%</option>)}
      </select>
      <input aria-label={say(`${item} 合议理由`, `${item} consensus rationale`)} placeholder={say('合议理由', 'Rationale')} value={r} onInput={(e) => setR((e.currentTarget as HTMLInputElement).value)} />
      <button onClick={() => {
        if (p === '') return setErr(say('请选择得分率。', 'Choose a percent.'));
        if (!r.trim()) return setErr(say('请写明合议理由。', 'Give the rationale.'));
        setErr('');
        void onAgree(Number(p), r.trim()).then(() => setR(''));
      }}>{say('确定', 'Agree')}</button>
      {err && <span class="error small" role="alert">{err}</span>}
    </span>
  );
}

function Site({ panel, by, onFinding }: { panel: PanelRecord; by: string; onFinding: (e: PanelEvent) => Promise<void> }) {
  const list = siteChecklist(panelConsensus(panel));
  return (
    <div class="site">
      <h3><Bi text={t('现场核实清单', 'Site-visit / presentation checklist')} /></h3>
      {list.length === 0 && <p class="muted">{say('专家没有提出现场核实要点。', 'The experts raised no points to verify on site.')}</p>}
      {list.map((e) => <FindingRow key={e.item} entry={e} by={by} onFinding={onFinding} />)}
    </div>
  );
}

function FindingRow({ entry, by, onFinding }: { entry: ReturnType<typeof siteChecklist>[number]; by: string; onFinding: (e: PanelEvent) => Promise<void> }) {
  const [outcome, setOutcome] = useState<FindingOutcome>(entry.finding?.outcome ?? 'confirmed');
  const [p, setP] = useState(entry.finding?.percent == null ? '' : String(entry.finding.percent));
  const [note, setNote] = useState(entry.finding?.note ?? '');
  const [err, setErr] = useState('');
  return (
    <div class="finding">
      <b>{entry.item} {tx(catalogueItemById.get(entry.item)!.name)}</b> <span class="muted">{say('合议', 'Consensus')} {entry.consensus ?? '—'}%</span>
      <ul>{entry.points.map((pt) => <li><span {...asData}>{pt.text}</span> <span class="muted small">(<span {...asData}>{pt.name}</span>)</span></li>)}</ul>
      <select aria-label={say(`${entry.item} 核实结果`, `${entry.item} outcome`)} value={outcome} onChange={(e) => setOutcome((e.currentTarget as HTMLSelectElement).value as FindingOutcome)}>
        {findingOutcomes.map((o) => <option value={o}>{tx(findingOutcomeLabels[o])}</option>)}
      </select>
      <select aria-label={say(`${entry.item} 调整后得分率`, `${entry.item} adjusted percent`)} value={p} onChange={(e) => setP((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">{say('不调整', 'No change')}</option>
        {scoringBands.flatMap((b) => b.percents).map((x) => <option value={String(x)}>{x}%</option>)}
      </select>
      <input aria-label={say(`${entry.item} 现场发现`, `${entry.item} finding`)} placeholder={say('现场发现', 'Finding')} value={note} onInput={(e) => setNote((e.currentTarget as HTMLInputElement).value)} />
      <button onClick={() => {
        if (outcome !== 'confirmed' && !note.trim()) return setErr(say('未完全核实时请写明现场发现。', 'Unless fully confirmed, write down what was found.'));
        setErr('');
        void onFinding({ id: newId(), by, at: new Date().toISOString(), type: 'finding', item: entry.item, outcome, percent: p === '' ? null : Number(p), note: note.trim() });
      }}>{say('记录', 'Record')}</button>
      {entry.finding && <span class="muted small"> {say('已记录：', 'Recorded: ')}{tx(findingOutcomeLabels[entry.finding.outcome])}</span>}
      {err && <span class="error small" role="alert">{err}</span>}
    </div>
  );
}
