import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: ['test/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto', 'test/unit/setup.ts'],
    restoreMocks: true,
    benchmark: { include: ['test/bench/**/*.bench.ts'] },
  },
});
