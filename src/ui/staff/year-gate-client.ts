import type { YearGateRequest, YearGateResult } from './year-gate.ts';

/** The main-thread fallback loads only when there is no worker (issue 19: not in the page's first script). */
const computeYearGate = (request: YearGateRequest): Promise<YearGateResult> => import('./year-gate.ts').then((m) => m.computeYearGate(request));

let worker: Worker | null | undefined;
let nextId = 1;
const waiting = new Map<number, (r: YearGateResult) => void>();

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./year-gate.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ id: number; result: YearGateResult }>) => {
      waiting.get(e.data.id)?.(e.data.result);
      waiting.delete(e.data.id);
    };
    worker.onerror = () => {
      // A worker that cannot start (old browser, CSP): fall back to the main thread from now on.
      worker?.terminate();
      worker = null;
      for (const [, resolve] of waiting) resolve({ year: 0, key: '', gated: [], summary: null, error: null });
      waiting.clear();
    };
  } catch {
    worker = null;
  }
  return worker;
}

/** The year's quota replay, in a worker when there is one (the page never stalls), else inline. */
export function runYearGate(request: YearGateRequest): Promise<YearGateResult> {
  const w = getWorker();
  if (!w) return computeYearGate(request);
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, (r) => resolve(r.key === request.key ? r : computeYearGate(request)));
    w.postMessage({ id, request });
  });
}
