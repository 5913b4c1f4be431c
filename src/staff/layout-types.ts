import type { Bilingual } from '../core/i18n.ts';
import type { CaseStage } from '../../machines/case.machine.ts';

/** assets/lifecycle-layout.json: the case machine laid out by elkjs at build time. */
export const LIFECYCLE_LAYOUT_FORMAT = 'lyg-award/lifecycle-layout@1';

export interface LayoutPoint {
  x: number;
  y: number;
}

export interface LifecycleLayout {
  format: typeof LIFECYCLE_LAYOUT_FORMAT;
  width: number;
  height: number;
  nodes: { id: CaseStage; x: number; y: number; width: number; height: number; final: boolean; title: Bilingual; article: string }[];
  edges: {
    id: string;
    source: CaseStage;
    target: CaseStage;
    event: string;
    ubiquitous: boolean;
    /** start, bend points, end, in absolute coordinates */
    points: LayoutPoint[];
    label: { text: string; x: number; y: number; width: number; height: number } | null;
  }[];
}
