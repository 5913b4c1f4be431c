const CJK = /[\u3400-\u9fff\u3000-\u303f\uff08\uff09\uff1a\uff1b\uff0c]/;
/** what may stay Chinese in English: article citations (第十条（一）, or a clause "(一)" of one) and the names of the languages */
const ALLOWED = /第[一二三四五六七八九十百]+条(（[一二三四五六七八九十]+）)*|[(（][一二三四五六七八九十]+[)）]|中文|中英对照/g;

/**
 * Every piece of text a person meets in `root` that is Chinese although English is chosen: text in any
 * element (not only a control's own), option and optgroup labels, placeholders, titles and aria-labels.
 * Text inside an element marked lang="zh…" or translate="no" is data or deliberately Chinese.
 */
export function chineseLeft(root: Element): string[] {
  const out: string[] = [];
  const skip = (el: Element | null) => !!el?.closest('[lang^="zh"], [translate="no"], [hidden], style, script');
  const check = (text: string | null | undefined, where: string) => {
    const t = (text ?? '').replace(ALLOWED, '').trim();
    if (t && CJK.test(t)) out.push(`${where}: ${t.slice(0, 80)}`);
  };
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!skip(n.parentElement)) check(n.textContent, n.parentElement?.tagName.toLowerCase() ?? '#text');
  for (const el of root.querySelectorAll('*')) {
    if (skip(el)) continue;
    for (const a of ['placeholder', 'title', 'aria-label', 'label']) check(el.getAttribute(a), `${el.tagName.toLowerCase()}[${a}]`);
  }
  return out;
}
