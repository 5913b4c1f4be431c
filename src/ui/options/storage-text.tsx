import type { Bilingual } from '../../core/i18n.ts';

/** Chinese first, English second (lang set for screen readers). Shared by the storage-owned sections. */
export function Bi({ text }: { text: Bilingual }) {
  return (
    <span class="ap-bi">
      <span lang="zh-CN">{text.zh}</span> <span class="ap-en" lang="en">{text.en}</span>
    </span>
  );
}
