import type { AnyStateMachine } from 'xstate';
import { escapeXml as x, lifecycleGraph, type LifecycleStage } from '../cases/graph.ts';
import { caseEventLabels } from '../staff/event-labels.ts';
import type { CaseEventType } from '../../machines/case.events.ts';
import {
  caseVariables,
  guardTitles,
  juelActions,
  juelGuards,
  juelInOrder,
  requireName,
  type LifecycleData,
} from './lifecycle-semantics.ts';

/**
 * BPMN 2.0 of the flat case machine, executable in Camunda 7 (and by any engine that evaluates JUEL
 * `${…}` conditions):
 * - a named start event; per live stage an entry gateway (joins the arrivals), a user task (staff
 *   complete it with the case event as variables: `event`, `on`, `onDay`, `eventKind`, `eventBy`,
 *   `eventTier`, `eventReason`) and an outcome gateway whose conditional flows are the machine's
 *   transitions and whose default flow ("不受理") loops back: a refused event changes nothing;
 * - per final stage an end event (behind a joining gateway when several flows reach it);
 * - conditions `${event == '…' && (date order) && (guard)}` in JUEL (expressionLanguage declared on
 *   the definitions), the machine's assign actions as `camunda:executionListener` expressions on take;
 * - diagram interchange with every flow label's BPMNLabel bounds placed so that no label overlaps
 *   another label or a shape.
 */

const NS = {
  bpmn: 'http://www.omg.org/spec/BPMN/20100524/MODEL',
  bpmndi: 'http://www.omg.org/spec/BPMN/20100524/DI',
  dc: 'http://www.omg.org/spec/DD/20100524/DC',
  di: 'http://www.omg.org/spec/DD/20100524/DI',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  camunda: 'http://camunda.org/schema/1.0/bpmn',
};
export const JUEL = 'https://jakarta.ee/specifications/expression-language/';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
type Point = { x: number; y: number };

interface Node {
  id: string;
  tag: 'startEvent' | 'userTask' | 'exclusiveGateway' | 'endEvent';
  name: string;
  box: Box;
  label: Box | null;
  listeners: string[];
  default?: string;
}

interface Flow {
  id: string;
  source: string;
  target: string;
  name: string;
  condition: string | null;
  listeners: string[];
  points: Point[];
  label: Box | null;
}

const TASK = { width: 110, height: 80 };
const GATEWAY = { width: 50, height: 50 };
const EVENT = { width: 36, height: 36 };
const CELL = 470;
const ROW = 190;
const TOP = 140;
const LEFT = 150;
const BUS_GAP = 34;
const LABEL_H = 14;

/** Width of a one-line label in bpmn-js's 11–12 px font: CJK characters are square. */
export const labelWidth = (text: string): number =>
  [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 12 : 7), 4);

/** Distance between two boxes (a route's segments are boxes with no width or no height); 0 when they touch. */
const boxDistance = (a: Box, b: Box): number =>
  Math.hypot(Math.max(0, b.x - (a.x + a.width), a.x - (b.x + b.width)), Math.max(0, b.y - (a.y + a.height), a.y - (b.y + b.height)));
/** How much nearer its own line a flow's label sits than any other flow's line (a label is 14 px tall). */
const LABEL_CLEARANCE = 8;

const overlaps = (a: Box, b: Box, margin = 2): boolean =>
  a.x < b.x + b.width + margin && b.x < a.x + a.width + margin && a.y < b.y + b.height + margin && b.y < a.y + a.height + margin;

/** Column of each live stage = shortest distance from the initial stage. */
function columns(stages: LifecycleStage[], initial: string): Map<string, number> {
  const byId = new Map(stages.map((s) => [s.id, s]));
  const depth = new Map<string, number>([[initial, 0]]);
  const queue = [initial];
  while (queue.length) {
    const id = queue.shift()!;
    for (const t of byId.get(id)?.transitions ?? []) {
      if (!depth.has(t.target) && !byId.get(t.target)?.final) {
        depth.set(t.target, depth.get(id)! + 1);
        queue.push(t.target);
      }
    }
  }
  for (const s of stages) if (!s.final && !depth.has(s.id)) depth.set(s.id, depth.size);
  return depth;
}

