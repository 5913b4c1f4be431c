import { z } from '../../core/zod-mini.ts';
import { computeYearGate, type YearGateRequest } from './year-gate.ts';

// MV3 CSP forbids eval, in workers too: zod must not probe `new Function`.
z.config({ jitless: true });

/** Runs the year's quota replay off the main thread: thousands of approvals take a while. */
self.onmessage = (e: MessageEvent<{ id: number; request: YearGateRequest }>) => {
  self.postMessage({ id: e.data.id, result: computeYearGate(e.data.request) });
};
