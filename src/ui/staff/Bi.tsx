import type { Bilingual } from '../../core/i18n.ts';
import { lang, tx } from '../lang.ts';

/** One language at a time (the setting, src/ui/lang.ts); 中英对照: Chinese first, English beside or beneath it, smaller and marked lang="en". */
export function Bi({ text, block = false }: { text: Bilingual; block?: boolean }) {
  const l = lang.value;
  if (l !== 'both') return <span class={block ? 'bi bi-block' : 'bi'} lang={l === 'en' ? 'en' : 'zh-CN'}>{l === 'en' ? text.en : text.zh}</span>;
  return (
    <span class={block ? 'bi bi-block' : 'bi'}>
      <span lang="zh-CN">{text.zh}</span>
      <span class="en" lang="en">
        {text.en}
      </span>
    </span>
  );
}

export const t = (zh: string, en: string): Bilingual => ({ zh, en });

/** Plain text for attributes (aria-label, title), in the chosen language ("中文 / English" for both). */
export const plain = (text: Bilingual): string => tx(text);
