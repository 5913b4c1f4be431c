import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { isIsoDate, type IsoDate } from '../../core/calendar.ts';
import type { Bilingual } from '../../core/i18n.ts';
import type { AwardPack } from '../../policy/schema.ts';
import { awards } from '../../awards/index.ts';
import { citeAllIn, citeIn } from '../../awards/cite.ts';
import { citeArticle } from '../../core/articles.ts';
import { dutyDeadlineNote, titleUsePlaces, type TitleUsePlace } from '../../staff/after-award-duties.data.ts';
import { titleUseProblems, type DutyTask } from '../../staff/duties.ts';
import { getSetting } from '../../storage/index.ts';
import { Bi, plain, t } from './Bi.tsx';
import { addTitleUse, dutyStatusLabels, loadDuties, recordedDuties, saveDutyRecord, tasksByCase } from './duties-store.ts';
import { today, toast } from './store.ts';

/**
 * 获奖后监督: what the measures ask of a winner and of the office once a case is awarded
 * (in Lianyungang's measures 第十二条, 第十七条, 第十八条), and the two roads to revocation (第十四条,
 * 第十五条). Every name, article and number comes from the case's award pack (issue 16).
 */
export function afterAwardDuties(input: { year: number; tier: 'award' | 'nomination' | null }, policy: AwardPack): { ref: string; article: string; text: Bilingual }[] {
  const award = input.tier !== 'nomination';
  const info = policy.award;
  const title = award ? `${input.year}年度${info.name.zh}` : `${input.year}年度${info.nominationName.zh}`;
  const titleEn = award ? `${info.name.en} ${input.year}` : `${info.nominationName.en} ${input.year}`;
  const fraudArt = citeIn(policy, '14');
  const incidentArt = citeIn(policy, '15');
  const fraud = policy.bans?.fraudRevocationYears ?? null;
  const incident = policy.bans?.incidentRevocationYears ?? null;
  const banZh =
    fraud === null || incident === null
      ? '禁止申报期限：条款未核实，请按奖项办法原文办理'
      : fraud === incident
        ? `自撤销决定之日起 ${fraud} 年内不得申报`
        : `自撤销决定之日起不得申报（${fraudArt.zh} ${fraud} 年，${incidentArt.zh} ${incident} 年）`;
  const banEn =
    fraud === null || incident === null
      ? 'the ban period is unverified: follow the measures’ own text'
      : fraud === incident
        ? `no application for ${fraud} years`
        : `no application for ${fraud} years (${fraudArt.en}) or ${incident} years (${incidentArt.en})`;
  const higher = info.recommendsTo ? awards[info.recommendsTo.awardId]?.[0]?.award.name : null;
  const recommendArt = info.recommendsTo ? { zh: info.recommendsTo.article, en: citeArticle({ article: info.recommendsTo.article }).en } : citeIn(policy, '12');
  const revokeArt = citeAllIn(policy, ['14', '15'], ' / ');
  return [
    {
      ref: '18',
      article: citeIn(policy, '18').zh,
      text: t(
        `称号可用于形象宣传，须注明获奖年度（如“${title}”）；不得用于产品宣传，不得在产品或包装上标注奖项标志和称号。`,
        `The title may be used in corporate publicity with the award year (e.g. “${titleEn}”), never in product advertising, on products or on packaging.`,
      ),
    },
    {
      ref: '17',
      article: citeIn(policy, '17').zh,
      text: t(
        '获奖者应制定提高质量水平和竞争力的新目标，并向其他组织和个人交流质量策略和成功经验（国家秘密和商业秘密除外）。',
        'The winner sets new goals for quality and competitiveness and shares its quality strategy and results with others (state and trade secrets excepted).',
      ),
    },
    {
      ref: '12',
      article: recommendArt.zh,
      text: award
        ? higher
          ? t(`优先推荐申报${higher.zh}。`, `First in line to be recommended for the ${higher.en}.`)
          : t('本奖项办法未规定向上级奖项推荐。', 'These measures name no higher award to recommend to.')
        : t(`优先推荐申报${info.name.zh}（提名奖不设禁报期）。`, `First in line to be recommended for the ${info.name.en} (a nomination carries no lock).`),
    },
    {
      ref: '14/15',
      article: revokeArt.zh,
      text: t(
        `发现以弄虚作假获奖（${fraudArt.zh}），或获奖后发生重大质量、安全、环境等事故造成重大社会影响（${incidentArt.zh}）：依规定撤销，收回奖牌、证书和奖金，${banZh}。在“记录决定”中记录“撤销”及原因。`,
        `Award won by fraud (${fraudArt.en}), or a major quality, safety or environmental incident with major social impact after the award (${incidentArt.en}): revoked as the measures provide, plaque, certificate and money recalled, ${banEn} from the revocation decision. Record “revoke” with its reason under Record a decision.`,
      ),
    },
  ];
}

