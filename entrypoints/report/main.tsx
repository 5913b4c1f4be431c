import { render } from 'preact';
import { startLanguage, titleFollowsLanguage } from '../../src/ui/lang.ts';

/**
 * report.html?kind=organization[&round=2026]: the print view of the working copy or of a saved round.
 * report.html?kind=…&mode=edit: the 自评 tab in a full browser tab, for writing long texts.
 *
 * Nothing is painted before the stored workbook is read, so the stores, the workbook's checks and the print view
 * load on demand, beside the chosen language (issue 19: report.html initial JS); the read is asynchronous anyway.
 */
// Same as the other extension pages: zod must never probe `new Function` under the MV3 CSP (the build strips the
// probe too). zod is not in the first load (issue 19): it is configured before the view, which builds the schemas,
// is imported.
const zodReady = import('zod/mini').then(({ config }) => config({ jitless: true }));

const params = new URLSearchParams(location.search);
const kind = params.get('kind') === 'individual' ? 'individual' : 'organization';
const editing = params.get('mode') === 'edit';
const view = zodReady.then((): Promise<unknown> => (editing ? import('./edit-view.tsx') : import('./print-view.tsx')));

async function main() {
  const app = document.getElementById('app')!;
  await zodReady;
  if (editing) {
    const { SelfEvaluationTab, printTitle } = await import('./edit-view.tsx');
    titleFollowsLanguage(() => printTitle('edit'));
    render(<main class="se-page"><SelfEvaluationTab applicantKind={kind} inTab /></main>, app);
    return;
  }
  const { PrintEmpty, PrintReport, printTitle, readWorkbook } = await import('./print-view.tsx');
  const workbook = await readWorkbook(kind, params.get('round'));
  // the tab's title follows the language (one language at a time, issue 13)
  titleFollowsLanguage(() => printTitle(workbook ?? 'empty'));
  render(workbook ? <PrintReport workbook={workbook} /> : <PrintEmpty />, app);
}

// the chosen language (issue 13) before the first render; the view's code loads meanwhile
void view.catch(() => undefined);
void startLanguage().finally(() => void main());
