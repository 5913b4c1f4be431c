import type { Bilingual } from '../../core/i18n.ts';
import { useEffect, useState } from 'preact/hooks';
import { Bi, plain, t } from './Bi.tsx';
import { parseApplication } from '../../application/index.ts';
import { workbookSchema } from '../../self-evaluation/workbook.ts';
import type { CaseRecord } from '../../storage/repos.ts';
import { getSetting } from '../../storage/repos.ts';
import { conflictReasonLabels, suggestAssignment, type Expert } from '../../experts/pool.ts';
import { buildReviewPackage, REVIEW_PACKAGE_FORMAT, reviewPackageFileName } from '../../experts/package.ts';
import { getAssignment, listAssignments, listPool, loadOf, saveAssignment, type Assignment } from '../../experts/pool-store.ts';
import { downloadFile } from '../download.ts';
import { formatLocalTime } from '../../core/local-time.ts';
import { groupSizeNote, panelSettingsFor } from '../../experts/panel-settings.ts';
import './expert-group.css';

/**
 * 专家评审 on a case in review (第六条, 第十条（三）): the group for this case, suggested from the
 * expert pool without anyone who has a conflict, and the review package the clerk hands each
 * assigned expert (the applicant's application and self-evaluation, sealed with the case id).
 */
// the group size and the office's name come from the case's award data (policy pack expertPanel, 第六条)

interface Material {
  fileNames: string[];
  application: unknown;
  selfEvaluation: unknown | null;
}

