import type { FileStat, Measured } from './sizes.mjs';
export interface SizeBudget { what: string; surface?: string; part?: 'js' | 'css'; maxKiB: number }
export interface Budgets { sizes: Record<string, SizeBudget>; timings: Record<string, { what: string; target: number; unit: string }> }
export interface SizeRow { key: string; what: string; maxKiB: number; status: 'ok' | 'over' | 'absent'; gz: number; raw: number; files: FileStat[] }
export const BUDGETS_FILE: string;
export function loadBudgets(): Budgets;
export function checkSizes(measured: Measured, budgets?: Budgets): SizeRow[];
export function sizeRows(rows: SizeRow[]): string[][];
export const SIZE_HEAD: string[];
export const SIZE_ALIGN: string[];
