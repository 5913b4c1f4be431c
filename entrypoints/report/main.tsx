import { render } from 'preact';
import { startLanguage } from '../../src/ui/lang.ts';
import { z } from 'zod';
import { getSelfEvaluation } from '../../src/storage/index.ts';
import { workbookSchema, type Workbook } from '../../src/self-evaluation/index.ts';
import { PrintReport } from '../../src/ui/self-evaluation/PrintReport.tsx';
import { roundId, workingId } from '../../src/ui/self-evaluation/store.ts';

// Same as the other extension pages: zod must never probe `new Function` under the MV3 CSP.
z.config({ jitless: true });

/**
 * report.html?kind=organization[&round=2026]: the print view of the working copy or of a saved round.
 * report.html?kind=…&mode=edit: the 自评 tab in a full browser tab, for writing long texts.
 */
async function main() {
  const app = document.getElementById('app')!;
  const params = new URLSearchParams(location.search);
  const kind = params.get('kind') === 'individual' ? 'individual' : 'organization';
  if (params.get('mode') === 'edit') {
    document.title = '自评 Self-evaluation';
    const { default: SelfEvaluationTab } = await import('../../src/ui/self-evaluation/SelfEvaluationTab.tsx');
    render(<main class="se-page"><SelfEvaluationTab applicantKind={kind} inTab /></main>, app);
    return;
  }
  const round = params.get('round');
  const rec = await getSelfEvaluation(round ? roundId(kind, round) : workingId(kind));
  const parsed = rec ? workbookSchema.safeParse(rec.data) : null;
  if (!parsed?.success) {
    render(<p class="se-print" data-testid="print-empty">还没有自评数据：请先在侧边栏“自评”页签中填写。 / No self-evaluation yet: fill in the 自评 tab in the side panel first.</p>, app);
    return;
  }
  const workbook: Workbook = parsed.data;
  document.title = `自评报告 ${workbook.applicantName} ${workbook.round}`.trim();
  render(<PrintReport workbook={workbook} />, app);
}

// the chosen language (issue 13) before the first render
void startLanguage().finally(() => void main());
