// The expert panel (评审专家组, 第六条, 第十条（三）–（五）): scorebooks, 回避, consensus, site visit, pool, packages, reports.
export * from './envelope.ts';
export * from './conflicts.ts';
export * from './scorebook.ts';
export * from './consensus.ts';
export * from './pool.ts';
export * from './ranking.ts';
export * from './package.ts';
