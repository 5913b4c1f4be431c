import { useState } from 'preact/hooks';
import { compareRounds, formatScore, workbookSheet, type Workbook } from '../../self-evaluation/index.ts';
import type { SavedRound } from './store.ts';
import { Bi } from './Bi.tsx';
import { tx } from '../lang.ts';

const CURRENT = '__current__';
const signed = (n: number) => (n > 0 ? `+${formatScore(n)}` : n < 0 ? `−${formatScore(-n)}` : '0');

/** Named rounds (2025, 2026 …) and an item-by-item delta table between two of them. */
export function RoundsSection({ workbook, rounds, onSave, onDelete, onRoundName, onBlur }: {
  workbook: Workbook;
  rounds: SavedRound[];
  onSave: (name: string) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
  onRoundName: (name: string) => void;
  onBlur: () => void;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const [before, setBefore] = useState<string>(rounds[1]?.id ?? rounds[0]?.id ?? CURRENT);
  const [after, setAfter] = useState<string>(CURRENT);
  const pick = (id: string): Workbook | undefined => (id === CURRENT ? workbook : rounds.find((r) => r.id === id)?.workbook);
  const a = pick(before);
  const b = pick(after);
  const cmp = a && b ? compareRounds(workbookSheet(a), workbookSheet(b)) : null;
  const label = (id: string) => (id === CURRENT ? `${tx({ zh: '当前', en: 'Current' })}${workbook.round ? `（${workbook.round}）` : ''}` : rounds.find((r) => r.id === id)?.round ?? id);

  const save = async () => {
    const name = workbook.round.trim();
    if (!name) { setMessage(tx({ zh: '请先填写轮次名称，如 2026', en: 'Enter a round name first, e.g. 2026' })); return; }
    if (name.length > 50) { setMessage(tx({ zh: '轮次名称不能超过 50 字', en: 'The round name must be at most 50 characters' })); return; }
    await onSave(name);
    setMessage(tx({ zh: `已保存轮次 ${name}`, en: `Round ${name} saved` }));
  };

  return (
    <section class="se-section" aria-labelledby="se-rounds-h">
      <h3 id="se-rounds-h"><Bi text={{ zh: '评价轮次', en: 'Rounds' }} /></h3>
      <label class="se-field" for="se-round-name"><Bi text={{ zh: '当前轮次名称', en: 'Current round name' }} /></label>
      <div class="se-row">
        <input id="se-round-name" type="text" value={workbook.round} placeholder="2026" data-testid="round-name"
          onInput={(e) => onRoundName(e.currentTarget.value)} onBlur={onBlur} />
        <button type="button" class="se-btn" data-testid="round-save" onClick={save}><Bi text={{ zh: '保存轮次', en: 'Save round' }} /></button>
      </div>
      {message && <p class="se-note" role="status">{message}</p>}

      {rounds.length > 0 && (
        <ul class="se-round-list">
          {rounds.map((r) => (
            <li key={r.id}>
              <span>{r.round}</span>
              <span class="se-muted">{r.updatedAt.slice(0, 10)}</span>
              <a class="se-link" href={`report.html?kind=${workbook.applicantKind}&round=${encodeURIComponent(r.round)}`} target="_blank" rel="noopener"><Bi text={{ zh: '打印', en: 'Print' }} /></a>
              <button type="button" class="se-link" onClick={() => onDelete(r.id)} aria-label={tx({ zh: `删除轮次 ${r.round}`, en: `Delete round ${r.round}` })}><Bi text={{ zh: '删除', en: 'Delete' }} /></button>
            </li>
          ))}
        </ul>
      )}

      <h4><Bi text={{ zh: '两轮对比', en: 'Compare two rounds' }} /></h4>
      <div class="se-row">
        <select aria-label={tx({ zh: '对比基准', en: 'Compare from' })} value={before} data-testid="round-before" onChange={(e) => setBefore(e.currentTarget.value)}>
          {[CURRENT, ...rounds.map((r) => r.id)].map((id) => <option key={id} value={id}>{label(id)}</option>)}
        </select>
        <span aria-hidden="true">→</span>
        <select aria-label={tx({ zh: '对比对象', en: 'Compare to' })} value={after} data-testid="round-after" onChange={(e) => setAfter(e.currentTarget.value)}>
          {[CURRENT, ...rounds.map((r) => r.id)].map((id) => <option key={id} value={id}>{label(id)}</option>)}
        </select>
      </div>
      {cmp && (
        <table class="se-table se-delta" data-testid="delta-table">
          <thead>
            <tr><th><Bi text={{ zh: '条款', en: 'Item' }} /></th><th>{label(before)}</th><th>{label(after)}</th><th><Bi text={{ zh: '得分变化（分）', en: 'Change (points)' }} /></th></tr>
          </thead>
          <tbody>
            {cmp.items.map((i) => (
              <tr key={i.id} class={i.delta > 0 ? 'up' : i.delta < 0 ? 'down' : ''}>
                <td title={tx(i.name)}>{i.id} {tx(i.name)}</td>
                <td>{i.before.percent === null ? '—' : `${i.before.percent}%`}</td>
                <td>{i.after.percent === null ? '—' : `${i.after.percent}%`}</td>
                <td>{signed(i.delta)}</td>
              </tr>
            ))}
            {cmp.categories.map((c) => (
              <tr key={c.id} class="se-cat-row">
                <td>{c.id} {tx(c.name)}</td><td>{formatScore(c.before)}</td><td>{formatScore(c.after)}</td><td>{signed(c.delta)}</td>
              </tr>
            ))}
            <tr class="se-total-row" data-testid="delta-total">
              <td><Bi text={{ zh: '总分', en: 'Total' }} /></td><td>{formatScore(cmp.total.before)}</td><td>{formatScore(cmp.total.after)}</td><td>{signed(cmp.total.delta)}</td>
            </tr>
          </tbody>
        </table>
      )}
    </section>
  );
}
