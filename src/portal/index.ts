/** Portal adapters (design idea 2): the pure part. The DOM engine lives in ./dom and is not exported here. */
export * from './adapter-schema.ts';
export { demoPortalAdapter, shippedPortalAdapters } from './demo-adapter.ts';
export { snapshotToApplication, type FieldReadingLike, type SnapshotToApplicationOptions } from './snapshot.ts';
export {
  statusRowsToEvents,
  type StatusRowLike,
  type PortalCaseEvent,
  type PortalCaseEvents,
  type StatusRowsToEventsResult,
  type StatusRowsOptions,
} from './status.ts';
export { matchPortalPage, globToRegExp, type PortalPageKind } from './match.ts';
export { normalizeLabel, normalizePortalDate, labelMatches } from './normalize.ts';
export { parsePortalAdapterJson, type AdapterImportResult } from './import.ts';
export { applyPickedLocators, pickedToLocators, type PickedLocator, type ApplyPickedResult } from './apply-picked.ts';
