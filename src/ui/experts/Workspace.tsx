import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Bi, t } from '../staff/Bi.tsx';
import { parseApplication } from '../../application/index.ts';
import { gbt19580Catalogue, type ItemId } from '../../self-evaluation/catalogue.ts';
import { scoringBands } from '../../self-evaluation/bands.ts';
import { workbookSchema } from '../../self-evaluation/workbook.ts';
import { sha256Hex } from '../../storage/canonical-json.ts';
import { downloadFile } from '../download.ts';
import {
  commentFieldLabels, commentFields, conflictRelationLabels, conflictRelations, diffEvents, exportScorebook, foldScorebook,
  readReviewPackage, REVIEW_PACKAGE_FORMAT, scorebookFileName, scorebookFromPackage, type ConflictRelation, type ItemReview, type Scorebook,
} from '../../experts/index.ts';
import { getApplicantPercents, getMe, listScorebooks, saveApplicantPercents, saveMe, saveScorebook } from '../../experts/store.ts';
import { autosaver } from './autosave.ts';
import { formatLocalTime } from '../../core/local-time.ts';
import { tx } from '../lang.ts';
import { errorText } from '../../i18n/error-text.ts';
import { asData, say } from './say.ts';

const newId = () => globalThis.crypto.randomUUID();

export function Workspace() {
  const [me, setMe] = useState<{ id: string; name: string; affiliation: string } | null>(null);
  const [books, setBooks] = useState<Scorebook[]>([]);
  const [current, setCurrent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selfEval, setSelfEval] = useState<Record<string, number>>({});
  useEffect(() => {
    void (async () => {
      setMe(await getMe());
      const list = await listScorebooks();
      setBooks(list);
      if (list.length) setCurrent(list[list.length - 1]!.id);
    })();
  }, []);

  const book = books.find((b) => b.id === current) ?? null;
  // the applicant's percents opened with this scorebook's package, kept across reloads
  useEffect(() => {
    if (!current) return;
    let live = true;
    void getApplicantPercents(current).then((p) => live && setSelfEval(p));
    return () => { live = false; };
  }, [current]);
  const show = async (bookId: string, percents: Record<string, number> | null) => {
    if (percents) {
      await saveApplicantPercents(bookId, percents);
      setSelfEval(percents);
    }
    setCurrent(bookId);
  };

  /**
   * A review package from the office: it names the case and the expert it is for. A browser with no
   * expert yet takes the package's expert; one set up for someone else refuses it (nothing opened).
   */
  async function openPackage(text: string, fileName: string) {
    const read = await readReviewPackage(text);
    if (!read.ok) {
      setError(say(`“${fileName}”未打开：`, `“${fileName}” was not opened: `) + tx(read.errors[0]!.message));
      return;
    }
    const { pkg } = read.opened;
    let who = me;
    if (who && who.id !== pkg.expert.id) {
      setError(say(`“${fileName}”是办公室分配给${pkg.expert.name}的评审材料包，本浏览器登记的专家是${who.name}，未打开。请向办公室索取分配给您的材料包。`, `“${fileName}” is the package the office assigned to ${pkg.expert.name}; this browser is registered to ${who.name}, so it was not opened. Ask the office for the package assigned to you.`));
      return;
    }
    if (!who) {
      who = pkg.expert;
      await saveMe(who);
      setMe(who);
    }
    const percents = read.opened.selfEvaluation?.percents ?? null;
    const existing = books.find((b) => b.subject.caseId === pkg.case.caseId && b.expert.id === who!.id);
    if (existing) return show(existing.id, percents);
    const created = await saveScorebook(scorebookFromPackage(read.opened, newId()));
    setBooks((all) => [...all, created]);
    await show(created.id, percents);
  }

  async function openFiles(files: FileList | null) {
    setError(null);
    if (!files?.length) return;
    for (const file of Array.from(files)) {
      const text = await file.text();
      let format: unknown;
      try {
        format = (JSON.parse(text) as { format?: unknown })?.format;
      } catch {
        format = undefined;
      }
      if (format === REVIEW_PACKAGE_FORMAT) {
        if (files.length > 1) {
          setError(say('评审材料包已包含申报书和自评，请单独打开。', 'A review package already holds the application and self-evaluation: open it on its own.'));
          return;
        }
        await openPackage(text, file.name);
        return;
      }
    }
    if (!me) {
      setError(say('请先填写专家信息，或打开办公室发来的评审材料包。', 'Enter who is scoring first, or open the package the office sent you.'));
      return;
    }
    let app: ReturnType<typeof parseApplication> | null = null;
    let appText = '';
    let percents: Record<string, number> | null = null;
    for (const file of Array.from(files)) {
      const text = await file.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        setError(say(`“${file.name}”不是有效的 JSON 文件，未打开。`, `“${file.name}” is not a valid JSON file; it was not opened.`));
        return;
      }
      const format = (json as { format?: unknown })?.format;
      if (format === 'lyg-award/application@1') {
        app = parseApplication(json);
        appText = text;
      } else if (format === 'lyg-award/self-evaluation-workbook@1') {
        const wb = workbookSchema.safeParse(json);
        if (wb.success) percents = wb.data.percents;
      } else {
        setError(say(`“${file.name}”不是评审材料包、申报书（lyg-award/application@1）或自评工作簿，未打开。`, `“${file.name}” is not a review package, an application (lyg-award/application@1) or a self-evaluation workbook; it was not opened.`));
        return;
      }
    }
    if (!app) return;
    if (!app.ok) {
      setError(say('申报书文件不完整或有误，未打开：', 'The application file is incomplete or wrong; it was not opened: ') + app.errors.slice(0, 3).map((e) => tx(e.message)).join(say('；', '; ')));
      return;
    }
    const a = app.application;
    const creditCode = a.applicant.kind === 'organization' ? (a.applicant.creditCode ?? null) : null;
    const existing = books.find((b) => b.subject.applicantName === (a.applicant.name ?? '') && b.subject.year === a.year);
    if (existing) return show(existing.id, percents);
    const created = await saveScorebook({
      id: newId(),
      version: 0,
      subject: { caseId: null, year: a.year, kind: a.applicant.kind, applicantName: a.applicant.name ?? say('（未填写名称）', '(no name given)'), creditCode, packageSha256: await sha256Hex(appText) },
      expert: me!,
      events: [],
    });
    setBooks([...books, created]);
    await show(created.id, percents);
  }

  const picker = (
    <label class="file">
      <Bi text={t('打开评审材料包，或申报书和自评文件（JSON）', 'Open the review package, or the application and self-evaluation')} />
      <input type="file" accept=".json,application/json" multiple onChange={(e) => void openFiles((e.currentTarget as HTMLInputElement).files)} />
    </label>
  );
  if (!me) {
    return (
      <div class="ws">
        <Identity onSave={async (m) => { await saveMe(m); setMe(m); }} />
        <section class="ex-card">
          <h2><Bi text={t('或打开办公室发来的评审材料包', 'Or open the package the office sent you')} /></h2>
          <p class="muted">{say('材料包上写有您的姓名和单位，打开后自动登记为本浏览器的专家。', 'The package carries your name and organisation; opening it registers you as this browser’s expert.')}</p>
          {picker}
          {error && <p class="error" role="alert">{error}</p>}
        </section>
      </div>
    );
  }

  return (
    <div class="ws">
      <section class="ex-card">
        <h2><Bi text={t('评审材料', 'Application package')} /></h2>
        <p class="muted">{say('专家：', 'Expert: ')}<span {...asData}>{me.name}</span>{me.affiliation ? <>{say('（', ' (')}<span {...asData}>{me.affiliation}</span>{say('）', ')')}</> : ''}</p>
        {picker}
        {books.length > 1 && (
          <label>
            {say('评分册', 'Scorebook')} <select value={current ?? ''} onChange={(e) => setCurrent((e.currentTarget as HTMLSelectElement).value)}>
              {books.map((b) => <option value={b.id}>{b.subject.applicantName} ({b.subject.year})</option>)}
            </select>
          </label>
        )}
        {error && <p class="error" role="alert">{error}</p>}
        {!book && !error && <p class="muted"><Bi text={t('还没有打开的申报材料。请打开办公室发给您的评审材料包（或申报书文件）。', 'No application open yet. Open the review package the office sent you (or an application file).')} /></p>}
      </section>
      {book && <Book key={book.id} book={book} selfEval={selfEval} onChange={(b) => setBooks((all) => all.map((x) => (x.id === b.id ? b : x)))} />}
    </div>
  );
}

