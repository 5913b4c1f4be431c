import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { exportLifecycle } from '../../../src/export/lifecycle.ts';
import { caseMachine, caseStages } from '../../../machines/case.machine.ts';
import { lifecycleGraph, escapeXml } from '../../../src/cases/graph.ts';

// bpmn-moddle ships types only under its "./types" subpath; its root export is untyped.
type Moddle = new () => { fromXML(xml: string): Promise<{ rootElement: any; warnings: unknown[] }> };
const { BpmnModdle } = (await import('bpmn-moddle' as string)) as { BpmnModdle: Moddle };

const graph = lifecycleGraph(caseMachine);
const machineTransitions = graph.stages.flatMap((s) => s.transitions.map((t) => ({ from: s.id, ...t })));
const finals = graph.stages.filter((s) => s.final).map((s) => s.id);
const live = graph.stages.filter((s) => !s.final).map((s) => s.id);

describe('exportLifecycle("scxml")', () => {
  const xml = exportLifecycle('scxml');
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const root = doc.documentElement;

  it('is W3C SCXML with the machine’s initial stage', () => {
    expect(root.localName).toBe('scxml');
    expect(root.namespaceURI).toBe('http://www.w3.org/2005/07/scxml');
    expect(root.getAttribute('version')).toBe('1.0');
    expect(root.getAttribute('initial')).toBe('draft');
  });

  it('has one <state>/<final> per contract stage, ids as CaseView.stage', () => {
    const states = [...root.children].filter((e) => e.localName === 'state' || e.localName === 'final');
    expect(states.map((e) => e.getAttribute('id'))).toEqual([...caseStages]);
    expect(states.filter((e) => e.localName === 'final').map((e) => e.getAttribute('id'))).toEqual(finals);
    expect(states.find((e) => e.getAttribute('id') === 'awarded')!.localName).toBe('state');
  });

  it('has every machine transition, named by event type, with its target', () => {
    const found = [...root.children].flatMap((s) =>
      [...s.children]
        .filter((t) => t.localName === 'transition')
        .map((t) => `${s.getAttribute('id')}|${t.getAttribute('event')}|${t.getAttribute('target')}`),
    );
    expect(found).toEqual(machineTransitions.map((t) => `${t.from}|${t.event}|${t.target}`));
    const siteReview = [...root.children].find((s) => s.getAttribute('id') === 'site-review')!;
    expect(siteReview.children[0]!.getAttribute('cond')).toContain("kind === 'organization'");
    expect(root.getAttribute('datamodel')).toBe('ecmascript');
    // every transition is guarded at least by date order, and nothing executable hides in foreign attributes
    const transitions = [...doc.getElementsByTagName('transition')];
    for (const t of transitions) expect(t.getAttribute('cond')).toContain('lastDay');
    expect(xml).not.toContain('ap:guard');
  });
});

