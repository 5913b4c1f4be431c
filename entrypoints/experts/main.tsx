import { render } from 'preact';
import { startLanguage, titleFollowsLanguage, tx } from '../../src/ui/lang.ts';
import { ExpertsApp } from '../../src/ui/experts/ExpertsApp.tsx';
import '../../src/ui/experts/experts.css';

// the chosen language (issue 13); the page re-renders when it is read or changed
void startLanguage();
titleFollowsLanguage(() => tx({ zh: '专家评审 · 质量奖申报助手', en: 'Expert panel · Award Pilot' }));
render(<ExpertsApp />, document.getElementById('app')!);
// MV3 CSP forbids eval: zod must not probe `new Function` (the build strips the probe too). The page paints without
// zod (issue 19: its tabs load when shown), so zod is configured when it loads.
void import('zod/mini').then(({ config }) => config({ jitless: true }));
// issue 20: replicate with the office's CouchDB only when configured (off: one IndexedDB read, no request)
void import('../../src/sharing/run.ts').then((m) => m.startSharingIfConfigured());
