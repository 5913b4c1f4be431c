/**
 * The pure core of Award Pilot (contract.md). Plain TypeScript with relative imports only:
 * no DOM, no browser APIs, no WXT auto-imports. Importable by plain Node (`npx tsx`).
 */
export * from './core/dates.ts';
export * from './core/i18n.ts';
export * from './policy/index.ts';
