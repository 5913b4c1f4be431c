import { render } from 'preact';
import { startLanguage } from '@/src/ui/lang.ts';
import { HelpApp } from '@/src/ui/help/HelpApp.tsx';
import '@/src/ui/panel/panel.css';
import '@/src/ui/help/help.css';

// 帮助 (one section per role) and, opened on install with ?welcome=1, the first-run steps (issue 17)
void startLanguage();
render(<HelpApp welcome={new URLSearchParams(location.search).has('welcome')} />, document.getElementById('app')!);
// as on every page: zod must not probe `new Function` under the MV3 CSP (the build strips the probe too); help paints
// without zod (issue 19), so it is configured after the first paint, for whatever part loads it later
void import('zod/mini').then(({ config }) => config({ jitless: true }));
