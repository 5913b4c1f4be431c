import { z } from 'zod';
// Same as the extension: zod must never probe `new Function` under an MV3 CSP.
z.config({ jitless: true });
