import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { MANAGED_POLICY_KEY, applyManagedPolicy, parseManagedPolicy } from '../../../src/messaging/managed-policy.ts';
import { shippedPortalAdapters } from '../../../src/portal/index.ts';

const adapter = { ...shippedPortalAdapters[0]!, id: 'office-portal' };

describe('managed deployment: the office preset from browser policy', () => {
  it('no policy: nothing to apply', () => {
    expect(parseManagedPolicy({})).toBeNull();
    expect(parseManagedPolicy(undefined)).toBeNull();
  });
  it('valid parts are kept, invalid ones are left out and named', () => {
    const p = parseManagedPolicy({ portalSites: ['jszwfw', 'nope'], adapters: [adapter, { id: 1 }], award: 'lianyungang-2021', lockedSettings: ['portalSites', 'theme'] });
    expect(p?.portalSites).toEqual(['jszwfw']);
    expect(p?.adapters.map((a) => a.id)).toEqual(['office-portal']);
    expect(p?.award).toBe('lianyungang-2021');
    expect(p?.lockedSettings).toEqual(['portalSites']);
    expect(p?.problems).toHaveLength(3);
  });
  it('a malformed policy is not applied at all', () => {
    expect(parseManagedPolicy({ portalSites: 'jszwfw' })).toMatchObject({ portalSites: [], adapters: [], award: null, problems: [expect.stringContaining('malformed')] });
  });
  it('applying installs the adapters and records the preset where the pages read it', async () => {
    const saved: unknown[] = [];
    const local: Record<string, unknown> = {};
    await applyManagedPolicy({ readManaged: async () => ({ portalSites: ['lyg'], adapters: [adapter], lockedSettings: ['adapters'] }), saveAdapters: async (a) => void saved.push(...a), setLocal: async (i) => void Object.assign(local, i) }, 1000);
    expect(saved).toHaveLength(1);
    expect(local[MANAGED_POLICY_KEY]).toMatchObject({ portalSites: ['lyg'], adapters: ['office-portal'], lockedSettings: ['adapters'], appliedAt: 1000 });
  });
  it('no managed storage (Firefox without policies.json): nothing changes', async () => {
    const local: Record<string, unknown> = {};
    expect(await applyManagedPolicy({ readManaged: async () => { throw new Error('Managed storage manifest not found'); }, saveAdapters: async () => undefined, setLocal: async (i) => void Object.assign(local, i) })).toBeNull();
    expect(local).toEqual({});
  });
  it('public/managed-schema.json declares every key the parser reads', () => {
    const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../public/managed-schema.json'), 'utf8'));
    expect(Object.keys(schema.properties).sort()).toEqual(['adapters', 'award', 'focusTips', 'language', 'lockedSettings', 'portalSites']);
  });
});
