import { useSignal } from '@preact/signals';
import { isValidCreditCode } from '../../application/credit-code.ts';
import type { Bilingual } from '../../core/i18n.ts';
import { bansAgainstApplicant } from '../../staff/derive.ts';
import { createCase } from '../../storage/index.ts';
import { articleIn, citeIn } from '../../awards/cite.ts';
import { citeArticle } from '../../core/articles.ts';
import { Bi, plain, t } from './Bi.tsx';
import { deadlineOf } from './deadline.ts';
import { cases, headersById, policy, runningBans, selectedId, toast, today, year } from './store.ts';
import { addCases } from './store-load.ts';

/** the article of the office's award that a rule sits in (第八条 for 8.1), cited as its measures write it */
const cite = (ref: string): Bilingual => {
  const article = articleIn(policy, ref);
  return article ? citeArticle({ article }) : t('条款未核实', 'clause unverified');
};

/**
 * Opens a case. Refuses an applicant under a 第十四条/第十五条 ban or a 第十六条 lock on today's date
 * (the submission date), citing the article; warns when the year's deadline has passed.
 */
export function NewCaseForm({ onClose }: { onClose: () => void }) {
  const name = useSignal('');
  const code = useSignal('');
  const kind = useSignal<'organization' | 'individual'>('organization');
  const y = useSignal(String(year.value ?? today.value.slice(0, 4)));
  const recommender = useSignal('');
  const problems = useSignal<Bilingual[]>([]);
  const busy = useSignal(false);

  const applicant = { applicantName: name.value.trim(), creditCode: code.value.trim().toUpperCase() || null };
  const bans = applicant.applicantName || applicant.creditCode ? bansAgainstApplicant(applicant, runningBans.value, headersById.value, today.value) : [];
  const deadline = deadlineOf(Number(y.value));
  const late = deadline && deadline.date < today.value;

  const submit = async (e: Event) => {
    e.preventDefault();
    const errs: Bilingual[] = [];
    if (!applicant.applicantName) errs.push(t('请填写“申报主体名称”。', 'Enter the applicant’s name.'));
    if (applicant.creditCode && !isValidCreditCode(applicant.creditCode))
      errs.push(t('“统一社会信用代码”有误：应为 18 位，且校验位正确（GB 32100-2015）。', 'The credit code is not valid: it has 18 characters and a correct check character (GB 32100-2015).'));
    if (kind.value === 'organization' && !applicant.creditCode)
      errs.push(t(`组织须填写“统一社会信用代码”，以便核对禁申记录（${citeIn(policy, '14').zh}–${citeIn(policy, '16').zh}）。`, `An organisation needs its credit code, so that bans can be checked (${citeIn(policy, '14').en}–${citeIn(policy, '16').en}).`));
    const yr = Number(y.value);
    if (!Number.isInteger(yr) || yr < 2000 || yr > 2100) errs.push(t('“年度”应为 2000 至 2100 之间的年份。', 'The year must be between 2000 and 2100.'));
    for (const b of bans) errs.push(b.message);
    problems.value = errs;
    if (errs.length) return;
    busy.value = true;
    try {
      const record = await createCase({ year: yr, kind: kind.value, applicantName: applicant.applicantName, creditCode: applicant.creditCode, recommender: recommender.value.trim() || null });
      addCases([{ header: record, events: [] }]);
      year.value = yr;
      selectedId.value = record.id;
      toast.value = { kind: 'ok', text: t(`已新建案件：${record.applicantName}`, `Case opened: ${record.applicantName}`) };
      onClose();
    } catch (err) {
      problems.value = [(err as { userMessage?: Bilingual }).userMessage ?? t(`未能新建案件：${String(err)}`, `The case was not created: ${String(err)}`)];
    } finally {
      busy.value = false;
    }
  };

  const sameYearOpen = [...cases.value.values()].filter(
    (c) =>
      c.header.year === Number(y.value) &&
      ((applicant.creditCode && c.header.creditCode === applicant.creditCode) || (applicant.applicantName && c.header.applicantName === applicant.applicantName)),
  );

  return (
    <form class="dialog-form" onSubmit={submit} data-testid="new-case-form">
      <h3><Bi text={t('新建案件', 'New case')} /></h3>
      <div class="form-grid">
        <label>
          <Bi text={t('申报主体名称', 'Applicant name')} />
          <input data-testid="new-name" value={name.value} maxLength={200} onInput={(e) => (name.value = (e.currentTarget as HTMLInputElement).value)} required />
        </label>
        <label>
          <Bi text={t('统一社会信用代码', 'Credit code')} />
          <input data-testid="new-code" class="mono" value={code.value} maxLength={18} onInput={(e) => (code.value = (e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label>
          <Bi text={t('类型', 'Kind')} />
          <select data-testid="new-kind" value={kind.value} onChange={(e) => (kind.value = (e.currentTarget as HTMLSelectElement).value as typeof kind.value)}>
            <option value="organization">{plain(t(`组织（${cite('8.1').zh}）`, `Organisation (${cite('8.1').en})`))}</option>
            <option value="individual">{plain(t(`个人（${cite('9.1').zh}）`, `Individual (${cite('9.1').en})`))}</option>
          </select>
        </label>
        <label>
          <Bi text={t('年度', 'Year')} />
          <input data-testid="new-year" type="number" min={2000} max={2100} value={y.value} onInput={(e) => (y.value = (e.currentTarget as HTMLInputElement).value)} required />
        </label>
        <label>
          <Bi text={t(`推荐单位（${citeIn(policy, '7').zh}）`, `Recommender (${citeIn(policy, '7').en})`)} />
          <input data-testid="new-recommender" value={recommender.value} maxLength={200} onInput={(e) => (recommender.value = (e.currentTarget as HTMLInputElement).value)} />
        </label>
      </div>
      {bans.length > 0 && (
        <div class="error" role="alert" data-testid="new-case-ban">
          <b class="block"><Bi text={t(`不得申报（${citeIn(policy, '14').zh}–${citeIn(policy, '16').zh}）`, `May not apply (${citeIn(policy, '14').en}–${citeIn(policy, '16').en})`)} /></b>
          {bans.map((b) => (
            <Bi key={b.caseId + b.cause} text={b.message} block />
          ))}
        </div>
      )}
      {late && (
        <p class="warn" data-testid="new-case-late">
          <Bi text={t(`${y.value} 年度申报已于 ${deadline.date} 截止。`, `Applications for ${y.value} closed on ${deadline.date}.`)} />
        </p>
      )}
      {sameYearOpen.length > 0 && (
        <p class="warn">
          <Bi text={t(`该申报主体在 ${y.value} 年度已有 ${sameYearOpen.length} 个案件。`, `This applicant already has ${sameYearOpen.length} ${sameYearOpen.length === 1 ? 'case' : 'cases'} in ${y.value}.`)} />
        </p>
      )}
      {problems.value.length > 0 && bans.length === 0 && (
        <div class="error" role="alert" data-testid="new-case-error">
          {problems.value.map((p, i) => (
            <Bi key={i} text={p} block />
          ))}
        </div>
      )}
      <div class="actions">
        <button type="button" onClick={onClose}><Bi text={t('取消', 'Cancel')} /></button>
        <button type="submit" class="primary" disabled={busy.value || bans.length > 0} data-testid="new-submit">
          <Bi text={t('新建', 'Create')} />
        </button>
      </div>
    </form>
  );
}
