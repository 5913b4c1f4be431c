import demoPortalJson from './adapters/demo-portal.json' with { type: 'json' };
import { portalAdapterSchema, type PortalAdapter } from './adapter-schema.ts';

/** The demo portal's adapter, shipped as data (src/portal/adapters/demo-portal.json) and validated on load. */
export const demoPortalAdapter: PortalAdapter = portalAdapterSchema.parse(demoPortalJson);

/** Adapters that ship inside the package (no remote adapters: store policy forbids fetched logic). */
export const shippedPortalAdapters: readonly PortalAdapter[] = [demoPortalAdapter];
