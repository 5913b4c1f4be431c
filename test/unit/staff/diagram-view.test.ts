import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centreOn, fitView, MAX_SCALE, MIN_SCALE, panBy, zoomAt } from '../../../src/staff/diagram-view.ts';

describe('diagram pane: fit, centre, zoom about a point, pan', () => {
  it('fit shows the whole drawing centred and never enlarges past 100 %', () => {
    const v = fitView({ width: 640, height: 1432 }, { width: 700, height: 400 }, 16);
    expect(v.scale).toBeCloseTo((400 - 32) / 1432, 5);
    expect(v.y).toBeCloseTo((400 - 1432 * v.scale) / 2, 5);
    expect(fitView({ width: 100, height: 100 }, { width: 1000, height: 1000 }).scale).toBe(1);
  });

  it('centreOn puts the point in the middle of the pane', () => {
    const v = centreOn({ x: 300, y: 900 }, { width: 600, height: 400 }, 1);
    expect(v.x + 300 * v.scale).toBe(300);
    expect(v.y + 900 * v.scale).toBe(200);
  });

  it('zoomAt keeps the point under the cursor still and stays within the scale limits', () => {
    fc.assert(
      fc.property(
        fc.double({ min: MIN_SCALE, max: MAX_SCALE, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: -500, max: 500, noNaN: true }),
        fc.double({ min: -500, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 800, noNaN: true }),
        fc.double({ min: 0, max: 600, noNaN: true }),
        (scale, factor, x, y, ax, ay) => {
          const before = { scale, x, y };
          const after = zoomAt(before, factor, { x: ax, y: ay });
          expect(after.scale).toBeGreaterThanOrEqual(MIN_SCALE);
          expect(after.scale).toBeLessThanOrEqual(MAX_SCALE);
          // the drawing point under the cursor is the same before and after
          const px = (ax - before.x) / before.scale;
          const py = (ay - before.y) / before.scale;
          expect(after.x + px * after.scale).toBeCloseTo(ax, 6);
          expect(after.y + py * after.scale).toBeCloseTo(ay, 6);
        },
      ),
    );
  });

  it('panBy moves the drawing and keeps the scale', () => {
    expect(panBy({ scale: 0.5, x: 10, y: 20 }, 5, -7)).toEqual({ scale: 0.5, x: 15, y: 13 });
  });
});
