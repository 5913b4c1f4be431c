// LibreOffice Writer as a reviewer's office uses it: open a .docx, 工具 ▸ 更新 ▸ 全部更新 (every index,
// e.g. the table of contents, and every field), then export to PDF. `soffice --convert-to pdf` cannot
// update indexes, so a StarBasic macro in a private user profile does it through the UNO API
// (XDocumentIndex.update, XRefreshable.refresh), as a person would through the menu.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const MODULE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub UpdateToPdf(inUrl As String, outUrl As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden"
  load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(inUrl, "_blank", 0, load())
  indexes = doc.getDocumentIndexes()
  REM twice: the first update may move pages (the index's own length), the second reads them again
  For pass = 1 To 2
    For i = 0 To indexes.getCount() - 1
      indexes.getByIndex(i).update()
    Next i
  Next pass
  doc.getTextFields().refresh()
  Dim pdf(0) As New com.sun.star.beans.PropertyValue
  pdf(0).Name = "FilterName"
  pdf(0).Value = "writer_pdf_Export"
  doc.storeToURL(outUrl, pdf())
  doc.close(True)
  StarDesktop.terminate()
End Sub
</script:module>
`;

/**
 * Converts `docx` to `pdf` with every index and field updated first. `work` holds the private
 * LibreOffice profile (created on first use). Throws with LibreOffice's output when no PDF appears.
 */
export function docxToPdfUpdated(soffice, docx, pdf, work) {
  const profile = path.join(work, 'lo-update-profile');
  const env = `-env:UserInstallation=${pathToFileURL(profile).href}`;
  const basic = path.join(profile, 'user/basic/Standard/Module1.xba');
  if (!fs.existsSync(basic)) {
    spawnSync(soffice, ['--headless', env, '--terminate_after_init'], { timeout: 120_000 });
    if (!fs.existsSync(basic)) throw new Error(`LibreOffice did not create its profile in ${profile}`);
  }
  fs.writeFileSync(basic, MODULE);
  fs.rmSync(pdf, { force: true });
  const url = `macro:///Standard.Module1.UpdateToPdf("${pathToFileURL(docx).href}","${pathToFileURL(pdf).href}")`;
  const r = spawnSync(soffice, ['--headless', env, url], { encoding: 'utf8', timeout: 180_000 });
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice did not write ${pdf}: ${r.stderr || r.stdout || r.error}`);
  return pdf;
}
