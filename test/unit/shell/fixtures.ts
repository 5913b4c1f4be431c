import type { FieldReading } from '../../../src/messaging/protocol.ts';
import { fieldLabel, parseApplication } from '../../../src/application/index.ts';
import { citeRule } from '../../../src/policy/index.ts';
import { evaluateEligibility, fieldsForRule } from '../../../src/eligibility/index.ts';
import { snapshotToApplication } from '../../../src/portal/index.ts';
import type { PrecheckCore } from '../../../src/messaging/precheck.ts';

export const SUBMITTED_ON = '2026-06-30';

/** The real pure core, with a fixed submission date so the tests do not depend on today. */
export const core: PrecheckCore = {
  toApplication: (fields) => snapshotToApplication(fields, { submittedOn: SUBMITTED_ON, year: 2026 }),
  parseApplication,
  evaluateEligibility: evaluateEligibility as never,
  fieldsForRule,
  cite: (rule) => citeRule(rule),
  fieldLabel,
};

const r = (key: string, value: string | boolean | null): FieldReading => ({ key, found: true, value, required: false, via: 'label' });

/** What the content script reads off the demo portal for an organisation that meets 第八条 on 2026-06-30. */
export function eligibleOrganization(overrides: Record<string, string | boolean | null> = {}): FieldReading[] {
  const values: Record<string, string | boolean | null> = {
    'applicant.kind': '组织',
    'applicant.name': '连云港示范精工有限公司',
    'applicant.creditCode': '91320700MA1NXQ0BX9',
    'applicant.registeredInLianyungang': '是',
    'applicant.independentLegalPerson': '是',
    'applicant.establishedOn': '2018-03-01',
    'applicant.operationInterrupted': '否',
    'applicant.policyCompliant': true,
    'applicant.qmsCertificates': JSON.stringify([{ standard: 'GB/T 19001-2016', validUntil: '2028-01-01' }]),
    'applicant.excellenceResults': '是',
    'applicant.productLevel': '国内先进',
    'applicant.registeredTrademarks': '3',
    'applicant.inventionPatents': '2',
    'applicant.industryLeading': '是',
    'applicant.socialResponsibility': '是',
    'applicant.qualityStaff': JSON.stringify([
      { year: '2024', qualified: '12', total: '40' },
      { year: '2025', qualified: '16', total: '40' },
    ]),
    'applicant.goodCredit': '是',
    'applicant.accidents': '[]',
    'applicant.majorQualityComplaints': '0',
    'applicant.ownFaultQualityDisputes': '0',
    'applicant.inspectionFailures': '[]',
    'applicant.laborDishonestyRecord': '否',
    'applicant.otherViolations': '否',
    'applicant.exporter': '否',
    ...overrides,
  };
  return Object.entries(values).map(([k, v]) => r(k, v));
}

export const PORTAL_URL = 'http://127.0.0.1:5175/app/apply/a/basic';
export const portalSender = (tabId = 7, url = PORTAL_URL) => ({ id: 'test-extension-id', url, tab: { id: tabId, url }, frameId: 0 });
export const panelSender = () => ({ id: 'test-extension-id', url: 'chrome-extension://test-extension-id/sidepanel.html' });

export function snapshot(fields: FieldReading[], extra: Record<string, unknown> = {}) {
  return { type: 'portal/snapshot', page: 'application-form', adapterId: 'demo-portal', url: PORTAL_URL, fields, attachments: [], takenAt: 1_000, ...extra };
}
