import { msg, startLanguage, titleFollowsLanguage } from '@/src/ui/lang.ts';
import { panel as P } from '@/src/i18n/messages/panel.ts';
import { render } from 'preact';
import { App } from '@/src/ui/panel/App.tsx';
import { startPanelSync } from '@/src/ui/panel/state.ts';
import { preloadProtocol } from '@/src/messaging/panel-client.ts';
import { requestPanelPersistence } from '@/src/ui/panel/storage.tsx';
import '@/src/ui/panel/panel.css';

// the chosen language (issue 13); the page re-renders when it is read or changed
void startLanguage();
titleFollowsLanguage(() => msg(P, 'app.name'));
render(<App />, document.getElementById('app')!);
// zod is not needed for the first paint (issue 19): it loads right after it, set jitless as on every page (MV3 CSP:
// zod must not probe `new Function`; the build also strips that probe), with the schemas that check every broadcast
void import('zod/mini').then(({ config }) => config({ jitless: true }));
void preloadProtocol();
void startPanelSync();
// the panel writes drafts and self-evaluations too: ask once that the browser keep them (as the options page does)
void requestPanelPersistence();
// an applicant's ticked drafts go to their own database from here (issue 20); with sharing off this reads
// one setting and makes no request, and PouchDB is not loaded (run.ts)
void import('../../src/sharing/run.ts').then((m) => m.startSharingIfConfigured());
