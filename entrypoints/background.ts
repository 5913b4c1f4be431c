import { z } from 'zod';
import { installActionMenu } from '@/src/messaging/action-menu.ts';
import { startBackground } from '@/src/messaging/background-main.ts';

export default defineBackground(() => {
  z.config({ jitless: true }); // MV3 CSP: zod must not probe `new Function`
  startBackground();
  installActionMenu(); // right-click on the toolbar icon: staff console and options (issue 5)
});
