import { browser } from 'wxt/browser';
import { DEMO_PORTAL_MATCHES, PORTAL_OPTIONAL_ORIGINS, PORTAL_SITES, type PortalSite } from './origins.ts';

export { DEMO_PORTAL_MATCHES, PORTAL_OPTIONAL_ORIGINS, PORTAL_SITES, type PortalSite };

/** The id of the content script we register at run time for granted portal origins. */
export const DYNAMIC_PORTAL_SCRIPT_ID = 'award-pilot-portal';

/** The slice of the WebExtension API this module uses (so tests can pass a fake). */
export interface PermissionsApi {
  permissions: {
    request(p: { origins?: string[] }): Promise<boolean>;
    remove(p: { origins?: string[] }): Promise<boolean>;
    getAll(): Promise<{ origins?: string[]; permissions?: string[] }>;
    contains(p: { origins?: string[] }): Promise<boolean>;
    onAdded?: { addListener(cb: (p: { origins?: string[] }) => void): void };
    onRemoved?: { addListener(cb: (p: { origins?: string[] }) => void): void };
  };
  runtime: { getManifest(): { content_scripts?: { matches?: string[]; js?: string[]; css?: string[]; run_at?: string; all_frames?: boolean }[] } };
  scripting?: {
    getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string; matches?: string[] }[]>;
    registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
    updateContentScripts(scripts: RegisteredScript[]): Promise<void>;
    unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
  };
}

interface RegisteredScript {
  id: string;
  matches: string[];
  js?: string[];
  css?: string[];
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  allFrames?: boolean;
  persistAcrossSessions?: boolean;
}

const defaultApi = (): PermissionsApi => browser as unknown as PermissionsApi;

function isKnownOptionalOrigin(origin: string): boolean {
  return PORTAL_OPTIONAL_ORIGINS.includes(origin);
}

/**
 * Ask the user for access to one portal site. Must be called from a user gesture (a click on the
 * options page), or the browser refuses. Only origins declared in the manifest can be asked for.
 */
export async function requestPortalAccess(site: PortalSite, api: PermissionsApi = defaultApi()): Promise<boolean> {
  const origins = site.origins.filter(isKnownOptionalOrigin);
  if (origins.length === 0) return false;
  const granted = await api.permissions.request({ origins });
  if (granted) await syncPortalContentScripts(api);
  return granted;
}

export async function revokePortalAccess(site: PortalSite, api: PermissionsApi = defaultApi()): Promise<boolean> {
  const origins = site.origins.filter(isKnownOptionalOrigin);
  if (origins.length === 0) return false;
  const removed = await api.permissions.remove({ origins });
  await syncPortalContentScripts(api);
  return removed;
}

/** The optional portal origins the user has granted (demo origins are not optional, so not listed). */
export async function grantedPortalOrigins(api: PermissionsApi = defaultApi()): Promise<string[]> {
  const { origins = [] } = await api.permissions.getAll();
  return origins.filter(isKnownOptionalOrigin);
}

export async function portalSiteStatus(api: PermissionsApi = defaultApi()): Promise<{ site: PortalSite; granted: boolean }[]> {
  const granted = new Set(await grantedPortalOrigins(api));
  return PORTAL_SITES.map((site) => ({ site, granted: site.origins.every((o) => granted.has(o)) }));
}

/** Where WXT writes the portal content script (entrypoints/portal.content). */
export const PORTAL_SCRIPT_FILE = 'content-scripts/portal.js';

/**
 * The portal content script: in the demo build it is declared for the demo origins; a release build
 * declares no content script at all (no local origins), and the same built file is registered here.
 */
function portalContentScript(api: PermissionsApi) {
  const scripts = api.runtime.getManifest().content_scripts ?? [];
  const declared = scripts.find((cs) => cs.matches?.some((m) => (DEMO_PORTAL_MATCHES as readonly string[]).includes(m)) && cs.js?.length);
  return declared ?? { js: [PORTAL_SCRIPT_FILE], run_at: 'document_idle', all_frames: false, css: undefined };
}

/**
 * Make the registered content script match exactly the granted portal origins: register, update or
 * unregister. Called by the background at start-up and whenever permissions change, and by the
 * options page after a grant or revoke. Returns the origins the script now runs on.
 */
export async function syncPortalContentScripts(api: PermissionsApi = defaultApi()): Promise<string[]> {
  const scripting = api.scripting;
  if (!scripting?.registerContentScripts) return [];
  const granted = await grantedPortalOrigins(api);
  const existing = await scripting.getRegisteredContentScripts({ ids: [DYNAMIC_PORTAL_SCRIPT_ID] });
  if (granted.length === 0) {
    if (existing.length > 0) await scripting.unregisterContentScripts({ ids: [DYNAMIC_PORTAL_SCRIPT_ID] });
    return [];
  }
  const source = portalContentScript(api);
  if (!source) return [];
  const script: RegisteredScript = {
    id: DYNAMIC_PORTAL_SCRIPT_ID,
    matches: granted,
    js: source.js,
    ...(source.css?.length ? { css: source.css } : {}),
    runAt: (source.run_at as RegisteredScript['runAt']) ?? 'document_idle',
    allFrames: source.all_frames ?? false,
    persistAcrossSessions: true,
  };
  if (existing.length > 0) await scripting.updateContentScripts([script]);
  else await scripting.registerContentScripts([script]);
  return granted;
}

/** Background wiring: keep the registration in step with grants made or revoked anywhere (incl. browser UI). */
export function watchPortalPermissions(api: PermissionsApi = defaultApi(), onChange?: () => void): void {
  const resync = () => {
    void syncPortalContentScripts(api).catch(() => undefined);
    onChange?.();
  };
  api.permissions.onAdded?.addListener(resync);
  api.permissions.onRemoved?.addListener(resync);
  resync();
}
