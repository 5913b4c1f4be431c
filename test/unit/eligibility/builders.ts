import type { Application, IndividualApplicant, OrganizationApplicant } from '../../../src/index.ts';

/** An organisation that meets every clause of 第八条 on 2026-06-30 (history declared empty). */
export function eligibleOrganization(
  applicant: Partial<OrganizationApplicant> = {},
  app: Partial<Omit<Application, 'applicant'>> = {},
): Application {
  return {
    format: 'lyg-award/application@1',
    year: 2026,
    submittedOn: '2026-06-30',
    history: [],
    ...app,
    applicant: {
      kind: 'organization',
      name: '连云港测试有限公司',
      creditCode: '91350100M000100Y43',
      registeredInLianyungang: true,
      independentLegalPerson: true,
      policyCompliant: true,
      establishedOn: '2010-01-01',
      operationInterrupted: false,
      qmsCertificates: [{ standard: 'GB/T 19001-2016', validUntil: '2027-12-31' }],
      excellenceResults: true,
      productLevel: 'provincial-advanced',
      registeredTrademarks: 1,
      inventionPatents: 1,
      industryLeading: true,
      socialResponsibility: true,
      qualityStaff: [
        { year: 2024, qualified: 4, total: 10 },
        { year: 2025, qualified: 5, total: 10 },
      ],
      goodCredit: true,
      accidents: [],
      majorQualityComplaints: 0,
      ownFaultQualityDisputes: 0,
      inspectionFailures: [],
      laborDishonestyRecord: false,
      otherViolations: false,
      exporter: false,
      ...applicant,
    },
  };
}

/** An individual who meets every clause of 第九条 on 2026-06-30 and heads a clean organisation. */
export function eligibleIndividual(
  applicant: Partial<IndividualApplicant> = {},
  app: Partial<Omit<Application, 'applicant'>> = {},
): Application {
  return {
    format: 'lyg-award/application@1',
    year: 2026,
    submittedOn: '2026-06-30',
    history: [],
    ...app,
    applicant: {
      kind: 'individual',
      name: '测试人',
      qualityWorkInLianyungangSince: '2010-01-01',
      goodConduct: true,
      goodCredit: true,
      craftsmanshipResults: true,
      headsOrganization: {
        goodCredit: true,
        accidents: [],
        majorQualityComplaints: 0,
        ownFaultQualityDisputes: 0,
        inspectionFailures: [],
        laborDishonestyRecord: false,
        otherViolations: false,
        exporter: false,
      },
      ...applicant,
    },
  };
}
