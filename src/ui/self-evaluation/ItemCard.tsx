import { useState } from 'preact/hooks';
import {
  bandOf, countChars, formatScore, processFactorNames, resultsFactorNames, scoringBands, emptyItemNotes,
  type CatalogueItem, type ItemNotes, type ScoringBand,
} from '../../self-evaluation/index.ts';
import { Bi } from './Bi.tsx';
import { tx } from '../lang.ts';

interface Props {
  item: CatalogueItem;
  percent: number | undefined;
  notes: ItemNotes | undefined;
  onPercent: (percent: number | undefined) => void;
  onNotes: (notes: ItemNotes) => void;
  onBlur: () => void;
}

/** One GB/T 19580 item: guiding questions, band then 5% step (with the band's meaning), the applicant's narrative, strengths, OFIs, evidence. */
export function ItemCard({ item, percent, notes, onPercent, onNotes, onBlur }: Props) {
  const [chosenBand, setChosenBand] = useState<ScoringBand['id'] | null>(null);
  const band = chosenBand ? scoringBands.find((b) => b.id === chosenBand)! : percent !== undefined ? bandOf(percent) : null;
  const n = notes ?? emptyItemNotes();
  const score = percent === undefined ? null : (item.points * percent) / 100;
  const set = (patch: Partial<ItemNotes>) => onNotes({ ...n, ...patch });
  const idBase = `se-${item.id.replace(/\./g, '-')}`;

  return (
    <details class="se-item" data-testid={`item-${item.id}`} data-percent={percent ?? ''}>
      <summary>
        <span class="se-item-id">{item.id}</span>
        <span class="se-item-name"><Bi text={item.name} /></span>
        <span class="se-item-score" data-testid={`item-score-${item.id}`}>
          {percent === undefined ? <span class="se-muted"><Bi text={{ zh: '未评', en: 'Not scored' }} /> —/{item.points}</span> : `${percent}% · ${formatScore(score!)}/${item.points}`}
        </span>
      </summary>

      <div class="se-item-body">
        <details class="se-questions">
          <summary><Bi text={{ zh: '引导问题', en: 'Guiding questions' }} /></summary>
          <ul>
            {item.questions.map((q) => (
              <li key={q.en}><Bi text={q} block /></li>
            ))}
          </ul>
        </details>

        <fieldset class="se-bands">
          <legend><Bi text={{ zh: '① 选择得分档', en: '① Pick a band' }} /></legend>
          <div class="se-band-buttons">
            {scoringBands.map((b) => (
              <button
                type="button"
                key={b.id}
                class={band?.id === b.id ? 'se-band on' : 'se-band'}
                aria-pressed={band?.id === b.id}
                data-testid={`band-${item.id}-${b.id}`}
                onClick={() => setChosenBand(b.id)}
              >
                {b.label.zh}
              </button>
            ))}
          </div>
        </fieldset>

        {band && (
          <>
            <fieldset class="se-steps">
              <legend><Bi text={{ zh: '② 在档内选择 5% 刻度', en: '② Pick a 5% step in the band' }} /></legend>
              {band.percents.map((p) => (
                <label key={p} class={percent === p ? 'se-step on' : 'se-step'}>
                  <input
                    type="radio"
                    name={`${idBase}-percent`}
                    value={p}
                    checked={percent === p}
                    data-testid={`step-${item.id}-${p}`}
                    onChange={() => { onPercent(p); onBlur(); }}
                  />
                  {p}%
                </label>
              ))}
              {percent !== undefined && (
                <button type="button" class="se-link" onClick={() => { setChosenBand(null); onPercent(undefined); onBlur(); }}>
                  <Bi text={{ zh: '清除', en: 'Clear' }} />
                </button>
              )}
            </fieldset>
            <BandMeaning band={band} kind={item.kind} />
          </>
        )}

        <label class="se-field" for={`${idBase}-narrative`}>
          <Bi text={{ zh: '自评陈述（写入自评报告，每段一行）', en: 'Narrative (goes into the report; one paragraph per line)' }} />
        </label>
        <textarea id={`${idBase}-narrative`} rows={6} value={n.narrative} data-testid={`narrative-${item.id}`}
          aria-describedby={`${idBase}-narrative-count`}
          onInput={(e) => set({ narrative: e.currentTarget.value })} onBlur={onBlur} />
        <p class="se-note" id={`${idBase}-narrative-count`}>
          {tx({ zh: `${countChars(n.narrative)} 字 · 用本单位自己的话说明做法、展开、改进和成效`, en: `${countChars(n.narrative)} characters · in your own words: approach, deployment, learning, results` })}
        </p>

        <label class="se-field" for={`${idBase}-strengths`}>
          <Bi text={{ zh: '优势（每行一条）', en: 'Strengths (one per line)' }} />
        </label>
        <textarea id={`${idBase}-strengths`} rows={3} value={n.strengths} data-testid={`strengths-${item.id}`}
          onInput={(e) => set({ strengths: e.currentTarget.value })} onBlur={onBlur} />
        <LineCount text={n.strengths} />

        <label class="se-field" for={`${idBase}-ofi`}>
          <Bi text={{ zh: '改进机会（每行一条）', en: 'Opportunities for improvement (one per line)' }} />
        </label>
        <textarea id={`${idBase}-ofi`} rows={3} value={n.improvements} data-testid={`improvements-${item.id}`}
          onInput={(e) => set({ improvements: e.currentTarget.value })} onBlur={onBlur} />
        <LineCount text={n.improvements} />

        <EvidenceList itemId={item.id} evidence={n.evidence} onChange={(evidence) => set({ evidence })} onBlur={onBlur} />
      </div>
    </details>
  );
}

