import { render } from 'preact';
import { startLanguage } from '../../src/ui/lang.ts';
import { z } from 'zod';
import { StaffApp } from '../../src/ui/staff/StaffApp.tsx';
import { getDb } from '../../src/storage/index.ts';
import '../../src/ui/staff/staff.css';

// MV3 CSP forbids eval: zod must not probe `new Function`.
z.config({ jitless: true });

// Open the database while the page renders its frame: the staged case load starts with it (issue 14).
// A failure here is reported by the load itself, which opens it again.
void getDb().catch(() => undefined);

// the chosen language (issue 13); the page re-renders when it is read or changed
void startLanguage();
render(<StaffApp />, document.getElementById('app')!);
