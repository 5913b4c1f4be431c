// Plain-text and Markdown tables for the bench and budget reports.
const width = (s) => [...String(s)].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const pad = (s, n, right) => { const fill = ' '.repeat(Math.max(0, n - width(s))); return right ? fill + s : s + fill; };

/** rows: arrays of cells; align: 'l' | 'r' per column. */
export function textTable(head, rows, align = []) {
  const w = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (r) => r.map((c, i) => pad(String(c ?? ''), w[i], align[i] === 'r')).join('  ');
  return [line(head), w.map((n) => '─'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
}

export function mdTable(head, rows, align = []) {
  const esc = (c) => String(c ?? '').replace(/\|/g, '\\|');
  return [
    `| ${head.map(esc).join(' | ')} |`,
    `| ${head.map((_, i) => (align[i] === 'r' ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}
