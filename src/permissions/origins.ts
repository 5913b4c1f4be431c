import { bi, type Bilingual } from '../core/i18n.ts';

/**
 * Where the extension may run. Plain data (no browser APIs) so wxt.config.ts can build the manifest
 * from it. Least privilege: the demo portal is granted at install for development and tests; the real
 * portals are optional host permissions the user grants from the options page, one site at a time.
 * Never `<all_urls>`, never `https://*\/*`.
 */
export const DEMO_PORTAL_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'] as const;

export interface PortalSite {
  id: string;
  name: Bilingual;
  /** match patterns, each also declared in the manifest's optional host permissions */
  origins: readonly string[];
  why: Bilingual;
}

export const PORTAL_SITES: readonly PortalSite[] = [
  {
    id: 'jszwfw',
    name: bi('江苏政务服务网（含连云港分站）', 'Jiangsu Government Service Portal (incl. the Lianyungang sub-site)'),
    origins: ['https://*.jszwfw.gov.cn/*'],
    why: bi('市长质量奖在政务服务网“一网通办”上申报、推荐和查看进度。', 'The award is applied for, recommended and tracked on the provincial “one-stop” service portal.'),
  },
  {
    id: 'lyg',
    name: bi('连云港市政府网站及市级部门站点', 'Lianyungang municipal government and department sites'),
    origins: ['https://*.lyg.gov.cn/*'],
    why: bi('市市场监管局等部门站点发布申报通知、公示名单和进度。', 'Municipal department sites (e.g. market regulation) publish the call, the publicity lists and progress.'),
  },
];

export const PORTAL_OPTIONAL_ORIGINS: readonly string[] = PORTAL_SITES.flatMap((site) => site.origins);

/** The extension-page CSP: scripts only from the package, no eval, no Wasm, no plugins (MV3 default minus wasm). */
export const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'self';";
