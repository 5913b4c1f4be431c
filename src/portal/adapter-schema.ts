import { z } from '../core/zod-mini.ts';

/**
 * A portal adapter (`lyg-award/portal-adapter@1`): how one government portal's pages map onto the
 * application file (contract §1). It is data, not code (design idea 2): staff repair a broken
 * adapter by pointing at fields, and the options page imports and exports it as JSON.
 */
export const PORTAL_ADAPTER_FORMAT = 'lyg-award/portal-adapter@1';

const bilingual = z.object({ zh: z.string().check(z.minLength(1)).check(z.maxLength(2000)), en: z.string().check(z.minLength(1)).check(z.maxLength(2000)) });
const text = (max: number) => z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(max));

/** How strictly a label or accessible name must match (WalkMe-style precision setting). */
export const locatorPrecisionSchema = z.enum(['exact', 'normalized', 'contains']);
export type LocatorPrecision = z.infer<typeof locatorPrecisionSchema>;

/** Ordered alternative representations of one field, tried first to last. */
export const locatorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('label'), text: text(200), precision: z._default(locatorPrecisionSchema, 'normalized') }),
  z.object({ kind: z.literal('aria'), name: text(200), precision: z._default(locatorPrecisionSchema, 'normalized') }),
  z.object({ kind: z.literal('name'), value: text(200) }),
  z.object({
    kind: z.literal('path'),
    // A CSS selector; must match exactly one element. No commas: one path, one element.
    css: text(500).check(z.refine((s) => !s.includes(','), { message: '结构路径只能是一个选择器（不能含逗号） / a path must be one selector (no commas)' })),
  }),
]);
export type Locator = z.infer<typeof locatorSchema>;

/** Field paths of the application file (contract §1), flat and dotted. */
export const fieldPathSchema = z.string().check(z.regex(/^(applicant(\.[a-zA-Z]+){1,2}|history)$/, { message: '字段路径应为申报文件中的路径，如 applicant.name / must be an application field path such as applicant.name' }));

/**
 * `multiselect`: a select holding several options (the page's model is a list; read as the chosen
 * texts, each through `valueMap` when given). `cascader`: a path chosen level by level (province /
 * city / district; read as the path's texts, top first).
 */
export const valueTypeSchema = z.enum(['text', 'date', 'integer', 'boolean', 'select', 'multiselect', 'cascader', 'table', 'group']);
export type ValueType = z.infer<typeof valueTypeSchema>;

/** Portal display text → application value, e.g. 省内先进 → 'provincial-advanced', 是 → true. */
export const valueMapSchema = z.record(text(200), z.union([z.string().check(z.maxLength(100)), z.boolean()]));

export const columnSchema = z.object({
  key: z.string().check(z.regex(/^[a-zA-Z]+$/)),
  header: text(200),
  type: z.enum(['text', 'date', 'integer', 'boolean', 'select']),
  valueMap: z.optional(valueMapSchema),
});
export type AdapterColumn = z.infer<typeof columnSchema>;

export const applicantKindSchema = z.enum(['organization', 'individual']);

/** The focus tip: what the rule asks, with its article (e.g. 第八条（一）, as badges and the panel cite it). */
export const focusTipSchema = z.object({ article: text(40), text: bilingual });

export const adapterFieldSchema = z.object({
    key: fieldPathSchema,
    /** the portal step the field lives on (only the active step is rendered) */
    step: z.optional(text(40)),
    /** shown only for this kind of applicant; the engine doesn't look for it otherwise */
    applicantKind: z.optional(applicantKindSchema),
    locators: z.array(locatorSchema).check(z.minLength(1)).check(z.maxLength(10)),
    type: valueTypeSchema,
    valueMap: z.optional(valueMapSchema),
    columns: z.optional(z.array(columnSchema).check(z.minLength(1)).check(z.maxLength(20))),
    /** tables: the portal's add-row button, by its text (e.g. 添加一行, 新增); prefill adds rows with it */
    addRow: z.optional(z.object({ texts: z.array(text(40)).check(z.minLength(1)).check(z.maxLength(5)) })),
    required: z._default(z.boolean(), false),
    /**
     * tables: what a table with no rows says. `none` (accidents, failed inspections, history): the
     * applicant declares there are none. Absent: nothing given yet (certificates, staff by year), so a
     * blank table is 待补充, never a failing "none".
     */
    emptyMeans: z.optional(z.enum(['none'])),
    tip: z.optional(focusTipSchema),
  }).check(z.refine((f) => f.type !== 'table' || (f.columns?.length ?? 0) > 0, {
    message: '表格字段需要列定义 / a table field needs its columns',
    path: ['columns'],
  })).check(z.refine((f) => f.addRow === undefined || f.type === 'table', {
    message: '只有表格字段可以设置“添加一行”按钮 / only a table field has an add-row button',
    path: ['addRow'],
  })).check(z.refine((f) => f.type !== 'select' || f.valueMap !== undefined, {
    message: '下拉字段需要取值对照表 / a select field needs a value map',
    path: ['valueMap'],
  }));
