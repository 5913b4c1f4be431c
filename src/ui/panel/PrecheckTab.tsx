import type { TabState } from '../../messaging/panel-protocol.ts';
import { defaultPolicy } from '../../policy/index.ts';
import { ClauseList } from './ClauseList.tsx';
import { EmptyState } from './EmptyState.tsx';
import { Bi, Card } from './text.tsx';
import { VerdictBanner } from './VerdictBanner.tsx';

/** 预检: live 第八条/第九条 pre-check of the application the user is typing on the portal. */
export function PrecheckTab({ state }: { state: TabState | null }) {
  if (!state) return <EmptyState />;
  if (state.page !== 'application-form' && state.page !== 'recommender-review')
    return (
      <Card>
        <p>
          <Bi
            text={{
              zh: '本页不是申报表。预检在填写《申报表》时进行；申报进度请看“进度”页签。',
              en: 'This page is not the application form. The pre-check runs on the form; see the Status tab for progress.',
            }}
          />
        </p>
      </Card>
    );
  const pc = state.precheck;
  const counts = pc && {
    pass: pc.findings.filter((f) => f.status === 'pass').length,
    fail: pc.findings.filter((f) => f.status === 'fail').length,
    needs: pc.findings.filter((f) => f.status === 'needs-evidence').length,
  };
  return (
    <div class="tab-body" data-testid="precheck">
      {pc ? (
        <VerdictBanner verdict={pc.verdict} counts={counts ?? undefined} />
      ) : (
        <div class="verdict verdict-incomplete" role="status" data-testid="verdict" data-verdict="unreadable">
          <div class="verdict-body">
            <div class="verdict-title">
              <Bi text={{ zh: '暂时无法预检', en: 'Cannot check yet' }} inline />
            </div>
            <p class="verdict-detail">
              <Bi text={{ zh: '申报表中有内容无法识别，请按下方提示修改。', en: 'Some entries cannot be read; fix them as shown below.' }} />
            </p>
          </div>
        </div>
      )}
      {(pc?.inputErrors.length ?? 0) > 0 && (
        <Card class="input-errors" label="无法识别的内容 Unreadable entries">
          <h3>
            <Bi text={{ zh: '无法识别的内容（未计入预检）', en: 'Unreadable entries (left out of the check)' }} />
          </h3>
          <ul>
            {pc!.inputErrors.map((e) => (
              <li key={e.path} data-path={e.path}>
                {/* the message already names its field (“统一社会信用代码：…”): said once */}
                <Bi text={e.message} />
              </li>
            ))}
          </ul>
        </Card>
      )}
      {pc && <ClauseList findings={pc.findings} />}
      <DateNote submittedOn={pc?.submittedOn ?? null} />
    </div>
  );
}

/** The product's date convention (domain.md), stated where the results are read. */
export function DateNote({ submittedOn }: { submittedOn: string | null }) {
  const doc = defaultPolicy.document;
  return (
    <aside class="note" aria-label="日期口径 Date convention">
      <p>
        年限按决定之日（取消资格、撤销、获奖公布之日）起算；申报条件按申报日期
        {submittedOn ? `（${submittedOn}）` : ''}核验，“N 年以上”含恰满 N 年的当天。
        <span class="en" lang="en">
          Years count from the decision date (disqualification, revocation, award announcement); conditions are checked on the submission date
          {submittedOn ? ` (${submittedOn})` : ''}, and “N years or more” includes the day exactly N years before.
        </span>
      </p>
      <p>
        依据：
        <a href="https://www.lianyungang.gov.cn/" target="_blank" rel="noopener noreferrer">
          《{defaultPolicy.title.zh.replace(/（.*）$/, '')}》（{doc.number}）
        </a>
        <span class="en" lang="en">
          Source: {defaultPolicy.title.en}, published on the Lianyungang government website.
        </span>
      </p>
    </aside>
  );
}
