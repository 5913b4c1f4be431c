import { config } from 'zod/mini';
import { msg, startLanguage, titleFollowsLanguage } from '@/src/ui/lang.ts';
import { options as O } from '@/src/i18n/messages/options.ts';
import { render } from 'preact';
import { OptionsApp } from './OptionsApp.tsx';
import '@/src/ui/panel/panel.css';
import './options.css';

config({ jitless: true }); // MV3 CSP: zod must not probe `new Function`

// the chosen language (issue 13); the page re-renders when it is read or changed
void startLanguage();
titleFollowsLanguage(() => msg(O, 'title'));
render(<OptionsApp />, document.getElementById('app')!);
