export * from './credit-code.ts';
export * from './schema.ts';
export { applicationFieldLabels, fieldLabel, isListField, labelKeyOf } from './labels.ts';
export { applicationErrorMap, describeIssue, formatPath } from './messages.ts';
export { parseApplication, type ApplicationError, type ParseApplicationResult } from './parse.ts';
