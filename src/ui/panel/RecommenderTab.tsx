import { useSignal } from '@preact/signals';
import type { TabState } from '../../messaging/panel-protocol.ts';
import type { ChecklistItem } from './checklist.ts';
import { ChecklistTab } from './ChecklistTab.tsx';
import { ClauseList, clauseCitation } from './ClauseList.tsx';
import { packOfPrecheck } from './measures.ts';
import { draftOpinion, recommendationOf } from './opinion.ts';
import { Bi, Card } from './text.tsx';
import { tx } from '../lang.ts';
import { VerdictBanner } from './VerdictBanner.tsx';

const recText = {
  recommend: { zh: '建议：同意推荐', en: 'Suggested: recommend' },
  'complete-first': { zh: '建议：补齐材料后再推荐', en: 'Suggested: complete first' },
  'not-recommend': { zh: '建议：不予推荐', en: 'Suggested: do not recommend' },
} as const;

function text(state: TabState, key: string): string | null {
  const v = state.fields.find((f) => f.key === key)?.value;
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

/** 推荐: the recommender's completeness check and a draft 推荐意见 to copy (第十条（一）). */
export function RecommenderTab({ state, checklist }: { state: TabState; checklist: readonly ChecklistItem[] }) {
  const score = useSignal('');
  const copied = useSignal<'idle' | 'done' | 'failed'>('idle');
  const scoreNumber = score.value.trim() === '' ? null : Number(score.value);
  const scoreValid = scoreNumber === null || (Number.isFinite(scoreNumber) && scoreNumber >= 0 && scoreNumber <= 1000);
  const input = {
    applicantName: text(state, 'applicant.name'),
    creditCode: text(state, 'applicant.creditCode'),
    year: Number(state.precheck?.submittedOn?.slice(0, 4)) || null,
    precheck: state.precheck,
    checklist,
    selfEvaluationScore: scoreValid ? scoreNumber : null,
  };
  const opinion = draftOpinion(input);
  const rec = recommendationOf(input);
  const byHand = state.precheck?.findings.filter((f) => f.status === 'needs-evidence') ?? [];
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(opinion);
      copied.value = 'done';
    } catch {
      copied.value = 'failed';
    }
  };
  return (
    <div class="tab-body" data-testid="recommender">
      {state.precheck && <VerdictBanner verdict={state.precheck.verdict} pack={packOfPrecheck(state.precheck)} />}
      <Card class={`rec rec-${rec}`}>
        <strong data-testid="recommendation">
          <Bi text={recText[rec]} inline />
        </strong>
      </Card>
      {/* the draft opinion first: what the recommender came for */}
      <Card class="opinion">
        <h3>
          <Bi text={{ zh: '推荐意见草稿', en: 'Draft recommendation opinion' }} />
        </h3>
        <textarea readOnly rows={14} data-testid="opinion" value={opinion} aria-label={tx({ zh: '推荐意见草稿', en: 'Draft opinion' })} />
        <div class="row">
          <button type="button" class="btn btn-primary" onClick={() => void copy()}>
            <Bi text={{ zh: '复制', en: 'Copy' }} inline />
          </button>
          {copied.value === 'done' && <span class="ok"><Bi text={{ zh: '已复制', en: 'Copied' }} inline /></span>}
          {copied.value === 'failed' && <span class="field-error"><Bi text={{ zh: '复制失败，请手动选择文本', en: 'Copy failed: select the text' }} inline /></span>}
        </div>
      </Card>
      {/* what the extension cannot judge: the recommender checks it against the originals (issue 13 §5) */}
      {byHand.length > 0 && (
        <Card class="by-hand">
          <h3>
            <Bi text={{ zh: '需要人工核对', en: 'Check by hand' }} />
          </h3>
          <ul class="by-hand-list" data-testid="by-hand">
            {byHand.map((f) => (
              <li key={f.rule}>
                <strong>{tx(clauseCitation(f.rule, packOfPrecheck(state.precheck)))}</strong> <Bi text={f.detail} inline />
              </li>
            ))}
          </ul>
        </Card>
      )}
      <h3 class="section-title">
        <Bi text={{ zh: '完整性检查', en: 'Completeness' }} inline />
      </h3>
      <ChecklistTab items={checklist.filter((i) => i.id !== 'recommendation' && i.id !== 'self-evaluation')} />
      {state.precheck && (
        <>
          <h3 class="section-title">
            <Bi text={{ zh: '申报条件', en: 'Eligibility' }} inline />
          </h3>
          <ClauseList findings={state.precheck.findings} pack={packOfPrecheck(state.precheck)} />
        </>
      )}
      <Card>
        <label class="field">
          <span>
            <Bi text={{ zh: '自评得分（申报材料中提供时填写）', en: 'Self-evaluation score, if provided' }} />
          </span>
          <input
            type="number"
            min={0}
            max={1000}
            step={0.5}
            value={score.value}
            aria-invalid={!scoreValid}
            onInput={(e) => (score.value = (e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        {!scoreValid && <p class="field-error"><Bi text={{ zh: '自评得分应在 0–1000 分之间', en: 'The score must be between 0 and 1000 points' }} /></p>}
      </Card>
    </div>
  );
}

export default RecommenderTab;
