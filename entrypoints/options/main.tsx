import { z } from 'zod';
import { render } from 'preact';
import { OptionsApp } from './OptionsApp.tsx';
import '@/src/ui/panel/panel.css';
import './options.css';

z.config({ jitless: true }); // MV3 CSP: zod must not probe `new Function`

render(<OptionsApp />, document.getElementById('app')!);
