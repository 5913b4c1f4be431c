import { z } from '../core/zod-mini.ts';
import { catalogueItems } from './catalogue.ts';
import { percentSchema } from './bands.ts';
import { individualAssessmentSchema } from './individual.ts';
import { itemNotesSchema, profileSchema } from './notes.ts';
import { SHEET_FORMAT, type Sheet } from './score.ts';
import { DEFAULT_REPORT_LAYOUT, reportLayoutSchema } from './report-layout.ts';
import { parseOrThrow } from '../core/zod-contract.ts';

/**
 * Everything the 自评 tab keeps for one round: the percents (the contract §4 sheet), the notes per
 * item, the organisation profile, for individuals the 第九条 self-assessment, and how the report is set. Stored in
 * IndexedDB through saveSelfEvaluation; validated on every load.
 */
export const WORKBOOK_FORMAT = 'lyg-award/self-evaluation-workbook@1';

export const workbookSchema = z.object({
  format: z.literal(WORKBOOK_FORMAT),
  applicantKind: z.enum(['organization', 'individual']),
  applicantName: z._default(z.string(), ''),
  round: z._default(z.string(), ''),
  percents: z._default(z.record(z.string(), percentSchema), {}),
  notes: z._default(z.record(z.string(), itemNotesSchema), {}),
  profile: z._default(profileSchema, { description: '', challenges: '' }),
  individual: z._default(individualAssessmentSchema, { headsOrganization: false, qualityWorkSince: null, dimensions: {} }),
  /** the 自评报告's body font and size (absent in workbooks saved before it: the defaults) */
  reportLayout: z._default(reportLayoutSchema, { ...DEFAULT_REPORT_LAYOUT }),
});
export type Workbook = z.infer<typeof workbookSchema>;

export function emptyWorkbook(applicantKind: Workbook['applicantKind'], round = ''): Workbook {
  return parseOrThrow(workbookSchema, { format: WORKBOOK_FORMAT, applicantKind, round });
}

/** The contract §4 sheet of a workbook, items in catalogue order, unscored items left out. */
export function workbookSheet(w: Pick<Workbook, 'percents'>): Sheet {
  return {
    format: SHEET_FORMAT,
    items: catalogueItems.filter((i) => w.percents[i.id] !== undefined).map((i) => ({ id: i.id, percent: w.percents[i.id]! })),
  };
}
