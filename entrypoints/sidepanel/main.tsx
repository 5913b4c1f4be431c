import { config } from 'zod/mini';
import { msg, startLanguage, titleFollowsLanguage } from '@/src/ui/lang.ts';
import { panel as P } from '@/src/i18n/messages/panel.ts';
import { render } from 'preact';
import { App } from '@/src/ui/panel/App.tsx';
import { startPanelSync } from '@/src/ui/panel/state.ts';
import { requestPanelPersistence } from '@/src/ui/panel/storage.tsx';
import '@/src/ui/panel/panel.css';

config({ jitless: true }); // MV3 CSP: zod must not probe `new Function`

// the chosen language (issue 13); the page re-renders when it is read or changed
void startLanguage();
titleFollowsLanguage(() => msg(P, 'app.name'));
render(<App />, document.getElementById('app')!);
void startPanelSync();
// the panel writes drafts and self-evaluations too: ask once that the browser keep them (as the options page does)
void requestPanelPersistence();
// an applicant's ticked drafts go to their own database from here (issue 20); with sharing off this reads
// one setting and makes no request, and PouchDB is not loaded (run.ts)
void import('../../src/sharing/run.ts').then((m) => m.startSharingIfConfigured());
