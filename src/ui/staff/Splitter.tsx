import { plain, t } from './Bi.tsx';
import { signal } from '@preact/signals';
import { useRef } from 'preact/hooks';

/** Width of the case list beside an open case, remembered in this extension page's own storage. */
const KEY = 'award-pilot:staff-list-width';
export const LIST_MIN = 320;
export const LIST_MAX_SHARE = 0.7;

function stored(): number | null {
  try {
    const n = Number(localStorage.getItem(KEY));
    return Number.isFinite(n) && n >= LIST_MIN ? n : null;
  } catch {
    return null;
  }
}

/** null: the default (36 % of the page, at least 420 px). */
export const listWidth = signal<number | null>(stored());

export const clampListWidth = (w: number, total: number): number => Math.round(Math.max(LIST_MIN, Math.min(w, Math.max(LIST_MIN, total * LIST_MAX_SHARE))));
export const defaultListWidth = (total: number): number => clampListWidth(Math.max(420, total * 0.36), total);

function save(w: number) {
  listWidth.value = w;
  try {
    localStorage.setItem(KEY, String(w));
  } catch {
    // storage unavailable: the width holds for this page only
  }
}

/** The keyboard-accessible separator between the list and the case (WAI-ARIA window splitter). */
export function Splitter({ total }: { total: number }) {
  const drag = useRef<{ x: number; w: number; id: number } | null>(null);
  const max = Math.round(Math.max(LIST_MIN, total * LIST_MAX_SHARE));
  const now = clampListWidth(listWidth.value ?? defaultListWidth(total), total);
  const set = (w: number) => save(clampListWidth(w, total));
  return (
    <div
      class="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={plain(t('调整案件列表宽度（左右方向键）', 'Resize the case list (arrow keys)'))}
      aria-valuemin={LIST_MIN}
      aria-valuemax={max}
      aria-valuenow={now}
      tabIndex={0}
      data-testid="list-splitter"
      onKeyDown={(e) => {
        const step = e.shiftKey ? 80 : 20;
        const next = { ArrowLeft: now - step, ArrowRight: now + step, Home: LIST_MIN, End: max }[e.key];
        if (next !== undefined) {
          e.preventDefault();
          set(next);
        } else if (e.key === 'Enter') {
          e.preventDefault();
          set(defaultListWidth(total));
        }
      }}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        drag.current = { x: e.clientX, w: now, id: e.pointerId };
        (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (d && d.id === e.pointerId) set(d.w + e.clientX - d.x);
      }}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
      onDblClick={() => set(defaultListWidth(total))}
    />
  );
}
