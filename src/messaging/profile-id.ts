/**
 * The id of the one organisation profile kept for prefill (src/messaging/profile.ts holds its schema). Its own
 * module so that a page can name the profile without loading zod before its first paint (issue 19: options page).
 */
export const PROFILE_ID = 'default';
