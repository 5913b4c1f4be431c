import { clauseOf, individualArticle } from '../../self-evaluation/individual.ts';
import { defaultPolicy } from '../../policy/lianyungang-2021.ts';
import type { PolicyPack } from '../../policy/schema.ts';
import { articleNumberEn } from '../../core/articles.ts';
import { todayInChina, isIsoDate } from '../../core/calendar.ts';
import {
  individualDimensions, individualReadiness, individualSelfLabels, qualityWorkYearsMet, type IndividualAssessment,
} from '../../self-evaluation/index.ts';
import { Bi } from './Bi.tsx';

type Entry = IndividualAssessment['dimensions'][string];
const blank: Entry = { self: 'unsure', narrative: '', evidenceReady: [], evidenceNotes: '' };

/** Individuals: a self-evaluation along 第九条's four conditions, with the evidence each needs. */
export function IndividualSection({ value, onChange, onBlur, policy = defaultPolicy }: {
  value: IndividualAssessment; onChange: (v: IndividualAssessment) => void; onBlur: () => void; policy?: PolicyPack;
}) {
  const dims = individualDimensions(policy).filter((d) => !d.onlyIfHeadsOrganization || value.headsOrganization);
  const readiness = individualReadiness(value, policy);
  const ready = readiness.reduce((s, r) => s + (r.evidenceTotal - r.missingEvidence.length), 0);
  const total = readiness.reduce((s, r) => s + r.evidenceTotal, 0);
  const yearsMet = qualityWorkYearsMet(value.qualityWorkSince, todayInChina(), policy);
  const setEntry = (id: string, patch: Partial<Entry>) =>
    onChange({ ...value, dimensions: { ...value.dimensions, [id]: { ...blank, ...value.dimensions[id], ...patch } } });

  return (
    <div class="se-individual" data-testid="individual">
      <p class="se-note">
        <Bi text={{ zh: `个人申报不按 GB/T 19580 计分，而按《办法》${individualArticle(policy)}逐项自评并准备证明材料。`, en: `Individuals are not scored on GB/T 19580: assess yourself on each condition of Art. ${articleNumberEn(individualArticle(policy))} and gather the evidence.` }} />
      </p>
      <p class="se-counter" role="status" data-testid="individual-readiness"><Bi text={{ zh: `证明材料已备 ${ready} / ${total}`, en: `Evidence ready: ${ready} / ${total}` }} /></p>
      <label class="se-check">
        <input type="checkbox" checked={value.headsOrganization} data-testid="heads-organization"
          onChange={(e) => { onChange({ ...value, headsOrganization: e.currentTarget.checked }); onBlur(); }} />
        <Bi text={{ zh: `我是所在组织的负责人（适用${clauseOf(policy.individual.sources.organization).item}）`, en: `I head my organisation (${clauseOf(policy.individual.sources.organization).written} applies)` }} />
      </label>

      {dims.map((d) => {
        const entry = { ...blank, ...value.dimensions[d.id] };
        return (
          <section class="se-section se-dim" key={d.id} data-testid={`dimension-${d.id}`}>
            <h3><span class="se-item-id">{d.article}</span> <Bi text={d.title} /></h3>
            <p class="se-hint"><Bi text={d.requirement} block /></p>
            {d.id === '9.1' && (
              <div class="se-row">
                <label class="se-field" for="se-work-since"><Bi text={{ zh: '在本市从事质量工作起始日期', en: 'Quality work in the city since' }} /></label>
                <input id="se-work-since" type="date" value={value.qualityWorkSince ?? ''} data-testid="work-since"
                  onChange={(e) => { const v = e.currentTarget.value; onChange({ ...value, qualityWorkSince: isIsoDate(v) ? v : null }); onBlur(); }} />
                {yearsMet !== null && (
                  <span class={yearsMet ? 'se-ok' : 'se-warn'} data-testid="years-met">
                    {yearsMet
                      ? `截至今天已满 ${policy.individual.minQualityWorkYears} 年 / ${policy.individual.minQualityWorkYears} years reached as of today`
                      : `截至今天不足 ${policy.individual.minQualityWorkYears} 年 / fewer than ${policy.individual.minQualityWorkYears} years as of today`}
                  </span>
                )}
              </div>
            )}
            <ul class="se-prompts">{d.prompts.map((p) => <li key={p.en}><Bi text={p} block /></li>)}</ul>
            <fieldset class="se-steps">
              <legend><Bi text={{ zh: '自我判断', en: 'Your own judgement' }} /></legend>
              {(['meets', 'partly', 'not-yet', 'unsure'] as const).map((s) => (
                <label key={s} class={entry.self === s ? 'se-step on' : 'se-step'}>
                  <input type="radio" name={`se-dim-${d.id}`} checked={entry.self === s} onChange={() => { setEntry(d.id, { self: s }); onBlur(); }} />
                  {individualSelfLabels[s].zh} {individualSelfLabels[s].en}
                </label>
              ))}
            </fieldset>
            <label class="se-field" for={`se-dim-${d.id}-text`}><Bi text={{ zh: '事实与说明', en: 'Facts and explanation' }} /></label>
            <textarea id={`se-dim-${d.id}-text`} rows={4} value={entry.narrative} data-testid={`narrative-${d.id}`}
              onInput={(e) => setEntry(d.id, { narrative: e.currentTarget.value })} onBlur={onBlur} />
            <fieldset class="se-evidence">
              <legend><Bi text={{ zh: '需要的证明材料', en: 'Evidence needed' }} /></legend>
              {d.evidence.map((ev) => (
                <label class="se-check" key={ev.id}>
                  <input type="checkbox" checked={entry.evidenceReady.includes(ev.id)} data-testid={`evidence-${d.id}-${ev.id}`}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setEntry(d.id, { evidenceReady: on ? [...entry.evidenceReady.filter((x) => x !== ev.id), ev.id] : entry.evidenceReady.filter((x) => x !== ev.id) });
                      onBlur();
                    }} />
                  <Bi text={ev.label} />
                </label>
              ))}
              <label class="se-field" for={`se-dim-${d.id}-files`}><Bi text={{ zh: '文件名与备注', en: 'File names and notes' }} /></label>
              <textarea id={`se-dim-${d.id}-files`} rows={2} value={entry.evidenceNotes}
                onInput={(e) => setEntry(d.id, { evidenceNotes: e.currentTarget.value })} onBlur={onBlur} />
            </fieldset>
          </section>
        );
      })}
    </div>
  );
}
