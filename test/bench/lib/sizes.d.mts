export interface FileStat { file: string; raw: number; gz: number }
export interface Part { files: FileStat[]; raw: number; gz: number }
export interface Surface { id: string; label: string; html?: string; js: Part; css: Part; lazy: Part; preloadsMissingFromHtml?: string[] }
export interface Measured { root: string; manifestVersion: number; surfaces: Surface[]; total: Part }
export const KiB: number;
export function gzipSize(buf: Uint8Array | string): number;
export function importsOf(root: string, file: string): { static: string[]; dynamic: string[] };
export function closure(root: string, entries: string[]): { initial: string[]; lazy: string[] };
export function htmlRefs(root: string, htmlFile: string): { scripts: string[]; preloads: string[]; styles: string[] };
export function measureBuild(root: string): Measured;
export function kib(bytes: number): string;
