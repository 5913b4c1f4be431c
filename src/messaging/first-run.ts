import { browser } from 'wxt/browser';

/** the first-run page (issue 17): grant the portal, fill the profile, pin the icon; then the role guides */
export const FIRST_RUN_PAGE = '/help.html?welcome=1';

/** Opens the first-run page once, when the extension is installed (not on updates or browser restarts). */
export function installFirstRun(): void {
  browser.runtime.onInstalled.addListener((details: { reason: string }) => {
    if (details.reason !== 'install') return;
    void browser.tabs.create({ url: (browser.runtime.getURL as (p: string) => string)(FIRST_RUN_PAGE) }).catch(() => undefined);
  });
}
