import { useSignal } from '@preact/signals';
import { citeIn } from '../../awards/cite.ts';
import type { AwardPack } from '../../policy/schema.ts';
import { useEffect } from 'preact/hooks';
import { isIsoDate } from '../../core/calendar.ts';
import { type CaseEvent, type CaseEventInput, type CaseEventType } from '../../../machines/case.events.ts';
import { replayCase, replayWithAppended, type CaseView } from '../../cases/replay.ts';
import { runYearGate } from './year-gate-client.ts';
import { namesOfCase } from './award-names.ts';
import { splitBilingualMessage } from '../../staff/cases-file.ts';
import { appendCaseEvents, checkCaseEvent, getSetting, setSetting } from '../../storage/index.ts';
import type { Bilingual } from '../../core/i18n.ts';
import { Bi, plain, t } from './Bi.tsx';
import { allBans, appendedToCase, asLifecycleRecord, headersById, policy, policyOf, reloadCase, toast, today, viewOf, yearCohort, type LoadedCase } from './store.ts';
import { bansAgainstApplicant } from '../../staff/derive.ts';

const RECORDER_KEY = 'staff.recorder';

let previewRun = 0;

/**
 * The case's own view with the checked `event` appended: one fold over the log the page already
 * replayed, nothing validated again (issue 19). This is also the view shown once the event is written.
 */
function viewWith(c: LoadedCase, event: CaseEvent): CaseView {
  const log = c.events.map((e) => e.event as CaseEvent);
  const policy = policyOf(c.header);
  return c.view ? replayWithAppended(log, event, { policy }) : replayCase([...log, event], { policy });
}

/** Dry run: the view the case would have with `event` appended (year-gated for approvals, 第四条). */
async function previewWith(c: LoadedCase, event: CaseEvent, own: CaseView): Promise<CaseView | null> {
  if (event.type !== 'government-approve') return own;
  const log = [...c.events.map((e) => e.event as CaseEventInput), event];
  const others = yearCohort.value.approved.filter((x) => x.header.id !== c.header.id).map(asLifecycleRecord);
  const approved = [...others, { ...asLifecycleRecord(c), events: log }];
  const result = await runYearGate({ year: c.header.year, key: `preview-${++previewRun}`, approved });
  return result.gated.find(([id]) => id === c.header.id)?.[1] ?? null;
}

/**
 * Offers only what the machine accepts now (CaseView.nextEvents). A correction is a new event: the
 * log is append-only (第十条 audit trail). An event the machine would refuse is not written.
 */
