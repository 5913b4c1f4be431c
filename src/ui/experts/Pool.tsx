import { useEffect, useState } from 'preact/hooks';
import { listCases, type CaseRecord } from '../../storage/repos.ts';
import type { Expert } from '../../experts/pool.ts';
import { listAssignments, listPool, removeExpert, saveExpert, type Assignment } from '../../experts/pool-store.ts';
import { tx } from '../lang.ts';
import { errorText } from '../../i18n/error-text.ts';
import { asData, say } from './say.ts';
import { packOrInForce } from '../../awards/index.ts';
import type { AwardPack } from '../../policy/schema.ts';

/**
 * The article that gives the office its expert pool, in the award of the cases on file (the award in
 * force when there are none); with cases of several awards, or a pack that does not give it, none is cited.
 */
function poolArticle(cases: readonly CaseRecord[]): string | null {
  const packs = new Map<string, AwardPack>();
  for (const c of cases) {
    const pack = packOrInForce(c.award);
    packs.set(pack.award.id, pack);
  }
  if (packs.size > 1) return null;
  const pack = packs.values().next().value ?? packOrInForce(null);
  return pack.expertPanel?.source.article ?? null;
}

/**
 * 专家库 (第六条): the office keeps its experts here — fields, affiliation, region (行政区划 code, the
 * same six digits as in a credit code), and applicants they declared a conflict with in advance. The
 * staff console suggests groups from this pool and leaves out anyone with a conflict.
 */
const split = (s: string) => s.split(/[，,、;；\n]+/).map((x) => x.trim()).filter(Boolean);

const poolHeading = (article: string | null): string => (article ? say(`专家库（${article}）`, `Expert pool (${article})`) : say('专家库', 'Expert pool'));

