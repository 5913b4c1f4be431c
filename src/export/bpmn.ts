import type { AnyStateMachine } from 'xstate';
import { escapeXml as x, lifecycleGraph, type LifecycleStage } from '../cases/graph.ts';

const NS = {
  bpmn: 'http://www.omg.org/spec/BPMN/20100524/MODEL',
  bpmndi: 'http://www.omg.org/spec/BPMN/20100524/DI',
  dc: 'http://www.omg.org/spec/DD/20100524/DC',
  di: 'http://www.omg.org/spec/DD/20100524/DI',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Flow {
  id: string;
  source: string;
  target: string;
  name: string;
  condition: string | null;
}

const TASK = { width: 120, height: 80 };
const GATEWAY = { width: 50, height: 50 };
const EVENT = { width: 36, height: 36 };
const COLUMN = 240;
const ROW = 150;

const label = (s: LifecycleStage): string => (s.meta ? `${s.meta.title.zh} / ${s.meta.title.en}` : s.id);

/** Column of each non-final stage = shortest distance from the initial stage (a simple left-to-right layout). */
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

type Point = { x: number; y: number };

/**
 * Orthogonal routes: forward edges left to right (with an elbow between rows), back edges over the
 * top, edges into end events down between the columns onto a bus line per end event.
 */
function route(from: Box, to: Box, toEnd: boolean, busY: number): Point[] {
  const cx = (b: Box) => b.x + b.width / 2;
  const cy = (b: Box) => b.y + b.height / 2;
  if (toEnd) {
    const dropX = from.x + from.width + 15;
    const below = from.y + from.height + 10;
    return [
      { x: cx(from), y: from.y + from.height },
      { x: cx(from), y: below },
      { x: dropX, y: below },
      { x: dropX, y: busY },
      { x: cx(to), y: busY },
      { x: cx(to), y: to.y },
    ];
  }
  if (to.x > from.x) {
    if (cy(from) === cy(to)) return [{ x: from.x + from.width, y: cy(from) }, { x: to.x, y: cy(to) }];
    const midX = to.x - 20;
    return [
      { x: from.x + from.width, y: cy(from) },
      { x: midX, y: cy(from) },
      { x: midX, y: cy(to) },
      { x: to.x, y: cy(to) },
    ];
  }
  const overY = Math.min(from.y, to.y) - 30;
  return [
    { x: cx(from), y: from.y },
    { x: cx(from), y: overY },
    { x: cx(to), y: overY },
    { x: cx(to), y: to.y },
  ];
}

/**
 * BPMN 2.0 of a flat machine: a start event into the initial stage, a userTask per review stage
 * (a task for the others), an exclusive gateway after each stage with several outcomes, end events
 * for final stages, sequence flows named by event type, and BPMNDI with a computed layout.
 */
export function toBpmn(machine: AnyStateMachine, processName = 'Lifecycle'): string {
  const g = lifecycleGraph(machine);
  const live = g.stages.filter((s) => !s.final);
  const finals = g.stages.filter((s) => s.final);
  const col = columns(g.stages, g.initial);

  const boxes = new Map<string, Box>();
  const rowsUsed = new Map<number, number>();
  for (const s of live) {
    const c = col.get(s.id)!;
    const row = rowsUsed.get(c) ?? 0;
    rowsUsed.set(c, row + 1);
    boxes.set(s.id, { x: 160 + c * COLUMN, y: 80 + row * ROW, ...TASK });
  }
  const maxRows = Math.max(1, ...rowsUsed.values());
  const endY = 80 + maxRows * ROW + 40 + finals.length * 10;
  finals.forEach((s, i) => boxes.set(s.id, { x: 160 + (i * (live.length * COLUMN)) / Math.max(1, finals.length), y: endY, ...EVENT }));
  const initialBox = boxes.get(g.initial)!;
  boxes.set('start', { x: 60, y: initialBox.y + (TASK.height - EVENT.height) / 2, ...EVENT });

  const flows: Flow[] = [];
  const addFlow = (source: string, target: string, name: string, condition: string | null) =>
    flows.push({ id: `flow-${flows.length + 1}`, source, target, name, condition });
  addFlow('start', g.initial, '', null);

  const gateways: string[] = [];
  for (const s of live) {
    if (s.transitions.length === 0) continue;
    if (s.transitions.length === 1) {
      const t = s.transitions[0]!;
      addFlow(s.id, t.target, t.event, null);
      continue;
    }
    const gw = `${s.id}-outcome`;
    gateways.push(gw);
    const box = boxes.get(s.id)!;
    boxes.set(gw, { x: box.x + TASK.width + 40, y: box.y + (TASK.height - GATEWAY.height) / 2, ...GATEWAY });
    addFlow(s.id, gw, '', null);
    for (const t of s.transitions) {
      const cond = `event.type == '${t.event}'${t.guard ? ` && ${t.guard}` : ''}`;
      addFlow(gw, t.target, t.guard ? `${t.event} [${t.guard}]` : t.event, cond);
    }
  }

  const incoming = (id: string) => flows.filter((f) => f.target === id).map((f) => `      <bpmn:incoming>${f.id}</bpmn:incoming>`);
  const outgoing = (id: string) => flows.filter((f) => f.source === id).map((f) => `      <bpmn:outgoing>${f.id}</bpmn:outgoing>`);
  const node = (tag: string, id: string, name: string) => {
    const body = [...incoming(id), ...outgoing(id)];
    return body.length
      ? [`    <bpmn:${tag} id="${x(id)}" name="${x(name)}">`, ...body, `    </bpmn:${tag}>`]
      : [`    <bpmn:${tag} id="${x(id)}" name="${x(name)}"/>`];
  };

  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<bpmn:definitions xmlns:bpmn="${NS.bpmn}" xmlns:bpmndi="${NS.bpmndi}" xmlns:dc="${NS.dc}" xmlns:di="${NS.di}" xmlns:xsi="${NS.xsi}" id="${x(g.id)}-definitions" targetNamespace="urn:award-pilot:lifecycle" exporter="Award Pilot" exporterVersion="1">`,
    `  <bpmn:process id="${x(g.id)}-process" name="${x(processName)}" isExecutable="true">`,
    ...node('startEvent', 'start', ''),
  ];
  for (const s of live) out.push(...node(s.meta?.review || s.id === g.initial ? 'userTask' : 'task', s.id, label(s)));
  for (const gw of gateways) out.push(...node('exclusiveGateway', gw, ''));
  for (const s of finals) out.push(...node('endEvent', s.id, label(s)));
  for (const f of flows) {
    const attrs = `id="${f.id}" sourceRef="${x(f.source)}" targetRef="${x(f.target)}"${f.name ? ` name="${x(f.name)}"` : ''}`;
    out.push(
      f.condition
        ? `    <bpmn:sequenceFlow ${attrs}>\n      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${x(f.condition)}</bpmn:conditionExpression>\n    </bpmn:sequenceFlow>`
        : `    <bpmn:sequenceFlow ${attrs}/>`,
    );
  }
  out.push('  </bpmn:process>');
  out.push(`  <bpmndi:BPMNDiagram id="${x(g.id)}-diagram">`);
  out.push(`    <bpmndi:BPMNPlane id="${x(g.id)}-plane" bpmnElement="${x(g.id)}-process">`);
  const shape = (id: string, extra = '') => {
    const b = boxes.get(id)!;
    out.push(
      `      <bpmndi:BPMNShape id="${x(id)}_di" bpmnElement="${x(id)}"${extra}>`,
      `        <dc:Bounds x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}"/>`,
      '      </bpmndi:BPMNShape>',
    );
  };
  shape('start');
  for (const s of live) shape(s.id);
  for (const gw of gateways) shape(gw, ' isMarkerVisible="true"');
  for (const s of finals) shape(s.id);
  for (const f of flows) {
    const endIndex = finals.findIndex((s) => s.id === f.target);
    const points = route(boxes.get(f.source)!, boxes.get(f.target)!, endIndex >= 0, endY - 20 - endIndex * 10);
    out.push(
      `      <bpmndi:BPMNEdge id="${f.id}_di" bpmnElement="${f.id}">`,
      ...points.map((p) => `        <di:waypoint x="${Math.round(p.x)}" y="${Math.round(p.y)}"/>`),
      '      </bpmndi:BPMNEdge>',
    );
  }
  out.push('    </bpmndi:BPMNPlane>', '  </bpmndi:BPMNDiagram>', '</bpmn:definitions>', '');
  return out.join('\n');
}
