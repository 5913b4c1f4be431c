// The content script ships a compact copy of the demo adapter (demo-portal.content.json): it must be
// exactly what contentAdapter() makes of demo-portal.json, and the page must behave the same with it.
import { describe, expect, it } from 'vitest';
import full from '../../../src/portal/adapters/demo-portal.json';
import compact from '../../../src/portal/adapters/demo-portal.content.json';
import { contentAdapter } from '../../../src/portal/adapters/content-adapter.ts';
import { scanPage, type ScanAdapter } from '../../../src/portal/dom/scan.ts';
import { matchPortalPage } from '../../../src/portal/match.ts';
import { portalSteps, renderStep } from './portal-markup.ts';

describe('compact content-script adapter', () => {
  it('is in sync with demo-portal.json (regenerate: npx tsx src/portal/adapters/write-content-adapter.ts)', () => {
    expect(compact).toEqual(contentAdapter(full as Record<string, unknown>));
  });

  it('keeps everything the page uses: every field with its locators (default precision), value map, columns and tip', () => {
    expect(compact.id).toBe(full.id);
    expect(compact.pages).toEqual(full.pages);
    expect(compact.statusTable.headers).toEqual(full.statusTable.headers);
    expect(compact.fields.map((f) => f.key)).toEqual(full.fields.map((f) => f.key));
    full.fields.forEach((f, i) => {
      const c = compact.fields[i] as Record<string, unknown>;
      expect(c.tip, f.key).toEqual((f as Record<string, unknown>).tip);
      expect(c.valueMap, f.key).toEqual((f as Record<string, unknown>).valueMap);
      expect(c.required, f.key).toEqual((f as Record<string, unknown>).required);
      expect(c.step, f.key).toEqual(f.step);
      expect((c.locators as Array<Record<string, unknown>>).map((l) => ({ precision: 'normalized', ...l }))).toEqual(f.locators);
    });
    expect(compact.attachments.map((a) => [a.key, a.required, a.applicantKind])).toEqual(full.attachments.map((a) => [a.key, a.required, a.applicantKind]));
  });

  it('reads every demo step of both variants and both applicant kinds exactly as the full adapter does', () => {
    for (const variant of ['a', 'b'] as const) {
      for (const values of [{}, { kind: '个人', headsOrg: '是' }]) {
        for (const step of portalSteps) {
          renderStep(variant, step.id, values);
          const a = scanPage(document, full as unknown as ScanAdapter);
          const b = scanPage(document, compact as unknown as ScanAdapter);
          expect(b.fields, `${variant} ${step.id}`).toEqual(a.fields);
          expect(b.attachments, `${variant} ${step.id}`).toEqual(a.attachments);
          expect(b.bindings.map((x) => x.tried), `${variant} ${step.id}`).toEqual(a.bindings.map((x) => x.tried));
          expect(a.bindings.some((x) => x.target), `${variant} ${step.id}: something bound`).toBe(true);
        }
      }
    }
    for (const url of ['http://127.0.0.1:1/app/apply/a/basic', 'http://127.0.0.1:1/app/my-applications', 'http://127.0.0.1:1/app/review/7', 'http://127.0.0.1:1/other']) {
      expect(matchPortalPage(url, compact as never)).toBe(matchPortalPage(url, full as never));
    }
  });
});
