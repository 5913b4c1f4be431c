import { buildReportModel, formatScore, individualDimensions, individualSelfLabels, type ReportModel, type Workbook } from '../../self-evaluation/index.ts';
import { errorText } from '../../i18n/error-text.ts';
import { tx } from '../lang.ts';
import { workbookSheet } from '../../self-evaluation/index.ts';
import { defaultPolicy, type PolicyPack } from '../../policy/index.ts';
import { RadarChart, SplitBars } from './charts.tsx';
import { reportOptionsOf } from './ReportSection.tsx';
import './self-evaluation.css';

/** The print view (report.html): the same report model as the Word export, laid out for A4. */
export function PrintReport({ workbook, policy = defaultPolicy }: { workbook: Workbook; policy?: PolicyPack }) {
  if (workbook.applicantKind === 'individual') return <PrintIndividual workbook={workbook} policy={policy} />;
  let model: ReportModel;
  try {
    model = buildReportModel(workbookSheet(workbook), reportOptionsOf(workbook, policy));
  } catch (e) {
    return <div class="se-print"><p class="se-error" role="alert">{tx(errorText(e))}</p></div>;
  }
  return (
    <article class="se-print" data-testid="print-report">
      <Toolbar />
      <h1>{model.title.zh}</h1>
      <p class="se-sub">{model.title.en}</p>
      {model.applicantName && <p class="se-sub"><strong>{model.applicantName}</strong></p>}
      <p class="se-sub">{model.standard}{model.round ? ` · 轮次 Round ${model.round}` : ''}</p>
      <p class="se-note">{model.basis.zh} {model.basis.en}</p>

      <h2>得分概览 Score summary</h2>
      <p data-testid="print-total"><strong>总分 Total：{formatScore(model.score.total)} / 1000</strong></p>
      <div class="se-charts">
        <RadarChart categories={model.categories} />
        <div>
          <SplitBars {...model.subtotals} />
          {model.score.missing.length > 0 && <p class="se-warn">未评分条款（按 0 分计）Not scored: {model.score.missing.join('、')}</p>}
        </div>
      </div>

      {model.profile && (
        <>
          <h2>组织概述 Organisational profile</h2>
          {model.profile.description && <><h3>B.1 组织描述</h3><p class="se-text">{model.profile.description}</p></>}
          {model.profile.challenges && <><h3>B.2 组织面临的挑战</h3><p class="se-text">{model.profile.challenges}</p></>}
        </>
      )}

      <h2>评分汇总表 Scores table</h2>
      <table class="se-table">
        <thead><tr><th>条款 Item</th><th>名称 Name</th><th>分值 Points</th><th>得分率 %</th><th>得分 Score</th></tr></thead>
        <tbody>
          {model.rows.map((r) => (
            <tr key={`${r.kind}-${r.id}`} class={r.kind === 'category' ? 'cat' : r.kind === 'subtotal' ? 'sub' : r.kind === 'total' ? 'total' : ''}>
              <td>{r.id}</td>
              <td>{r.name.zh} <span class="se-en">{r.name.en}</span></td>
              <td>{r.points}</td>
              <td>{r.percent === null ? '—' : `${r.percent}%`}</td>
              <td>{formatScore(r.score)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {model.items.length > 0 && <h2>各条款自评 Item by item</h2>}
      {model.items.map((i) => (
        <section class="se-item-block" key={i.id}>
          <h3>{i.id} {i.name.zh} <span class="se-en">{i.name.en}</span></h3>
          <p class="se-note">{i.percent === null ? '未评分 not scored' : `得分率 ${i.percent}%（${i.band?.zh}）· ${formatScore((i.points * i.percent) / 100)} / ${i.points}`}</p>
          {i.strengths.length > 0 && <><strong>优势 Strengths</strong><ul>{i.strengths.map((s, k) => <li key={k}>{s}</li>)}</ul></>}
          {i.improvements.length > 0 && <><strong>改进机会 Opportunities for improvement</strong><ul>{i.improvements.map((s, k) => <li key={k}>{s}</li>)}</ul></>}
          {i.evidence.length > 0 && <><strong>证实性材料 Evidence</strong><ul>{i.evidence.map((e, k) => <li key={k}>{e.name}{e.note ? `：${e.note}` : ''}</li>)}</ul></>}
        </section>
      ))}
    </article>
  );
}

function Toolbar() {
  return (
    <div class="se-toolbar">
      <button type="button" class="se-btn" onClick={() => window.print()}>打印 Print</button>
    </div>
  );
}

function PrintIndividual({ workbook, policy }: { workbook: Workbook; policy: PolicyPack }) {
  const a = workbook.individual;
  const dims = individualDimensions(policy).filter((d) => !d.onlyIfHeadsOrganization || a.headsOrganization);
  return (
    <article class="se-print" data-testid="print-report">
      <Toolbar />
      <h1>个人申报自我评价（第九条）</h1>
      <p class="se-sub">Individual self-evaluation ({policy.title.en})</p>
      {workbook.applicantName && <p class="se-sub"><strong>{workbook.applicantName}</strong></p>}
      {dims.map((d) => {
        const e = a.dimensions[d.id];
        return (
          <section class="se-item-block" key={d.id}>
            <h2>{d.article} {d.title.zh} <span class="se-en">{d.title.en}</span></h2>
            <p class="se-note">{d.requirement.zh}</p>
            {d.id === '9.1' && a.qualityWorkSince && <p>起始日期 Since：{a.qualityWorkSince}</p>}
            <p>自我判断 Self-assessment：{individualSelfLabels[e?.self ?? 'unsure'].zh} {individualSelfLabels[e?.self ?? 'unsure'].en}</p>
            {e?.narrative && <p class="se-text">{e.narrative}</p>}
            <ul>
              {d.evidence.map((ev) => (
                <li key={ev.id}>{e?.evidenceReady.includes(ev.id) ? '☑' : '☐'} {ev.label.zh}</li>
              ))}
            </ul>
            {e?.evidenceNotes && <p class="se-text">{e.evidenceNotes}</p>}
          </section>
        );
      })}
    </article>
  );
}