export function RecordEventForm({ c }: { c: LoadedCase }) {
  const view = viewOf(c);
  const next = view?.nextEvents ?? [];
  const type = useSignal<CaseEventType | ''>('');
  const on = useSignal(today.value);
  const by = useSignal(c.header.recommender ?? '');
  const tier = useSignal<'award' | 'nomination'>('nomination');
  const reason = useSignal<'fraud' | 'incident'>('fraud');
  const kind = useSignal(c.header.kind);
  const recorder = useSignal('staff');
  const problem = useSignal<Bilingual | null>(null);
  const busy = useSignal(false);
  // the event and tier names in the case's own award's words (its approver); the office's for an unknown version
  const { events: caseEventLabels, tiers } = namesOfCase(c.header.id);
  // the articles of the case's own award (issue 16); the office's award for an unknown version
  let pack: AwardPack = policy;
  try { pack = policyOf(c.header); } catch {}
  const art = (ref: string) => citeIn(pack, ref);

  useEffect(() => {
    void getSetting<string>(RECORDER_KEY).then((v) => {
      if (typeof v === 'string' && v) recorder.value = v;
    });
  }, []);
  useEffect(() => {
    type.value = '';
    problem.value = null;
    by.value = c.header.recommender ?? '';
    kind.value = c.header.kind;
  }, [c.header.id]);

  if (!view) return null;
  if (next.length === 0)
    return (
      <p class="muted" data-testid="no-next-events">
        <Bi text={t('此案件已办结，不能再记录事件。', 'This case has ended; no further event can be recorded.')} block />
      </p>
    );

  const build = (): CaseEventInput | null => {
    if (!type.value) return null;
    const base = { type: type.value, on: on.value };
    switch (type.value) {
      case 'apply':
        return { ...base, type: 'apply', kind: kind.value };
      case 'recommend':
        return { ...base, type: 'recommend', by: by.value };
      case 'propose':
        return { ...base, type: 'propose', tier: tier.value };
      case 'revoke':
        return { ...base, type: 'revoke', reason: reason.value };
      default:
        return base as CaseEventInput;
    }
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    problem.value = null;
    if (!isIsoDate(on.value)) {
      problem.value = t('“日期”无效，请按“年-月-日”（YYYY-MM-DD）填写。', '“Date” is not a valid date: enter it as YYYY-MM-DD.');
      return;
    }
    if (!recorder.value.trim()) {
      problem.value = t('请填写“记录人”。', 'Enter who is recording it (“Recorded by”).');
      return;
    }
    const parsed = checkCaseEvent(build());
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problem.value = issue ? splitBilingualMessage(issue.message) : t('请选择事件。', 'Choose an event.');
      return;
    }
    const event: CaseEvent = parsed.data;
    // 第十四条–第十六条: filing (apply) is checked against bans and locks on its own date.
    if (event.type === 'apply') {
      const others = allBans.value.filter((b) => b.caseId !== c.header.id);
      const bans = bansAgainstApplicant(c.header, others, headersById.value, event.on);
      if (bans.length) {
        problem.value = bans[0]!.message;
        return;
      }
    }
    const own = viewWith(c, event);
    busy.value = true;
    const preview = await previewWith(c, event, own).finally(() => (busy.value = false));
    if (!preview) {
      problem.value = t('本年度名额未能核对，无法判断此事件能否记录，未作记录。', 'The year’s places could not be checked, so it is not known whether this event may be recorded; nothing was recorded.');
      return;
    }
    const refused = preview.rejected.find((r) => r.index === c.events.length);
    if (refused) {
      problem.value = refused.reasonI18n;
      return;
    }
    busy.value = true;
    try {
      // issue 15: refused if another tab or clerk recorded on this case since this view was loaded
      const stored = await appendCaseEvents(c.header.id, [event], recorder.value.trim(), { expectedVersion: c.header.version ?? 0 });
      void setSetting(RECORDER_KEY, recorder.value.trim());
      appendedToCase(c, stored, own);
      toast.value = { kind: 'ok', text: t(`已记录：${caseEventLabels[event.type].zh}（${event.on}）`, `Recorded: ${caseEventLabels[event.type].en} (${event.on})`) };
      type.value = '';
    } catch (err) {
      problem.value = (err as { userMessage?: Bilingual }).userMessage ?? t(`保存失败，未作记录：${String(err)}`, `Not saved; nothing was recorded: ${String(err)}`);
      // a stale view: show the latest log; what was chosen in the form stays as it was
      if ((err as { kind?: string }).kind === 'conflict') await reloadCase(c.header.id).catch(() => undefined);
    } finally {
      busy.value = false;
    }
  };

  return (
    <form class="record-form" onSubmit={submit} data-testid="record-form">
      <div class="form-row">
        <label>
          <Bi text={t('事件', 'Event')} />
          <select data-testid="record-type" onChange={(e) => ((type.value = (e.currentTarget as HTMLSelectElement).value as CaseEventType), (problem.value = null))} required>
            <option value="" selected={type.value === ''}>
              — {plain(t('请选择', 'Choose'))} —
            </option>
            {next.map((ev) => (
              <option key={ev} value={ev} selected={type.value === ev}>
                {plain(caseEventLabels[ev])}
              </option>
            ))}
          </select>
        </label>
        <label>
          <Bi text={t('日期（北京时间）', 'Date (China time)')} />
          <input type="date" data-testid="record-on" value={on.value} onInput={(e) => (on.value = (e.currentTarget as HTMLInputElement).value)} required />
        </label>
        {type.value === 'apply' && (
          <label>
            <Bi text={t('申报主体类型', 'Applicant kind')} />
            <select value={kind.value} onChange={(e) => (kind.value = (e.currentTarget as HTMLSelectElement).value as typeof kind.value)}>
              <option value="organization">{plain(t('组织', 'Organisation'))}</option>
              <option value="individual">{plain(t('个人', 'Individual'))}</option>
            </select>
          </label>
        )}
        {type.value === 'recommend' && (
          <label>
            <Bi text={t(`推荐单位（${art('7').zh}）`, `Recommender (${art('7').en})`)} />
            <input data-testid="record-by" value={by.value} maxLength={200} onInput={(e) => (by.value = (e.currentTarget as HTMLInputElement).value)} required />
          </label>
        )}
        {type.value === 'propose' && (
          <label>
            <Bi text={t(`拟授奖项（${art('4').zh}）`, `Proposed tier (${art('4').en})`)} />
            <select data-testid="record-tier" value={tier.value} onChange={(e) => (tier.value = (e.currentTarget as HTMLSelectElement).value as typeof tier.value)}>
              <option value="award">{plain(tiers.award)}</option>
              <option value="nomination">{plain(tiers.nomination)}</option>
            </select>
          </label>
        )}
        {type.value === 'revoke' && (
          <label>
            <Bi text={t('撤销原因', 'Reason')} />
            <select data-testid="record-reason" value={reason.value} onChange={(e) => (reason.value = (e.currentTarget as HTMLSelectElement).value as typeof reason.value)}>
              <option value="fraud">{plain(t(`以弄虚作假手段获奖（${art('14').zh}）`, `Won by fraud (${art('14').en})`))}</option>
              <option value="incident">{plain(t(`获奖后发生重大质量、安全、环境等事故（${art('15').zh}）`, `Major quality, safety or environmental incident after the award (${art('15').en})`))}</option>
            </select>
          </label>
        )}
        <label>
          <Bi text={t('记录人', 'Recorded by')} />
          <input data-testid="record-by-staff" value={recorder.value} maxLength={80} onInput={(e) => (recorder.value = (e.currentTarget as HTMLInputElement).value)} required />
        </label>
        <button type="submit" class="primary" disabled={busy.value || !type.value} data-testid="record-submit">
          <Bi text={t('记录', 'Record')} />
        </button>
      </div>
      {problem.value && (
        <p class="error" role="alert" data-testid="record-error">
          <Bi text={problem.value} block />
        </p>
      )}
      <p class="hint">
        <Bi text={t('此处只列出按办理程序当前可以记录的事件。事件记录后不能修改；如需更正，请另行记录一条。', 'Only the events the procedure allows at this point are listed. A recorded event cannot be changed; to correct one, record another.')} />
      </p>
    </form>
  );
}
