import type { ComponentChildren } from 'preact';
import type { Bilingual } from '../../core/i18n.ts';
import { lang } from '../lang.ts';

/** One language at a time (the setting, src/ui/lang.ts); 中英对照: Chinese first, English beneath (smaller, lang="en"). */
export function Bi({ text, inline = false }: { text: Bilingual; inline?: boolean }) {
  const l = lang.value;
  if (l === 'zh') return <span class={inline ? 'bi bi-inline' : 'bi'} lang="zh-CN">{text.zh}</span>;
  if (l === 'en') return <span class={inline ? 'bi bi-inline' : 'bi'} lang="en">{text.en}</span>;
  if (inline)
    return (
      <span class="bi bi-inline">
        <span lang="zh-CN">{text.zh}</span> <span class="en" lang="en">{text.en}</span>
      </span>
    );
  return (
    <span class="bi">
      <span class="zh" lang="zh-CN">{text.zh}</span>
      <span class="en" lang="en">{text.en}</span>
    </span>
  );
}

export function Card({ children, class: cls = '', label }: { children: ComponentChildren; class?: string; label?: string }) {
  return (
    <section class={`card ${cls}`} aria-label={label}>
      {children}
    </section>
  );
}
