/**
 * The adapters that ship inside the package, as files next to this one. wxt.config.ts copies them
 * into the package (`build:publicAssets`, under `adapters/`), and the background service worker
 * reads them from there when first needed instead of bundling them (issue 19: ≈12 KiB gz of the
 * worker). `full`: the whole adapter (pre-check, status rows, drafts' award); `content`: the compact
 * copy the content script reads from storage.local (content-adapter.ts). Dependency-free: the
 * build config imports it.
 */
export const SHIPPED_ADAPTER_FILES: readonly { full: string; content: string }[] = [
  { full: 'demo-portal.json', content: 'demo-portal.content.json' },
];

/** Where the package holds those files (a path for `runtime.getURL`). */
export const SHIPPED_ADAPTERS_DIR = 'adapters';
