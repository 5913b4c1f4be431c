import { z } from 'zod';
import { isoDateSchema } from '../core/dates.ts';
import { bilingualIssue, creditCodeSchema, productLevelSchema } from '../application/schema.ts';

/**
 * The organisation profile kept for prefill (options page → 填入单位资料). Keys are application
 * field paths, so the content script can fill the portal's fields through its adapter.
 */
export const PROFILE_ID = 'default';

const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => (v === '' ? undefined : v));
const blankToUndefined = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

/** A count kept as typed ("3") or as a number; '' means not given. */
const optionalCount = z
  .union([z.number(), z.string()])
  .optional()
  .transform((v) => blankToUndefined(typeof v === 'number' ? String(v) : v))
  .pipe(
    z
      .string()
      .regex(/^\d{1,6}$/, bilingualIssue('应为 0 或正整数', 'must be a whole number, 0 or more'))
      .transform(Number)
      .optional(),
  );

/** A list of short texts; blank items dropped, an empty list is "not given". */
const textList = (max: number) =>
  z
    .array(z.string().trim().max(100))
    .max(max)
    .optional()
    .transform((items) => { const kept = items?.filter((x) => x !== ''); return kept && kept.length > 0 ? kept : undefined; });

/**
 * Stable facts that do not change between applications (who the applicant is, what it owns); the
 * declarations and yearly records (accidents, complaints, inspections) are typed fresh on each form.
 */
export const profileDataSchema = z.object({
  'applicant.name': optionalText(200),
  'applicant.creditCode': z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v?.toUpperCase()))
    .pipe(creditCodeSchema.optional()),
  'applicant.establishedOn': z.string().optional().transform(blankToUndefined).pipe(isoDateSchema.optional()),
  // 所属行业 (one or several) and 所在地区 (province → city → district), as the portal's own texts
  'applicant.industry': textList(20),
  'applicant.region': textList(6),
  'applicant.registeredInLianyungang': z.boolean().nullable().optional(),
  'applicant.independentLegalPerson': z.boolean().nullable().optional(),
  // 第八条（二）: certificates are renewed every few years, not every application
  'applicant.qmsCertificates': z
    .array(
      z.object({
        standard: z.string().trim().min(1, bilingualIssue('认证标准不能为空，例如 GB/T 19001-2016', 'the standard must not be empty, e.g. GB/T 19001-2016')).max(200),
        validUntil: z.string().trim().pipe(isoDateSchema),
      }),
    )
    .max(10, bilingualIssue('最多 10 张证书', 'at most 10 certificates'))
    .optional()
    .transform((rows) => (rows && rows.length > 0 ? rows : undefined)),
  // 第八条（三）
  'applicant.productLevel': z
    .string()
    .optional()
    .transform(blankToUndefined)
    .pipe(productLevelSchema.optional()),
  'applicant.registeredTrademarks': optionalCount,
  'applicant.inventionPatents': optionalCount,
  // 第八条（六）
  'applicant.exporter': z.boolean().nullable().optional(),
  // 第九条（一）: individuals
  'applicant.qualityWorkInLianyungangSince': z.string().optional().transform(blankToUndefined).pipe(isoDateSchema.optional()),
});
export type ProfileData = z.output<typeof profileDataSchema>;

/** The values to fill, leaving out what the profile does not know. */
export function profileToValues(data: unknown): Record<string, string | boolean> | null {
  const parsed = profileDataSchema.safeParse(data);
  if (!parsed.success) return null;
  const out: Record<string, string | boolean> = {};
  // counts go to the portal as the digits a person would type; table rows as the JSON the content script reads
  for (const [k, v] of Object.entries(parsed.data)) {
    if (v === undefined || v === null) continue;
    out[k] = typeof v === 'number' ? String(v) : Array.isArray(v) ? JSON.stringify(v) : v;
  }
  return out;
}
