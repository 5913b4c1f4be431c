import { tx } from '../lang.ts';

/** One language at a time (issue 13): the chosen language's text, for plain strings and attributes. */
export const say = (zh: string, en: string): string => tx({ zh, en });

/** What people typed (names, organisations): data, not UI text, in whatever language it was written. */
export const asData = { translate: 'no' } as unknown as Record<string, never>;
