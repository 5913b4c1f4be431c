/**
 * The content script's check of background → content messages: the messaging layer's zod-free
 * guard (src/messaging/content-guard.ts), one source of truth for the shapes. It accepts EXACTLY what
 * `backgroundToContentSchema` accepts, extra keys refused as in zod's strictObject
 * (test/unit/portal/message-guard.test.ts compares it with zod both ways). protocol.ts itself is
 * not imported at run time: its top-level zod schemas would join the bundle (+100 kB).
 */
export { isBackgroundToContent as isMessageForContent } from '../../messaging/content-guard.ts';
