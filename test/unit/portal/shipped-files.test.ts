// The shipped adapters travel as data files in the package (issue 19: the background service worker
// reads them when first needed instead of bundling ≈12 KiB gz of JSON). What the build copies must be
// a valid adapter, the compact copy must be contentAdapter() of it, and the mirror must put the
// compact copies where the content script reads them.
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { portalAdapterSchema } from '../../../src/portal/adapter-schema.ts';
import { contentAdapter } from '../../../src/portal/adapters/content-adapter.ts';
import { SHIPPED_ADAPTER_FILES } from '../../../src/portal/adapters/shipped-files.ts';
import { mirrorShippedAdapters, SHIPPED_ADAPTERS_KEY } from '../../../src/portal/adapters/shipped-mirror.ts';
import { shippedPortalAdapters } from '../../../src/portal/index.ts';

const dir = path.resolve(__dirname, '../../../src/portal/adapters');
const readJson = async (file: string): Promise<unknown> => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));

beforeEach(() => fakeBrowser.reset());

describe('shipped adapter files', () => {
  it('are valid adapters, the ones the extension pages bundle, each with its compact copy', async () => {
    expect(SHIPPED_ADAPTER_FILES.length).toBe(shippedPortalAdapters.length);
    for (const [i, f] of SHIPPED_ADAPTER_FILES.entries()) {
      const full = await readJson(f.full);
      expect(portalAdapterSchema.safeParse(full).success, f.full).toBe(true);
      expect(portalAdapterSchema.parse(full)).toEqual(shippedPortalAdapters[i]);
      expect(await readJson(f.content)).toEqual(contentAdapter(full as Record<string, unknown>));
    }
  });

  it('are copied into the package under adapters/ by the build', () => {
    const config = fs.readFileSync(path.resolve(__dirname, '../../../wxt.config.ts'), 'utf8');
    expect(config).toMatch(/SHIPPED_ADAPTER_FILES\.flatMap\(\(a\) => \[a\.full, a\.content\]\)/);
  });

  it('the background mirrors the compact copies into storage.local for the content script', async () => {
    const asked: string[] = [];
    await mirrorShippedAdapters(async (file) => (asked.push(file), readJson(file)));
    expect(asked).toEqual(SHIPPED_ADAPTER_FILES.map((f) => f.content));
    const got = await fakeBrowser.storage.local.get(SHIPPED_ADAPTERS_KEY);
    expect(got[SHIPPED_ADAPTERS_KEY]).toEqual(await Promise.all(SHIPPED_ADAPTER_FILES.map((f) => readJson(f.content))));
  });

  it('a file that cannot be read leaves storage as it was', async () => {
    await fakeBrowser.storage.local.set({ [SHIPPED_ADAPTERS_KEY]: ['previous'] });
    await mirrorShippedAdapters(async () => {
      throw new Error('404');
    });
    expect((await fakeBrowser.storage.local.get(SHIPPED_ADAPTERS_KEY))[SHIPPED_ADAPTERS_KEY]).toEqual(['previous']);
  });
});
