import type { Bilingual } from '../../core/i18n.ts';

/** Chinese first, English second (smaller, lang="en"). */
export function Bi({ text, block = false }: { text: Bilingual; block?: boolean }) {
  return (
    <span class={block ? 'se-bi se-bi-block' : 'se-bi'}>
      <span lang="zh-CN">{text.zh}</span> <span class="se-en" lang="en">{text.en}</span>
    </span>
  );
}
