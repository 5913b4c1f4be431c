/**
 * Pan and zoom of the lifecycle diagram in its pane: a view is the drawing's scale and the screen
 * position of the drawing's origin. Pure numbers, so the pane's behaviour is tested without a browser.
 */
export interface DiagramView {
  scale: number;
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export const MIN_SCALE = 0.25;
export const MAX_SCALE = 3;

const clampScale = (s: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));

/** The whole drawing in the pane, centred, with a margin; never larger than 100 %. */
export function fitView(drawing: Size, pane: Size, margin = 16): DiagramView {
  const w = Math.max(1, pane.width - 2 * margin);
  const h = Math.max(1, pane.height - 2 * margin);
  const scale = clampScale(Math.min(1, w / drawing.width, h / drawing.height));
  return { scale, x: (pane.width - drawing.width * scale) / 2, y: (pane.height - drawing.height * scale) / 2 };
}

/** The point (drawing coordinates) in the middle of the pane at the given scale. */
export function centreOn(point: { x: number; y: number }, pane: Size, scale = 1): DiagramView {
  const s = clampScale(scale);
  return { scale: s, x: pane.width / 2 - point.x * s, y: pane.height / 2 - point.y * s };
}

/** Zoom by `factor` keeping the screen point `at` (pane coordinates) still. */
export function zoomAt(view: DiagramView, factor: number, at: { x: number; y: number }): DiagramView {
  const scale = clampScale(view.scale * factor);
  const k = scale / view.scale;
  return { scale, x: at.x - (at.x - view.x) * k, y: at.y - (at.y - view.y) * k };
}

export const panBy = (view: DiagramView, dx: number, dy: number): DiagramView => ({ ...view, x: view.x + dx, y: view.y + dy });