const setVariable = (name: string, expr: string) => `\${execution.setVariable('${name}', ${expr})}`;

export function toBpmn(machine: AnyStateMachine, processName: string, data: LifecycleData): string {
  const g = lifecycleGraph(machine);
  const live = g.stages.filter((s) => !s.final);
  const finals = g.stages.filter((s) => s.final);
  const col = columns(g.stages, g.initial);
  const zh = (s: LifecycleStage) => s.meta?.title.zh ?? s.id;

  const nodes = new Map<string, Node>();
  const add = (n: Omit<Node, 'label' | 'listeners'> & { listeners?: string[] }) =>
    nodes.set(n.id, { label: null, listeners: [], ...n });

  // Live stages: entry gateway, user task, outcome gateway, one cell per column.
  const rowsUsed = new Map<number, number>();
  const enterOf = (id: string) => `${id}-enter`;
  const outcomeOf = (id: string) => `${id}-outcome`;
  for (const s of live) {
    const c = col.get(s.id)!;
    const row = rowsUsed.get(c) ?? 0;
    rowsUsed.set(c, row + 1);
    const x0 = LEFT + c * CELL;
    const cy = TOP + row * ROW + TASK.height / 2;
    add({ id: enterOf(s.id), tag: 'exclusiveGateway', name: `进入${zh(s)}`, box: { x: x0, y: cy - 25, ...GATEWAY } });
    add({ id: s.id, tag: 'userTask', name: zh(s), box: { x: x0 + 85, y: cy - 40, ...TASK } });
    add({ id: outcomeOf(s.id), tag: 'exclusiveGateway', name: `${zh(s)}结果`, box: { x: x0 + 230, y: cy - 25, ...GATEWAY } });
  }
  const rowsBottom = TOP + Math.max(1, ...rowsUsed.values()) * ROW - 40;
  const initialEnter = nodes.get(enterOf(g.initial))!.box;
  add({
    id: 'start',
    tag: 'startEvent',
    name: '开始申报',
    box: { x: 60, y: initialEnter.y + 7, ...EVENT },
    listeners: [
      ...Object.entries(data).map(([k, v]) => setVariable(k, String(v))),
      ...caseVariables.map((k) => setVariable(k, 'null')),
    ],
  });

  // Flows, in machine order.
  const flows: Flow[] = [];
  const flow = (f: Omit<Flow, 'points' | 'label' | 'listeners'> & { listeners?: string[] }) => {
    const full: Flow = { listeners: [], points: [], label: null, ...f };
    flows.push(full);
    return full;
  };
  flow({ id: 'start-to-draft', source: 'start', target: enterOf(g.initial), name: '', condition: null });
  const exitsInto = new Map<string, Flow[]>();
  for (const s of live) {
    flow({ id: `${s.id}-arrive`, source: enterOf(s.id), target: s.id, name: '', condition: null });
    flow({ id: `${s.id}-decide`, source: s.id, target: outcomeOf(s.id), name: '', condition: null });
    for (const t of s.transitions) {
      const guard = t.guard ? requireName(juelGuards, t.guard, 'guard') : null;
      const condition = `\${event == '${t.event}' && (${juelInOrder})${guard ? ` && (${guard})` : ''}}`;
      const eventZh = caseEventLabels[t.event as CaseEventType]?.zh ?? t.event;
      const name = t.guard ? `${eventZh}（${requireName(guardTitles, t.guard, 'guard title')}）` : eventZh;
      const listeners = [
        ...t.actions.flatMap((a) => requireName(juelActions, a, 'action')).map(([k, e]) => setVariable(k, e)),
        setVariable('lastDay', 'onDay'),
      ];
      const f = flow({ id: `${s.id}--${t.event}--${t.target}`, source: outcomeOf(s.id), target: t.target, name, condition, listeners });
      const target = g.stages.find((st) => st.id === t.target)!;
      if (target.final) exitsInto.set(t.target, [...(exitsInto.get(t.target) ?? []), f]);
      else f.target = enterOf(t.target);
    }
    const refused = flow({ id: `${s.id}-refused`, source: outcomeOf(s.id), target: enterOf(s.id), name: '不受理', condition: null });
    nodes.get(outcomeOf(s.id))!.default = refused.id;
  }

  // Finals along the bottom, in the order of the stages they are reached from.
  const exitCount = [...exitsInto.values()].reduce((n, l) => n + l.length, 0);
  const finalsY = rowsBottom + 60 + exitCount * BUS_GAP;
  const width = LEFT + Math.max(...[...col.values()]) * CELL + 280;
  finals.forEach((s, i) => {
    const cx = LEFT + 40 + ((i + 0.5) * (width - LEFT)) / finals.length;
    const into = exitsInto.get(s.id) ?? [];
    if (into.length > 1) {
      add({ id: `${s.id}-reached`, tag: 'exclusiveGateway', name: `汇合：${zh(s)}`, box: { x: cx - 25, y: finalsY, ...GATEWAY } });
      add({ id: s.id, tag: 'endEvent', name: zh(s), box: { x: cx - 18, y: finalsY + 110, ...EVENT } });
      for (const f of into) f.target = `${s.id}-reached`;
      flow({ id: `${s.id}-end`, source: `${s.id}-reached`, target: s.id, name: '', condition: null });
    } else {
      add({ id: s.id, tag: 'endEvent', name: zh(s), box: { x: cx - 18, y: finalsY + 7, ...EVENT } });
    }
  });

  // Routes.
  const c = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
  const finalIds = new Set([...nodes.values()].filter((n) => n.tag === 'endEvent' || n.id.endsWith('-reached')).map((n) => n.id));
  // Each gateway's exits to the finals run down one line, then along buses, nearest target lowest: the
  // exit with the shortest bus then has the line's lowest stretch to itself, to carry its name.
  const exitFlows = flows.filter((f) => finalIds.has(f.target) && !f.source.endsWith('-reached'));
  const reach = (f: Flow) => Math.abs(c(nodes.get(f.target)!.box).x - c(nodes.get(f.source)!.box).x);
  const busOf = new Map<string, number>();
  for (const source of new Set(exitFlows.map((f) => f.source)))
    for (const f of exitFlows.filter((e) => e.source === source).sort((p, q) => reach(q) - reach(p))) busOf.set(f.id, busOf.size);
  const intoCount = new Map<string, number>();
  for (const f of flows) {
    const a = nodes.get(f.source)!.box;
    const b = nodes.get(f.target)!.box;
    const ca = c(a);
    const cb = c(b);
    if (f.id.endsWith('-refused')) {
      const up = a.y - 40;
      f.points = [{ x: ca.x, y: a.y }, { x: ca.x, y: up }, { x: cb.x, y: up }, { x: cb.x, y: b.y }];
    } else if (nodes.get(f.target)!.tag === 'endEvent' || f.target.endsWith('-reached')) {
      if (f.source.endsWith('-reached')) {
        f.points = [{ x: ca.x, y: a.y + a.height }, { x: cb.x, y: b.y }];
      } else {
        const busY = rowsBottom + 40 + busOf.get(f.id)! * BUS_GAP;
        const k = intoCount.get(f.target) ?? 0;
        intoCount.set(f.target, k + 1);
        const landX = cb.x + ((k % 5) - 2) * 6;
        f.points = [{ x: ca.x, y: a.y + a.height }, { x: ca.x, y: busY }, { x: landX, y: busY }, { x: landX, y: b.y }];
      }
    } else if (b.x > a.x) {
      if (Math.abs(ca.y - cb.y) < 1) f.points = [{ x: a.x + a.width, y: ca.y }, { x: b.x, y: cb.y }];
      else {
        // a branch (its gateway has other forward exits) turns just after the gateway, so each exit has
        // a line of its own to carry its name; a join turns just before the gateway it enters
        const branch = flows.filter((o) => o.source === f.source && !o.id.endsWith('-refused') && nodes.get(o.target)!.box.x > a.x && !finalIds.has(o.target)).length > 1;
        const midX = branch ? a.x + a.width + 25 : b.x - 25;
        f.points = [{ x: a.x + a.width, y: ca.y }, { x: midX, y: ca.y }, { x: midX, y: cb.y }, { x: b.x, y: cb.y }];
      }
    } else {
      // back edge (return): over the top of everything in its row
      const over = Math.min(a.y, b.y) - 75;
      f.points = [{ x: ca.x + 8, y: a.y + 8 }, { x: ca.x + 8, y: over }, { x: cb.x, y: over }, { x: cb.x, y: b.y }];
    }
  }

  // Labels: greedy, first free spot along the route (flows) or around the shape (gateways, events).
  const placed: Box[] = [...nodes.values()].map((n) => n.box);
  const free = (box: Box) => box.x >= 0 && box.y >= 0 && !placed.some((p) => overlaps(p, box));
  const claim = (box: Box) => (placed.push(box), box);
  // A shape's name also keeps off the flow lines (a gateway's exits run straight down from it, the
  // loop back straight up): bpmn-js draws lines over text, so a crossed name is hard to read.
  const segmentsOf = new Map(
    flows.map((f) => [
      f.id,
      f.points.slice(1).map((q, i): Box => {
        const p = f.points[i]!;
        return { x: Math.min(p.x, q.x), y: Math.min(p.y, q.y), width: Math.abs(q.x - p.x), height: Math.abs(q.y - p.y) };
      }),
    ]),
  );
  const lines: Box[] = [...segmentsOf.values()].flat();
  const clear = (box: Box) => free(box) && !lines.some((l) => overlaps(l, box, 1));
  for (const n of nodes.values()) {
    if (n.tag === 'userTask' || !n.name) continue;
    const w = labelWidth(n.name);
    const b = n.box;
    const cx = b.x + b.width / 2;
    const candidates: Box[] = [];
    for (let d = 0; d < 200; d += 8) {
      candidates.push(
        { x: cx - w / 2, y: b.y + b.height + 4 + d, width: w, height: LABEL_H },
        { x: cx - w / 2, y: b.y - LABEL_H - 4 - d, width: w, height: LABEL_H },
        { x: b.x - w - 4 - d, y: b.y + b.height / 2 - LABEL_H / 2, width: w, height: LABEL_H },
        // beside the line that leaves the shape's bottom: ending left of it, or starting right of it
        { x: cx - w - 4, y: b.y + b.height + 2 + d, width: w, height: LABEL_H },
        { x: cx + 4, y: b.y + b.height + 2 + d, width: w, height: LABEL_H },
      );
    }
    const spot = candidates.find(clear) ?? candidates.find(free);
    if (!spot) throw new Error(`BPMN layout: no room for the label of ${n.id}`);
    n.label = claim(spot);
  }
  for (const f of flows) {
    if (!f.name) continue;
    const w = labelWidth(f.name);
    const candidates: Box[] = [];
    for (let i = 0; i + 1 < f.points.length; i++) {
      const p = f.points[i]!;
      const q = f.points[i + 1]!;
      const len = Math.hypot(q.x - p.x, q.y - p.y);
      for (let t = 4; t < len; t += 6) {
        const px = p.x + ((q.x - p.x) * t) / len;
        const py = p.y + ((q.y - p.y) * t) / len;
        if (p.y === q.y) {
          const x0 = q.x >= p.x ? px : px - w;
          for (const gap of [2, 28]) {
            candidates.push({ x: x0, y: py - LABEL_H - gap, width: w, height: LABEL_H }, { x: x0, y: py + gap, width: w, height: LABEL_H });
          }
        } else {
          candidates.push({ x: px + 4, y: py, width: w, height: LABEL_H }, { x: px - w - 4, y: py, width: w, height: LABEL_H });
        }
      }
    }
    // unambiguous: nearer its own line than any other flow's by a clear gap, so it reads as this flow's
    // name even where exits leave one gateway side by side (and never on a line it does not name)
    const own = segmentsOf.get(f.id)!;
    const others = flows.filter((o) => o !== f).flatMap((o) => segmentsOf.get(o.id)!);
    const distinct = (box: Box) => {
      const mine = Math.min(...own.map((l) => boxDistance(box, l)));
      return others.every((l) => boxDistance(box, l) >= mine + LABEL_CLEARANCE);
    };
    const spot = candidates.find((b) => free(b) && distinct(b));
    if (!spot) throw new Error(`BPMN layout: no unambiguous room for the label of ${f.id}`);
    f.label = claim(spot);
  }

  // XML.
  const listenerXml = (list: string[], event: 'take' | 'end', indent: string) =>
    list.length
      ? [
          `${indent}<bpmn:extensionElements>`,
          ...list.map((e) => `${indent}  <camunda:executionListener expression="${x(e)}" event="${event}"/>`),
          `${indent}</bpmn:extensionElements>`,
        ]
      : [];
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<bpmn:definitions xmlns:bpmn="${NS.bpmn}" xmlns:bpmndi="${NS.bpmndi}" xmlns:dc="${NS.dc}" xmlns:di="${NS.di}" xmlns:xsi="${NS.xsi}" xmlns:camunda="${NS.camunda}" id="${x(g.id)}-definitions" targetNamespace="urn:award-pilot:lifecycle" expressionLanguage="${JUEL}" exporter="Award Pilot" exporterVersion="2">`,
    `  <bpmn:process id="${x(g.id)}-process" name="${x(processName)}" isExecutable="true">`,
  ];
  for (const n of nodes.values()) {
    const attrs = `id="${x(n.id)}" name="${x(n.name)}"${n.default ? ` default="${x(n.default)}"` : ''}`;
    out.push(`    <bpmn:${n.tag} ${attrs}>`);
    out.push(...listenerXml(n.listeners, 'end', '      '));
    for (const f of flows) if (f.target === n.id) out.push(`      <bpmn:incoming>${x(f.id)}</bpmn:incoming>`);
    for (const f of flows) if (f.source === n.id) out.push(`      <bpmn:outgoing>${x(f.id)}</bpmn:outgoing>`);
    out.push(`    </bpmn:${n.tag}>`);
  }
  for (const f of flows) {
    const attrs = `id="${x(f.id)}" sourceRef="${x(f.source)}" targetRef="${x(f.target)}"${f.name ? ` name="${x(f.name)}"` : ''}`;
    const body = [
      ...listenerXml(f.listeners, 'take', '      '),
      ...(f.condition ? [`      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${x(f.condition)}</bpmn:conditionExpression>`] : []),
    ];
    out.push(body.length ? `    <bpmn:sequenceFlow ${attrs}>\n${body.join('\n')}\n    </bpmn:sequenceFlow>` : `    <bpmn:sequenceFlow ${attrs}/>`);
  }
  out.push('  </bpmn:process>');
  out.push(`  <bpmndi:BPMNDiagram id="${x(g.id)}-diagram">`);
  out.push(`    <bpmndi:BPMNPlane id="${x(g.id)}-plane" bpmnElement="${x(g.id)}-process">`);
  const bounds = (b: Box) => `<dc:Bounds x="${Math.round(b.x)}" y="${Math.round(b.y)}" width="${Math.round(b.width)}" height="${Math.round(b.height)}"/>`;
  const labelXml = (b: Box | null) => (b ? [`        <bpmndi:BPMNLabel>`, `          ${bounds(b)}`, `        </bpmndi:BPMNLabel>`] : []);
  for (const n of nodes.values()) {
    out.push(
      `      <bpmndi:BPMNShape id="${x(n.id)}_di" bpmnElement="${x(n.id)}"${n.tag === 'exclusiveGateway' ? ' isMarkerVisible="true"' : ''}>`,
      `        ${bounds(n.box)}`,
      ...labelXml(n.label),
      '      </bpmndi:BPMNShape>',
    );
  }
  for (const f of flows) {
    out.push(
      `      <bpmndi:BPMNEdge id="${x(f.id)}_di" bpmnElement="${x(f.id)}">`,
      ...f.points.map((p) => `        <di:waypoint x="${Math.round(p.x)}" y="${Math.round(p.y)}"/>`),
      ...labelXml(f.label),
      '      </bpmndi:BPMNEdge>',
    );
  }
  out.push('    </bpmndi:BPMNPlane>', '  </bpmndi:BPMNDiagram>', '</bpmn:definitions>', '');
  return out.join('\n');
}
