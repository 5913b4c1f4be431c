import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { unzipSync, strFromU8 } from 'fflate';

// the export's bytes, caught where the button hands them to the browser
const downloads = vi.hoisted(() => [] as { bytes: Uint8Array; name: string }[]);
vi.mock('../../../src/ui/download.ts', () => ({
  downloadFile: (bytes: Uint8Array, name: string) => { downloads.push({ bytes, name }); },
}));

import SelfEvaluationTab from '../../../src/ui/self-evaluation/SelfEvaluationTab.tsx';
import { deleteSelfEvaluation, getSelfEvaluation, listSelfEvaluations } from '../../../src/storage/index.ts';
import { allSaved, workingId } from '../../../src/ui/self-evaluation/store.ts';
import { emptyWorkbook, workbookSchema } from '../../../src/self-evaluation/index.ts';
import { lang } from '../../../src/ui/lang.ts';

async function clearAll() {
  for (const r of await listSelfEvaluations()) await deleteSelfEvaluation(r.id);
}
async function openReport() {
  render(<SelfEvaluationTab applicantKind="organization" />);
  await waitFor(() => expect(screen.getByTestId('save-state').dataset.state).toBe('saved'));
  fireEvent.click(screen.getByTestId('view-report'));
}
/** the default run (body text) properties in word/styles.xml, and the default paragraph's spacing */
function bodyDefaults(bytes: Uint8Array) {
  const styles = strFromU8(unzipSync(bytes)['word/styles.xml']!);
  const rPr = styles.match(/<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/)![0];
  const pPr = styles.match(/<w:pPrDefault>[\s\S]*?<\/w:pPrDefault>/)![0];
  return {
    eastAsia: rPr.match(/w:eastAsia="([^"]*)"/)?.[1],
    size: Number(rPr.match(/<w:sz w:val="(\d+)"/)?.[1]),
    line: Number(pPr.match(/w:line="(\d+)"/)?.[1]),
    lineRule: pPr.match(/w:lineRule="([^"]*)"/)?.[1],
  };
}
async function exported() {
  downloads.length = 0;
  fireEvent.click(screen.getByTestId('export-docx'));
  await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 10_000 });
  return bodyDefaults(downloads[0]!.bytes);
}

beforeEach(clearAll);
afterEach(async () => {
  act(() => cleanup());
  await allSaved();
  await clearAll();
  lang.value = 'zh';
});

describe('自评报告 language', () => {
  it('Chinese only by default; 附英文对照 adds the English headings, and the choice is kept', async () => {
    await openReport();
    const docText = () => strFromU8(unzipSync(downloads[0]!.bytes)['word/document.xml']!);
    await exported();
    expect(docText()).not.toContain('Scores');
    const box = screen.getByTestId('report-english') as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await waitFor(() => expect((screen.getByTestId('report-english') as HTMLInputElement).checked).toBe(true));
    await exported();
    expect(docText()).toMatch(/Scores|Score/);
    await allSaved();
    const stored = workbookSchema.parse((await getSelfEvaluation(workingId('organization')))!.data);
    expect(stored.reportLayout.english).toBe(true);
  }, 30_000);
});

describe('自评报告 body font and size', () => {
  it('exports 宋体 小四 on exact 20 pt lines until the applicant chooses otherwise', async () => {
    await openReport();
    expect((screen.getByTestId('report-font') as HTMLSelectElement).value).toBe('宋体');
    expect(await exported()).toEqual({ eastAsia: '宋体', size: 24, line: 400, lineRule: 'exact' });
  }, 20_000);

  it('choosing 仿宋_GB2312 四号 makes the export set the body in them, and the choice survives a reload of the store', async () => {
    await openReport();
    fireEvent.change(screen.getByTestId('report-font'), { target: { value: '仿宋_GB2312' } });
    fireEvent.change(screen.getByTestId('report-size'), { target: { value: '14' } });
    expect(await exported()).toEqual({ eastAsia: '仿宋_GB2312', size: 28, line: 560, lineRule: 'exact' });

    // saved with the workbook …
    await allSaved();
    const rec = await getSelfEvaluation(workingId('organization'));
    expect(workbookSchema.parse(rec!.data).reportLayout).toEqual({ font: '仿宋_GB2312', bodySize: 14, english: false });

    // … and a fresh tab (a new store reading IndexedDB) shows and exports it
    act(() => cleanup());
    await allSaved();
    await openReport();
    expect((screen.getByTestId('report-font') as HTMLSelectElement).value).toBe('仿宋_GB2312');
    expect((screen.getByTestId('report-size') as HTMLSelectElement).value).toBe('14');
    expect(await exported()).toEqual({ eastAsia: '仿宋_GB2312', size: 28, line: 560, lineRule: 'exact' });
  }, 30_000);

  it('a value never offered changes nothing', async () => {
    await openReport();
    const font = screen.getByTestId('report-font') as HTMLSelectElement;
    const opt = document.createElement('option');
    opt.value = 'Comic Sans';
    font.append(opt);
    fireEvent.change(font, { target: { value: 'Comic Sans' } });
    await allSaved();
    const rec = await getSelfEvaluation(workingId('organization'));
    expect(rec ? workbookSchema.parse(rec.data).reportLayout : emptyWorkbook('organization').reportLayout).toEqual({ font: '宋体', bodySize: 12, english: false });
  });

  it('workbooks saved before the setting load with the defaults', () => {
    const { reportLayout: _, ...old } = emptyWorkbook('organization');
    expect(workbookSchema.parse(old).reportLayout).toEqual({ font: '宋体', bodySize: 12, english: false });
  });

  it('shows one language at a time: Chinese by default, English when chosen', async () => {
    lang.value = 'zh';
    await openReport();
    const box = screen.getByTestId('report-layout');
    expect(box.textContent).toContain('正文字体与字号');
    expect(box.textContent).not.toContain('Body font');
    expect(box.textContent).toContain('四号（14 磅，行距固定值 28 磅）');
    act(() => { lang.value = 'en'; });
    expect(box.textContent).toContain('Body font and size');
    expect(box.textContent).not.toContain('正文字体');
    expect(box.textContent).toContain('Size 4 (14 pt, exact 28 pt lines)');
  });
});