export function Pool() {
  const [pool, setPool] = useState<Expert[]>([]);
  const [assignments, setAssignments] = useState<Assignment[]>([]);
  const [cases, setCases] = useState<CaseRecord[]>([]);
  const [editing, setEditing] = useState<Expert | 'new' | null>(null);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const reload = async () => {
    setPool(await listPool());
    setAssignments(await listAssignments());
    setCases(await listCases());
  };
  useEffect(() => void reload(), []);
  const caseName = (id: string) => cases.find((c) => c.id === id)?.applicantName ?? id;
  const assignedTo = (e: Expert) => assignments.filter((a) => a.experts.some((x) => x.id === e.id));

  async function remove(e: Expert) {
    if (assignedTo(e).length) {
      setMsg({ ok: false, text: say(`${e.name}已分配到 ${assignedTo(e).length} 个案件，请先在工作台的案件里调整分组，再从专家库删除。`, `${e.name} is assigned to ${assignedTo(e).length} case(s): change the groups in the staff console first, then remove them from the pool.`) });
      return;
    }
    try {
      await removeExpert(e);
      setMsg({ ok: true, text: say(`已从专家库删除${e.name}。`, `${e.name} removed from the pool.`) });
    } catch (err) {
      setMsg({ ok: false, text: tx(errorText(err)) });
    }
    await reload();
  }

  return (
    <div class="pool">
      <section class="ex-card">
        <h2>{poolHeading(poolArticle(cases))}</h2>
        <p class="muted small">{say('工作台为案件推荐评审专家时，会排除与申报方同一单位、同一地区（行政区划代码与统一社会信用代码第 3–8 位相同）或事先声明回避的专家。专家打开材料包后，评分前还要再作一次回避声明。', 'When the staff console suggests experts for a case, it leaves out anyone from the applicant’s organisation, from its region (the division code equals digits 3–8 of the credit code) or with a conflict declared in advance. An expert who opens a package declares conflicts once more before scoring.')}</p>
        {pool.length === 0 ? <p class="muted" data-testid="pool-empty">{say('专家库还没有专家。', 'The pool has no experts yet.')}</p> : (
          <table class="pool-table" data-testid="pool-table">
            <thead><tr><th>{say('姓名', 'Name')}</th><th>{say('专业领域', 'Fields')}</th><th>{say('工作单位', 'Organisation')}</th><th>{say('地区代码', 'Region code')}</th><th>{say('事先声明回避', 'Conflicts declared in advance')}</th><th>{say('已分配', 'Assigned to')}</th><th /></tr></thead>
            <tbody>
              {pool.map((e) => (
                <tr key={e.id} data-expert={e.name}>
                  <td {...asData}>{e.name}</td>
                  <td {...asData}>{e.fields.join('、') || '—'}</td>
                  <td {...asData}>{e.affiliation || '—'}</td>
                  <td class="mono">{e.region || '—'}</td>
                  <td {...asData}>{e.declaredConflicts.join('、') || '—'}</td>
                  <td {...asData}>{assignedTo(e).map((a) => caseName(a.id)).join('、') || '—'}</td>
                  <td class="actions">
                    <button type="button" class="link" onClick={() => setEditing(e)} aria-label={say(`修改${e.name}`, `Edit ${e.name}`)}>{say('修改', 'Edit')}</button>{' '}
                    <button type="button" class="link" onClick={() => void remove(e)} aria-label={say(`删除${e.name}`, `Remove ${e.name}`)}>{say('删除', 'Remove')}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {msg && <p class={msg.ok ? 'muted' : 'error'} role={msg.ok ? 'status' : 'alert'}>{msg.text}</p>}
        {editing === null && <button type="button" class="primary" onClick={() => { setMsg(null); setEditing('new'); }}>{say('添加专家', 'Add an expert')}</button>}
      </section>
      {editing !== null && (
        <ExpertForm
          key={editing === 'new' ? 'new' : editing.id}
          expert={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={async (e) => { setEditing(null); setMsg({ ok: true, text: say(`已保存${e.name}。`, `${e.name} saved.`) }); await reload(); }}
        />
      )}
    </div>
  );
}

function ExpertForm({ expert, onCancel, onSaved }: { expert: Expert | null; onCancel: () => void; onSaved: (e: Expert) => Promise<void> }) {
  const [name, setName] = useState(expert?.name ?? '');
  const [fields, setFields] = useState(expert?.fields.join('、') ?? '');
  const [affiliation, setAffiliation] = useState(expert?.affiliation ?? '');
  const [region, setRegion] = useState(expert?.region ?? '');
  const [conflicts, setConflicts] = useState(expert?.declaredConflicts.join('\n') ?? '');
  const [err, setErr] = useState('');
  async function save() {
    if (!name.trim()) return setErr(say('请填写专家姓名。', 'Enter the expert’s name.'));
    if (region.trim() && !/^\d{6}$/.test(region.trim())) return setErr(say('地区代码应为 6 位数字的行政区划代码，例如连云港市海州区为 320706；不清楚可以不填。', 'The region code is a 6-digit administrative division code (Haizhou, Lianyungang is 320706); leave it empty if unsure.'));
    const f = split(fields);
    if (f.length > 20) return setErr(say('专业领域最多填 20 个。', 'At most 20 fields.'));
    if (f.some((x) => x.length > 60)) return setErr(say('每个专业领域不超过 60 个字。', 'Each field at most 60 characters.'));
    try {
      const saved = await saveExpert({
        id: expert?.id ?? globalThis.crypto.randomUUID(),
        version: expert?.version ?? 0,
        name: name.trim(),
        fields: f,
        affiliation: affiliation.trim(),
        region: region.trim(),
        declaredConflicts: split(conflicts),
      });
      await onSaved(saved);
    } catch (e) {
      setErr(say('未保存：', 'Not saved: ') + tx(errorText(e)));
    }
  }
  return (
    <section class="ex-card expert-form" aria-label={expert ? say(`修改专家 ${expert.name}`, `Edit expert ${expert.name}`) : say('添加专家', 'Add an expert')}>
      <h3>{expert ? <>{say('修改专家：', 'Edit expert: ')}<span {...asData}>{expert.name}</span></> : say('添加专家', 'Add an expert')}</h3>
      <label>{say('姓名', 'Name')} <input value={name} maxLength={80} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} /></label>
      <label>{say('专业领域（用顿号或逗号分隔）', 'Fields (separated by commas)')}<input value={fields} onInput={(e) => setFields((e.currentTarget as HTMLInputElement).value)} placeholder={say('机械制造、质量管理', 'machining, quality management')} /></label>
      <label>{say('工作单位', 'Organisation')} <input value={affiliation} maxLength={200} onInput={(e) => setAffiliation((e.currentTarget as HTMLInputElement).value)} /></label>
      <label>{say('地区代码（行政区划代码，可不填）', 'Region code (administrative division, optional)')}<input value={region} maxLength={6} inputMode="numeric" onInput={(e) => setRegion((e.currentTarget as HTMLInputElement).value)} placeholder="320706" /></label>
      <label>{say('事先声明回避的申报方（名称或统一社会信用代码，每行一个）', 'Applicants declared a conflict with in advance (name or credit code, one a line)')}<textarea rows={2} value={conflicts} onInput={(e) => setConflicts((e.currentTarget as HTMLTextAreaElement).value)} /></label>
      {err && <p class="error" role="alert">{err}</p>}
      <button type="button" class="primary" onClick={() => void save()}>{say('保存', 'Save')}</button>{' '}
      <button type="button" onClick={onCancel}>{say('取消', 'Cancel')}</button>
    </section>
  );
}
