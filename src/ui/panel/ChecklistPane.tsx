import { useMemo } from 'preact/hooks';
import { buildChecklist, type ChecklistInput } from './checklist.ts';
import { ChecklistTab } from './ChecklistTab.tsx';

/**
 * 清单 as a lazy chunk (issue 19, side-panel size budget): the checklist and the rules it walks load
 * when the tab is opened, not with the first screen (预检).
 */
export default function ChecklistPane(input: ChecklistInput) {
  const items = useMemo(() => buildChecklist(input), [input.state, input.recommended, input.selfEvaluation, input.attachmentLabels]);
  return <ChecklistTab items={items} />;
}
