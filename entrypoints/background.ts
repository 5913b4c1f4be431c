import { config } from 'zod/mini';
import { installActionMenu } from '@/src/messaging/action-menu.ts';
import { installFirstRun } from '@/src/messaging/first-run.ts';
import { startBackground } from '@/src/messaging/background-main.ts';
import { startManagedPolicy } from '@/src/messaging/managed-start.ts';

export default defineBackground(() => {
  config({ jitless: true }); // MV3 CSP: zod must not probe `new Function`
  startBackground();
  installActionMenu(); // right-click on the toolbar icon: staff console and options (issue 5)
  installFirstRun(); // on install: the welcome page (grant the portal, fill the profile, pin the icon)
  void startManagedPolicy(); // the office's preset from browser policy (public/managed-schema.json)
});