const statusLabels = dutyStatusLabels;

const failed = (err: unknown): Bilingual => t(`保存失败，未作更改：${String(err)}`, `Could not save; nothing changed: ${String(err)}`);

function DueCell({ task }: { task: DutyTask }) {
  if (task.status !== 'open') return <span class="mono">{task.dueOn}</span>;
  const left = task.daysLeft ?? 0;
  return (
    <span class={task.overdue ? 'overdue' : left <= 30 ? 'warn' : ''}>
      <span class="mono">{task.dueOn}</span>{' '}
      <Bi text={task.overdue ? t(`已逾期 ${-left} 天`, `${-left} ${left === -1 ? 'day' : 'days'} overdue`) : left === 0 ? t('今天到期', 'due today') : t(`还剩 ${left} 天`, `${left} ${left === 1 ? 'day' : 'days'} left`)} />
    </span>
  );
}

/** Closing a task: who closed it, when, and a note; or reopening it. */
function TaskRow({ caseId, year, task, recorder }: { caseId: string; year: number; task: DutyTask; recorder: string }) {
  const editing = useSignal(false);
  const by = useSignal(recorder);
  const on = useSignal<IsoDate>(today.value);
  const note = useSignal(task.note ?? '');
  const problem = useSignal<Bilingual | null>(null);
  const busy = useSignal(false);
  const close = async (status: 'done' | 'not-applicable') => {
    problem.value = null;
    if (!by.value.trim()) return void (problem.value = t('请填写办理人。', 'Enter who closed it.'));
    if (!isIsoDate(on.value) || on.value > today.value) return void (problem.value = t('办结日期须为今天或之前的日期（YYYY-MM-DD）。', 'The date must be today or earlier (YYYY-MM-DD).'));
    busy.value = true;
    try {
      await saveDutyRecord(caseId, year, task.id, { status, closedBy: by.value.trim(), closedOn: on.value, ...(note.value.trim() ? { note: note.value.trim() } : {}) });
      editing.value = false;
      toast.value = { kind: 'ok', text: t(`已办结：${task.title.zh}`, `Closed: ${task.title.en}`) };
    } catch (err) {
      problem.value = failed(err);
    } finally {
      busy.value = false;
    }
  };
  const reopen = async () => {
    try {
      await saveDutyRecord(caseId, year, task.id, { status: 'open', ...(task.note ? { note: task.note } : {}) });
    } catch (err) {
      problem.value = failed(err);
    }
  };
  return (
    <tr class={`duty ${task.overdue ? 'overdue-row' : ''}`} data-testid={`duty-${task.id}`} data-status={task.status} data-overdue={task.overdue ? 'true' : 'false'}>
      <td class="article">{task.article}</td>
      <td>
        <b><Bi text={task.title} /></b>
        <span class="duty-party"><Bi text={task.party === 'winner' ? t('获奖者', 'Winner') : t('评审办公室', 'Award office')} /></span>
        <Bi text={task.text} block />
        {task.note && <p class="muted small"><Bi text={t('备注：', 'Note: ')} />{task.note}</p>}
        {editing.value && (
          <div class="duty-close" role="group" aria-label={plain(t('办结', 'Close the task'))}>
            <label>
              <Bi text={t('办理人', 'Closed by')} />
              <input value={by.value} maxLength={80} onInput={(e) => (by.value = (e.currentTarget as HTMLInputElement).value)} data-testid="duty-by" />
            </label>
            <label>
              <Bi text={t('办结日期', 'Closed on')} />
              <input type="date" value={on.value} max={today.value} onInput={(e) => (on.value = (e.currentTarget as HTMLInputElement).value)} data-testid="duty-on" />
            </label>
            <label class="grow">
              <Bi text={t('备注', 'Note')} />
              <input value={note.value} maxLength={500} onInput={(e) => (note.value = (e.currentTarget as HTMLInputElement).value)} />
            </label>
            <button type="button" class="primary" disabled={busy.value} onClick={() => close('done')} data-testid="duty-done">
              <Bi text={t('办结', 'Done')} />
            </button>
            <button type="button" disabled={busy.value} onClick={() => close('not-applicable')}>
              <Bi text={t('不适用', 'Not applicable')} />
            </button>
            <button type="button" onClick={() => (editing.value = false)}><Bi text={t('取消', 'Cancel')} /></button>
          </div>
        )}
        {problem.value && (
          <p class="error" role="alert">
            <Bi text={problem.value} />
          </p>
        )}
      </td>
      <td><DueCell task={task} /></td>
      <td>
        <Bi text={statusLabels[task.status]} />
        {task.closedBy && (
          <span class="block small muted">
            {task.closedBy} · {task.closedOn}
          </span>
        )}
      </td>
      <td>
        {task.status === 'open' ? (
          !editing.value && (
            <button type="button" onClick={() => (editing.value = true)} data-testid="duty-close">
              <Bi text={t('办结…', 'Close…')} />
            </button>
          )
        ) : (
          <button type="button" class="link" onClick={reopen}>
            <Bi text={t('重新打开', 'Reopen')} />
          </button>
        )}
      </td>
    </tr>
  );
}

