import { getSelfEvaluation } from '../../src/storage/repos.ts';
import { workbookSchema, type Workbook } from '../../src/self-evaluation/index.ts';
import { roundId, workingId, type ApplicantKind } from '../../src/ui/self-evaluation/store.ts';
export { PrintEmpty, PrintReport, printTitle } from '../../src/ui/self-evaluation/PrintReport.tsx';

/** The stored workbook the print view shows (the working copy, or a saved round), checked; null when none is valid. */
export async function readWorkbook(kind: ApplicantKind, round: string | null): Promise<Workbook | null> {
  const rec = await getSelfEvaluation(round ? roundId(kind, round) : workingId(kind));
  const parsed = rec ? workbookSchema.safeParse(rec.data) : null;
  return parsed?.success ? parsed.data : null;
}
