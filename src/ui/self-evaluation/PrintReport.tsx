import { buildReportModel, formatScore, individualDimensions, individualSelfLabels, type ReportModel, type Workbook } from '../../self-evaluation/index.ts';
import { errorText } from '../../i18n/error-text.ts';
import { tx } from '../lang.ts';
import { workbookSheet } from '../../self-evaluation/index.ts';
import { defaultPolicy } from '../../policy/lianyungang-2021.ts';
import type { PolicyPack } from '../../policy/schema.ts';
import { RadarChart, SplitBars } from './charts.tsx';
import { reportOptionsOf } from './ReportSection.tsx';
import './self-evaluation.css';

const L = (zh: string, en: string) => tx({ zh, en });

/** report.html before anything is written: where to write it, in the chosen language (the tab's name as the panel shows it). */
export function PrintEmpty() {
  return <p class="se-print" data-testid="print-empty">{L('还没有自评数据：请先在侧边栏的“自评”页签中填写。', 'No self-evaluation yet: fill it in on the side panel’s “Self-eval” tab first.')}</p>;
}

/** report.html's title: the editor, the empty page, or the report of one applicant and round. */
export function printTitle(page: 'edit' | 'empty' | Workbook): string {
  if (page === 'edit') return L('自评', 'Self-evaluation');
  const head = L('自评报告', 'Self-evaluation report');
  return page === 'empty' ? head : `${head} ${page.applicantName} ${page.round}`.trim();
}

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
      <h1>{tx(model.title)}</h1>
      {model.applicantName && <p class="se-sub"><strong>{model.applicantName}</strong></p>}
      <p class="se-sub">{model.standard}{model.round ? ` · ${L('轮次', 'Round')} ${model.round}` : ''}</p>
      <p class="se-note">{tx(model.basis)}</p>

      <h2>{L('得分概览', 'Score summary')}</h2>
      <p data-testid="print-total"><strong>{L('总分：', 'Total: ')}{formatScore(model.score.total)} / 1000</strong></p>
      <div class="se-charts">
        <RadarChart categories={model.categories} />
        <div>
          <SplitBars {...model.subtotals} />
          {model.score.missing.length > 0 && <p class="se-warn">{L('未评分条款（按 0 分计）：', 'Not scored (count 0): ')}{model.score.missing.join('、')}</p>}
        </div>
      </div>

      {model.profile && (
        <>
          <h2>{L('组织概述', 'Organisational profile')}</h2>
          {model.profile.description && <><h3>B.1 {L('组织描述', 'Organisational description')}</h3><p class="se-text">{model.profile.description}</p></>}
          {model.profile.challenges && <><h3>B.2 {L('组织面临的挑战', 'Organisational challenges')}</h3><p class="se-text">{model.profile.challenges}</p></>}
        </>
      )}

      <h2>{L('评分汇总表', 'Scores table')}</h2>
      <table class="se-table">
        <thead><tr><th>{L('条款', 'Item')}</th><th>{L('名称', 'Name')}</th><th>{L('分值', 'Points')}</th><th>{L('得分率', 'Percent')}</th><th>{L('得分', 'Score')}</th></tr></thead>
        <tbody>
          {model.rows.map((r) => (
            <tr key={`${r.kind}-${r.id}`} class={r.kind === 'category' ? 'cat' : r.kind === 'subtotal' ? 'sub' : r.kind === 'total' ? 'total' : ''}>
              <td>{r.id}</td>
              <td>{tx(r.name)}</td>
              <td>{r.points}</td>
              <td>{r.percent === null ? '—' : `${r.percent}%`}</td>
              <td>{formatScore(r.score)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {model.items.length > 0 && <h2>{L('各条款自评', 'Item by item')}</h2>}
      {model.items.map((i) => (
        <section class="se-item-block" key={i.id}>
          <h3>{i.id} {tx(i.name)}</h3>
          <p class="se-note">{i.percent === null ? L('未评分', 'Not scored') : `${L('得分率', 'Percent')} ${i.percent}%（${i.band ? tx(i.band) : ''}）· ${formatScore((i.points * i.percent) / 100)} / ${i.points}`}</p>
          {i.strengths.length > 0 && <><strong>{L('优势', 'Strengths')}</strong><ul>{i.strengths.map((s, k) => <li key={k}>{s}</li>)}</ul></>}
          {i.improvements.length > 0 && <><strong>{L('改进机会', 'Opportunities for improvement')}</strong><ul>{i.improvements.map((s, k) => <li key={k}>{s}</li>)}</ul></>}
          {i.evidence.length > 0 && <><strong>{L('证实性材料', 'Evidence')}</strong><ul>{i.evidence.map((e, k) => <li key={k}>{e.name}{e.note ? `：${e.note}` : ''}</li>)}</ul></>}
        </section>
      ))}
    </article>
  );
}

function Toolbar() {
  return (
    <div class="se-toolbar">
      <button type="button" class="se-btn" onClick={() => window.print()}>{L('打印', 'Print')}</button>
    </div>
  );
}

function PrintIndividual({ workbook, policy }: { workbook: Workbook; policy: PolicyPack }) {
  const a = workbook.individual;
  const dims = individualDimensions(policy).filter((d) => !d.onlyIfHeadsOrganization || a.headsOrganization);
  return (
    <article class="se-print" data-testid="print-report">
      <Toolbar />
      <h1>{L('个人申报自我评价', 'Individual self-evaluation')}</h1>
      <p class="se-sub">{tx(policy.title)}</p>
      {workbook.applicantName && <p class="se-sub"><strong>{workbook.applicantName}</strong></p>}
      {dims.map((d) => {
        const e = a.dimensions[d.id];
        return (
          <section class="se-item-block" key={d.id}>
            <h2>{d.article} {tx(d.title)}</h2>
            <p class="se-note">{tx(d.requirement)}</p>
            {d.id === '9.1' && a.qualityWorkSince && <p>{L('起始日期：', 'Since: ')}{a.qualityWorkSince}</p>}
            <p>{L('自我判断：', 'Self-assessment: ')}{tx(individualSelfLabels[e?.self ?? 'unsure'])}</p>
            {e?.narrative && <p class="se-text">{e.narrative}</p>}
            <ul>
              {d.evidence.map((ev) => (
                <li key={ev.id}>{e?.evidenceReady.includes(ev.id) ? '☑' : '☐'} {tx(ev.label)}</li>
              ))}
            </ul>
            {e?.evidenceNotes && <p class="se-text">{e.evidenceNotes}</p>}
          </section>
        );
      })}
    </article>
  );
}
