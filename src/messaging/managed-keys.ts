/** storage.local key where the background leaves the applied managed policy (read by every page; no zod here). */
export const MANAGED_POLICY_KEY = 'managedPolicy';
