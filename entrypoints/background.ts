import { z } from 'zod';
import { installActionMenu } from '@/src/messaging/action-menu.ts';
import { startBackground } from '@/src/messaging/background-main.ts';
import { startManagedPolicy } from '@/src/messaging/managed-start.ts';

export default defineBackground(() => {
  z.config({ jitless: true }); // MV3 CSP: zod must not probe `new Function`
  startBackground();
  installActionMenu(); // right-click on the toolbar icon: staff console and options (issue 5)
  void startManagedPolicy(); // the office's preset from browser policy (public/managed-schema.json)
});
