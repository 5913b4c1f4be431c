import { z } from 'zod';
import { startBackground } from '@/src/messaging/background-main.ts';

export default defineBackground(() => {
  z.config({ jitless: true }); // MV3 CSP: zod must not probe `new Function`
  startBackground();
});
