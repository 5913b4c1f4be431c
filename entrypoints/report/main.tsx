import { render } from 'preact';
import { startLanguage, titleFollowsLanguage } from '../../src/ui/lang.ts';
import { config } from 'zod/mini';
import { getSelfEvaluation } from '../../src/storage/index.ts';
import { workbookSchema, type Workbook } from '../../src/self-evaluation/index.ts';
import { PrintEmpty, PrintReport, printTitle } from '../../src/ui/self-evaluation/PrintReport.tsx';
import { roundId, workingId } from '../../src/ui/self-evaluation/store.ts';

// Same as the other extension pages: zod must never probe `new Function` under the MV3 CSP.
config({ jitless: true });

/** the tab's title follows the language (one language at a time, issue 13) */
const titled = (page: Parameters<typeof printTitle>[0]) => titleFollowsLanguage(() => printTitle(page));

/**
 * report.html?kind=organization[&round=2026]: the print view of the working copy or of a saved round.
 * report.html?kind=…&mode=edit: the 自评 tab in a full browser tab, for writing long texts.
 */
async function main() {
  const app = document.getElementById('app')!;
  const params = new URLSearchParams(location.search);
  const kind = params.get('kind') === 'individual' ? 'individual' : 'organization';
  if (params.get('mode') === 'edit') {
    titled('edit');
    const { default: SelfEvaluationTab } = await import('../../src/ui/self-evaluation/SelfEvaluationTab.tsx');
    render(<main class="se-page"><SelfEvaluationTab applicantKind={kind} inTab /></main>, app);
    return;
  }
  const round = params.get('round');
  const rec = await getSelfEvaluation(round ? roundId(kind, round) : workingId(kind));
  const parsed = rec ? workbookSchema.safeParse(rec.data) : null;
  if (!parsed?.success) {
    titled('empty');
    render(<PrintEmpty />, app);
    return;
  }
  const workbook: Workbook = parsed.data;
  titled(workbook);
  render(<PrintReport workbook={workbook} />, app);
}

// the chosen language (issue 13) before the first render
void startLanguage().finally(() => void main());
