import { bi, type Bilingual } from '../../core/i18n.ts';
import { readScorebookFile, type Scorebook } from '../../experts/index.ts';
import type { PanelRecord } from '../../experts/store.ts';
import type { CaseRecord } from '../../storage/repos.ts';
import { DEFAULT_SPREAD_MARGIN } from '../../experts/consensus.ts';

/** One file's preview: which case it belongs to, or why it is refused. */
export type ImportRow =
  | { ok: true; file: string; book: Scorebook; caseId: string; applicantName: string; replaces: boolean }
  | { ok: false; file: string; errors: Bilingual[] };

/** Match a scorebook to a case: the case id it names, else the credit code, else the applicant name and year. */
export function matchCase(book: Scorebook, cases: readonly CaseRecord[]): CaseRecord | null {
  const s = book.subject;
  if (s.caseId) return cases.find((c) => c.id === s.caseId) ?? null;
  if (s.creditCode) {
    const byCode = cases.filter((c) => c.creditCode === s.creditCode && c.year === s.year);
    if (byCode.length === 1) return byCode[0]!;
  }
  const byName = cases.filter((c) => c.applicantName === s.applicantName && c.year === s.year && c.kind === s.kind);
  return byName.length === 1 ? byName[0]! : null;
}

/** Read every file without writing anything: the preview the office confirms (or not). */
export async function previewImport(files: readonly { name: string; text: string }[], cases: readonly CaseRecord[], panels: readonly PanelRecord[]): Promise<ImportRow[]> {
  const rows: ImportRow[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    const read = await readScorebookFile(f.text);
    if (!read.ok) {
      rows.push({ ok: false, file: f.name, errors: read.errors.map((e) => e.message) });
      continue;
    }
    const c = matchCase(read.book, cases);
    if (!c) {
      rows.push({ ok: false, file: f.name, errors: [bi(`找不到与评分册对应的案件（${read.book.subject.applicantName}，${read.book.subject.year} 年）。请先在工作台登记该案件。`, `No case matches this scorebook (${read.book.subject.applicantName}, ${read.book.subject.year}). Register the case in the staff console first.`)] });
      continue;
    }
    if (seen.has(read.book.id)) {
      rows.push({ ok: false, file: f.name, errors: [bi('同一评分册在本次导入中出现了两次。', 'The same scorebook appears twice in this import.')] });
      continue;
    }
    seen.add(read.book.id);
    const panel = panels.find((p) => p.caseId === c.id);
    const replaces = !!panel?.scorebooks.some((b) => b.id === read.book.id);
    if (panel?.recorded.some((r) => r.type.endsWith('material-review'))) {
      rows.push({ ok: false, file: f.name, errors: [bi('该案件的资料审查结果已记录，不能再导入评分册。', 'The material review of this case is already recorded; no more scorebooks can be imported.')] });
      continue;
    }
    const older = panel?.scorebooks.find((b) => b.id === read.book.id);
    // the expert's copy raises its version on every save (0: a file from before versions, so count entries)
    const isOlder = older && (older.version > 0 || read.book.version > 0 ? older.version > read.book.version : older.events.length > read.book.events.length);
    if (isOlder) {
      rows.push({ ok: false, file: f.name, errors: [bi('这是该评分册的较早版本（已导入的版本更新），未导入。', 'This is an older copy of a scorebook already imported (fewer entries); nothing was imported.')] });
      continue;
    }
    rows.push({ ok: true, file: f.name, book: read.book, caseId: c.id, applicantName: c.applicantName, replaces });
  }
  return rows;
}

/**
 * The panel records after an import (only when every row is ok: a refused file means nothing is written).
 * A new panel starts with its award's spread margin (policy pack expertPanel), else the default.
 */
export function applyImport(rows: readonly ImportRow[], panels: readonly PanelRecord[], marginFor: (caseId: string) => number | null = () => null): PanelRecord[] {
  const out = new Map(panels.map((p) => [p.caseId, p]));
  for (const row of rows) {
    if (!row.ok) throw new Error('refused rows cannot be applied');
    const p = out.get(row.caseId) ?? { caseId: row.caseId, margin: marginFor(row.caseId) ?? DEFAULT_SPREAD_MARGIN, scorebooks: [], events: [], recorded: [], version: 0 };
    out.set(row.caseId, { ...p, scorebooks: [...p.scorebooks.filter((b) => b.id !== row.book.id), row.book] });
  }
  return [...new Set(rows.map((r) => (r as { caseId: string }).caseId))].map((id) => out.get(id)!);
}
