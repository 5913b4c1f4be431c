import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { DEMO_PORTAL_MATCHES, EXTENSION_PAGES_CSP, PORTAL_OPTIONAL_ORIGINS } from './src/permissions/origins.ts';
import { stripDynamicCode } from './src/permissions/strip-dynamic-code.ts';
import { thirdPartyNotices } from './src/build/third-party-notices.ts';
import path from 'node:path';
import { iconSet, renderIcons } from './build/icons.ts';
import { SHIPPED_ADAPTER_FILES, SHIPPED_ADAPTERS_DIR } from './src/portal/adapters/shipped-files.ts';

// The portal origins the extension may run on (src/permissions/origins.ts). Only the demo portal is
// granted at install time (for local development and tests); the real portals are optional host
// permissions asked for at run time from the options page (least privilege: never <all_urls>).
// `scripting` registers the portal content script for the granted origins only.
export { DEMO_PORTAL_MATCHES };

/**
 * Release vs demo (issue 15): `wxt build` / `wxt zip` (mode "production") ship no local origin at all:
 * no host permissions at install, no static content script; the real portals are optional permissions
 * asked for at run time and the content script is registered for granted origins only. The demo portal
 * origins exist only in `wxt build --mode demo` (.output/*-demo), which `npm start` and the e2e use.
 */
export const isDemoMode = (mode: string) => mode === 'demo';

export default defineConfig({
  // Sources zip for AMO review: the project's own sources only, never test output, builds or profiles.
  zip: {
    excludeSources: ['test/artifacts/**', '.output/**', '.wxt/**', 'stats.html', '**/*.log', '.ci/**', 'node_modules/**'],
  },
  hooks: {
    // The portal content script is declared with the demo matches; a release drops that declaration
    // (the file still ships: src/permissions/portal-origins.ts registers it for granted portals).
    'build:manifestGenerated': (wxt, manifest) => {
      if (isDemoMode(wxt.config.mode)) return;
      delete manifest.content_scripts;
    },
    'build:publicAssets': (wxt, files) => {
      // Every package ships the licences of the code inside it (elkjs EPL-2.0 and the rest) and ours.
      files.push({ relativeDest: 'THIRD_PARTY_NOTICES.txt', contents: thirdPartyNotices(wxt.config.root) });
      files.push({ relativeDest: 'LICENSE.txt', absoluteSrc: `${wxt.config.root}/LICENSE` });
      // Icons: PNGs rasterised from assets/icons/*.svg at every build (build/icons.ts), none committed.
      const dir = path.join(wxt.config.wxtDir, 'icons');
      for (const rel of renderIcons(wxt.config.root, dir)) files.push({ absoluteSrc: path.join(dir, rel), relativeDest: rel });
      // The shipped portal adapters as data files: the background reads them when first needed (issue 19).
      for (const f of SHIPPED_ADAPTER_FILES.flatMap((a) => [a.full, a.content])) {
        files.push({ absoluteSrc: path.join(wxt.config.root, 'src/portal/adapters', f), relativeDest: `${SHIPPED_ADAPTERS_DIR}/${f}` });
      }
    },
  },
  // stripDynamicCode: no Function constructor, no innerHTML write in the package (see the file).
  // Web Workers (the staff page's year-gate worker) are bundled separately, with `worker.plugins`
  // only: the rewrite must be registered there too, or zod's JIT probe ships inside the worker chunk.
  // zodOneChunk: zod (and the module that configures it) stays one chunk in the pages' build: the side panel loads it
  // after its first paint (issue 19), and without the group zod fell into several small chunks every other page loaded.
  vite: () => ({ plugins: [stripDynamicCode(), preact(), zodOneChunk()], worker: { plugins: () => [stripDynamicCode()] } }),
  manifest: ({ browser, mode }) => ({
    // Name and description per browser language from public/_locales (zh_CN first; en otherwise).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // contextMenus: the toolbar icon's right-click menu (staff console, options); no install warning.
    permissions: ['storage', 'scripting', 'contextMenus'],
    // MV3: optional_host_permissions; Firefox MV2 has no such key, optional origins go in optional_permissions.
    ...(browser === 'firefox'
      ? { optional_permissions: [...PORTAL_OPTIONAL_ORIGINS] }
      : { optional_host_permissions: [...PORTAL_OPTIONAL_ORIGINS] }),
    ...(isDemoMode(mode) ? { host_permissions: [...DEMO_PORTAL_MATCHES] } : {}),
    // WXT's MV3 default adds 'wasm-unsafe-eval'; we ship no Wasm, so the page CSP is the strict one.
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    icons: iconSet(),
    // Chrome/Edge check the office's 3rdparty policy against this schema (storage.managed); Firefox reads policies.json.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    action: { default_title: '__MSG_actionTitle__', default_icon: iconSet() },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'award-pilot@lyg-quality.invalid',
              // data_collection_permissions (required on AMO since 2025-11-03) needs Firefox 140 / Android 142
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});

const ZOD = /node_modules[\\/]zod[\\/]|src[\\/]core[\\/]zod-mini\.ts$/;
/**
 * small zod-free modules every page (the side panel before zod) loads, with vite's preload helper and wxt's page
 * plugins: one chunk instead of a dozen tiny ones. Not the error wording (i18n/error-text.ts and its messages): no
 * page needs it for its first paint (issue 19), so it stays in the chunks that load it on demand.
 */
/** the award packs (data) and what cites them: one chunk, for the pages that check or show awards */
const AWARDS = /src[\\/](awards[\\/]|policy[\\/](lianyungang-2021|cite)\.ts$)/;
const SHARED = /src[\\/](core[\\/](calendar|articles|i18n)\.ts$|i18n[\\/](define|language)\.ts$)|node_modules[\\/](wxt[\\/]dist[\\/]browser\.mjs$|@wxt-dev[\\/]browser[\\/])|^\0?vite[\\/](preload-helper|modulepreload-polyfill)|^\0?virtual:wxt-(html-)?plugins/;

/** Pages' build only (the background and content scripts are single IIFE files, which cannot be split). */
function zodOneChunk(): Plugin {
  return {
    name: 'award-pilot:zod-one-chunk',
    outputOptions(options) {
      if (options.format !== undefined && options.format !== 'es' && options.format !== 'esm' && options.format !== 'module') return null;
      return { ...options, codeSplitting: { groups: [{ name: 'zod', test: ZOD }, { name: 'awards', test: AWARDS }, { name: 'shared', test: SHARED }] } };
    },
  };
}
