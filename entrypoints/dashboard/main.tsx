import { render } from 'preact';
import { startLanguage, titleFollowsLanguage, tx } from '../../src/ui/lang.ts';
import { StaffApp } from '../../src/ui/staff/StaffApp.tsx';
import { loadAll } from '../../src/ui/staff/store.ts';
import '../../src/ui/staff/staff.css';

// The staged case load starts before the first render, so reading the database overlaps building the
// page (issue 14: first rows at 10,000 cases); a failure is shown by the page (loadError).
void loadAll();

// the chosen language (issue 13); the page re-renders when it is read or changed
void startLanguage();
titleFollowsLanguage(() => tx({ zh: '质量奖评审工作台 · 质量奖申报助手', en: 'Staff console · Award Pilot' }));
render(<StaffApp />, document.getElementById('app')!);
// MV3 CSP forbids eval: zod must not probe `new Function` (the build strips the probe too). The staff page paints
// without zod (issue 19: its data layer loads with the first case read), so zod is configured when it loads.
void import('zod/mini').then(({ config }) => config({ jitless: true }));
// issue 20: replicate with the office's CouchDB only when configured (off: one IndexedDB read, no request)
void import('../../src/sharing/run.ts').then((m) => m.startSharingIfConfigured());
