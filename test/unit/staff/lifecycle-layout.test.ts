import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { caseStages } from '../../../machines/case.machine.ts';
import { lifecycleGraph, lifecycleSignature } from '../../../src/staff/lifecycle-graph.ts';
import type { LifecycleLayout } from '../../../src/staff/layout-types.ts';
import { layoutLifecycle, serializeLayout, LAYOUT_PATH } from '../../tools/layout-lifecycle.ts';

const committed = JSON.parse(fs.readFileSync(LAYOUT_PATH, 'utf8')) as LifecycleLayout;

describe('assets/lifecycle-layout.json cannot drift from caseMachine', () => {
  it('has exactly the machine’s states and transitions', () => {
    const graph = lifecycleGraph();
    expect(lifecycleSignature(committed)).toEqual(lifecycleSignature(graph));
    expect(committed.nodes.map((n) => n.id).sort()).toEqual([...caseStages].sort());
  });

  it('is what the layout script produces today (run `npx tsx test/tools/layout-lifecycle.ts` after a machine change)', async () => {
    expect(serializeLayout(await layoutLifecycle())).toBe(fs.readFileSync(LAYOUT_PATH, 'utf8'));
  });

  it('walks the machine: 17 stages, final ones marked, guarded branches kept apart', () => {
    const graph = lifecycleGraph();
    expect(graph.nodes).toHaveLength(caseStages.length);
    expect(graph.nodes.filter((n) => n.final).map((n) => n.id).sort()).toEqual(
      ['disqualified', 'not-accepted', 'not-recommended', 'not-selected', 'revoked', 'withdrawn'],
    );
    const pass = graph.edges.filter((e) => e.event === 'pass-material-review');
    expect(pass.map((e) => [e.target, e.guard])).toEqual([
      ['site-review', 'isOrganization'],
      ['presentation', 'isIndividual'],
    ]);
    // 第三条 withdraw is offered in every stage before approval, not after the award.
    expect(graph.edges.some((e) => e.source === 'awarded' && e.event === 'withdraw')).toBe(false);
    expect(graph.edges.some((e) => e.source === 'approval' && e.event === 'withdraw')).toBe(true);
  });

  it('every node box and edge lies inside the drawing, and every edge touches its two boxes', () => {
    const box = new Map(committed.nodes.map((n) => [n.id, n]));
    const near = (p: { x: number; y: number }, b: { x: number; y: number; width: number; height: number }) =>
      p.x >= b.x - 1.5 && p.x <= b.x + b.width + 1.5 && p.y >= b.y - 1.5 && p.y <= b.y + b.height + 1.5;
    for (const n of committed.nodes) {
      expect(n.x + n.width).toBeLessThanOrEqual(committed.width);
      expect(n.y + n.height).toBeLessThanOrEqual(committed.height);
    }
    for (const e of committed.edges) {
      expect(near(e.points[0]!, box.get(e.source)!), `${e.id} starts at its source`).toBe(true);
      expect(near(e.points[e.points.length - 1]!, box.get(e.target)!), `${e.id} ends at its target`).toBe(true);
    }
  });
});