/** The title-use article (Lianyungang 第十八条): each use of the title the office sees, with its year; uses on products, packaging or product ads flagged. */
function TitleUses({ caseId, year, recorder, article, policy }: { caseId: string; year: number; recorder: string; article: Bilingual; policy: AwardPack }) {
  const uses = recordedDuties(caseId, year)?.titleUses ?? [];
  const seenOn = useSignal<IsoDate>(today.value);
  const named = useSignal(String(year));
  const place = useSignal<TitleUsePlace>('publicity');
  const where = useSignal('');
  const problem = useSignal<Bilingual | null>(null);
  const add = async () => {
    problem.value = null;
    const namedYear = named.value.trim() === '' ? null : Number(named.value);
    if (namedYear !== null && !(Number.isInteger(namedYear) && namedYear >= 2000 && namedYear <= 2100)) return void (problem.value = t('“注明年度”须为 2000–2100 的年份；未注明请留空。', 'The year named must be 2000–2100; leave it blank if none is named.'));
    if (!where.value.trim()) return void (problem.value = t('请填写在哪里看到（如官网首页、产品包装）。', 'Say where it was seen (e.g. home page, packaging).'));
    if (!isIsoDate(seenOn.value) || seenOn.value > today.value) return void (problem.value = t('发现日期须为今天或之前的日期（YYYY-MM-DD）。', 'The date must be today or earlier (YYYY-MM-DD).'));
    try {
      await addTitleUse(caseId, year, { seenOn: seenOn.value, namedYear, place: place.value, where: where.value.trim(), recordedBy: recorder });
      where.value = '';
    } catch (err) {
      problem.value = failed(err);
    }
  };
  return (
    <div class="title-uses" data-testid="title-uses">
      <h4><Bi text={t(`称号使用记录（${article.zh}）`, `Uses of the title (${article.en})`)} /></h4>
      {uses.length === 0 ? (
        <p class="muted small"><Bi text={t('尚无记录。', 'None recorded.')} /></p>
      ) : (
        <table class="grid small">
          <thead>
            <tr><th><Bi text={t('发现日期', 'Seen on')} /></th><th><Bi text={t('使用场合', 'Where used')} /></th><th><Bi text={t('注明年度', 'Year named')} /></th><th><Bi text={t('核查结果', 'Finding')} /></th></tr>
          </thead>
          <tbody>
            {uses.map((u, i) => {
              const problems = titleUseProblems(u, year, policy);
              return (
                <tr key={i} class={problems.length ? 'refused' : ''} data-testid="title-use" data-flagged={problems.length ? 'true' : 'false'}>
                  <td class="mono">{u.seenOn}</td>
                  <td><Bi text={titleUsePlaces[u.place]} /> · {u.where}</td>
                  <td>{u.namedYear ?? <Bi text={t('未注明', 'None named')} />}</td>
                  <td>{problems.length ? problems.map((p, j) => <Bi key={j} text={p} block />) : <Bi text={t('符合规定', 'Allowed')} />}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div class="duty-close">
        <label>
          <Bi text={t('发现日期', 'Seen on')} />
          <input type="date" value={seenOn.value} max={today.value} onInput={(e) => (seenOn.value = (e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label>
          <Bi text={t('使用场合', 'Where used')} />
          <select value={place.value} onChange={(e) => (place.value = (e.currentTarget as HTMLSelectElement).value as TitleUsePlace)} data-testid="title-use-place">
            {(Object.keys(titleUsePlaces) as TitleUsePlace[]).map((k) => (
              <option key={k} value={k}>{plain(titleUsePlaces[k])}</option>
            ))}
          </select>
        </label>
        <label class="grow">
          <Bi text={t('具体位置', 'Details')} />
          <input value={where.value} maxLength={200} placeholder={plain(t('如：官网首页、产品外包装', 'e.g. home page, product packaging'))} onInput={(e) => (where.value = (e.currentTarget as HTMLInputElement).value)} data-testid="title-use-where" />
        </label>
        <label>
          <Bi text={t('注明年度', 'Year named')} />
          <input value={named.value} inputMode="numeric" size={6} onInput={(e) => (named.value = (e.currentTarget as HTMLInputElement).value)} data-testid="title-use-year" />
        </label>
        <button type="button" onClick={add} data-testid="title-use-add"><Bi text={t('记录', 'Record')} /></button>
      </div>
      {problem.value && (
        <p class="error" role="alert"><Bi text={problem.value} /></p>
      )}
    </div>
  );
}

export function AfterAward({ caseId, year, tier, policy }: { caseId?: string; year: number; tier: 'award' | 'nomination' | null; policy: AwardPack }) {
  const recorder = useSignal('staff');
  useEffect(() => {
    void loadDuties([year]);
    void getSetting<string>('staff.recorder').then((v) => typeof v === 'string' && v && (recorder.value = v)).catch(() => undefined);
  }, [year]);
  const entry = caseId ? tasksByCase.value.get(caseId) : undefined;
  const revocation = afterAwardDuties({ year, tier }, policy).find((d) => d.ref === '14/15')!;
  return (
    <section class="after-award" data-testid="after-award" aria-label={plain(t('获奖后监督', 'After the award'))}>
      <h3>
        <Bi text={t('获奖后监督事项', 'Duties after the award')} />
      </h3>
      {entry && caseId ? (
        <>
          <p class="hint"><Bi text={dutyDeadlineNote(policy.award)} /></p>
          <table class="grid duties" data-testid="duty-tasks">
            <thead>
              <tr><th><Bi text={t('条款', 'Article')} /></th><th><Bi text={t('事项', 'Duty')} /></th><th><Bi text={t('到期日', 'Due')} /></th><th><Bi text={t('状态', 'Status')} /></th><th /></tr>
            </thead>
            <tbody>
              {entry.tasks.map((task) => (
                <TaskRow key={task.id} caseId={caseId} year={year} task={task} recorder={recorder.value} />
              ))}
            </tbody>
          </table>
          <TitleUses caseId={caseId} year={year} recorder={recorder.value} article={citeIn(policy, '18')} policy={policy} />
        </>
      ) : (
        <ul>
          {afterAwardDuties({ year, tier }, policy).filter((d) => d.ref !== revocation.ref).map((d) => (
            <li key={d.ref}>
              <span class="article">{d.article}</span> <Bi text={d.text} block />
            </li>
          ))}
        </ul>
      )}
      <p class="revocation small">
        <span class="article">{revocation.article}</span> <Bi text={revocation.text} />
      </p>
    </section>
  );
}
