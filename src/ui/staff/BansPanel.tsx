import { tierTitlesFor } from '../../../machines/case.stages.ts';
import { citeWritten } from '../../awards/cite.ts';
import { Bi, t } from './Bi.tsx';
import { policy, runningBans, selectedId, tab, today } from './store.ts';

/** why an applicant may not apply; the award's own name (issue 16) */
const causeLabel = (cause: 'disqualified-false-material' | 'revoked-fraud' | 'revoked-incident' | 'won-mayor-award') => {
  switch (cause) {
    case 'disqualified-false-material':
      return t('提供虚假材料取消资格', 'Disqualified: false material');
    case 'revoked-fraud':
      return t('弄虚作假被撤销奖项', 'Revoked: won by fraud');
    case 'revoked-incident':
      return t('重大事故被撤销奖项', 'Revoked: major incident after the award');
    case 'won-mayor-award':
      return t(`获${tierTitlesFor(policy.award).award.zh}后不再申报`, `Won the ${tierTitlesFor(policy.award).award.en}; no further application`);
  }
};

/** 第十四条–第十六条: who may not apply until when, and why. */
export function BansPanel() {
  const bans = runningBans.value;
  return (
    <section class="bans" data-testid="bans-panel">
      <h3>
        <Bi text={t(`正在执行的禁申与锁定（截至 ${today.value}）`, `Bans and locks in force (as of ${today.value})`)} />
      </h3>
      <p class="muted small">
        <Bi
          text={t(
            '年限按民法典第二百零一条、第二百零二条计算：自决定（取消资格、撤销、公布获奖）次日起算，至 N 年后对应日（无对应日的为当月最后一日）届满（含）；申报以提交日期判断。',
            'Years are counted as the Civil Code counts them (arts. 201–202): from the day after the decision (disqualification, revocation, award announcement) through the corresponding day N years on (the month\'s last day where there is none); an application is checked on its submission date.',
          )}
        />
      </p>
      {bans.length === 0 ? (
        <p class="muted">
          <Bi text={t('目前没有正在执行的禁申与锁定。', 'No ban or lock is in force.')} />
        </p>
      ) : (
        <table class="grid">
          <thead>
            <tr>
              <th><Bi text={t('申报主体', 'Applicant')} /></th>
              <th><Bi text={t('原因', 'Cause')} /></th>
              <th><Bi text={t('决定日期', 'Decided on')} /></th>
              <th><Bi text={t('禁止申报至（含当日）', 'Banned until (inclusive)')} /></th>
              <th><Bi text={t('可再申报', 'May apply from')} /></th>
              <th><Bi text={t('依据', 'Article')} /></th>
            </tr>
          </thead>
          <tbody>
            {bans.map((b) => (
              <tr key={`${b.caseId}-${b.cause}`} data-testid="ban-row">
                <td>
                  <button type="button" class="link" onClick={() => ((selectedId.value = b.caseId), (tab.value = 'cases'))}>
                    {b.applicant ?? b.caseId}
                  </button>
                </td>
                <td>
                  <Bi text={causeLabel(b.cause)} />
                </td>
                <td class="mono">{b.from}</td>
                <td class="mono">{b.until}</td>
                <td class="mono">{b.mayApplyFrom}</td>
                <td><Bi text={citeWritten(b.article)} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
