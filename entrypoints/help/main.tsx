import { render } from 'preact';
import { config } from 'zod/mini';
import { startLanguage } from '@/src/ui/lang.ts';
import { HelpApp } from '@/src/ui/help/HelpApp.tsx';
import '@/src/ui/panel/panel.css';
import '@/src/ui/help/help.css';

config({ jitless: true }); // MV3 CSP: zod must not probe `new Function`

// 帮助 (one section per role) and, opened on install with ?welcome=1, the first-run steps (issue 17)
void startLanguage();
render(<HelpApp welcome={new URLSearchParams(location.search).has('welcome')} />, document.getElementById('app')!);
