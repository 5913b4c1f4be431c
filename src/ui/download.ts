/**
 * Saves text or bytes as a file through a Blob URL and an <a download> click, from an extension page:
 * no downloads permission needed. The link is attached (Firefox ignores clicks on detached links).
 */
export function downloadFile(contents: string | Uint8Array, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([contents as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // revoke later: some browsers read the URL after click() returns
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
