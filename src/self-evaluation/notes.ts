import { z } from '../core/zod-mini.ts';
import { throwZodErrorOnParse } from '../core/zod-contract.ts';

/**
 * What an applicant writes beside the numbers: the organisation profile (GB/Z 19579-2012 附录B)
 * and, per item, strengths, opportunities for improvement and evidence. Stored with the sheet.
 */
export const evidenceLinkSchema = z.object({
  name: z.string().check(z.maxLength(300, { error: '证据文件名不能超过 300 字 / evidence file name must be at most 300 characters' })),
  note: z._default(z.string().check(z.maxLength(2000, { error: '证据说明不能超过 2000 字 / evidence note must be at most 2000 characters' })), ''),
});
export type EvidenceLink = z.infer<typeof evidenceLinkSchema>;

export const itemNotesSchema = z.object({
  /**
   * The applicant's own account of how it meets the item, in its own words: the body of the 自评报告
   * under the item's heading, one paragraph per line. Absent in sheets saved before it existed.
   */
  narrative: z._default(z.string().check(z.maxLength(20000, { error: '自评陈述不能超过 20000 字 / the narrative must be at most 20,000 characters' })), ''),
  /** 优势: one per line */
  strengths: z._default(z.string(), ''),
  /** 改进机会 (OFIs): one per line */
  improvements: z._default(z.string(), ''),
  evidence: z._default(z.array(evidenceLinkSchema), []),
});
export type ItemNotes = z.infer<typeof itemNotesSchema>;

/** B.1 组织描述 (environment and relationships) and B.2 组织面临的挑战 (competition, strategic challenges, improvement system). */
export const profileSchema = z.object({
  description: z._default(z.string(), ''),
  challenges: z._default(z.string(), ''),
});
export type OrganisationProfile = z.infer<typeof profileSchema>;

export const emptyItemNotes = (): ItemNotes => ({ narrative: '', strengths: '', improvements: '', evidence: [] });

/**
 * Length as award notices count 字: every character except whitespace (as Word's "字符数(不计空格)").
 * Counts code points, so a CJK character or a Latin letter is one.
 */
export function countChars(text: string): number {
  let n = 0;
  for (const ch of text) if (!/\s/u.test(ch)) n++;
  return n;
}

/** Profile length (B.1 + B.2) against the policy's cap (policy.selfEvaluation.profileMaxChars). */
export function profileLength(profile: { description?: string; challenges?: string }): number {
  return countChars(profile.description ?? '') + countChars(profile.challenges ?? '');
}

/** Non-empty lines of a free-text field (a strength or OFI per line). */
export function lines(text: string | undefined): string[] {
  return (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

// the exported schemas' .parse throws the classic ZodError, as with full zod (issue 19)
throwZodErrorOnParse(evidenceLinkSchema, itemNotesSchema, profileSchema);
