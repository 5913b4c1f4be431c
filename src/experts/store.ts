import { z } from '../core/zod-mini.ts';
import { parseOrThrow, throwZodErrorOnParse } from '../core/zod-contract.ts';
import { bi } from '../core/i18n.ts';
import { putVersioned, storedVersion, StaleRecordError } from './versioned.ts';
import { appendCaseEvents, getCaseEvents, getDb, getSetting, setSetting } from '../storage/repos.ts';
import { replayCase } from '../cases/replay.ts';
import { UserFacingError } from '../i18n/error-text.ts';
import { panelEventSchema, computeConsensus, type ConsensusResult, type PanelEvent } from './consensus.ts';
import { foldScorebook, scorebookSchema, parseScorebook, type Scorebook } from './scorebook.ts';
import { expertRefSchema, type ExpertRef } from './scorebook.ts';

/**
 * Where the expert panel keeps its records: entries of the settings store under `experts/…` (no new
 * object store, so no migration; they travel in backups like every setting), each validated on read.
 * - `experts/me`: the expert using this browser;
 * - `experts/scorebook/<id>`: a scorebook the expert is writing;
 * - `experts/panel/<caseId>`: the office's panel record for a case (imported scorebooks, consensus
 *   and site-visit events, what was recorded on the case).
 * - `experts/self-evaluation/<scorebookId>`: the applicant's own percents from the package's
 *   self-evaluation, shown beside the expert's fields (kept apart so the scorebook's shape stays as
 *   replicated and exported).
 * None of these is read by the side panel or any applicant surface (test/unit/experts/isolation.test.ts).
 */
export const ME_KEY = 'experts/me';
export const SCOREBOOK_PREFIX = 'experts/scorebook/';
export const PANEL_PREFIX = 'experts/panel/';

export const SELF_EVALUATION_PREFIX = 'experts/self-evaluation/';
const applicantPercentsSchema = z.record(z.string().check(z.maxLength(20)), z.number().check(z.gte(0)).check(z.lte(100)));

/** The applicant's self-evaluation percents opened with a scorebook's package ({} when none). */
export async function getApplicantPercents(scorebookId: string): Promise<Record<string, number>> {
  const r = applicantPercentsSchema.safeParse(await getSetting(SELF_EVALUATION_PREFIX + scorebookId));
  return r.success ? r.data : {};
}
export const saveApplicantPercents = (scorebookId: string, percents: Record<string, number>) =>
  setSetting(SELF_EVALUATION_PREFIX + scorebookId, parseOrThrow(applicantPercentsSchema, percents));

export async function getMe(): Promise<ExpertRef | null> {
  const r = expertRefSchema.safeParse(await getSetting(ME_KEY));
  return r.success ? r.data : null;
}
export const saveMe = (me: ExpertRef) => setSetting(ME_KEY, parseOrThrow(expertRefSchema, me));

async function keysWith(prefix: string): Promise<string[]> {
  const keys = await (await getDb()).getAllKeys('settings', IDBKeyRange.bound(prefix, `${prefix}\uffff`));
  return keys.map(String);
}

export async function listScorebooks(): Promise<Scorebook[]> {
  const out: Scorebook[] = [];
  for (const key of await keysWith(SCOREBOOK_PREFIX)) {
    const parsed = parseScorebook(await getSetting(key));
    if (parsed.ok) out.push(parsed.book);
  }
  return out;
}
export async function getScorebook(id: string): Promise<Scorebook | null> {
  const parsed = parseScorebook(await getSetting(SCOREBOOK_PREFIX + id));
  return parsed.ok ? parsed.book : null;
}
/**
 * Save the expert's scorebook: refused (throws, nothing written) when it breaks the rules or was made
 * from an older copy than the stored one (another tab saved in between). Returns the saved copy, whose
 * version is one more than before.
 */
export async function saveScorebook(book: Scorebook): Promise<Scorebook> {
  const parsed = parseScorebook(book);
  if (!parsed.ok) throw new UserFacingError(parsed.errors[0]!.message);
  return putVersioned(SCOREBOOK_PREFIX + book.id, parsed.book, bi('评分册', 'scorebook'));
}

