import type { ChecklistItem } from './checklist.ts';
import { checklistProgress } from './checklist.ts';
import { Bi } from './text.tsx';

const mark: Record<ChecklistItem['status'], string> = { done: '✓', todo: '○', pending: '◷', problem: '!' };
const statusLabel: Record<ChecklistItem['status'], string> = { done: '已完成', todo: '未完成', pending: '等待中', problem: '缺必填项' };

/** 清单: everything the application needs, with progress. */
export function ChecklistTab({ items }: { items: readonly ChecklistItem[] }) {
  const p = checklistProgress(items);
  const pct = p.total ? Math.round((p.done / p.total) * 100) : 0;
  return (
    <div class="tab-body" data-testid="checklist">
      <div class="progress-head">
        <Bi text={{ zh: `已完成 ${p.done} / ${p.total} 项`, en: `${p.done} of ${p.total} done` }} />
        <div class="progress" role="progressbar" aria-label="申报材料完成度 Application completeness" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
          <div class="progress-bar" style={{ width: `${pct}%` }} />
        </div>
      </div>
      <ul class="checklist">
        {items.map((item) => (
          <li key={item.id} class={`check check-${item.status}`} data-item={item.id} data-status={item.status}>
            <span class="check-mark" aria-label={statusLabel[item.status]}>
              {mark[item.status]}
            </span>
            <div class="check-body">
              <div class="check-title">
                <span class="zh">{item.title.zh}</span>
                <span class="check-article">{item.article.zh}</span>
              </div>
              <div class="en" lang="en">
                {item.title.en}
              </div>
              {item.progress && (
                <div class="check-progress">
                  {item.progress.done}/{item.progress.total}
                </div>
              )}
              {item.detail && (
                <p class="check-detail">
                  <Bi text={item.detail} />
                </p>
              )}
              {item.missing && item.missing.length > 0 && (
                <p class="check-missing">
                  待填：{item.missing.map((m) => m.zh).join('、')}
                </p>
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
