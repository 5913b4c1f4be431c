import { demoPortalAdapter } from './demo-adapter.ts';
import { convertSnapshot, splitList, type FieldReadingLike, type SnapshotToApplicationOptions } from './snapshot-convert.ts';

export { splitList, type FieldReadingLike, type SnapshotToApplicationOptions };

/**
 * Raw portal readings → a raw application file for `parseApplication` (contract §1), with the demo
 * portal's adapter unless one is given. The conversion itself is snapshot-convert.ts.
 */
export function snapshotToApplication(fields: readonly FieldReadingLike[], opts: SnapshotToApplicationOptions): unknown {
  return convertSnapshot(fields, { ...opts, adapter: opts.adapter ?? demoPortalAdapter });
}
