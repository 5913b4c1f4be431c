export * from './csv.ts';
export * from './rows.ts';
export * from './export-csv.ts';
export * from './cases-file.ts';
export * from './lifecycle-graph.ts';
export * from './event-labels.ts';
export * from './layout-types.ts';
export * from './derive.ts';
