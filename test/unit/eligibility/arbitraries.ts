import fc from 'fast-check';
import { addDays, creditCodeCheckChar, CREDIT_CODE_ALPHABET } from '../../../src/index.ts';

/** Calendar dates 1990-01-01 … 2035-12-31. */
export const isoDate = fc.integer({ min: 7305, max: 24106 }).map((n) => addDays('1970-01-01', n));

export const creditCode = fc
  .array(fc.constantFrom(...CREDIT_CODE_ALPHABET.split('')), { minLength: 17, maxLength: 17 })
  .map((chars) => {
    const first17 = chars.join('');
    return first17 + creditCodeCheckChar(first17);
  });

/** A fact that may be unknown: left out (undefined → key dropped) or null. */
const fact = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const count = fc.nat({ max: 5 });

const accident = fc.record({
  date: isoDate,
  kind: fc.constantFrom('quality', 'safety', 'environment', 'public-health', 'food-safety'),
  severity: fc.constantFrom('general', 'larger', 'major', 'especially-major'),
});
const inspection = fc.record({ date: isoDate, level: fc.constantFrom('national', 'industry', 'provincial', 'municipal') });

const integrity = {
  goodCredit: fact(fc.boolean()),
  accidents: fact(fc.array(accident, { maxLength: 3 })),
  majorQualityComplaints: fact(count),
  ownFaultQualityDisputes: fact(count),
  inspectionFailures: fact(fc.array(inspection, { maxLength: 3 })),
  laborDishonestyRecord: fact(fc.boolean()),
  otherViolations: fact(fc.boolean()),
  exporter: fact(fc.boolean()),
  exportQualityIncidents: fact(count),
};

const qualityStaff = fc
  .uniqueArray(
    fc.record({ year: fc.integer({ min: 2015, max: 2030 }), total: fc.integer({ min: 1, max: 60 }), q: fc.nat() }),
    { selector: (y) => y.year, maxLength: 4 },
  )
  .map((ys) => ys.map(({ year, total, q }) => ({ year, total, qualified: q % (total + 1) })));

const organization = fc.record(
  {
    kind: fc.constant('organization' as const),
    name: fact(fc.string()),
    creditCode: fact(creditCode),
    registeredInLianyungang: fact(fc.boolean()),
    independentLegalPerson: fact(fc.boolean()),
    policyCompliant: fact(fc.boolean()),
    establishedOn: fact(isoDate),
    operationInterrupted: fact(fc.boolean()),
    qmsCertificates: fact(
      fc.array(
        fc.record({
          standard: fc.constantFrom('GB/T 19001-2016', 'ISO 9001:2015', 'IATF 16949', 'ISO 14001', 'x'),
          validUntil: fact(isoDate),
        }),
        { maxLength: 2 },
      ),
    ),
    excellenceResults: fact(fc.boolean()),
    productLevel: fact(fc.constantFrom('international-advanced', 'national-advanced', 'provincial-advanced', 'below-provincial')),
    registeredTrademarks: fact(count),
    inventionPatents: fact(count),
    industryLeading: fact(fc.boolean()),
    socialResponsibility: fact(fc.boolean()),
    qualityStaff: fact(qualityStaff),
    ...integrity,
  },
  { requiredKeys: ['kind'] },
);

const individual = fc.record(
  {
    kind: fc.constant('individual' as const),
    name: fact(fc.string()),
    qualityWorkInLianyungangSince: fact(isoDate),
    goodConduct: fact(fc.boolean()),
    goodCredit: fact(fc.boolean()),
    craftsmanshipResults: fact(fc.boolean()),
    headsOrganization: fact(fc.record(integrity, { requiredKeys: [] })),
  },
  { requiredKeys: ['kind'] },
);

const historyEvent = fc.record({
  date: isoDate,
  event: fc.constantFrom('disqualified-false-material', 'revoked-fraud', 'revoked-incident', 'won-mayor-award', 'won-nomination-award'),
});

/** Any application file the schema accepts (plain JSON, as read from a file). */
export const application = fc.record(
  {
    format: fc.constant('lyg-award/application@1' as const),
    year: fc.integer({ min: 2020, max: 2035 }),
    submittedOn: isoDate,
    applicant: fc.oneof(organization, individual),
    history: fact(fc.array(historyEvent, { maxLength: 4 })),
  },
  { requiredKeys: ['format', 'year', 'submittedOn', 'applicant'] },
);
