/**
 * Where the toolbar icons live in the package (plain data: wxt.config.ts builds the manifest from it and
 * build/icons.ts writes the PNGs there). Sources: assets/icons/*.svg.
 */
export const ICON_SIZES = [16, 32, 48, 128] as const;
/** neutral: no verdict on this tab; eligible / attention: the pre-check's verdict on the page. */
export const ICON_STATES = ['neutral', 'eligible', 'attention'] as const;
export type IconState = (typeof ICON_STATES)[number];

/** e.g. icon/32.png, icon/32-eligible.png */
export function iconFile(size: number, state: IconState = 'neutral'): string {
  return state === 'neutral' ? `icon/${size}.png` : `icon/${size}-${state}.png`;
}

/** The manifest's size → path map of one state. */
export function iconSet(state: IconState = 'neutral'): Record<string, string> {
  return Object.fromEntries(ICON_SIZES.map((s) => [String(s), iconFile(s, state)]));
}
