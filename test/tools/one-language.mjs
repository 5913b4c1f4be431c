/**
 * One language at a time (issue 13): every piece of text a person meets under `root` that is in the
 * other language — text in any element (not only a control's own, SVG labels included), option and
 * optgroup labels, placeholders, titles, aria-labels, and the page's title when `root` is the body.
 *
 * - English chosen: no Chinese, apart from article citations (第十条（一）, or a clause "(一)" of one), an official
 *   document's number (连政办发〔2021〕26号) and the names of the languages.
 * - Chinese chosen: no English words, apart from names a Chinese reader sees in Latin letters (GB/T 19580,
 *   PDF, Excel, Award Pilot, …), all-capital abbreviations, file extensions, addresses and the name of the
 *   English language.
 *
 * Text inside an element marked lang="…" of the other language or translate="no" is data or deliberately
 * in that language; [hidden], style and script are skipped.
 *
 * Self-contained (no outside names) so that the e2e can hand it to page.evaluate as it is, and the unit
 * tests (test/unit/ui/one-language.ts) call the very same check: the two are equally strict by construction.
 *
 * @param {'zh' | 'en'} lang the language chosen
 * @param {Element} [root] defaults to the document's body
 * @returns {string[]} "where: text" for every piece left in the other language
 */
export function leftInOtherLanguage(lang, root) {
  root ??= document.body;
  const doc = root.ownerDocument;
  const CJK = /[\u3400-\u9fff\u3000-\u303f\uff08\uff09\uff1a\uff1b\uff0c]/;
  // an official document's number (连政办发〔2021〕26号) has no English form: cited as it is, like an article
  const CITATION = /第[一二三四五六七八九十百]+条(（[一二三四五六七八九十]+）)*|[(（][一二三四五六七八九十]+[)）]|[\u4e00-\u9fff]{2,8}〔\d{4}〕\d+号|中文|中英对照/g;
  // names, products and formats a Chinese screen writes in Latin letters
  const NAMES = /\b(?:GB\/T|Award Pilot|CouchDB|PouchDB|Excel|Word|WPS|LibreOffice|Chrome|Chromium|Firefox|Edge|English)\b|\bhttps?:\/\/\S+|\S+@\S+\.\S+|\.\w{2,5}\b|\b\w+\.(?:json|csv|xlsx|docx|pdf|zip|bpmn|html|txt)\b/g;
  const other = lang === 'en' ? 'zh' : 'en';
  const wrong = lang === 'en'
    ? (t) => { const s = t.replace(CITATION, '').trim(); return CJK.test(s) ? s : ''; }
    // an English word: Latin letters with at least one lower-case one (PDF, ID, KPI are abbreviations)
    : (t) => (t.replace(NAMES, ' ').match(/[A-Za-z]*[a-z][A-Za-z]*/g) ?? []).filter((w) => w.length > 1).join(' ');
  const skip = (el) => {
    if (!el || el.closest('[translate="no"], [hidden], style, script, noscript, template')) return true;
    const marked = el.closest('[lang]')?.getAttribute('lang') ?? '';
    return marked.toLowerCase().startsWith(other);
  };
  const out = [];
  const check = (text, where) => {
    const bad = wrong(text ?? '');
    if (bad) out.push(`${where}: ${bad.slice(0, 80)}${lang === 'zh' ? ` (in “${(text ?? '').trim().slice(0, 60)}”)` : ''}`);
  };
  if (root === doc.body) check(doc.title, 'title');
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!skip(n.parentElement)) check(n.textContent, n.parentElement?.tagName.toLowerCase() ?? '#text');
  for (const el of root.querySelectorAll('*')) {
    if (skip(el)) continue;
    for (const a of ['placeholder', 'title', 'aria-label', 'label', 'alt']) check(el.getAttribute(a), `${el.tagName.toLowerCase()}[${a}]`);
  }
  return out;
}
