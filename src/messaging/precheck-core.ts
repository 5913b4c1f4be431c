import { fieldLabel, parseApplication, type Application } from '../application/index.ts';
import { citeRule } from '../policy/cite.ts';
import { citeIn } from '../awards/cite.ts';
import { todayInChina } from '../core/calendar.ts';
import { defaultAwardId, measuresOf, versionInForce } from '../awards/index.ts';
import { evaluateValidated } from '../eligibility/judge.ts';
import { fieldsForRule } from '../eligibility/registry.ts';
import type { PortalAdapter } from '../portal/adapter-schema.ts';
import { convertSnapshot } from '../portal/snapshot-convert.ts';
import type { PrecheckCore } from './precheck.ts';

/**
 * The pure core as the background's pre-check uses it. `parseApplication` validates the reading once;
 * the evaluation then takes that parsed application and the shipped pack (validated when it loads)
 * as they are, so nothing is parsed twice (issue 19). The adapter names the award; the version is the
 * one in force on the submission date. `adapterFor` answers the adapter a reading is converted with
 * (the background falls back to the shipped demo adapter, read from the package, not bundled: issue 19).
 */
export function precheckCore(adapterFor: (adapterId: string) => PortalAdapter | undefined, today: () => string = todayInChina): PrecheckCore {
  const packFor = (adapterId: string | undefined, on: string) => versionInForce(adapterFor(adapterId ?? '')?.award ?? defaultAwardId, on);
  return {
    toApplication: (fields, adapterId) => {
      const on = today();
      const adapter = adapterFor(adapterId);
      if (!adapter) throw new Error(`no portal adapter ${adapterId}`); // runPrecheck: no pre-check for this reading
      return convertSnapshot(fields, { submittedOn: on, year: Number(on.slice(0, 4)), adapter });
    },
    parseApplication,
    evaluateEligibility: ((application: Application, adapterId?: string) =>
      evaluateValidated(application, packFor(adapterId, application.submittedOn))) as never,
    // the measures the evaluation judged by, shown in the panel (issue 16)
    measures: ((application: Application, adapterId?: string) => measuresOf(packFor(adapterId, application.submittedOn))) as never,
    fieldsForRule,
    cite: ((rule: string, application?: Application, adapterId?: string) =>
      application ? citeIn(packFor(adapterId, application.submittedOn), rule) : citeRule(rule)) as PrecheckCore['cite'],
    fieldLabel,
  };
}
