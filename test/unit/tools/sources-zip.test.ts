import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs build tool without types
import { notSources } from '../../../build/sources-zip.mjs';

const root = path.resolve(__dirname, '../../..');

describe('sources zip for AMO: sources only', () => {
  it('reports test artefacts, builds, logs and anything git ignores; keeps the sources', () => {
    const entries = ['package.json', 'src/', 'src/core/index.ts', 'public/help/clerk.jpg', 'test/e2e/run.mjs',
      'test/artifacts/screenshots/surfaces/panel.png', 'test/artifacts/help/clerk.jpg', '.output/chrome-mv3/manifest.json',
      '.wxt/tsconfig.json', 'npm-debug.log', 'node_modules/zod/package.json'];
    expect(notSources(root, entries)).toEqual(['.output/chrome-mv3/manifest.json', '.wxt/tsconfig.json', 'node_modules/zod/package.json',
      'npm-debug.log', 'test/artifacts/help/clerk.jpg', 'test/artifacts/screenshots/surfaces/panel.png']);
  });

  it('a clean list has nothing to report', () => {
    expect(notSources(root, ['README.md', 'LICENSE', 'wxt.config.ts', 'src/ui/help/HelpApp.tsx'])).toEqual([]);
  });
});
