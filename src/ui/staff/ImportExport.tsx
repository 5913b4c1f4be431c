import { useSignal } from '@preact/signals';
import { todayInChina, type IsoDate } from '../../core/calendar.ts';
import type { Bilingual } from '../../core/i18n.ts';
import type { CaseEventInput } from '../../../machines/case.events.ts';
import { replayCase } from '../../cases/replay.ts';
import { buildCasesFile, type CasesFileError } from '../../staff/cases-file.ts';
import { casesToCsv } from '../../staff/export-csv.ts';
import { placeOfError } from '../../staff/import-formats.ts';
import type { StaffCaseRow } from '../../staff/rows.ts';
import { namesOf } from './award-names.ts';
import { Bi, plain, t } from './Bi.tsx';
import { downloadFile } from '../download.ts';
import { commitImport, planImport, type ImportPlan } from './import-cases.ts';
// issue 14: format detection, progress and cancel
import { cancelledMessage, prepareImport, type ImportProgress } from './import-run.ts';
import { cases, filteredRows, packOfCase, policy, policyOf, selectedId, toast, year } from './store.ts';
import { addCases } from './store-load.ts';
import type { AwardPack } from '../../policy/schema.ts';

const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

const stamp = (d: IsoDate) => d.replace(/-/g, '');

/** Each listed case's own award and version (issue 16); a case whose version this build does not know: null. */
const packOfRow = (r: StaffCaseRow) => packOfCase(r.id);

export function exportCsv(): void {
  const list = filteredRows.value;
  downloadFile(casesToCsv(list, policy, packOfRow), `质量奖案件-cases-${year.value}-${stamp(todayInChina())}.csv`, 'text/csv;charset=utf-8');
}

