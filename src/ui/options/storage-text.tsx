import type { Bilingual } from '../../core/i18n.ts';
import { lang } from '../lang.ts';

/** One language at a time (the setting, src/ui/lang.ts); 中英对照: Chinese first, English second. Shared by the storage-owned sections. */
export function Bi({ text }: { text: Bilingual }) {
  const l = lang.value;
  if (l !== 'both') return <span class="ap-bi" lang={l === 'en' ? 'en' : 'zh-CN'}>{l === 'en' ? text.en : text.zh}</span>;
  return (
    <span class="ap-bi">
      <span lang="zh-CN">{text.zh}</span> <span class="ap-en" lang="en">{text.en}</span>
    </span>
  );
}