function Identity({ onSave }: { onSave: (m: { id: string; name: string; affiliation: string }) => Promise<void> }) {
  const [name, setName] = useState('');
  const [aff, setAff] = useState('');
  const [err, setErr] = useState('');
  return (
    <section class="ex-card">
      <h2><Bi text={t('专家信息', 'Who is scoring')} /></h2>
      <label><Bi text={t('姓名', 'Name')} /> <input value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} /></label>
      <label><Bi text={t('工作单位', 'Organisation')} /> <input value={aff} onInput={(e) => setAff((e.currentTarget as HTMLInputElement).value)} /></label>
      {err && <p class="error" role="alert">{err}</p>}
      <button class="primary" onClick={() => (name.trim() ? void onSave({ id: newId(), name: name.trim(), affiliation: aff.trim() }) : setErr(say('请填写专家姓名。', 'Enter the expert’s name.')))}><Bi text={t('确定', 'OK')} /></button>
    </section>
  );
}

function Book({ book, selfEval, onChange }: { book: Scorebook; selfEval: Record<string, number>; onChange: (b: Scorebook) => void }) {
  const state = useMemo(() => foldScorebook(book), [book]);
  const [wanted, setWanted] = useState<Partial<Record<ItemId, Partial<ItemReview>>>>({});
  const [saved, setSaved] = useState<string>('');
  const [dirty, setDirty] = useState(false);
  const editsRef = useRef(0);
  const bookRef = useRef(book);
  const wantedRef = useRef(wanted);
  bookRef.current = book;
  wantedRef.current = wanted;
  const saver = useMemo(
    () =>
      autosaver(async () => {
        const b = bookRef.current;
        const edits = editsRef.current;
        const events = diffEvents(foldScorebook(b), wantedRef.current, { expert: b.expert.id, at: new Date().toISOString(), id: newId });
        if (!events.length) {
          if (edits === editsRef.current) setDirty(false);
          return;
        }
        const next = { ...b, events: [...b.events, ...events] };
        try {
          const saved = await saveScorebook(next);
          bookRef.current = saved;
          onChange(saved);
          if (edits === editsRef.current) setDirty(false);
          setSaved(say(`已自动保存 ${new Date().toLocaleTimeString('zh-CN', { hour12: false })}`, `Saved automatically at ${new Date().toLocaleTimeString('en-GB', { hour12: false })}`));
        } catch (e) {
          setSaved(say(`保存失败：${errorText(e).zh}（内容仍在页面上）`, `Not saved: ${errorText(e).en} (what you typed is still on the page)`));
        }
      }),
    [],
  );
  useEffect(() => {
    const flush = () => saver.flush();
    addEventListener('pagehide', flush);
    return () => {
      removeEventListener('pagehide', flush);
      saver.flush();
    };
  }, []);
  const value = (item: ItemId): ItemReview => ({ ...state.items[item], ...wanted[item] });
  const edit = (item: ItemId, patch: Partial<ItemReview>) => {
    setWanted((w) => ({ ...w, [item]: { ...w[item], ...patch } }));
    wantedRef.current = { ...wantedRef.current, [item]: { ...wantedRef.current[item], ...patch } };
    editsRef.current += 1;
    setDirty(true);
    saver.touch();
  };
  const scored = Object.keys(state.items).filter((id) => value(id as ItemId).percent !== null).length;

  return (
    <>
      <section class="ex-card">
        <h2><span {...asData}>{book.subject.applicantName}</span> <span class="muted small">{book.subject.kind === 'organization' ? say('组织', 'Organisation') : say('个人', 'Individual')} · {book.subject.year}</span></h2>
        {book.subject.caseId && <p class="muted small" data-testid="book-case">{say('案件编号', 'Case')} {book.subject.caseId} · {say('来自办公室的评审材料包', 'from the office’s review package')}</p>}
        {!state.declaration ? (
          <Declare onDeclare={async (conflict, relations, statement) => {
            const next: Scorebook = { ...book, events: [...book.events, { id: newId(), expert: book.expert.id, at: new Date().toISOString(), type: 'declare', declaration: { conflict, relations, statement } }] };
            onChange(await saveScorebook(next));
          }} />
        ) : state.recused ? (
          <p class="warn" role="status"><Bi text={t('您已声明回避，本评分册不含评分。请导出评分册交回办公室。', 'You declared a conflict: this scorebook carries no scores.')} /></p>
        ) : (
          <p class="muted">{say('已声明无回避关系', 'No conflict declared')} ({state.declaredAt ? formatLocalTime(state.declaredAt) : ''}). {say(`已评 ${scored} / 23 条。`, `${scored} of 23 items scored.`)}<span class="saved" role="status" data-dirty={dirty ? 'yes' : 'no'}> {dirty ? say('正在保存…', 'Saving…') : saved}</span></p>
        )}
        {state.declaration && (
          <button class="primary" onClick={async () => { saver.flush(); const file = await exportScorebook(bookRef.current); downloadFile(JSON.stringify(file, null, 2), scorebookFileName(bookRef.current), 'application/json'); }}>
            <Bi text={t('导出评分册', 'Export scorebook')} />
          </button>
        )}
      </section>
      {state.declaration && !state.recused &&
        gbt19580Catalogue.map((cat) => (
          <section class="ex-card" key={cat.id}>
            <h3>{cat.id} {tx(cat.name)} <span class="muted small">{say(`${cat.points} 分`, `${cat.points} points`)}</span></h3>
            {cat.items.map((item) => {
              const v = value(item.id);
              return (
                <div class="item" key={item.id}>
                  <div class="item-head">
                    <b>{item.id} {tx(item.name)}</b> <span class="muted">{say(`${item.points} 分`, `${item.points} points`)}</span>
                    {selfEval[item.id] !== undefined && <span class="muted small"> ({say('申报方自评', 'applicant’s self-evaluation')} {selfEval[item.id]}%)</span>}
                    <label class="pct">{say('得分率', 'Percent')}
                      <select data-item={item.id} aria-label={say(`${item.id} 得分率`, `${item.id} percent`)} value={v.percent === null ? '' : String(v.percent)} onChange={(e) => { const t = (e.currentTarget as HTMLSelectElement).value; edit(item.id, { percent: t === '' ? null : Number(t) }); }}>
                        <option value="">{say('未评', 'Not scored')}</option>
                        {scoringBands.map((b) => (
                          <optgroup label={`${tx(b.label)} ${tx((item.kind === 'results' ? b.results : b.process).summary)}`}>
                            {b.percents.map((p) => <option value={String(p)}>{p}%</option>)}
                          </optgroup>
                        ))}
                      </select>
                    </label>
                  </div>
                  {commentFields.map((f) => (
                    <label class="txt" key={f}>{tx(commentFieldLabels[f])}
                      <textarea aria-label={`${item.id} ${tx(commentFieldLabels[f])}`} rows={2} value={v[f]} onInput={(e) => edit(item.id, { [f]: (e.currentTarget as HTMLTextAreaElement).value })} />
                    </label>
                  ))}
                </div>
              );
            })}
          </section>
        ))}
    </>
  );
}

