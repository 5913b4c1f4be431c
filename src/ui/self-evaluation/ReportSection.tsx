import { useState } from 'preact/hooks';
import { errorText } from '../../i18n/error-text.ts';
import { docxLayoutOf, profileLength, REPORT_FONTS, REPORT_SIZES, reportLayoutSchema, reportLength, workbookSheet, type ReportLayout, type Workbook } from '../../self-evaluation/index.ts';
import { tx } from '../lang.ts';
import { defaultPolicy } from '../../policy/lianyungang-2021.ts';
import type { PolicyPack } from '../../policy/schema.ts';
import { Bi } from './Bi.tsx';
import { downloadFile } from '../download.ts';
import { DOCX_MIME, safeFileName } from './download.ts';

export const reportOptionsOf = (w: Workbook, policy: PolicyPack) => ({
  profile: w.profile,
  items: w.notes,
  applicantName: w.applicantName,
  round: w.round,
  policy,
});

/** Report length against policy.selfEvaluation.reportMaxChars, the report's body font and size, Word export and the print view. */
export function ReportSection({ workbook, onName, onBlur, onLayout, policy = defaultPolicy }: {
  workbook: Workbook; onName: (name: string) => void; onBlur: () => void; onLayout?: (layout: ReportLayout) => void; policy?: PolicyPack;
}) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  let length: ReturnType<typeof reportLength> | null = null;
  let invalid: string | null = null;
  try {
    length = reportLength(workbookSheet(workbook), reportOptionsOf(workbook, policy));
  } catch (e) {
    invalid = tx(errorText(e));
  }

  const exportDocx = async () => {
    setBusy(true);
    setMessage(null);
    try {
      // lazy: the docx library is only fetched when a report is exported
      const { exportSelfEvaluationDocx } = await import('../../export/docx.ts');
      const bytes = await exportSelfEvaluationDocx(workbookSheet(workbook), { ...reportOptionsOf(workbook, policy), ...docxLayoutOf(workbook.reportLayout) });
      const name = safeFileName(`自评报告 ${workbook.applicantName || ''} ${workbook.round || ''}`.replace(/\s+/g, ' ').trim());
      downloadFile(bytes, `${name}.docx`, DOCX_MIME);
      setMessage({ ok: true, text: `已生成 ${name}.docx / Report saved` });
    } catch (e) {
      setMessage({ ok: false, text: `导出失败 / export failed: ${String((e as Error)?.message ?? e)}` });
    } finally {
      setBusy(false);
    }
  };

  /** a choice from the two lists; anything else (never offered) changes nothing */
  const choose = (change: Partial<Record<keyof ReportLayout, unknown>>) => {
    const next = reportLayoutSchema.safeParse({ ...workbook.reportLayout, ...change });
    if (next.success) onLayout?.(next.data);
  };

  return (
    <section class="se-section" aria-labelledby="se-report-h">
      <h3 id="se-report-h"><Bi text={{ zh: '自评报告', en: 'Self-evaluation report' }} /></h3>
      <label class="se-field" for="se-applicant"><Bi text={{ zh: '申报单位名称', en: 'Applicant name' }} /></label>
      <input id="se-applicant" type="text" value={workbook.applicantName} data-testid="applicant-name"
        onInput={(e) => onName(e.currentTarget.value)} onBlur={onBlur} />
      {length && (
        <p class={length.over ? 'se-counter over' : 'se-counter'} role="status" data-testid="report-length">
          <Bi text={length.over
            ? { zh: `报告篇幅 ${length.chars} / ${length.max} 字 · 超出 ${length.chars - length.max} 字，请精简`, en: `Report length ${length.chars} / ${length.max} characters · ${length.chars - length.max} over the cap: shorten it` }
            : { zh: `报告篇幅 ${length.chars} / ${length.max} 字 · 未超出上限`, en: `Report length ${length.chars} / ${length.max} characters · within the cap` }} />
        </p>
      )}
      {invalid && <p class="se-error" role="alert">{invalid}</p>}
      {profileLength(workbook.profile) > policy.selfEvaluation.profileMaxChars && (
        <p class="se-counter over" data-testid="profile-over">
          <Bi text={{ zh: `组织概述 ${profileLength(workbook.profile)} 字，超过 ${policy.selfEvaluation.profileMaxChars} 字上限`, en: `The profile (${profileLength(workbook.profile)} characters) is over its ${policy.selfEvaluation.profileMaxChars}-character cap` }} />
        </p>
      )}
      <p class="se-note"><Bi text={{ zh: `篇幅上限来自申报办法（${policy.selfEvaluation.source.article}${policy.selfEvaluation.source.clause ?? ''} 自我评价）。`, en: `The cap comes from the award’s measures (${policy.selfEvaluation.source.article}${policy.selfEvaluation.source.clause ?? ''}, self-evaluation).` }} /></p>
      <fieldset class="se-layout" data-testid="report-layout">
        <legend><Bi text={{ zh: '正文字体与字号（按申报通知要求选择）', en: 'Body font and size (as the award notice asks)' }} /></legend>
        <div class="se-row">
          <label for="se-report-font"><Bi text={{ zh: '字体', en: 'Font' }} /></label>
          <select id="se-report-font" data-testid="report-font" value={workbook.reportLayout.font}
            onChange={(e) => choose({ font: e.currentTarget.value })} onBlur={onBlur}>
            {REPORT_FONTS.map((f) => <option key={f} value={f}>{f}</option>)}
          </select>
          <label for="se-report-size"><Bi text={{ zh: '字号', en: 'Size' }} /></label>
          <select id="se-report-size" data-testid="report-size" value={String(workbook.reportLayout.bodySize)}
            onChange={(e) => choose({ bodySize: Number(e.currentTarget.value) })} onBlur={onBlur}>
            {Object.entries(REPORT_SIZES).map(([pt, s]) => (
              <option key={pt} value={pt}>{tx({ zh: `${s.zh}（${pt} 磅，行距固定值 ${s.lineSpacing} 磅）`, en: `${s.en} (${pt} pt, exact ${s.lineSpacing} pt lines)` })}</option>
            ))}
          </select>
        </div>
        <label class="se-check">
          <input type="checkbox" data-testid="report-english" checked={workbook.reportLayout.english}
            onChange={(e) => choose({ english: e.currentTarget.checked })} onBlur={onBlur} />
          <Bi text={{ zh: '附英文对照（默认只用中文）', en: 'Add English alongside (Chinese only by default)' }} />
        </label>
      </fieldset>
      <div class="se-row">
        <button type="button" class="se-btn" disabled={busy || !!invalid} data-testid="export-docx" onClick={exportDocx}>
          <Bi text={busy ? { zh: '正在生成…', en: 'Working…' } : { zh: '导出 Word 报告', en: 'Export .docx' }} />
        </button>
        <a class="se-btn se-btn-secondary" href={`report.html?kind=${workbook.applicantKind}`} target="_blank" rel="noopener" data-testid="print-view">
          <Bi text={{ zh: '打印视图', en: 'Print view' }} />
        </a>
      </div>
      {message && <p class={message.ok ? 'se-note' : 'se-error'} role="status" data-testid="export-message">{message.text}</p>}
    </section>
  );
}
