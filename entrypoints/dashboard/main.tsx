import { render } from 'preact';
import { z } from 'zod';
import { StaffApp } from '../../src/ui/staff/StaffApp.tsx';
import '../../src/ui/staff/staff.css';

// MV3 CSP forbids eval: zod must not probe `new Function`.
z.config({ jitless: true });

render(<StaffApp />, document.getElementById('app')!);
