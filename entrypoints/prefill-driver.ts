/**
 * Injected by the background into the portal tab's content-script world when a person clicks 填入资料
 * (src/messaging/background-services.ts `loadPrefillDriver`), so the widget drivers do not weigh on
 * the content script every portal page loads (issue 11 / issue 19's content-script budget).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { prefillDriver } from '../src/portal/dom/prefill-driver.ts';
import { setPrefillDriver } from '../src/portal/dom/prefill-driver-slot.ts';

export default defineUnlistedScript(() => {
  setPrefillDriver(prefillDriver);
});
