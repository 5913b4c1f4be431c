import { describe, expect, it } from 'vitest';
import config from '../../../wxt.config.ts';

/**
 * Vite bundles Web Workers (the staff page's year-gate worker) with `worker.plugins` only, not with
 * the page plugins: the dynamic-code rewrite must be registered in both, or zod's `Function` probe
 * ships in the worker chunk (test/e2e/security-manifest.e2e.mjs checks the built package).
 */
type VitePluginList = { name?: string }[];
type ViteConfig = { plugins?: VitePluginList; worker?: { plugins?: () => VitePluginList } };

function viteConfig(): ViteConfig {
  const vite = (config as { vite?: (env: unknown) => ViteConfig }).vite;
  expect(typeof vite).toBe('function');
  return vite!({ browser: 'chrome', command: 'build', mode: 'production', manifestVersion: 3 });
}

describe('the dynamic-code rewrite runs on every bundle', () => {
  it('is a page plugin (control)', () => {
    expect(viteConfig().plugins?.map((p) => p.name)).toContain('award-pilot:strip-dynamic-code');
  });

  it('is a worker plugin too, and each worker build gets a fresh instance', () => {
    const worker = viteConfig().worker;
    expect(typeof worker?.plugins).toBe('function');
    const first = worker!.plugins!();
    expect(first.map((p) => p.name)).toContain('award-pilot:strip-dynamic-code');
    expect(worker!.plugins!()[0]).not.toBe(first[0]);
  });
});
