import type { Bilingual } from '../../core/i18n.ts';
import { lang } from '../lang.ts';

/** One language at a time (the setting, src/ui/lang.ts); 中英对照: Chinese first, English second (smaller, lang="en"). */
export function Bi({ text, block = false }: { text: Bilingual; block?: boolean }) {
  const l = lang.value;
  if (l !== 'both') return <span class={block ? 'se-bi se-bi-block' : 'se-bi'} lang={l === 'en' ? 'en' : 'zh-CN'}>{l === 'en' ? text.en : text.zh}</span>;
  return (
    <span class={block ? 'se-bi se-bi-block' : 'se-bi'}>
      <span lang="zh-CN">{text.zh}</span> <span class="se-en" lang="en">{text.en}</span>
    </span>
  );
}