function Declare({ onDeclare }: { onDeclare: (conflict: boolean, relations: ConflictRelation[], statement: string) => Promise<void> }) {
  const [conflict, setConflict] = useState<boolean | null>(null);
  const [relations, setRelations] = useState<ConflictRelation[]>([]);
  const [statement, setStatement] = useState('');
  const [err, setErr] = useState('');
  return (
    <fieldset class="declare">
      <legend><Bi text={t('回避声明（评分前必须完成）', 'Conflict of interest, before any scoring')} /></legend>
      <label><input type="radio" name="coi" checked={conflict === false} onChange={() => setConflict(false)} /> {say('本人与该申报方不存在需要回避的关系', 'I have no relation to this applicant that requires recusal')}</label>
      <label><input type="radio" name="coi" checked={conflict === true} onChange={() => setConflict(true)} /> {say('本人存在以下关系，申请回避', 'I have the following relation and recuse myself')}</label>
      {conflict && conflictRelations.map((r) => (
        <label class="sub" key={r}><input type="checkbox" checked={relations.includes(r)} onChange={(e) => setRelations((e.currentTarget as HTMLInputElement).checked ? [...relations, r] : relations.filter((x) => x !== r))} /> {tx(conflictRelationLabels[r])}</label>
      ))}
      <label class="txt">{say('说明（可选）', 'Statement (optional)')}<textarea rows={2} value={statement} onInput={(e) => setStatement((e.currentTarget as HTMLTextAreaElement).value)} /></label>
      {err && <p class="error" role="alert">{err}</p>}
      <button class="primary" onClick={() => {
        if (conflict === null) return setErr(say('请先选择是否存在需要回避的关系。', 'First say whether you have a relation that requires recusal.'));
        if (conflict && relations.length === 0) return setErr(say('申请回避时，请至少勾选一种关系。', 'To recuse yourself, tick at least one relation.'));
        void onDeclare(conflict, conflict ? relations : [], statement.trim()).catch((e: unknown) => setErr(say('未保存：', 'Not saved: ') + tx(errorText(e))));
      }}>{say('确认声明', 'Confirm the declaration')}</button>
    </fieldset>
  );
}
