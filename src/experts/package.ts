import { z } from '../core/zod-mini.ts';
import { bi } from '../core/i18n.ts';
import { parseApplication, type Application } from '../application/index.ts';
import { workbookSchema, type Workbook } from '../self-evaluation/workbook.ts';
import { canonicalJson, sha256Hex } from '../storage/canonical-json.ts';
import { jsonSchema } from '../storage/records.ts';
import { openEnvelope, sealEnvelope, type Envelope, type EnvelopeProblem } from './envelope.ts';
import { expertRefSchema, reviewSubjectSchema, type ExpertRef, type ReviewSubject, type Scorebook } from './scorebook.ts';

/**
 * 评审材料包: what the office hands one assigned expert (第十条（三）) — the case as the office
 * registered it, the expert it is addressed to, the applicant's exported application and, when the
 * applicant gave one, the self-evaluation workbook. Sealed in the backups' SHA-256 envelope. The
 * expert's workspace opens it into a scorebook that names the case, so the office matches the
 * returned scorebook by case id, not by name.
 */
export const REVIEW_PACKAGE_FORMAT = 'lyg-award/review-package@1';

export const reviewPackageSchema = z.strictObject({
  id: z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(200)),
  issuedAt: z.iso.datetime({ offset: true }),
  issuedBy: z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(80)),
  case: z.extend(z.omit(reviewSubjectSchema, { packageSha256: true }), { caseId: z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(200)) }),
  expert: expertRefSchema,
  application: jsonSchema,
  selfEvaluation: z._default(z.nullable(jsonSchema), null),
});
export type ReviewPackage = z.output<typeof reviewPackageSchema>;
export type ReviewPackageFile = Envelope<typeof REVIEW_PACKAGE_FORMAT, ReviewPackage>;

export interface OpenedPackage {
  pkg: ReviewPackage;
  application: Application;
  selfEvaluation: Workbook | null;
  /** SHA-256 of the application's canonical JSON: the scorebook records which version the expert read */
  applicationSha256: string;
}

type Result = { ok: true; opened: OpenedPackage } | { ok: false; errors: EnvelopeProblem[] };
const fail = (path: string, zh: string, en: string): Result => ({ ok: false, errors: [{ path, message: bi(zh, en) }] });

/** The application, its self-evaluation and the case must describe the same applicant. */
function check(pkg: ReviewPackage): Result {
  const app = parseApplication(pkg.application);
  if (!app.ok) {
    const first = app.errors.slice(0, 3).map((e) => e.message.zh).join('；');
    return fail('application', `材料包里的申报书不完整或有误：${first}`, `The application in the package is incomplete or wrong: ${app.errors[0]?.message.en ?? ''}`);
  }
  const a = app.application;
  if (a.applicant.kind !== pkg.case.kind) {
    return fail('application.applicant.kind', '材料包里的申报书与案件的申报类型（组织/个人）不一致。', 'The application and the case differ in kind (organisation/individual).');
  }
  if (a.year !== pkg.case.year) {
    return fail('application.year', `材料包里的申报书是 ${a.year} 年的，案件是 ${pkg.case.year} 年的。`, `The application is for ${a.year}, the case for ${pkg.case.year}.`);
  }
  const code = a.applicant.kind === 'organization' ? (a.applicant.creditCode ?? null) : null;
  if (code && pkg.case.creditCode && code !== pkg.case.creditCode) {
    return fail('application.applicant.creditCode', '材料包里申报书的统一社会信用代码与案件登记的不一致。', 'The credit code in the application differs from the case.');
  }
  let selfEvaluation: Workbook | null = null;
  if (pkg.selfEvaluation !== null) {
    const wb = workbookSchema.safeParse(pkg.selfEvaluation);
    if (!wb.success) return fail('selfEvaluation', '材料包里的自评工作簿无法读取。', 'The self-evaluation workbook in the package cannot be read.');
    if (wb.data.applicantKind !== pkg.case.kind) return fail('selfEvaluation.applicantKind', '自评工作簿与案件的申报类型（组织/个人）不一致。', 'The self-evaluation and the case differ in kind.');
    selfEvaluation = wb.data;
  }
  return { ok: true, opened: { pkg, application: a, selfEvaluation, applicationSha256: '' } };
}

/** Build the package the clerk downloads for one expert; refuses (ok: false) what the expert could not open. */
export async function buildReviewPackage(input: {
  case: ReviewPackage['case'];
  expert: ExpertRef;
  issuedBy: string;
  application: unknown;
  selfEvaluation?: unknown;
  id?: string;
  now?: Date;
}): Promise<{ ok: true; file: ReviewPackageFile } | { ok: false; errors: EnvelopeProblem[] }> {
  const now = input.now ?? new Date();
  const parsed = reviewPackageSchema.safeParse({
    id: input.id ?? globalThis.crypto.randomUUID(),
    issuedAt: now.toISOString(),
    issuedBy: input.issuedBy,
    case: input.case,
    expert: input.expert,
    application: input.application,
    selfEvaluation: input.selfEvaluation ?? null,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map(String).join('.');
    return { ok: false, errors: [{ path, message: bi(`材料包无法生成：“${path}”无效。`, `The package cannot be made: "${path}" is invalid.`) }] };
  }
  const checked = check(parsed.data);
  if (!checked.ok) return checked;
  return { ok: true, file: await sealEnvelope(REVIEW_PACKAGE_FORMAT, parsed.data, now) };
}

/** Open a package file: envelope, checksum, schema, and the application agreeing with the case. Never throws. */
export async function readReviewPackage(input: unknown): Promise<Result> {
  const opened = await openEnvelope(input, REVIEW_PACKAGE_FORMAT, bi('评审材料包', 'review package'));
  if (!opened.ok) return opened;
  const parsed = reviewPackageSchema.safeParse(opened.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map(String).join('.');
    return fail(path, `评审材料包内容不完整（“${path}”无效），未打开。`, `The review package is incomplete ("${path}" is invalid); nothing was opened.`);
  }
  const checked = check(parsed.data);
  if (!checked.ok) return checked;
  return { ok: true, opened: { ...checked.opened, applicationSha256: await sha256Hex(canonicalJson(parsed.data.application)) } };
}

/** The scorebook an expert starts from a package: it names the case and the application version read. */
export function scorebookFromPackage(opened: OpenedPackage, id: string): Scorebook {
  const c = opened.pkg.case;
  const subject: ReviewSubject = { caseId: c.caseId, year: c.year, kind: c.kind, applicantName: c.applicantName, creditCode: c.creditCode, packageSha256: opened.applicationSha256 };
  return { id, version: 0, subject, expert: opened.pkg.expert, events: [] };
}

export function reviewPackageFileName(pkg: Pick<ReviewPackage, 'case' | 'expert'>): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40);
  return `评审材料包-${safe(pkg.case.applicantName)}-${safe(pkg.expert.name)}.json`;
}
