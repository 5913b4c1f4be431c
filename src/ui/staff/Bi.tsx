import type { Bilingual } from '../../core/i18n.ts';

/** Chinese first; English beside it (inline) or beneath it, smaller and marked lang="en". */
export function Bi({ text, block = false }: { text: Bilingual; block?: boolean }) {
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

/** Plain text for attributes (aria-label, title): "中文 / English". */
export const plain = (text: Bilingual): string => `${text.zh} / ${text.en}`;
