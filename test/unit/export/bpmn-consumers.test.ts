// @vitest-environment node
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { Engine } from 'bpmn-engine';
import { describe, expect, it } from 'vitest';
import { exportLifecycle } from '../../../src/export/lifecycle.ts';
import { startFold, replayCase } from '../../../src/cases/replay.ts';
import { toDayNumber } from '../../../src/core/dates.ts';
import type { CaseEvent } from '../../../machines/case.events.ts';
import { buildLog, deepStepsArb, happyPath, logArb, makeEvent } from '../cases/fixtures.ts';

/**
 * The BPMN export read by real consumers: bpmnlint's `recommended` rules, and bpmn-engine (a JavaScript
 * BPMN 2.0 engine) executing it over random case logs.
 *
 * bpmn-engine resolves `${…}` itself only as a property path, so it is given an expression evaluator:
 * jexl, whose grammar covers the JUEL subset the export uses (==, !=, >=, +, &&, ||, ?:, null, '…').
 * The `camunda:executionListener` expressions `${execution.setVariable('x', expr)}` run on the same
 * evaluator when bpmn-engine takes a flow (Camunda 7 runs them natively).
 */
const require = createRequire(import.meta.url);
const jexl = require('jexl') as { evalSync(expr: string, context: object): unknown };
const xml = exportLifecycle('bpmn');
type Moddle = new () => { fromXML(xml: string): Promise<{ rootElement: any; warnings: unknown[] }> };
const { BpmnModdle } = (await import('bpmn-moddle' as string)) as { BpmnModdle: Moddle };

describe('bpmnlint recommended', () => {
  it('reports 0 errors and 0 warnings', async () => {
    const Linter = require('bpmnlint/lib/linter');
    const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
    const linter = new Linter({ config: { extends: 'bpmnlint:recommended' }, resolver: new NodeResolver() });
    const { rootElement, warnings } = await new BpmnModdle().fromXML(xml);
    expect(warnings).toEqual([]);
    const results: Record<string, { id: string; message: string; category: string }[]> = await linter.lint(rootElement);
    const reports = Object.entries(results).flatMap(([rule, list]) => list.map((r) => `${r.category} ${rule} ${r.id}: ${r.message}`));
    expect(reports).toEqual([]);
    // the rules do run: the same document with the start event unnamed is reported
    const broken = await new BpmnModdle().fromXML(xml.replace('name="开始申报"', 'name=""'));
    const brokenResults: Record<string, unknown[]> = await linter.lint(broken.rootElement);
    expect(Object.keys(brokenResults)).toContain('label-required');
  });
});

// Listeners per element id, read from the XML the engine runs.
const listenerRe = /<bpmn:(sequenceFlow|startEvent) id="([^"]+)"[^>]*[^/]>([\s\S]*?)<\/bpmn:\1>/g;
const listeners = new Map<string, string[]>();
for (const m of xml.matchAll(listenerRe)) {
  const exprs = [...m[3]!.matchAll(/<camunda:executionListener expression="([^"]+)"/g)].map((l) =>
    l[1]!.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&'),
  );
  if (exprs.length) listeners.set(m[2]!, exprs);
}

const setVariableRe = /^\$\{execution\.setVariable\('([A-Za-z]+)', (.+)\)\}$/s;

/** Runs a log through bpmn-engine; returns the stage (waiting task or end event) after each event. */
async function runEngine(log: CaseEvent[]): Promise<string[]> {
  const vars: Record<string, unknown> = {};
  const run = (expr: string) => {
    const m = setVariableRe.exec(expr);
    if (!m) throw new Error(`unsupported listener ${expr}`);
    vars[m[1]!] = jexl.evalSync(m[2]!, vars);
  };
  const expressions = {
    isExpression: (t: string) => /^\$\{[\s\S]+\}$/.test(t ?? ''),
    hasExpression: (t: string) => /\$\{[\s\S]+\}/.test(t ?? ''),
    resolveExpression: (t: string) => {
      const m = /^\$\{([\s\S]+)\}$/.exec(t);
      return m ? jexl.evalSync(m[1]!, vars) : t;
    },
  };
  const listener = new EventEmitter();
  let waiting: { id: string; signal(x: unknown): void } | null = null;
  let ended: string | null = null;
  listener.on('wait', (api) => (waiting = api));
  listener.on('flow.take', (api) => listeners.get(api.id)?.forEach(run));
  listener.on('activity.end', (api) => {
    if (api.type === 'bpmn:StartEvent') listeners.get(api.id)?.forEach(run);
    if (api.type === 'bpmn:EndEvent') ended = api.id;
  });
  const engine = new Engine({ name: 'case', source: xml, expressions } as never);
  await engine.execute({ listener } as never);
  const stages: string[] = [];
  for (const e of log) {
    const w = waiting as { id: string; signal(x: unknown): void } | null;
    if (w && !ended) {
      const ev = e as Record<string, unknown>;
      Object.assign(vars, {
        event: e.type,
        on: e.on,
        onDay: toDayNumber(e.on),
        eventKind: ev['kind'] ?? null,
        eventBy: ev['by'] ?? null,
        eventTier: ev['tier'] ?? null,
        eventReason: ev['reason'] ?? null,
      });
      waiting = null;
      w.signal({});
    }
    stages.push(ended ?? (waiting as { id: string } | null)?.id ?? '?');
  }
  return stages;
}

function replayStages(log: CaseEvent[]): string[] {
  const fold = startFold();
  return log.map((e, i) => (fold.step(e, i), fold.view().stage));
}

describe('bpmn-engine executes the export', () => {
  it('reaches what replayCase reaches on realistic logs (kind, publicity days, date order, filing)', async () => {
    const logs: CaseEvent[][] = [
      happyPath('organization'),
      [...happyPath('individual', 'nomination'), makeEvent('revoke', '2026-06-01', { reason: 'incident' })],
      [...happyPath('individual').slice(0, 4), makeEvent('complete-site-review', '2026-03-10')],
      [...happyPath('organization').slice(0, 7), makeEvent('publicity-end', '2026-03-11')],
      [makeEvent('apply', '2026-03-02'), makeEvent('recommend', '2026-03-01')],
      [makeEvent('false-material-found', '2026-03-02')],
    ];
    for (const log of logs) expect(await runEngine(log)).toEqual(replayStages(log));
    expect((await runEngine(logs[0]!)).at(-1)).toBe('awarded');
    expect((await runEngine(logs[1]!)).at(-1)).toBe(replayCase(logs[1]!).stage);
  });

  it('fast-check: over random logs the engine holds replayCase’s stage after every event', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(logArb(25), deepStepsArb(25).map((s) => buildLog(s))), async (log) => {
        expect(await runEngine(log)).toEqual(replayStages(log));
      }),
      { numRuns: 60 },
    );
  }, 240_000);
});
