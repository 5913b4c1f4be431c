import type { AnyStateMachine } from 'xstate';
import { escapeXml as x, lifecycleGraph } from '../cases/graph.ts';

const SCXML_NS = 'http://www.w3.org/2005/07/scxml';
/** Our own attributes (guard, actions, titles, articles) live in a foreign namespace, as SCXML allows. */
const AP_NS = 'urn:award-pilot:lifecycle';

/**
 * W3C SCXML 1.0 of a flat machine: one <state>/<final> per stage (ids = CaseView.stage), one
 * <transition event target> per machine transition. Guards are named, not executable, so they are
 * carried as ap:guard rather than `cond` (the null data model allows only In()).
 */
export function toScxml(machine: AnyStateMachine): string {
  const g = lifecycleGraph(machine);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<scxml xmlns="${SCXML_NS}" xmlns:ap="${AP_NS}" version="1.0" datamodel="null" name="${x(g.id)}" initial="${x(g.initial)}">`,
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
      const guard = t.guard ? ` ap:guard="${x(t.guard)}"` : '';
      const actions = t.actions.length ? ` ap:actions="${x(t.actions.join(' '))}"` : '';
      lines.push(`    <transition event="${x(t.event)}" target="${x(t.target)}"${guard}${actions}/>`);
    }
    lines.push(`  </${tag}>`);
  }
  lines.push('</scxml>', '');
  return lines.join('\n');
}
