// How far a help picture is from the screen it shows (issue 17: the e2e compares instead of rewriting
// tracked files). Decoded by the browser, so no image library is needed.
import fs from 'node:fs';

/** share of clearly different pixels above which a help picture no longer shows the UI */
export const HELP_PICTURE_TOLERANCE = 0.02;

/**
 * Share of pixels (0–1) that differ clearly (any channel by more than 48 of 255) between two JPEGs,
 * decoded by the browser; 1 when their sizes differ. JPEG noise and a changed date stay far below 2 %.
 */
export async function pictureDifference(page, a, b) {
  const urls = [a, b].map((f) => `data:image/jpeg;base64,${fs.readFileSync(f).toString('base64')}`);
  return page.evaluate(async ([u1, u2]) => {
    const load = (u) => new Promise((resolve, reject) => { const i = new Image(); i.onload = () => resolve(i); i.onerror = reject; i.src = u; });
    const [i1, i2] = await Promise.all([load(u1), load(u2)]);
    if (i1.naturalWidth !== i2.naturalWidth || i1.naturalHeight !== i2.naturalHeight) return 1;
    const pixels = (img) => {
      const c = document.createElement('canvas');
      c.width = img.naturalWidth; c.height = img.naturalHeight;
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      return g.getImageData(0, 0, c.width, c.height).data;
    };
    const [p1, p2] = [pixels(i1), pixels(i2)];
    let differ = 0;
    for (let k = 0; k < p1.length; k += 4) {
      if (Math.abs(p1[k] - p2[k]) > 48 || Math.abs(p1[k + 1] - p2[k + 1]) > 48 || Math.abs(p1[k + 2] - p2[k + 2]) > 48) differ++;
    }
    return differ / (p1.length / 4);
  }, urls);
}
