import type { IntegrityFacts } from '../application/schema.ts';
import { addYears, type IsoDate, withinYearsBefore } from '../core/calendar.ts';
import type { Bilingual } from '../core/i18n.ts';
import type { PolicyPack } from '../policy/schema.ts';
import type { EvidenceName } from './evidence.ts';
import { type Check, mustBeFalse, mustBeTrue, mustBeZero, missing, ok, fail } from './finding.ts';

export const SEVERITY: Record<string, Bilingual> = {
  general: { zh: '一般', en: 'general' },
  larger: { zh: '较大', en: 'larger' },
  major: { zh: '重大', en: 'major' },
  'especially-major': { zh: '特别重大', en: 'especially major' },
};
export const KIND: Record<string, Bilingual> = {
  quality: { zh: '质量', en: 'quality' },
  safety: { zh: '安全生产', en: 'work-safety' },
  environment: { zh: '环境污染', en: 'environmental-pollution' },
  'public-health': { zh: '公共卫生', en: 'public-health' },
  'food-safety': { zh: '食品安全', en: 'food-safety' },
};
export const LEVEL: Record<string, Bilingual> = {
  national: { zh: '国家', en: 'national' },
  industry: { zh: '行业', en: 'industry' },
  provincial: { zh: '省级', en: 'provincial' },
  municipal: { zh: '市级', en: 'municipal' },
};

/** Whose 8(6) facts: the applicant organisation's own (8.6) or those of the organisation an individual heads (9.4). */
export type IntegrityScope = 'own' | 'headed';

const SCOPES: Record<IntegrityScope, { prefix: string; whose: Bilingual }> = {
  own: { prefix: 'applicant', whose: { zh: '本组织', en: 'the organisation' } },
  headed: { prefix: 'applicant.headsOrganization', whose: { zh: '所负责组织', en: 'the organisation you head' } },
};

export interface IntegrityResult {
  checks: Check[];
  evidence: EvidenceName[];
}

/**
 * 第八条（六）: credit and clean record. Shared by 8.6 (the applicant organisation) and 9.4 (the
 * organisation an individual heads, 第九条（四）), so both read the clause the same way.
 */
export function integrityChecks(
  facts: IntegrityFacts,
  asOf: IsoDate,
  policy: PolicyPack,
  scope: IntegrityScope = 'own',
): IntegrityResult {
  const { prefix, whose } = SCOPES[scope];
  const path = (field: (typeof integrityFields)[number]) => `${prefix}.${field}`;
  const { accidentWindowYears, accidentSeveritiesDisqualifying, inspectionWindowYears } = policy.organization;
  const checks: Check[] = [];
  const evidence: EvidenceName[] = ['信用报告', '无事故证明', '监督抽查结果证明', '劳动保障守信证明'];

  checks.push(
    mustBeTrue(facts.goodCredit, path('goodCredit'), {
      zh: `${whose.zh}诚信记录或社会声誉不良，需先修复信用记录`,
      en: `${whose.en} lacks a good credit record or reputation; repair the credit record first`,
    }),
  );

  // 近 N 年无较大及以上事故: an accident exactly N years before submission is still inside the window.
  if (facts.accidents == null) checks.push(missing(path('accidents')));
  else {
    const disqualifying = facts.accidents
      .filter((a) => accidentSeveritiesDisqualifying.includes(a.severity) && withinYearsBefore(a.date, asOf, accidentWindowYears))
      .sort((a, b) => (a.date < b.date ? 1 : -1));
    const latest = disqualifying[0];
    if (latest) {
      const clearOn = addYears(latest.date, accidentWindowYears);
      const s = SEVERITY[latest.severity] ?? { zh: latest.severity, en: latest.severity };
      const k = KIND[latest.kind] ?? { zh: latest.kind, en: latest.kind };
      checks.push(
        fail(
          `${whose.zh}于 ${latest.date} 发生${s.zh}${k.zh}事故，在近 ${accidentWindowYears} 年内；${clearOn} 之后提交的申报才不再受此限制`,
          `${whose.en} had a ${s.en} ${k.en} accident on ${latest.date}, within the last ${accidentWindowYears} years; only an application submitted after ${clearOn} is clear of it`,
          path('accidents'),
        ),
      );
    } else checks.push(ok);
  }

  checks.push(
    mustBeZero(facts.majorQualityComplaints, path('majorQualityComplaints'), (n) => ({
      zh: `${whose.zh}有 ${n} 起重大质量投诉`,
      en: `${whose.en} has ${n} major quality complaint(s)`,
    })),
    mustBeZero(facts.ownFaultQualityDisputes, path('ownFaultQualityDisputes'), (n) => ({
      zh: `${whose.zh}有 ${n} 起因自身责任引起的质量异议、索赔或退货`,
      en: `${whose.en} has ${n} quality objection(s), claim(s) or return(s) of its own fault`,
    })),
  );

  // 近 N 年无监督检查不合格: same window reading as accidents.
  if (facts.inspectionFailures == null) checks.push(missing(path('inspectionFailures')));
  else {
    const recent = facts.inspectionFailures
      .filter((f) => withinYearsBefore(f.date, asOf, inspectionWindowYears))
      .sort((a, b) => (a.date < b.date ? 1 : -1));
    const latest = recent[0];
    if (latest) {
      const clearOn = addYears(latest.date, inspectionWindowYears);
      const l = LEVEL[latest.level] ?? { zh: latest.level, en: latest.level };
      checks.push(
        fail(
          `${whose.zh}产品于 ${latest.date} 在${l.zh}监督检查中不合格，在近 ${inspectionWindowYears} 年内；${clearOn} 之后提交的申报才不再受此限制`,
          `${whose.en} failed a ${l.en} supervision inspection on ${latest.date}, within the last ${inspectionWindowYears} years; only an application submitted after ${clearOn} is clear of it`,
          path('inspectionFailures'),
        ),
      );
    } else checks.push(ok);
  }

  checks.push(
    mustBeFalse(facts.laborDishonestyRecord, path('laborDishonestyRecord'), {
      zh: `${whose.zh}有重大劳动保障失信记录`,
      en: `${whose.en} has a serious labour-security dishonesty record`,
    }),
    mustBeFalse(facts.otherViolations, path('otherViolations'), {
      zh: `${whose.zh}有其他违法违规不良记录`,
      en: `${whose.en} has other illegal or irregular records`,
    }),
  );

  if (facts.exporter == null) checks.push(missing(path('exporter')));
  else if (facts.exporter) {
    evidence.push('海关无质量通报证明');
    checks.push(
      mustBeZero(facts.exportQualityIncidents, path('exportQualityIncidents'), (n) => ({
        zh: `${whose.zh}出口产品有 ${n} 起因质量安全原因引发的退运、销毁或官方通报`,
        en: `${whose.en} has ${n} export return(s), destruction(s) or official notice(s) for quality-safety reasons`,
      })),
    );
  } else checks.push(ok);

  return { checks, evidence };
}

/** The 8(6) field names, for `fieldsForRule`. */
export const integrityFields = [
  'goodCredit',
  'accidents',
  'majorQualityComplaints',
  'ownFaultQualityDisputes',
  'inspectionFailures',
  'laborDishonestyRecord',
  'otherViolations',
  'exporter',
  'exportQualityIncidents',
] as const;
