import { msg, startLanguage, titleFollowsLanguage } from '@/src/ui/lang.ts';
import { options as O } from '@/src/i18n/messages/options.ts';
import { render } from 'preact';
import { OptionsApp } from './OptionsApp.tsx';
import '@/src/ui/panel/panel.css';
import './options.css';

// the chosen language (issue 13); the page re-renders when it is read or changed
void startLanguage();
titleFollowsLanguage(() => msg(O, 'title'));
render(<OptionsApp />, document.getElementById('app')!);
// MV3 CSP: zod must not probe `new Function` (the build strips the probe too); configured as soon as zod loads, for
// the parts of the page that use it (issue 19: nothing in the first paint should need it)
void import('zod/mini').then(({ config }) => config({ jitless: true }));
