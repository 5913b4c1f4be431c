import { compareDates } from '../../core/calendar.ts';
import { bi } from '../../core/i18n.ts';
import { type Check, conclude, fail, missing, mustBeTrue, needs, ok, organizationOf } from '../finding.ts';
import { ruleTitles } from '../rule-titles.ts';
import type { Rule } from '../types.ts';

/** "GB/T 19001-2016 idt ISO 9001:2015" → "GB/T19001-2016IDTISO9001:2015" */
const normalise = (s: string) => s.replace(/\s+/g, '').toUpperCase();

/** 第八条（二）: a valid QMS certificate (GB/T 19001 / ISO 9001 or another accepted system) and results from GB/T 19580. */
export const rule: Rule = {
  id: '8.2',
  title: ruleTitles['8.2'],
  appliesTo: 'organization',
  fields: ['applicant.qmsCertificates', 'applicant.excellenceResults', 'submittedOn'],
  evaluate(app, policy) {
    const org = organizationOf(app);
    const accepted = policy.organization.acceptedQmsStandards.map(normalise);
    const isAccepted = (standard: string) => accepted.some((a) => normalise(standard).includes(a));
    let certificate: Check;
    const certs = org.qmsCertificates;
    if (certs == null) certificate = missing('applicant.qmsCertificates');
    else if (certs.length === 0)
      certificate = fail(
        '没有质量管理体系认证证书；须通过 GB/T 19001（ISO 9001）或其他国际通行质量管理体系认证',
        'no quality management system certificate; a GB/T 19001 (ISO 9001) or other internationally accepted QMS certification is required',
        'applicant.qmsCertificates',
      );
    else {
      const valid = certs.filter((c) => c.validUntil != null && compareDates(c.validUntil, app.submittedOn) >= 0);
      const undated = certs.filter((c) => c.validUntil == null);
      if (valid.some((c) => isAccepted(c.standard))) certificate = ok;
      else if (valid.length > 0)
        certificate = needs(
          `证书标准“${valid.map((c) => c.standard).join('、')}”不在认可清单（${policy.organization.acceptedQmsStandards.join('、')}）中，由评审认定是否属于国际通行质量管理体系`,
          `certificate standard “${valid.map((c) => c.standard).join(', ')}” is not on the accepted list (${policy.organization.acceptedQmsStandards.join(', ')}); the reviewers judge whether it is an internationally accepted QMS`,
          'applicant.qmsCertificates',
        );
      else if (undated.length > 0)
        certificate = needs(
          '证书未填写有效期，请填写“证书有效期至”并附证书',
          'certificate expiry not given: fill in “valid until” and attach the certificate',
          'applicant.qmsCertificates',
        );
      else
        certificate = fail(
          `质量管理体系认证证书在申报日 ${app.submittedOn} 前已过期，请先完成再认证`,
          `the QMS certificate(s) expired before the submission date ${app.submittedOn}; renew the certification first`,
          'applicant.qmsCertificates',
        );
    }
    const checks = [
      certificate,
      mustBeTrue(
        org.excellenceResults,
        'applicant.excellenceResults',
        bi('推行卓越绩效评价准则（GB/T 19580）尚未取得显著成效', 'no clear results yet from applying GB/T 19580 performance excellence'),
      ),
    ];
    return conclude(
      rule, policy,
      checks,
      ['质量管理体系认证证书', '卓越绩效成效证明'],
      bi('质量管理体系认证有效；卓越绩效成效为自述，请附证明供评审核实', 'QMS certificate valid; performance-excellence results are self-declared: attach proof for the reviewers'),
    );
  },
};
