// A list-valued field (a multiple select, a cascader): split out of snapshot.ts so the prefill driver
// can use it without the demo adapter snapshot.ts imports.

/**
 * A multiple select's reading (the chosen texts joined with 、, or a JSON list as prefill keeps it)
 * and a cascader's (its path as the library shows it: 江苏省 / 连云港市 / 海州区) → the items.
 */
export function splitList(type: 'multiselect' | 'cascader', raw: string): string[] {
  const text = raw.trim();
  if (text.startsWith('[')) {
    try {
      const list: unknown = JSON.parse(text);
      if (Array.isArray(list) && list.every((x) => typeof x === 'string')) return list.map((x) => x.trim()).filter(Boolean);
    } catch { /* not JSON: the shown text */ }
  }
  return text.split(type === 'cascader' ? /\s*[/／>＞]\s*/ : /\s*[、，,;；]\s*/).map((x) => x.trim()).filter(Boolean);
}
