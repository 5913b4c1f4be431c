import { z } from 'zod';
import { startLanguage } from '@/src/ui/lang.ts';
import { render } from 'preact';
import { OptionsApp } from './OptionsApp.tsx';
import '@/src/ui/panel/panel.css';
import './options.css';

z.config({ jitless: true }); // MV3 CSP: zod must not probe `new Function`

// the chosen language (issue 13); the page re-renders when it is read or changed
void startLanguage();
render(<OptionsApp />, document.getElementById('app')!);