export function ExpertGroup({ header }: { header: CaseRecord }) {
  const [pool, setPool] = useState<Expert[] | null>(null);
  const [assignment, setAssignment] = useState<Assignment | null>(null);
  const [load, setLoad] = useState<Record<string, number>>({});
  const [field, setField] = useState('');
  const settings = panelSettingsFor(header.award);
  const OFFICE = settings.office.zh;
  const [size, setSize] = useState(settings.groupSize ?? 1);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [material, setMaterial] = useState<Material | null>(null);
  const [msg, setMsg] = useState<{ ok: boolean; text: Bilingual } | null>(null);

  const reload = async () => {
    const [p, a, all] = await Promise.all([listPool(), getAssignment(header.id), listAssignments()]);
    setPool(p);
    setAssignment(a);
    setLoad(loadOf(all, header.id));
    if (a) {
      setField(a.field);
      setChosen(a.experts.map((e) => e.id));
    }
  };
  useEffect(() => {
    setChosen(null);
    setSize(panelSettingsFor(header.award).groupSize ?? 1);
    setMaterial(null);
    setMsg(null);
    void reload();
  }, [header.id]);

  if (!pool) return null;
  const suggestion = suggestAssignment(pool, { name: header.applicantName, creditCode: header.creditCode ?? null, field }, size, load);
  const picked = chosen ?? suggestion.suggested.map((e) => e.id);
  const toggle = (id: string, on: boolean) => setChosen(on ? [...picked, id] : picked.filter((x) => x !== id));
  const fields = [...new Set(pool.flatMap((e) => e.fields))];

  async function saveGroup() {
    setMsg(null);
    const experts = pool!.filter((e) => picked.includes(e.id)).map((e) => ({ id: e.id, name: e.name, affiliation: e.affiliation }));
    if (experts.length === 0) return setMsg({ ok: false, text: t('请至少选择一位专家。', 'Choose at least one expert.') });
    try {
      const saved = await saveAssignment({ id: header.id, version: assignment?.version ?? 0, field: field.trim(), experts, issued: assignment?.issued ?? [] });
      setAssignment(saved);
      setMsg({ ok: true, text: t(`已保存专家组：${experts.map((e) => e.name).join('、')}。`, `Expert group saved: ${experts.map((e) => e.name).join(', ')}.`) });
    } catch (e) {
      setMsg({ ok: false, text: t(`保存失败，未作更改：${(e as Error).message}`, `Not saved; nothing changed: ${(e as Error).message}`) });
    }
  }

  async function chooseMaterial(files: FileList | null) {
    setMsg(null);
    setMaterial(null);
    if (!files?.length) return;
    let application: unknown = null;
    let selfEvaluation: unknown = null;
    for (const f of Array.from(files)) {
      let json: unknown;
      try {
        json = JSON.parse(await f.text());
      } catch {
        return setMsg({ ok: false, text: t(`“${f.name}”不是 JSON 文件，请选择申报方用本助手导出的申报书（及自评工作簿）。`, `“${f.name}” is not a JSON file: choose the application (and self-evaluation workbook) the applicant exported from Award Pilot.`) });
      }
      const format = (json as { format?: unknown } | null)?.format;
      if (format === 'lyg-award/application@1') application = json;
      else if (format === 'lyg-award/self-evaluation-workbook@1') selfEvaluation = json;
      else if (format === REVIEW_PACKAGE_FORMAT) return setMsg({ ok: false, text: t(`“${f.name}”已经是评审材料包，请选择申报方的申报书。`, `“${f.name}” is already a review package: choose the applicant’s application.`) });
      else return setMsg({ ok: false, text: t(`“${f.name}”既不是申报书，也不是自评工作簿。`, `“${f.name}” is neither an application nor a self-evaluation workbook.`) });
    }
    if (!application) return setMsg({ ok: false, text: t('请同时选择申报书文件（自评工作簿可选）。', 'Choose the application file as well (the self-evaluation workbook is optional).') });
    const app = parseApplication(application);
    if (!app.ok) return setMsg({ ok: false, text: t(`申报书不完整或有误：${app.errors.slice(0, 2).map((e) => e.message.zh).join('；')}`, `The application is incomplete or wrong: ${app.errors.slice(0, 2).map((e) => e.message.en).join('; ')}`) });
    const a = app.application;
    if (a.applicant.name && a.applicant.name !== header.applicantName) {
      return setMsg({ ok: false, text: t(`这份申报书的申报方是“${a.applicant.name}”，不是本案件的“${header.applicantName}”。`, `This application is from “${a.applicant.name}”, not from this case’s “${header.applicantName}”.`) });
    }
    if (selfEvaluation && !workbookSchema.safeParse(selfEvaluation).success) return setMsg({ ok: false, text: t('自评工作簿无法读取。', 'The self-evaluation workbook cannot be read.') });
    setMaterial({ fileNames: Array.from(files).map((f) => f.name), application, selfEvaluation });
  }

  async function issue(expert: Assignment['experts'][number]) {
    if (!material || !assignment) return;
    setMsg(null);
    const issuedBy = (await getSetting<string>('staff.recorder').catch(() => undefined)) || OFFICE;
    const built = await buildReviewPackage({
      case: { caseId: header.id, year: header.year, kind: header.kind, applicantName: header.applicantName, creditCode: header.creditCode ?? null },
      expert,
      issuedBy: typeof issuedBy === 'string' ? issuedBy.slice(0, 80) : OFFICE,
      application: material.application,
      selfEvaluation: material.selfEvaluation,
    });
    if (!built.ok) return setMsg({ ok: false, text: built.errors[0]!.message });
    try {
      const saved = await saveAssignment({ ...assignment, issued: [...assignment.issued, { expert: expert.id, packageId: built.file.data.id, at: built.file.createdAt }] });
      setAssignment(saved);
    } catch (e) {
      return setMsg({ ok: false, text: t(`保存失败，未导出：${(e as Error).message}`, `Not saved; nothing exported: ${(e as Error).message}`) });
    }
    downloadFile(JSON.stringify(built.file, null, 2), reviewPackageFileName(built.file.data), 'application/json');
    setMsg({ ok: true, text: t(`已生成给${expert.name}的评审材料包。请将文件交给专家，由专家在“专家评审”页打开。`, `The review package for ${expert.name} is ready. Give the file to the expert, who opens it on the Expert review page.`) });
  }

  const issuedTo = (id: string) => assignment?.issued.filter((x) => x.expert === id).at(-1);
  return (
    <section class="expert-group" data-testid="expert-group" aria-label={plain(t('专家评审', 'Expert review'))}>
      <h3><Bi text={t('专家评审', 'Expert review')} /></h3>
      {pool.length === 0 ? (
        <p class="hint"><Bi text={t('专家库还没有专家。请先在', 'The expert pool is empty. First register experts in the')} /> <a href="/experts.html#pool" target="_blank" rel="noopener"><Bi text={t('专家库', 'expert pool')} /></a><Bi text={t('中登记专家。', '.')} /></p>
      ) : (
        <>
          <div class="eg-controls">
            <label><Bi text={t('专业领域', 'Field')} /> <input list="eg-fields" value={field} maxLength={60} onInput={(e) => { setField((e.currentTarget as HTMLInputElement).value); if (!assignment) setChosen(null); }} placeholder={plain(t('用于优先推荐', 'used to suggest experts'))} /></label>
            <datalist id="eg-fields">{fields.map((f) => <option value={f} />)}</datalist>
            <label><Bi text={t('专家组人数', 'Group size')} /> <input type="number" min={1} max={20} value={size} onInput={(e) => { const n = Number((e.currentTarget as HTMLInputElement).value); if (Number.isInteger(n) && n >= 1 && n <= 20) { setSize(n); if (!assignment) setChosen(null); } }} /></label>
          </div>
          <p class="muted small" data-testid="group-size-note"><Bi text={groupSizeNote(settings)} /></p>
          {suggestion.short && <p class="warn small"><Bi text={t(`无需回避的专家不足 ${size} 位，请在专家库补充专家。`, `Fewer than ${size} experts without a conflict: add experts to the pool.`)} /></p>}
          <ul class="eg-list" data-testid="expert-candidates">
            {[...suggestion.suggested, ...suggestion.others].map((e) => (
              <li key={e.id}>
                <label><input type="checkbox" checked={picked.includes(e.id)} onChange={(ev) => toggle(e.id, (ev.currentTarget as HTMLInputElement).checked)} /> {e.name}</label>
                <span class="muted small"> {e.affiliation || '—'} · {e.fields.join('、') || <Bi text={t('未填专业', 'no field given')} />}{load[e.id] ? <Bi text={t(` · 已评 ${load[e.id]} 件`, ` · ${load[e.id]} reviewed`)} /> : ''}{suggestion.suggested.includes(e) ? <Bi text={t(' · 推荐', ' · suggested')} /> : ''}</span>
              </li>
            ))}
            {suggestion.excluded.map(({ expert, reasons }) => (
              <li key={expert.id} class="eg-excluded" data-excluded={expert.name}>
                <label><input type="checkbox" disabled checked={false} /> {expert.name}</label>
                <span class="small"><Bi text={t(` 需回避：${reasons.map((r) => conflictReasonLabels[r].zh).join('、')}`, ` Conflict: ${reasons.map((r) => conflictReasonLabels[r].en).join('; ')}`)} /></span>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void saveGroup()} data-testid="save-expert-group"><Bi text={t('保存专家组', 'Save the group')} /></button>
          {assignment && (
            <div class="eg-packages">
              <h4><Bi text={t('评审材料包', 'Review packages')} /></h4>
              <label class="file"><Bi text={t('申报方导出的申报书（及自评工作簿，可选）', 'The application the applicant exported (and the self-evaluation workbook, optional)')} />
                <input type="file" accept=".json,application/json" multiple data-testid="package-material" onChange={(e) => void chooseMaterial((e.currentTarget as HTMLInputElement).files)} />
              </label>
              {material && <p class="muted small"><Bi text={t('已选：', 'Chosen: ')} />{material.fileNames.join('、')}</p>}
              <ul>
                {assignment.experts.map((x) => (
                  <li key={x.id}>
                    {x.name}
                    {' '}<button type="button" disabled={!material} onClick={() => void issue(x)} aria-label={plain(t(`导出材料包：${x.name}`, `Export the package for ${x.name}`))}><Bi text={t('导出材料包', 'Export package')} /></button>
                    {issuedTo(x.id) && <span class="muted small"><Bi text={t(` 已于 ${formatLocalTime(issuedTo(x.id)!.at)} 导出`, ` exported ${formatLocalTime(issuedTo(x.id)!.at)}`)} /></span>}
                  </li>
                ))}
              </ul>
              <p class="muted small"><Bi text={t('专家评审后交回评分册，在', 'When the experts return their score books, import them under')} /> <a href="/experts.html#office" target="_blank" rel="noopener"><Bi text={t('合议与结果', 'Consensus and results')} /></a><Bi text={t('中导入。', '.')} /></p>
            </div>
          )}
        </>
      )}
      {msg && <p class={msg.ok ? 'muted' : 'error'} role={msg.ok ? 'status' : 'alert'}><Bi text={msg.text} /></p>}
    </section>
  );
}
