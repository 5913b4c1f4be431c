export interface GeneratedField { label: string; id: string; kind: string; linked: boolean }
export function labelFor(i: number): string;
export function generateForm(fields: number, options?: { seed?: number; title?: string }): { html: string; fields: GeneratedField[] };
