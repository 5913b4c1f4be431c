/**
 * The schemas guarded by the zod/mini parity corpus (issue 19): every exported schema of the modules the
 * side panel, options page and background load at first paint, plus the seeds that are known valid.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as caseEvents from '../../../machines/case.events.ts';
import * as application from '../../../src/application/schema.ts';
import * as dates from '../../../src/core/dates.ts';
import * as protocol from '../../../src/messaging/protocol.ts';
import * as panelProtocol from '../../../src/messaging/panel-protocol.ts';
import * as profile from '../../../src/messaging/profile.ts';
import * as managedPolicy from '../../../src/messaging/managed-policy.ts';
import * as records from '../../../src/storage/records.ts';
import * as adapter from '../../../src/portal/adapter-schema.ts';
import * as policy from '../../../src/policy/schema.ts';
import { awards } from '../../../src/awards/index.ts';

const modules: Record<string, Record<string, unknown>> = {
  caseEvents, application, dates, protocol, panelProtocol, profile, managedPolicy, records, adapter, policy,
};

const isSchema = (v: unknown): v is { _zod: unknown } => typeof v === 'object' && v !== null && '_zod' in v;

export function parityTargets(): Record<string, { schema: any; extraSeeds?: unknown[] }> {
  const out: Record<string, { schema: any; extraSeeds?: unknown[] }> = {};
  for (const [m, mod] of Object.entries(modules))
    for (const [k, v] of Object.entries(mod)) if (isSchema(v)) out[`${m}.${k}`] = { schema: v };
  const dir = path.join(import.meta.dirname, '../../fixtures/applications');
  out['application.applicationSchema']!.extraSeeds = fs.readdirSync(dir).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  const packs = Object.values(awards).flat();
  out['policy.awardPackSchema']!.extraSeeds = packs;
  return out;
}
