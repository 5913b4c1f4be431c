/**
 * The pure core of Award Pilot (contract.md). Plain TypeScript with relative imports only:
 * no DOM, no browser APIs, no WXT auto-imports. Importable by plain Node (`npx tsx`).
 */
export * from './core/dates.ts';
export * from './core/i18n.ts';
export * from './policy/index.ts';
export * from './application/index.ts';
export * from './eligibility/index.ts';
export { applicationJsonSchema } from './export/json-schema.ts';
export * from './cases/index.ts';
export * from './staff/index.ts';
export * from './self-evaluation/index.ts';
export { exportSelfEvaluationDocx } from './export/docx.ts';
export { exportLifecycle } from './export/lifecycle.ts';
export * from './portal/index.ts';
