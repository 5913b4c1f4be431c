import type { AnyStateMachine } from 'xstate';
import { escapeXml as x, lifecycleGraph } from '../cases/graph.ts';
import {
  ecmaActions,
  ecmaDayNumber,
  ecmaGuards,
  ecmaInOrder,
  requireName,
  type LifecycleData,
} from './lifecycle-semantics.ts';

const SCXML_NS = 'http://www.w3.org/2005/07/scxml';
/** Titles and articles live in a foreign namespace, as SCXML allows; nothing executable does. */
const AP_NS = 'urn:award-pilot:lifecycle';

/**
 * W3C SCXML 1.0 of a flat machine that a conforming interpreter (SCION, Qt SCXML) runs as replayCase
 * does: `datamodel="ecmascript"`, the policy numbers and the case's facts (applicant kind, dates) as
 * <data>, every machine guard a `cond`, every accepted event checked for date order, and the
 * machine's assign actions as <assign>. Send each case event as `{ name: type, data: event }`.
 * One <state>/<final> per stage (ids = CaseView.stage), one <transition> per machine transition.
 */
export function toScxml(machine: AnyStateMachine, data: LifecycleData): string {
  const g = lifecycleGraph(machine);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<scxml xmlns="${SCXML_NS}" xmlns:ap="${AP_NS}" version="1.0" datamodel="ecmascript" name="${x(g.id)}" initial="${x(g.initial)}">`,
    '  <datamodel>',
    ...Object.entries(data).map(([id, v]) => `    <data id="${x(id)}" expr="${x(String(v))}"/>`),
    ...['kind', 'tier', 'recommendedBy', 'lastDay', 'publicityStartedDay', 'awardedOn', 'banDecidedOn', 'banYears'].map(
      (id) => `    <data id="${id}" expr="null"/>`,
    ),
    '  </datamodel>',
    `  <script>${x(ecmaDayNumber)}</script>`,
  ];
  for (const s of g.stages) {
    const meta = s.meta
      ? ` ap:title-zh="${x(s.meta.title.zh)}" ap:title-en="${x(s.meta.title.en)}" ap:article="${x(s.meta.article)}"`
      : '';
    const tag = s.final ? 'final' : 'state';
    if (s.transitions.length === 0) {
      lines.push(`  <${tag} id="${x(s.id)}"${meta}/>`);
      continue;
    }
    lines.push(`  <${tag} id="${x(s.id)}"${meta}>`);
    for (const t of s.transitions) {
      const guard = t.guard ? requireName(ecmaGuards, t.guard, 'guard') : null;
      const cond = guard ? `(${ecmaInOrder}) && (${guard})` : ecmaInOrder;
      const assigns = [
        ...t.actions.flatMap((a) => requireName(ecmaActions, a, 'action')),
        ['lastDay', 'dayNumber(_event.data.on)'] as [string, string],
      ];
      lines.push(`    <transition event="${x(t.event)}" target="${x(t.target)}" cond="${x(cond)}">`);
      for (const [location, expr] of assigns) lines.push(`      <assign location="${x(location)}" expr="${x(expr)}"/>`);
      lines.push('    </transition>');
    }
    lines.push(`  </${tag}>`);
  }
  lines.push('</scxml>', '');
  return lines.join('\n');
}
