// The staleness check the surfaces e2e runs on the help pictures (picture-difference.mjs) tells a
// picture from itself and from a different screen: the same file is 0, another screen of the same
// size is far above the tolerance, another size is 1. Fresh shots of an unchanged UI measured
// 0.03–0.04 % (surfaces e2e, numbers.helpPictureDifference).
import path from 'node:path';
import { ROOT, assert } from './harness.mjs';
import { HELP_PICTURE_TOLERANCE, pictureDifference } from './picture-difference.mjs';

const pic = (name) => path.join(ROOT, 'public/help', `${name}.jpg`);

export const tests = [
  {
    name: 'a help picture equals itself, and a different screen counts as stale',
    async run(env) {
      const page = await env.context.newPage();
      await page.goto(env.extUrl('help.html'));
      const same = await pictureDifference(page, pic('applicant'), pic('applicant'));
      assert(same === 0, `the same picture differs by ${same}`);
      const other = await pictureDifference(page, pic('applicant'), pic('recommender'));
      assert(other > HELP_PICTURE_TOLERANCE, `another screen of the same size (400×640) must count as stale: ${other}`);
      const size = await pictureDifference(page, pic('applicant'), pic('clerk'));
      assert(size === 1, `another size is stale: ${size}`);
      console.log(`    applicant vs recommender: ${(other * 100).toFixed(1)} % of pixels differ`);
      await page.close();
    },
  },
];