/** Assessors write about 3–5 strengths and 3–5 OFIs per item, each a full sentence. */
function LineCount({ text }: { text: string }) {
  const count = text.split(/\r?\n/).filter((l) => l.trim()).length;
  return <p class="se-note">{tx({ zh: `${count} 条 · 建议 3–5 条完整的句子`, en: `${count} written · 3–5 full sentences suggested` })}</p>;
}

function BandMeaning({ band, kind }: { band: ScoringBand; kind: CatalogueItem['kind'] }) {
  const rows = kind === 'process'
    ? (Object.keys(processFactorNames) as (keyof typeof processFactorNames)[]).map((k) => [processFactorNames[k], band.process[k]] as const)
    : (Object.keys(resultsFactorNames) as (keyof typeof resultsFactorNames)[]).map((k) => [resultsFactorNames[k], band.results[k]] as const);
  const summary = kind === 'process' ? band.process.summary : band.results.summary;
  return (
    <div class="se-meaning" data-testid="band-meaning">
      <p class="se-meaning-head">
        <strong>{band.label.zh}</strong> <Bi text={summary} />
      </p>
      <dl>
        {rows.map(([name, text]) => (
          <div key={name.en} class="se-meaning-row">
            <dt><Bi text={name} /></dt>
            <dd><Bi text={text} /></dd>
          </div>
        ))}
      </dl>
      <p class="se-note">
        {kind === 'process'
          ? '过程类条款按方法、展开、学习、整合评价（GB/Z 19579 附录C） / Process items: approach, deployment, learning, integration'
          : '结果类条款按水平、趋势、对比、整合评价（GB/Z 19579 附录C） / Results items: levels, trends, comparisons, integration'}
      </p>
    </div>
  );
}

function EvidenceList({ itemId, evidence, onChange, onBlur }: { itemId: string; evidence: ItemNotes['evidence']; onChange: (e: ItemNotes['evidence']) => void; onBlur: () => void }) {
  const setAt = (k: number, patch: Partial<ItemNotes['evidence'][number]>) => onChange(evidence.map((e, j) => (j === k ? { ...e, ...patch } : e)));
  return (
    <fieldset class="se-evidence">
      <legend><Bi text={{ zh: '证实性材料', en: 'Evidence' }} /></legend>
      {evidence.map((e, k) => (
        <div class="se-evidence-row" key={k}>
          <input type="text" placeholder={tx({ zh: '文件名', en: 'File name' })} aria-label={tx({ zh: `证据 ${k + 1} 文件名`, en: `Evidence ${k + 1} file name` })} value={e.name}
            data-testid={`evidence-name-${itemId}-${k}`} onInput={(ev) => setAt(k, { name: ev.currentTarget.value })} onBlur={onBlur} />
          <input type="text" placeholder={tx({ zh: '说明', en: 'Note' })} aria-label={tx({ zh: `证据 ${k + 1} 说明`, en: `Evidence ${k + 1} note` })} value={e.note}
            onInput={(ev) => setAt(k, { note: ev.currentTarget.value })} onBlur={onBlur} />
          <button type="button" class="se-link" aria-label={tx({ zh: `删除证据 ${k + 1}`, en: `Remove evidence ${k + 1}` })} onClick={() => { onChange(evidence.filter((_, j) => j !== k)); onBlur(); }}>✕</button>
        </div>
      ))}
      <div class="se-evidence-actions">
        <button type="button" class="se-btn-small" data-testid={`evidence-add-${itemId}`} onClick={() => onChange([...evidence, { name: '', note: '' }])}>
          + <Bi text={{ zh: '添加', en: 'Add' }} />
        </button>
        <label class="se-btn-small se-file">
          <Bi text={{ zh: '选择文件名', en: 'Pick file names' }} />
          <input type="file" multiple onChange={(ev) => {
            // only the names are kept: the files stay on the user's disk
            const names = [...(ev.currentTarget.files ?? [])].map((f) => ({ name: f.name, note: '' }));
            if (names.length) { onChange([...evidence, ...names]); onBlur(); }
            ev.currentTarget.value = '';
          }} />
        </label>
      </div>
    </fieldset>
  );
}