export type AdapterField = z.infer<typeof adapterFieldSchema>;

export const adapterAttachmentSchema = z.object({
  key: z.string().check(z.regex(/^[a-z][a-z0-9-]*$/)).check(z.maxLength(60)),
  label: bilingual,
  applicantKind: z.optional(applicantKindSchema),
  locators: z.array(locatorSchema).check(z.minLength(1)).check(z.maxLength(10)),
  required: z._default(z.boolean(), false),
  article: z.optional(text(40)),
});
export type AdapterAttachment = z.infer<typeof adapterAttachmentSchema>;

/**
 * A URL pattern: the page's origin (scheme://host[:port], `*` within the host or port) and path (`*`
 * any run). The origin is required (issue 15: a path alone matched any local service). `host` is the
 * older host-only form, still checked when present.
 */
export const urlPatternSchema = z.object({
  origin: z.string({ error: '页面规则必须写明网站来源（origin），例如 https://*.jszwfw.gov.cn' }).check(z.trim()).check(z.maxLength(200, '网站来源（origin）太长')).check(z.regex(/^https?:\/\/[^/\s?#]+$/, '网站来源（origin）应写成 协议://主机[:端口]，例如 https://*.jszwfw.gov.cn')),
  host: z.optional(text(200)),
  path: text(300).check(z.regex(/^\//)),
});
export type UrlPattern = z.infer<typeof urlPatternSchema>;

/** Lifecycle event types of contract §3 that a portal status can stand for. */
export const caseEventTypeSchema = z.enum([
  'apply', 'return', 'recommend', 'decline', 'accept', 'reject', 'pass-material-review', 'fail-material-review',
  'complete-site-review', 'complete-presentation', 'propose', 'not-proposed', 'committee-approve', 'committee-reject',
  'publicity-objection-upheld', 'publicity-end', 'government-approve', 'government-reject', 'false-material-found',
  'withdraw', 'revoke',
]);

/** What a status text means: the event that brought the case there, or `null` for "still in progress". */
export const statusEventSchema = z.union([
  z.null(),
  z.object({
    type: caseEventTypeSchema,
    tier: z.optional(z.enum(['award', 'nomination'])),
    reason: z.optional(z.enum(['fraud', 'incident'])),
    by: z.optional(text(200)),
  }),
]);
export type StatusEventSpec = z.infer<typeof statusEventSchema>;

export const statusTableSchema = z.object({
  headers: z.object({
    applicationNo: z.optional(text(100)),
    applicantName: text(100),
    statusText: text(100),
    date: z.optional(text(100)),
    /** the column naming the applicant kind (组织/个人), so a case's `apply` kind comes from its own row */
    applicantKind: z.optional(text(100)),
    /** that column's cell text → kind, e.g. 组织/单位/企业 → organization, 个人 → individual */
    applicantKindValues: z.optional(z.record(text(100), applicantKindSchema)),
  }),
  statusEvents: z.record(text(100), statusEventSchema),
});

export const portalAdapterSchema = z.object({
  format: z.literal(PORTAL_ADAPTER_FORMAT),
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/)).check(z.maxLength(100)),
  name: bilingual,
  version: text(40),
  /** The award this portal takes applications for (src/awards); the background judges by it. Default: Lianyungang. */
  award: z.optional(z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/)).check(z.maxLength(100))),
  pages: z.object({
    'application-form': z.array(urlPatternSchema).check(z.maxLength(20)),
    'application-status': z.array(urlPatternSchema).check(z.maxLength(20)),
    'recommender-review': z.array(urlPatternSchema).check(z.maxLength(20)),
  }),
  fields: z.array(adapterFieldSchema).check(z.maxLength(300)),
  attachments: z.array(adapterAttachmentSchema).check(z.maxLength(100)),
  statusTable: statusTableSchema,
}).check(z.superRefine((a, ctx) => {
  const seen = new Set<string>();
  a.fields.forEach((f, i) => {
    const k = `${f.key}|${f.applicantKind ?? '*'}`;
    if (seen.has(k)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: `字段重复：${f.key} / duplicate field: ${f.key}` });
    seen.add(k);
  });
  const att = new Set<string>();
  a.attachments.forEach((x, i) => {
    if (att.has(x.key)) ctx.addIssue({ code: 'custom', path: ['attachments', i, 'key'], message: `附件重复：${x.key} / duplicate attachment: ${x.key}` });
    att.add(x.key);
  });
}));
export type PortalAdapter = z.infer<typeof portalAdapterSchema>;
export type PortalAdapterInput = z.input<typeof portalAdapterSchema>;
