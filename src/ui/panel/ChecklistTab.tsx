import type { ChecklistItem } from './checklist.ts';
import { checklistProgress } from './checklist.ts';
import { Bi } from './text.tsx';
import { lang, tx } from '../lang.ts';

const mark: Record<ChecklistItem['status'], string> = { done: '✓', todo: '○', pending: '◷', problem: '!' };
const statusLabel: Record<ChecklistItem['status'], { zh: string; en: string }> = {
  done: { zh: '已完成', en: 'Done' },
  todo: { zh: '未完成', en: 'Not done' },
  pending: { zh: '等待中', en: 'Waiting' },
  problem: { zh: '缺必填项', en: 'Required items missing' },
};

/** 清单: everything the application needs, with progress. */
export function ChecklistTab({ items }: { items: readonly ChecklistItem[] }) {
  const p = checklistProgress(items);
  const pct = p.total ? Math.round((p.done / p.total) * 100) : 0;
  return (
    <div class="tab-body" data-testid="checklist">
      <div class="progress-head">
        <Bi text={{ zh: `已完成 ${p.done} / ${p.total} 项`, en: `${p.done} of ${p.total} done` }} />
        <div class="progress" role="progressbar" aria-label={tx({ zh: '申报材料完成度', en: 'Application completeness' })} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
          <div class="progress-bar" style={{ width: `${pct}%` }} />
        </div>
      </div>
      <ul class="checklist">
        {items.map((item) => (
          <li key={item.id} class={`check check-${item.status}`} data-item={item.id} data-status={item.status}>
            <span class="check-mark" aria-label={tx(statusLabel[item.status])}>
              {mark[item.status]}
            </span>
            <div class="check-body">
              <div class="check-title">
                <Bi text={item.title} />
                <span class="check-article">{tx(item.article)}</span>
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
              {item.files && item.files.length > 0 && (
                <ul class="check-files" data-testid="check-files">
                  {item.files.map((f) => (
                    <li key={tx(f.label)}>
                      {tx(f.label)}{tx({ zh: '：', en: ': ' })}
                      {/* the files' own names, in whatever language the applicant named them */}
                      <span translate={false}>{f.names.join(lang.value === 'en' ? ', ' : '、')}</span>
                    </li>
                  ))}
                </ul>
              )}
              {item.missing && item.missing.length > 0 && (
                <p class="check-missing">
                  {tx({ zh: '待填：', en: 'To fill: ' })}
                  {item.missing.map((m) => tx(m)).join(lang.value === 'en' ? ', ' : '、')}
                </p>
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
