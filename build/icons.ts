// The toolbar and store icons: SVG sources in assets/icons/, rasterised to PNG at build time with
// @resvg/resvg-js (no generated image is committed). wxt.config.ts adds the PNGs to the package.
import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { ICON_SIZES, ICON_STATES, iconFile, type IconState } from '../src/messaging/toolbar-icons.ts';

export { ICON_SIZES, ICON_STATES, iconFile, iconSet, type IconState } from '../src/messaging/toolbar-icons.ts';

const SOURCE: Record<IconState, string> = {
  neutral: 'assets/icons/award-pilot.svg',
  eligible: 'assets/icons/award-pilot-eligible.svg',
  attention: 'assets/icons/award-pilot-attention.svg',
};

/** One PNG of one state at one size. */
export function renderIcon(root: string, state: IconState, size: number): Buffer {
  const svg = fs.readFileSync(path.join(root, SOURCE[state]), 'utf8');
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size }, shapeRendering: 2 }).render().asPng();
  return Buffer.from(png);
}

/** Writes every state at every size under `outDir` (icon/…); returns the package-relative paths. */
export function renderIcons(root: string, outDir: string): string[] {
  const written: string[] = [];
  for (const state of ICON_STATES) {
    for (const size of ICON_SIZES) {
      const rel = iconFile(size, state);
      fs.mkdirSync(path.dirname(path.join(outDir, rel)), { recursive: true });
      fs.writeFileSync(path.join(outDir, rel), renderIcon(root, state, size));
      written.push(rel);
    }
  }
  return written;
}
