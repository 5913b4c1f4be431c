import { z } from 'zod';
// Same as the extension: zod must never probe `new Function` under an MV3 CSP.
z.config({ jitless: true });

// Component tests written before the language setting (issue 13) read both languages: they run in
// 中英对照. happy-dom's navigator says en-US; test/unit/i18n/language.test.tsx covers zh and en alone.
import { ownPrefs } from '../../src/ui/lang.ts';
ownPrefs.value = { language: 'both', focusTips: true };

// findBy*/waitFor wait for a condition. Their 1 s default is shorter than a render on CI's loaded 2-core box
// (seen: backup-section's preview). Waiting longer for the same condition is not a speed check.
import { configure } from '@testing-library/preact';
configure({ asyncUtilTimeout: 15_000 });
