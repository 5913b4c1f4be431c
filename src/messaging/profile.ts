import { z } from 'zod';
import { isoDateSchema } from '../core/dates.ts';
import { creditCodeSchema } from '../application/schema.ts';

/**
 * The organisation profile kept for prefill (options page → 填入单位资料). Keys are application
 * field paths, so the content script can fill the portal's fields through its adapter.
 */
export const PROFILE_ID = 'default';

const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => (v === '' ? undefined : v));

export const profileDataSchema = z.object({
  'applicant.name': optionalText(200),
  'applicant.creditCode': z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v?.toUpperCase()))
    .pipe(creditCodeSchema.optional()),
  'applicant.establishedOn': z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(isoDateSchema.optional()),
  'applicant.registeredInLianyungang': z.boolean().nullable().optional(),
  'applicant.independentLegalPerson': z.boolean().nullable().optional(),
});
export type ProfileData = z.output<typeof profileDataSchema>;

/** The values to fill, leaving out what the profile does not know. */
export function profileToValues(data: unknown): Record<string, string | boolean> | null {
  const parsed = profileDataSchema.safeParse(data);
  if (!parsed.success) return null;
  const out: Record<string, string | boolean> = {};
  for (const [k, v] of Object.entries(parsed.data)) if (v !== undefined && v !== null) out[k] = v;
  return out;
}
