import { z } from '../core/zod-mini.ts';
import { PORTAL_SITES } from '../permissions/origins.ts';
import { portalAdapterSchema, type PortalAdapter } from '../portal/adapter-schema.ts';

/**
 * The preset an office's IT sets by browser policy (Chrome/Edge: the extension's "3rdparty" policy,
 * checked against public/managed-schema.json; Firefox: policies.json "3rdparty"), read from
 * storage.managed at start-up. Anything that does not validate is left out and reported, never applied.
 */
export { MANAGED_POLICY_KEY } from './managed-keys.ts';
import { MANAGED_POLICY_KEY } from './managed-keys.ts';

/** language and focusTips (issue 13): the display preferences an office may preset and lock */
const LOCKABLE = ['portalSites', 'adapters', 'award', 'language', 'focusTips'] as const;
const LANGUAGES = ['auto', 'zh', 'en', 'both'] as const;

const rawPolicySchema = z.looseObject({
  portalSites: z.optional(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(20))),
  adapters: z.optional(z.array(z.unknown()).check(z.maxLength(50))),
  award: z.optional(z.string().check(z.maxLength(100))),
  language: z.optional(z.string().check(z.maxLength(10))),
  focusTips: z.optional(z.boolean()),
  lockedSettings: z.optional(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(20))),
});

export interface ManagedPolicy {
  portalSites: string[];
  adapters: PortalAdapter[];
  award: string | null;
  /** UI language preset (auto: the browser's) */
  language: (typeof LANGUAGES)[number] | null;
  /** focus tips on the portal page preset */
  focusTips: boolean | null;
  lockedSettings: (typeof LOCKABLE)[number][];
  /** what was left out, in words an administrator can act on */
  problems: string[];
}

/** storage.managed's contents → the preset to apply; null when no policy is set. */
export function parseManagedPolicy(raw: unknown): ManagedPolicy | null {
  if (!raw || typeof raw !== 'object' || Object.keys(raw).length === 0) return null;
  const parsed = rawPolicySchema.safeParse(raw);
  if (!parsed.success) return { portalSites: [], adapters: [], award: null, language: null, focusTips: null, lockedSettings: [], problems: ['托管策略格式不正确，未应用 The managed policy is malformed and was not applied'] };
  const p = parsed.data;
  const problems: string[] = [];
  const known = new Set(PORTAL_SITES.map((s) => s.id));
  const portalSites = (p.portalSites ?? []).filter((id) => {
    if (!known.has(id)) problems.push(`未知的申报系统网站 unknown portal site: ${id}`);
    return known.has(id);
  });
  const adapters: PortalAdapter[] = [];
  for (const [i, a] of (p.adapters ?? []).entries()) {
    const r = portalAdapterSchema.safeParse(a);
    if (r.success) adapters.push(r.data);
    else problems.push(`第 ${i + 1} 个适配器无效，未安装 adapter ${i + 1} is invalid and was not installed`);
  }
  const lockable = (k: string): k is (typeof LOCKABLE)[number] => (LOCKABLE as readonly string[]).includes(k);
  for (const k of p.lockedSettings ?? []) if (!lockable(k)) problems.push(`不能锁定的设置 not a lockable setting: ${k}`);
  const lockedSettings = (p.lockedSettings ?? []).filter(lockable);
  const isLanguage = (l: string): l is (typeof LANGUAGES)[number] => (LANGUAGES as readonly string[]).includes(l);
  if (p.language !== undefined && !isLanguage(p.language)) problems.push(`未知的界面语言 unknown language: ${p.language} (auto, zh, en, both)`);
  const language = p.language !== undefined && isLanguage(p.language) ? p.language : null;
  return { portalSites, adapters, award: p.award ?? null, language, focusTips: p.focusTips ?? null, lockedSettings, problems };
}

export interface ManagedDeps {
  readManaged(): Promise<unknown>;
  /** installs the adapters (IndexedDB + the content script's mirror) */
  saveAdapters(adapters: PortalAdapter[]): Promise<void>;
  /** storage.local, where the options page and panel read the preset and the locks */
  setLocal(items: Record<string, unknown>): Promise<void>;
}

/** Reads the policy and applies it; with no policy (or no managed storage, e.g. Firefox without policies.json) nothing changes. */
export async function applyManagedPolicy(deps: ManagedDeps, now = Date.now()): Promise<ManagedPolicy | null> {
  let raw: unknown;
  try {
    raw = await deps.readManaged();
  } catch {
    return null; // storage.managed unavailable
  }
  const policy = parseManagedPolicy(raw);
  if (!policy) return null;
  if (policy.adapters.length) await deps.saveAdapters(policy.adapters);
  await deps.setLocal({ [MANAGED_POLICY_KEY]: { ...policy, adapters: policy.adapters.map((a) => a.id), appliedAt: now } });
  for (const p of policy.problems) console.warn('[award-pilot] managed policy / 托管策略:', p);
  return policy;
}
