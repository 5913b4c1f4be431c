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

  it('is an executable process: start event, a userTask per review stage, gateways for outcomes, end events for finals', async () => {
    const { rootElement } = await new BpmnModdle().fromXML(xml);
    const process = (rootElement as any).rootElements.find((e: any) => e.$type === 'bpmn:Process');
    expect(process.isExecutable).toBe(true);
    const els: any[] = process.flowElements;
    const byType = (t: string) => els.filter((e) => e.$type === t).map((e) => e.id);
    expect(byType('bpmn:StartEvent')).toEqual(['start']);
    const reviews = graph.stages.filter((s) => s.meta?.review).map((s) => s.id);
    expect(byType('bpmn:UserTask')).toEqual(expect.arrayContaining(reviews));
    expect([...byType('bpmn:UserTask'), ...byType('bpmn:Task')].sort()).toEqual([...live].sort());
    expect(byType('bpmn:EndEvent').sort()).toEqual([...finals].sort());
    expect(byType('bpmn:ExclusiveGateway').length).toBeGreaterThan(5);
    expect(els.find((e) => e.id === 'recommendation').name).toBe('推荐 / Recommendation');
  });

  it('has a sequence flow for every machine transition (through the stage’s gateway), named by event type', async () => {
    const { rootElement } = await new BpmnModdle().fromXML(xml);
    const process = (rootElement as any).rootElements.find((e: any) => e.$type === 'bpmn:Process');
    const flows = process.flowElements.filter((e: any) => e.$type === 'bpmn:SequenceFlow');
    const hop = (from: string) => {
      const out = flows.filter((f: any) => f.sourceRef.id === from);
      const gw = out.find((f: any) => f.targetRef.$type === 'bpmn:ExclusiveGateway');
      return gw ? flows.filter((f: any) => f.sourceRef.id === gw.targetRef.id) : out;
    };
    for (const t of machineTransitions) {
      const match = hop(t.from).filter((f: any) => f.targetRef.id === t.target && f.name.startsWith(t.event));
      expect(match, `${t.from} --${t.event}--> ${t.target}`).toHaveLength(1);
      if (t.guard) expect(match[0].name).toContain(t.guard);
    }
    // and nothing more than those, plus start → draft and task → gateway
    const gatewayFlows = flows.filter((f: any) => f.sourceRef.$type === 'bpmn:ExclusiveGateway' || f.sourceRef.$type.endsWith('Task'));
    const intoGateways = flows.filter((f: any) => f.targetRef.$type === 'bpmn:ExclusiveGateway');
    expect(gatewayFlows.length - intoGateways.length).toBe(machineTransitions.length);
    // conditions are escaped XML that parses back to the guard expression
    const guarded = flows.find((f: any) => f.name === 'pass-material-review [isOrganization]');
    expect(guarded.conditionExpression.body).toBe("event.type == 'pass-material-review' && isOrganization");
  });

  it('has diagram interchange: a shape with bounds per node and an edge with waypoints per flow', async () => {
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
    // no two shapes overlap
    const boxes = shapes.map((s: any) => s.bounds);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        expect(overlap, `${shapes[i].bpmnElement.id} overlaps ${shapes[j].bpmnElement.id}`).toBe(false);
      }
  });
});

describe('exportLifecycle input', () => {
  it('refuses an unknown format with a bilingual ZodError', () => {
    expect(() => exportLifecycle('pdf' as never)).toThrow(ZodError);
  });

  it('escapes XML text', () => {
    expect(escapeXml(`a<b & "c" 'd'>`)).toBe('a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;');
  });
});
