import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import demoJson from '../../../src/portal/adapters/demo-portal.json';
import {
  applicationFieldLabels,
  labelKeyOf,
  portalAdapterSchema,
  demoPortalAdapter,
  parsePortalAdapterJson,
  productLevelSchema,
  accidentKindSchema,
  accidentSeveritySchema,
  inspectionLevelSchema,
  historyEventKindSchema,
  caseEventSchema,
} from '../../../src/index.ts';
import { portalFields } from './portal-markup.ts';

describe('portal adapter schema and the shipped demo adapter', () => {
  it('the shipped JSON validates (format lyg-award/portal-adapter@1)', () => {
    const r = portalAdapterSchema.safeParse(demoJson);
    expect(r.success, JSON.stringify(!r.success && r.error.issues.slice(0, 3))).toBe(true);
    expect(demoPortalAdapter.format).toBe('lyg-award/portal-adapter@1');
  });

  it('every field key is a field of the application file (contract §1)', () => {
    for (const f of demoPortalAdapter.fields) expect(applicationFieldLabels[labelKeyOf(f.key)], f.key).toBeDefined();
    for (const f of demoPortalAdapter.fields) for (const c of f.columns ?? []) expect(applicationFieldLabels[`${labelKeyOf(f.key)}[].${c.key}`], `${f.key}.${c.key}`).toBeDefined();
  });

  it('covers every fact of 第八条 for organisations and of 第九条 for individuals', () => {
    const org = new Set(demoPortalAdapter.fields.filter((f) => f.applicantKind !== 'individual').map((f) => f.key));
    const ind = new Set(demoPortalAdapter.fields.filter((f) => f.applicantKind !== 'organization').map((f) => f.key));
    const orgFacts = ['name', 'creditCode', 'registeredInLianyungang', 'independentLegalPerson', 'policyCompliant', 'establishedOn', 'operationInterrupted',
      'qmsCertificates', 'excellenceResults', 'productLevel', 'registeredTrademarks', 'inventionPatents', 'industryLeading', 'socialResponsibility',
      'qualityStaff', 'goodCredit', 'accidents', 'majorQualityComplaints', 'ownFaultQualityDisputes', 'inspectionFailures', 'laborDishonestyRecord',
      'otherViolations', 'exporter', 'exportQualityIncidents'];
    for (const k of orgFacts) expect(org.has(`applicant.${k}`), k).toBe(true);
    const integrity = ['goodCredit', 'accidents', 'majorQualityComplaints', 'ownFaultQualityDisputes', 'inspectionFailures', 'laborDishonestyRecord', 'otherViolations', 'exporter', 'exportQualityIncidents'];
    for (const k of ['name', 'qualityWorkInLianyungangSince', 'goodConduct', 'goodCredit', 'craftsmanshipResults', 'headsOrganization', ...integrity.map((x) => `headsOrganization.${x}`)]) {
      expect(ind.has(`applicant.${k}`), k).toBe(true);
    }
    expect(org.has('history') && ind.has('history')).toBe(true);
  });

  it('value maps land on the application schema’s own values', () => {
    const enumOf: Record<string, { options: readonly string[] }> = {
      'applicant.productLevel': productLevelSchema,
      'accidents.kind': accidentKindSchema,
      'accidents.severity': accidentSeveritySchema,
      'inspectionFailures.level': inspectionLevelSchema,
      'history.event': historyEventKindSchema,
    };
    for (const v of Object.values(demoPortalAdapter.fields.find((f) => f.key === 'applicant.productLevel')!.valueMap!)) expect(productLevelSchema.options).toContain(v);
    for (const f of demoPortalAdapter.fields) {
      for (const c of f.columns ?? []) {
        const e = enumOf[`${f.key.split('.').pop()}.${c.key}`];
        if (e && c.valueMap) for (const v of Object.values(c.valueMap)) expect(e.options, `${f.key}.${c.key}`).toContain(v);
      }
      if (f.type === 'boolean') for (const v of Object.values(f.valueMap ?? {})) expect(typeof v).toBe('boolean');
    }
  });

  it('every adapter label is a label the demo portal or its real-library pages show (labels are what stays)', () => {
    // the real-library pages (/app/apply/lib, same adapter) add widgets the demo portal has no field for: 所在地区 (a cascader)
    const libraryLabels = [...readFileSync('test/portal/public/app/apply/lib/spec.js', 'utf8').matchAll(/label: '([^']+)'/g)].map((m) => m[1]!);
    const portalLabels = new Set([...portalFields.map((f) => f.label), ...libraryLabels]);
    for (const f of demoPortalAdapter.fields) {
      const label = f.locators.find((l) => l.kind === 'label');
      expect(label && 'text' in label && portalLabels.has(label.text), f.key).toBe(true);
    }
    for (const a of demoPortalAdapter.attachments) {
      const label = a.locators[0]!;
      expect('text' in label && portalLabels.has(label.text), a.key).toBe(true);
    }
  });

  it('every status text maps to a lifecycle event type of contract §3 (or to nothing: still in progress)', () => {
    for (const [text, spec] of Object.entries(demoPortalAdapter.statusTable.statusEvents)) {
      if (spec === null) continue;
      const sample = { type: spec.type, on: '2026-03-01', kind: 'organization', by: spec.by ?? 'x', tier: spec.tier ?? 'award', reason: spec.reason ?? 'fraud' };
      expect(caseEventSchema.safeParse(sample).success, text).toBe(true);
    }
  });

  it('every focus tip cites an article, in both languages', () => {
    for (const f of demoPortalAdapter.fields) {
      expect(f.tip, f.key).toBeDefined();
      expect(f.tip!.article).toMatch(/^第.+条/);
      expect(f.tip!.text.zh.length).toBeGreaterThan(3);
      expect(f.tip!.text.en).toMatch(/[a-z]/);
    }
  });

  it('rejects broken adapters with bilingual messages naming the field, and changes nothing', () => {
    const bad = structuredClone(demoJson) as { fields: Array<Record<string, unknown>>; format: string };
    bad.fields[3]!.key = 'applicant.notAField!';
    const r1 = parsePortalAdapterJson(JSON.stringify(bad));
    expect(r1.ok).toBe(false);
    if (!r1.ok) {
      expect(r1.errors[0]!.path).toBe('fields.3.key');
      expect(r1.errors[0]!.message.zh).toContain('字段路径');
      expect(r1.errors[0]!.message.en).toContain('application field path');
    }
    const r2 = parsePortalAdapterJson('{ not json');
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.errors[0]!.message.zh).toContain('不是有效的 JSON');
    const noColumns = structuredClone(demoJson) as { fields: Array<Record<string, unknown>> };
    const table = noColumns.fields.find((f) => f.type === 'table')!;
    delete table.columns;
    expect(parsePortalAdapterJson(JSON.stringify(noColumns)).ok).toBe(false);
    const comma = structuredClone(demoJson) as { fields: Array<{ locators: unknown[] }> };
    comma.fields[0]!.locators = [{ kind: 'path', css: 'a, b' }];
    expect(parsePortalAdapterJson(JSON.stringify(comma)).ok).toBe(false);
    const dup = structuredClone(demoJson) as { fields: unknown[] };
    dup.fields.push(dup.fields[1]);
    expect(parsePortalAdapterJson(JSON.stringify(dup)).ok).toBe(false);
    expect(structuredClone(demoJson)).toEqual(demoJson);
  });
});
