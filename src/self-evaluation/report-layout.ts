import { z } from '../core/zod-mini.ts';
import { throwZodErrorOnParse } from '../core/zod-contract.ts';

/**
 * How the applicant's 自评报告 is set, chosen the way award notices ask: the body's Chinese font and
 * size. Kept with the workbook (an optional field with a default, so records saved before it still
 * load and no IndexedDB migration is needed) and handed to exportSelfEvaluationDocx.
 */
export const REPORT_FONTS = ['宋体', '仿宋_GB2312', '仿宋', '楷体'] as const;
export type ReportFont = (typeof REPORT_FONTS)[number];

/**
 * Body sizes by their Chinese 字号 name, each with the 固定值 line spacing notices pair it with:
 * 小四 (12 pt) at 20 磅, the exporter's default; 四号 (14 pt) at 28 磅.
 */
export const REPORT_SIZES = {
  12: { zh: '小四', en: 'Small 4', lineSpacing: 20 },
  14: { zh: '四号', en: 'Size 4', lineSpacing: 28 },
} as const;
export type ReportSize = keyof typeof REPORT_SIZES;

export const DEFAULT_REPORT_LAYOUT = { font: '宋体', bodySize: 12, english: false } as const satisfies { font: ReportFont; bodySize: ReportSize; english: boolean };

export const reportLayoutSchema = z.object({
  font: z._default(z.enum(REPORT_FONTS), DEFAULT_REPORT_LAYOUT.font),
  bodySize: z._default(z.union([z.literal(12), z.literal(14)]), DEFAULT_REPORT_LAYOUT.bodySize),
  /** Chinese only by default; the applicant may add English alongside (issue 12) */
  english: z._default(z.boolean(), false),
});
export type ReportLayout = z.infer<typeof reportLayoutSchema>;

/** The exporter's font, size and line spacing for a chosen layout (Latin text stays Times New Roman). */
export function docxLayoutOf(layout: ReportLayout): { font: { eastAsia: string; latin: string }; bodySize: number; lineSpacing: number; language: 'zh' | 'zh-en' } {
  return { font: { eastAsia: layout.font, latin: 'Times New Roman' }, bodySize: layout.bodySize, lineSpacing: REPORT_SIZES[layout.bodySize].lineSpacing, language: layout.english ? 'zh-en' : 'zh' };
}

// the exported schemas' .parse throws the classic ZodError, as with full zod (issue 19)
throwZodErrorOnParse(reportLayoutSchema);