/** The filtered cases as .xlsx (text credit codes, date cells, the reward): exceljs loads only on this click. */
export async function exportXlsx(): Promise<void> {
  const list = filteredRows.value;
  try {
    const { casesToXlsx } = await import('../../staff/case-sheet-xlsx.ts');
    const bytes = await casesToXlsx(list, policy, packOfRow);
    downloadFile(bytes, `质量奖案件-cases-${year.value}-${stamp(todayInChina())}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  } catch (err) {
    toast.value = { kind: 'error', text: t(`导出 Excel 失败：${String(err)}`, `The Excel file could not be made: ${String(err)}`) };
  }
}

export function exportJson(): void {
  const all = cases.value;
  const list = filteredRows.value.map((r) => all.get(r.id)!).filter(Boolean);
  const text = buildCasesFile(
    list.map((c) => ({ header: c.header, events: c.events.map((e) => ({ event: e.event, recordedAt: e.recordedAt, recordedBy: e.recordedBy })) })),
    new Date().toISOString(),
  );
  downloadFile(text, `质量奖案件-cases-${year.value}-${stamp(todayInChina())}.json`, 'application/json');
}

interface Preview {
  fileName: string;
  plan: ImportPlan;
  events: number;
  refused: number;
  years: [number, number][];
  sample: { id: string; name: string; year: number; stage: { zh: string; en: string } }[];
}

/**
 * Import (JSON, CSV or XLSX, told apart by content): validate everything (zod) with a progress bar and
 * a cancel, show what would be written, write it in one transaction on confirm (cancellable too).
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const errors = useSignal<CasesFileError[]>([]);
  const failure = useSignal<Bilingual | null>(null);
  const preview = useSignal<Preview | null>(null);
  const busy = useSignal(false);
  // ---- issue 14: progress and cancel -------------------------------------------------------------
  const progress = useSignal<ImportProgress | null>(null);
  const abort = useSignal<AbortController | null>(null);
  const cancel = () => abort.value?.abort();
  // ---- end issue 14 ------------------------------------------------------------------------------

  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    errors.value = [];
    failure.value = null;
    preview.value = null;
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      failure.value = t(`文件过大（${Math.round(file.size / 1048576)} MB，上限 100 MB），未导入。`, `The file is too large (${Math.round(file.size / 1048576)} MB, limit 100 MB); nothing was imported.`);
      return;
    }
    busy.value = true;
    // ---- issue 14: detect the format by content, validate in slices with progress, cancellable ----
    const ctl = new AbortController();
    abort.value = ctl;
    progress.value = { phase: 'read', done: 0, total: file.size };
    try {
      const parsed = await prepareImport(new Uint8Array(await file.arrayBuffer()), { signal: ctl.signal, onProgress: (p) => (progress.value = p) });
      if (!parsed.ok) {
        if ('cancelled' in parsed) failure.value = cancelledMessage;
        else errors.value = parsed.errors;
        return;
      }
      // ---- end issue 14 ----
      const plan = await planImport(parsed.file);
      const yearCounts = new Map<number, number>();
      let events = 0;
      let refused = 0;
      const sample: Preview['sample'] = [];
      for (const c of plan.fresh) {
        yearCounts.set(c.header.year, (yearCounts.get(c.header.year) ?? 0) + 1);
        events += c.events.length;
        // each case by its own measures (issue 16); the preview only counts refusals, so an unknown version previews by the office's
        let own: AwardPack = policy;
        try {
          own = policyOf(c.header as Parameters<typeof policyOf>[0]);
        } catch {}
        const view = replayCase(c.events.map((x) => x.event as CaseEventInput), { policy: own });
        refused += view.rejected.length;
        if (sample.length < 8) sample.push({ id: c.header.id, name: c.header.applicantName, year: c.header.year, stage: namesOf(own).stages[view.stage] });
      }
      preview.value = { fileName: file.name, plan, events, refused, years: [...yearCounts].sort((a, b) => a[0] - b[0]), sample };
    } catch (err) {
      failure.value = (err as { userMessage?: Bilingual }).userMessage ?? t(`无法读取文件：${String(err)}`, `Cannot read the file: ${String(err)}`);
    } finally {
      busy.value = false;
      progress.value = null;
      abort.value = null;
    }
  };

  const confirm = async () => {
    const p = preview.value;
    if (!p) return;
    busy.value = true;
    // ---- issue 14: the single write transaction reports progress and can be cancelled ----
    const ctl = new AbortController();
    abort.value = ctl;
    progress.value = { phase: 'write', done: 0, total: p.plan.fresh.length };
    try {
      const written = await commitImport(p.plan, { signal: ctl.signal, onProgress: (done, total) => (progress.value = { phase: 'write', done, total }) });
      addCases(written);
      const last = p.years[p.years.length - 1];
      if (last && last[0] !== year.value) {
        year.value = last[0];
        selectedId.value = null;
      }
      toast.value = { kind: 'ok', text: t(`已导入 ${written.length} 个案件`, `Imported ${written.length} cases`) };
      onClose();
    } catch (err) {
      failure.value = (err as { cancelled?: boolean }).cancelled
        ? cancelledMessage
        : (err as { userMessage?: Bilingual }).userMessage ?? t(`导入失败，未写入任何数据：${String(err)}`, `Import failed; nothing was written: ${String(err)}`);
    } finally {
      busy.value = false;
      progress.value = null;
      abort.value = null;
    }
  };

  const p = preview.value;
  return (
    <div class="dialog-form" data-testid="import-dialog">
      <h3><Bi text={t('导入案件（JSON、CSV 或 XLSX）', 'Import cases (JSON, CSV or XLSX)')} /></h3>
      <input type="file" accept=".json,.csv,.xlsx,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-label={plain(t('选择案件文件（JSON、CSV 或 XLSX）', 'Choose a cases file (JSON, CSV or XLSX)'))} data-testid="import-file" onChange={onFile} disabled={busy.value} />
      <p class="hint">
        <Bi text={t('CSV / XLSX：每行一个事件，列为 编号、年度、类型、申报主体、统一社会信用代码、推荐单位、事件、日期、详情、记录人。', 'CSV / XLSX: one event per row; columns id, year, kind, applicant, credit code, recommender, event, date, detail, recorded by.')} />
      </p>
      {/* ---- issue 14: progress bar with counts, cancel ---- */}
      {busy.value && progress.value && (
        <div class="import-progress" role="status" data-testid="import-progress">
          <progress max={Math.max(1, progress.value.total)} value={progress.value.phase === 'read' ? undefined : progress.value.done} />
          <span>
            <Bi
              text={
                progress.value.phase === 'read'
                  ? t('正在读取文件…', 'Reading the file…')
                  : progress.value.phase === 'check'
                    ? t(`正在检查 ${progress.value.done.toLocaleString('zh-CN')} / ${progress.value.total.toLocaleString('zh-CN')} 个案件`, `Checking ${progress.value.done.toLocaleString('en')} / ${progress.value.total.toLocaleString('en')} cases`)
                    : t(`正在写入 ${progress.value.done.toLocaleString('zh-CN')} / ${progress.value.total.toLocaleString('zh-CN')} 个案件`, `Writing ${progress.value.done.toLocaleString('en')} / ${progress.value.total.toLocaleString('en')} cases`)
              }
            />
          </span>
          <button type="button" onClick={cancel} data-testid="import-cancel"><Bi text={t('取消导入', 'Cancel import')} /></button>
        </div>
      )}
      {/* ---- end issue 14 ---- */}
      {errors.value.length > 0 && (
        <div class="error" role="alert" data-testid="import-errors">
          <p>
            <Bi text={t(`文件有 ${errors.value.length} 处错误，未导入任何内容：`, `The file has ${errors.value.length} error(s); nothing was imported:`)} block />
          </p>
          <ul>
            {errors.value.map((e, i) => (
              <li key={i}>
                {placeOfError(e.path) && <><Bi text={placeOfError(e.path)!} />{plain(t('：', ': '))}</>}<Bi text={e.message} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {failure.value && (
        <p class="error" role="alert" data-testid="import-failure">
          <Bi text={failure.value} block />
        </p>
      )}
      {p && (
        <div class="import-preview" data-testid="import-preview">
          <p>
            <Bi
              text={t(
                `将导入 ${p.plan.fresh.length} 个案件、${p.events} 个事件` + (p.plan.skipped.length ? `；${p.plan.skipped.length} 个案件编号已存在，将跳过（已有案件的办理记录只增不改，不合并）` : '') + '。',
                `${p.plan.fresh.length} cases with ${p.events} events will be imported` + (p.plan.skipped.length ? `; ${p.plan.skipped.length} case numbers already exist and will be skipped (a case’s record is only ever added to, never merged)` : '') + '.',
              )}
              block
            />
          </p>
          <p class="muted small">
            {p.years.map(([y, n]) => `${y}: ${n}`).join(' · ')}
            {p.refused > 0 && <Bi text={t(` · 其中 ${p.refused} 个事件不符合办理程序，不会生效`, ` · ${p.refused} ${p.refused === 1 ? 'event breaks' : 'events break'} the procedure and will not take effect`)} />}
          </p>
          <table class="grid small">
            <tbody>
              {p.sample.map((s) => (
                <tr key={s.id}>
                  <td>{s.name}</td>
                  <td>{s.year}</td>
                  <td><Bi text={s.stage} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="actions">
        <button type="button" onClick={onClose}><Bi text={t('取消', 'Cancel')} /></button>
        <button type="button" class="primary" disabled={!p || busy.value || p.plan.fresh.length === 0} onClick={confirm} data-testid="import-confirm">
          <Bi text={t('确认导入', 'Import')} />
        </button>
      </div>
    </div>
  );
}
