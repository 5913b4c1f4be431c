import { render } from 'preact';
import { z } from 'zod';
import { ExpertsApp } from '../../src/ui/experts/ExpertsApp.tsx';
import '../../src/ui/experts/experts.css';

// MV3 CSP forbids eval: zod must not probe `new Function`.
z.config({ jitless: true });

render(<ExpertsApp />, document.getElementById('app')!);
