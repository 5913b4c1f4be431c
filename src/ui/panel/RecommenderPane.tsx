import { useMemo } from 'preact/hooks';
import type { TabState } from '../../messaging/panel-protocol.ts';
import { buildChecklist, type ChecklistInput } from './checklist.ts';
import { RecommenderTab } from './RecommenderTab.tsx';

/** 推荐 as a lazy chunk (issue 19): it builds the same checklist 清单 shows, from the same stored data. */
export default function RecommenderPane(input: ChecklistInput & { state: TabState }) {
  const checklist = useMemo(() => buildChecklist(input), [input.state, input.recommended, input.selfEvaluation, input.attachmentLabels]);
  return <RecommenderTab state={input.state} checklist={checklist} />;
}
