import { useEffect, useState } from 'preact/hooks';
import { listCases, type CaseRecord } from '../../storage/repos.ts';
import type { Expert } from '../../experts/pool.ts';
import { listAssignments, listPool, removeExpert, saveExpert, type Assignment } from '../../experts/pool-store.ts';

/**
 * 专家库 (第六条): the office keeps its experts here — fields, affiliation, region (行政区划 code, the
 * same six digits as in a credit code), and applicants they declared a conflict with in advance. The
 * staff console suggests groups from this pool and leaves out anyone with a conflict.
 */
const split = (s: string) => s.split(/[，,、;；\n]+/).map((x) => x.trim()).filter(Boolean);

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
      setMsg({ ok: false, text: `${e.name}已分配到 ${assignedTo(e).length} 个案件，请先在工作台的案件里调整分组，再从专家库删除。` });
      return;
    }
    try {
      await removeExpert(e);
      setMsg({ ok: true, text: `已从专家库删除${e.name}。` });
    } catch (err) {
      setMsg({ ok: false, text: (err as Error).message });
    }
    await reload();
  }

  return (
    <div class="pool">
      <section class="ex-card">
        <h2>专家库<span class="en">Expert pool (第六条)</span></h2>
        <p class="muted small">工作台为案件推荐评审专家时，会排除与申报方同一单位、同一地区（行政区划代码与统一社会信用代码第 3–8 位相同）或事先声明回避的专家。专家打开材料包后，评分前还要再作一次回避声明。</p>
        {pool.length === 0 ? <p class="muted" data-testid="pool-empty">专家库还没有专家。</p> : (
          <table class="pool-table" data-testid="pool-table">
            <thead><tr><th>姓名</th><th>专业领域</th><th>工作单位</th><th>地区代码</th><th>事先声明回避</th><th>已分配</th><th /></tr></thead>
            <tbody>
              {pool.map((e) => (
                <tr key={e.id} data-expert={e.name}>
                  <td>{e.name}</td>
                  <td>{e.fields.join('、') || '—'}</td>
                  <td>{e.affiliation || '—'}</td>
                  <td class="mono">{e.region || '—'}</td>
                  <td>{e.declaredConflicts.join('、') || '—'}</td>
                  <td>{assignedTo(e).map((a) => caseName(a.id)).join('、') || '—'}</td>
                  <td class="actions">
                    <button type="button" class="link" onClick={() => setEditing(e)} aria-label={`修改${e.name}`}>修改</button>{' '}
                    <button type="button" class="link" onClick={() => void remove(e)} aria-label={`删除${e.name}`}>删除</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {msg && <p class={msg.ok ? 'muted' : 'error'} role={msg.ok ? 'status' : 'alert'}>{msg.text}</p>}
        {editing === null && <button type="button" class="primary" onClick={() => { setMsg(null); setEditing('new'); }}>添加专家</button>}
      </section>
      {editing !== null && (
        <ExpertForm
          key={editing === 'new' ? 'new' : editing.id}
          expert={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={async (e) => { setEditing(null); setMsg({ ok: true, text: `已保存${e.name}。` }); await reload(); }}
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
    if (!name.trim()) return setErr('请填写专家姓名。');
    if (region.trim() && !/^\d{6}$/.test(region.trim())) return setErr('地区代码应为 6 位数字的行政区划代码，例如连云港市海州区为 320706；不清楚可以不填。');
    const f = split(fields);
    if (f.length > 20) return setErr('专业领域最多填 20 个。');
    if (f.some((x) => x.length > 60)) return setErr('每个专业领域不超过 60 个字。');
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
      setErr(`未保存：${(e as Error).message}`);
    }
  }
  return (
    <section class="ex-card expert-form" aria-label={expert ? `修改专家 ${expert.name}` : '添加专家'}>
      <h3>{expert ? `修改专家：${expert.name}` : '添加专家'}</h3>
      <label>姓名 <input value={name} maxLength={80} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} /></label>
      <label>专业领域（用顿号或逗号分隔）<input value={fields} onInput={(e) => setFields((e.currentTarget as HTMLInputElement).value)} placeholder="机械制造、质量管理" /></label>
      <label>工作单位 <input value={affiliation} maxLength={200} onInput={(e) => setAffiliation((e.currentTarget as HTMLInputElement).value)} /></label>
      <label>地区代码（行政区划代码，可不填）<input value={region} maxLength={6} inputMode="numeric" onInput={(e) => setRegion((e.currentTarget as HTMLInputElement).value)} placeholder="320706" /></label>
      <label>事先声明回避的申报方（名称或统一社会信用代码，每行一个）<textarea rows={2} value={conflicts} onInput={(e) => setConflicts((e.currentTarget as HTMLTextAreaElement).value)} /></label>
      {err && <p class="error" role="alert">{err}</p>}
      <button type="button" class="primary" onClick={() => void save()}>保存</button>{' '}
      <button type="button" onClick={onCancel}>取消</button>
    </section>
  );
}
