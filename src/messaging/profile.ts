import { z } from '../core/zod-mini.ts';
import { isoDateSchema } from '../core/dates.ts';
import { bilingualIssue, creditCodeSchema, productLevelSchema } from '../application/schema.ts';

/**
 * The organisation profile kept for prefill (options page → 填入单位资料). Keys are application
 * field paths, so the content script can fill the portal's fields through its adapter.
 */
export { PROFILE_ID } from './profile-id.ts';

const optionalText = (max: number) => z.pipe(z.optional(z.string().check(z.trim()).check(z.maxLength(max))), z.transform((v) => (v === '' ? undefined : v)));
const blankToUndefined = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

/** A count kept as typed ("3") or as a number; '' means not given. */
const optionalCount = z.pipe(z.pipe(z.optional(z.union([z.number(), z.string()])), z.transform((v) => blankToUndefined(typeof v === 'number' ? String(v) : v))), 
    z.optional(z.pipe(z.string().check(z.regex(/^\d{1,6}$/, bilingualIssue('应为 0 或正整数', 'must be a whole number, 0 or more'))), z.transform(Number))),
  );

/** A list of short texts; blank items dropped, an empty list is "not given". */
const textList = (max: number) =>
  z.pipe(z.optional(z.array(z.string().check(z.trim()).check(z.maxLength(100))).check(z.maxLength(max))), z.transform((items) => { const kept = items?.filter((x) => x !== ''); return kept && kept.length > 0 ? kept : undefined; }));

/**
 * Stable facts that do not change between applications (who the applicant is, what it owns); the
 * declarations and yearly records (accidents, complaints, inspections) are typed fresh on each form.
 */
export const profileDataSchema = z.object({
  'applicant.name': optionalText(200),
  'applicant.creditCode': z.pipe(z.pipe(z.optional(z.string().check(z.trim())), z.transform((v) => (v === '' ? undefined : v?.toUpperCase()))), z.optional(creditCodeSchema)),
  'applicant.establishedOn': z.pipe(z.pipe(z.optional(z.string()), z.transform(blankToUndefined)), z.optional(isoDateSchema)),
  // 所属行业 (one or several) and 所在地区 (province → city → district), as the portal's own texts
  'applicant.industry': textList(20),
  'applicant.region': textList(6),
  'applicant.registeredInLianyungang': z.optional(z.nullable(z.boolean())),
  'applicant.independentLegalPerson': z.optional(z.nullable(z.boolean())),
  // 第八条（二）: certificates are renewed every few years, not every application
  'applicant.qmsCertificates': z.pipe(z.optional(z.array(
      z.object({
        standard: z.string().check(z.trim()).check(z.minLength(1, bilingualIssue('认证标准不能为空，例如 GB/T 19001-2016', 'the standard must not be empty, e.g. GB/T 19001-2016'))).check(z.maxLength(200)),
        validUntil: z.pipe(z.string().check(z.trim()), isoDateSchema),
      }),
    ).check(z.maxLength(10, bilingualIssue('最多 10 张证书', 'at most 10 certificates')))), z.transform((rows) => (rows && rows.length > 0 ? rows : undefined))),
  // 第八条（三）
  'applicant.productLevel': z.pipe(z.pipe(z.optional(z.string()), z.transform(blankToUndefined)), z.optional(productLevelSchema)),
  'applicant.registeredTrademarks': optionalCount,
  'applicant.inventionPatents': optionalCount,
  // 第八条（六）
  'applicant.exporter': z.optional(z.nullable(z.boolean())),
  // 第九条（一）: individuals
  'applicant.qualityWorkInLianyungangSince': z.pipe(z.pipe(z.optional(z.string()), z.transform(blankToUndefined)), z.optional(isoDateSchema)),
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
