import type { ComponentChildren } from 'preact';
import type { Bilingual } from '../../core/i18n.ts';

/** Chinese first, English beneath (smaller, lang="en" for screen readers). */
export function Bi({ text, inline = false }: { text: Bilingual; inline?: boolean }) {
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
