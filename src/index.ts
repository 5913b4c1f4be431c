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
export { applicationFormSchema } from './export/form-schema.ts';
export { applicationJsonFormsUiSchema, applicationRjsfUiSchema } from './export/form-ui-schema.ts';
export { applicationFormilySchema } from './export/formily-schema.ts';
export * from './cases/index.ts';
export * from './staff/index.ts';
export * from './self-evaluation/index.ts';
export { exportSelfEvaluationDocx } from './export/docx.ts';
export { exportLifecycle } from './export/lifecycle.ts';
export * from './portal/index.ts';
export {
  awards,
  defaultAwardId,
  versionInForce,
  packFor,
  refOf,
  jiangsuGovernor2023,
  lianyungang2024Draft,
  type AwardRef,
  type AwardSettings,
} from './awards/index.ts';
export { awardPackSchema, type AwardPack } from './policy/schema.ts';
export { lastDayOfYears, firstDayAfterYears, periodOfYears } from './core/periods.ts';