export const panelRecordSchema = z.strictObject({
  caseId: z.string().check(z.minLength(1)).check(z.maxLength(200)),
  margin: z.number().check(z.int()).check(z.gte(0)).check(z.lte(100)),
  scorebooks: z.array(scorebookSchema).check(z.maxLength(50)),
  events: z.array(panelEventSchema).check(z.maxLength(5000)),
  /** the case events recorded from this panel (type and date), for the office's own record */
  recorded: z._default(z.array(z.strictObject({ type: z.string(), on: z.string(), at: z.string() })), []),
  /**
   * Raised by one on every save (consensus, site-visit findings, margin, imports), like scorebooks:
   * a save made from an older copy (another tab) is refused. 0 in records saved before versions.
   */
  version: z._default(z.number().check(z.int()).check(z.gte(0)), 0),
});
export type PanelRecord = z.output<typeof panelRecordSchema>;
const PANEL_WHAT = bi('评审记录', 'panel record');

export async function getPanel(caseId: string): Promise<PanelRecord | null> {
  const r = panelRecordSchema.safeParse(await getSetting(PANEL_PREFIX + caseId));
  return r.success ? r.data : null;
}
/**
 * Save the office's panel record for a case: refused (StaleRecordError, nothing written) when it was
 * made from an older copy than the stored one. Returns the saved copy, one version up.
 */
export const savePanel = (panel: z.input<typeof panelRecordSchema>): Promise<PanelRecord> => {
  const parsed = parseOrThrow(panelRecordSchema, panel);
  return putVersioned(PANEL_PREFIX + parsed.caseId, parsed, PANEL_WHAT);
};
export async function listPanels(): Promise<PanelRecord[]> {
  const out: PanelRecord[] = [];
  for (const key of await keysWith(PANEL_PREFIX)) {
    const r = panelRecordSchema.safeParse(await getSetting(key));
    if (r.success) out.push(r.data);
  }
  return out;
}

export function panelConsensus(panel: PanelRecord): ConsensusResult {
  return computeConsensus(panel.scorebooks.map(foldScorebook), panel.events, panel.margin);
}

/** What is attached to the case event record (`review`): the scores behind the decision. */
export function reviewAttachment(panel: PanelRecord, stage: 'material' | 'site') {
  const c = panelConsensus(panel);
  return {
    stage,
    margin: c.margin,
    experts: c.experts,
    total: stage === 'material' ? c.consensusTotal : c.finalTotal,
    items: c.items.map((i) => ({ id: i.id, scores: i.scores.map((s) => ({ expert: s.expert, percent: s.percent })), spread: i.spread, consensus: i.consensus, final: i.final })),
    changes: c.changes,
  };
}

/**
 * Record the panel's result on the case (第十条（三）): the material review as `pass-material-review` /
 * `fail-material-review`, the site visit as `complete-site-review` (organisations) or
 * `complete-presentation` (individuals); the scores ride on the stored record, the event keeps its
 * contract shape. The lifecycle still decides whether the case accepts the event.
 */
export async function recordPanelEvent(panel: PanelRecord, type: 'pass-material-review' | 'fail-material-review' | 'complete-site-review' | 'complete-presentation', on: string): Promise<PanelRecord> {
  const stage = type.endsWith('material-review') ? 'material' : 'site';
  // a stale view must not move the case: checked before anything is written
  if ((await storedVersion(PANEL_PREFIX + panel.caseId)) !== panel.version) throw new StaleRecordError(PANEL_WHAT);
  const log = (await getCaseEvents(panel.caseId)).map((s) => s.event);
  const view = replayCase([...log, { type, on }] as never);
  const refused = view.rejected.find((r) => r.index === log.length);
  if (refused) throw new UserFacingError(refused.reasonI18n);
  const stored = await appendCaseEvents(panel.caseId, [{ type, on }], 'expert-panel', { review: reviewAttachment(panel, stage) });
  return savePanel({ ...panel, recorded: [...panel.recorded, { type, on, at: stored[0]!.recordedAt }] });
}

export type { PanelEvent };

// the exported schemas' .parse throws the classic ZodError, as with full zod (issue 19)
throwZodErrorOnParse(panelRecordSchema);