describe('exportLifecycle("bpmn")', () => {
  const xml = exportLifecycle('bpmn');

  it('parses with bpmn-moddle without warnings', async () => {
    const { rootElement, warnings } = await new BpmnModdle().fromXML(xml);
    expect(warnings).toEqual([]);
    expect(rootElement.$type).toBe('bpmn:Definitions');
  });

  it('is an executable process: named start, a user task per live stage, named gateways, end events for finals', async () => {
    const { rootElement } = await new BpmnModdle().fromXML(xml);
    const process = (rootElement as any).rootElements.find((e: any) => e.$type === 'bpmn:Process');
    expect(process.isExecutable).toBe(true);
    const els: any[] = process.flowElements;
    const byType = (t: string) => els.filter((e) => e.$type === t);
    expect(byType('bpmn:StartEvent').map((e) => e.id)).toEqual(['start']);
    expect(byType('bpmn:StartEvent')[0].name).toBe('开始申报');
    expect(byType('bpmn:UserTask').map((e) => e.id).sort()).toEqual([...live].sort());
    expect(byType('bpmn:EndEvent').map((e) => e.id).sort()).toEqual([...finals].sort());
    for (const e of [...byType('bpmn:ExclusiveGateway'), ...byType('bpmn:EndEvent')]) expect(e.name, e.id).toMatch(/\S/);
    expect(els.find((e) => e.id === 'recommendation').name).toBe('推荐');
    // every outcome gateway has a default flow back into its stage: a refused event changes nothing
    for (const id of live) {
      const gw = els.find((e) => e.id === `${id}-outcome`);
      expect(gw.default.targetRef.id).toBe(`${id}-enter`);
    }
  });

  it('has a conditional JUEL flow for every machine transition, named in Chinese', async () => {
    const { rootElement } = await new BpmnModdle().fromXML(xml);
    expect((rootElement as any).expressionLanguage).toContain('expression-language');
    const process = (rootElement as any).rootElements.find((e: any) => e.$type === 'bpmn:Process');
    const flows = process.flowElements.filter((e: any) => e.$type === 'bpmn:SequenceFlow');
    const conditional = flows.filter((f: any) => f.conditionExpression);
    expect(conditional).toHaveLength(machineTransitions.length);
    for (const t of machineTransitions) {
      const f = conditional.find((c: any) => c.id === `${t.from}--${t.event}--${t.target}`);
      expect(f, `${t.from} --${t.event}--> ${t.target}`).toBeTruthy();
      expect(f.sourceRef.id).toBe(`${t.from}-outcome`);
      expect([t.target, `${t.target}-enter`, `${t.target}-reached`]).toContain(f.targetRef.id);
      expect(f.conditionExpression.body).toMatch(/^\$\{event == '[a-z-]+' && \(lastDay == null \|\| onDay >= lastDay\).*\}$/);
      expect(f.name).toMatch(/[\u4e00-\u9fff]/);
    }
    const guarded = conditional.find((f: any) => f.id === 'material-review--pass-material-review--site-review');
    expect(guarded.conditionExpression.body).toContain("kind == 'organization'");
    expect(guarded.name).toBe('资料审查通过（组织）');
  });

  it('has diagram interchange: bounds per node, waypoints per flow, no two shapes overlap', async () => {
    const { rootElement } = await new BpmnModdle().fromXML(xml);
    const defs = rootElement as any;
    const plane = defs.diagrams[0].plane;
    const process = defs.rootElements.find((e: any) => e.$type === 'bpmn:Process');
    expect(plane.bpmnElement.id).toBe(process.id);
    const shapes = plane.planeElement.filter((e: any) => e.$type === 'bpmndi:BPMNShape');
    const edges = plane.planeElement.filter((e: any) => e.$type === 'bpmndi:BPMNEdge');
    const nodes = process.flowElements.filter((e: any) => e.$type !== 'bpmn:SequenceFlow');
    const flows = process.flowElements.filter((e: any) => e.$type === 'bpmn:SequenceFlow');
    expect(shapes.map((s: any) => s.bpmnElement.id).sort()).toEqual(nodes.map((n: any) => n.id).sort());
    expect(edges.map((e: any) => e.bpmnElement.id).sort()).toEqual(flows.map((f: any) => f.id).sort());
    for (const s of shapes) expect(s.bounds.width).toBeGreaterThan(0);
    for (const e of edges) expect(e.waypoint.length).toBeGreaterThanOrEqual(2);
    const boxes = shapes.map((s: any) => s.bounds);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        expect(overlap(boxes[i], boxes[j]), `${shapes[i].bpmnElement.id} overlaps ${shapes[j].bpmnElement.id}`).toBe(false);
  });

  it('places a BPMNLabel for every external label; no label overlaps another label or any shape', async () => {
    const { rootElement } = await new BpmnModdle().fromXML(xml);
    const plane = (rootElement as any).diagrams[0].plane;
    const els: any[] = plane.planeElement;
    const shapes = els.filter((e) => e.$type === 'bpmndi:BPMNShape');
    const labelled = els.filter((e) => e.bpmnElement.name && e.bpmnElement.$type !== 'bpmn:UserTask');
    const missing = labelled.filter((e) => !e.label?.bounds).map((e) => e.bpmnElement.id);
    expect(missing).toEqual([]);
    const labels = labelled.map((e) => ({ id: e.bpmnElement.id, b: e.label.bounds }));
    expect(labels.length).toBeGreaterThan(60);
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++)
        expect(overlap(labels[i]!.b, labels[j]!.b), `label ${labels[i]!.id} overlaps label ${labels[j]!.id}`).toBe(false);
      for (const s of shapes)
        expect(overlap(labels[i]!.b, s.bounds), `label ${labels[i]!.id} covers shape ${s.bpmnElement.id}`).toBe(false);
    }
  });

  it('no shape’s name label is crossed by a flow line (bpmn-js draws lines over text)', async () => {
    const { rootElement } = await new BpmnModdle().fromXML(xml);
    const els: any[] = (rootElement as any).diagrams[0].plane.planeElement;
    const segments = els.filter((e) => e.$type === 'bpmndi:BPMNEdge').flatMap((e) =>
      e.waypoint.slice(1).map((q: any, i: number) => {
        const p = e.waypoint[i];
        return { id: e.bpmnElement.id, x: Math.min(p.x, q.x), y: Math.min(p.y, q.y), width: Math.abs(q.x - p.x) || 0.01, height: Math.abs(q.y - p.y) || 0.01 };
      }),
    );
    const named = els.filter((e) => e.$type === 'bpmndi:BPMNShape' && e.bpmnElement.name && e.label?.bounds);
    expect(named.length).toBeGreaterThan(20);
    const crossed = named.flatMap((e) => segments.filter((s) => overlap(e.label.bounds, s)).map((s) => `${e.bpmnElement.name} × ${s.id}`));
    expect(crossed).toEqual([]);
  });

  it('every flow label is unambiguous: nearer its own line than any other flow’s by a clear gap, and crossed by none', async () => {
    const { rootElement } = await new BpmnModdle().fromXML(xml);
    const edges: any[] = (rootElement as any).diagrams[0].plane.planeElement.filter((e: any) => e.$type === 'bpmndi:BPMNEdge');
    const lines = new Map(edges.map((e) => [e.bpmnElement.id as string, e.waypoint.slice(1).map((q: any, i: number) => [e.waypoint[i], q] as const)]));
    const labelled = edges.filter((e) => e.bpmnElement.name);
    expect(labelled.length).toBeGreaterThan(40);
    const ambiguous = labelled.flatMap((e) => {
      const box = e.label.bounds;
      const own = Math.min(...lines.get(e.bpmnElement.id)!.map(([p, q]: any) => boxToSegment(box, p, q)));
      const nearest = [...lines].filter(([id]) => id !== e.bpmnElement.id).map(([id, segs]) => ({ id, d: Math.min(...segs.map(([p, q]: any) => boxToSegment(box, p, q))) })).sort((a, b) => a.d - b.d)[0]!;
      return own <= 4 && nearest.d >= own + LABEL_CLEARANCE ? [] : [`${e.bpmnElement.name} (${e.bpmnElement.id}): ${own.toFixed(1)} px from its line, ${nearest.d.toFixed(1)} px from ${nearest.id}`];
    });
    expect(ambiguous).toEqual([]);
  });
});

/** How much nearer its own line a flow label is than any other line, in px (a label is 14 px tall). */
const LABEL_CLEARANCE = 8;

/** Distance from a box to a segment (0 when the segment touches or crosses it). */
function boxToSegment(b: { x: number; y: number; width: number; height: number }, p: { x: number; y: number }, q: { x: number; y: number }): number {
  const steps = Math.max(1, Math.ceil(Math.hypot(q.x - p.x, q.y - p.y)));
  let best = Infinity;
  for (let k = 0; k <= steps; k++) {
    const x = p.x + ((q.x - p.x) * k) / steps;
    const y = p.y + ((q.y - p.y) * k) / steps;
    const dx = Math.max(b.x - x, 0, x - (b.x + b.width));
    const dy = Math.max(b.y - y, 0, y - (b.y + b.height));
    best = Math.min(best, Math.hypot(dx, dy));
  }
  return best;
}

function overlap(a: any, b: any): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('exportLifecycle input', () => {
  it('refuses an unknown format with a bilingual ZodError', () => {
    expect(() => exportLifecycle('pdf' as never)).toThrow(ZodError);
  });

  it('escapes XML text', () => {
    expect(escapeXml(`a<b & "c" 'd'>`)).toBe('a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;');
  });
});
