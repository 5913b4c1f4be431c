// Generates low-code application forms the way Element UI / Element Plus portals render them:
// generated element ids (el-id-NNNN-NN) that mean nothing, Chinese labels that do, cards and grid
// rows around every item, selects and date pickers that are read-only <input>s inside wrappers, and
// radio groups. About a third of the labels are Element UI 2 style (`for` names the model prop, no
// element has that id), so `.labels` misses them and a locator must read the structure.
//   node test/bench/forms/generate.mjs 1000 > form-1000.html
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { mulberry32 } from '../fixtures/cases.mjs';

// Labels a quality-award application form carries (第八条/第九条 facts, contact data, yearly figures).
const BASE_LABELS = [
  '名称/姓名', '统一社会信用代码', '成立日期', '法定代表人', '联系人', '联系电话', '电子邮箱', '通讯地址',
  '注册资本（万元）', '所属行业', '企业类型', '申报类别', '申报日期', '评奖年度', '质量管理体系认证证书',
  '认证标准', '证书有效期至', '注册商标数量', '发明专利数量', '主导产品名称', '主导产品技术和质量指标水平',
  '重大质量投诉次数', '因自身责任引起的质量异议、索赔和退货次数', '监督检查不合格记录', '事故日期', '事故等级',
  '出口企业', '营业收入（万元）', '利润总额（万元）', '上缴税收（万元）', '研发投入（万元）', '从业人员数',
  '质量管理岗位总人数', '具备质量工作者资格人数', '推荐单位', '推荐意见', '在连云港市行政区域内登记注册',
  '具有独立法人资格', '诚信记录和社会声誉良好', '其他违法违规不良记录', '主要质量成果', '获奖情况',
];
const GROUPS = ['基本信息', '申报条件', '质量管理', '经营业绩', '诚信记录', '推荐信息', '附件材料'];

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function labelFor(i) {
  const base = BASE_LABELS[i % BASE_LABELS.length];
  const round = Math.floor(i / BASE_LABELS.length);
  return round === 0 ? base : `${base}（${round + 1}）`;
}

/** Kind of control at index i: mostly text inputs, as real forms are. */
function kindFor(r) {
  if (r < 0.5) return 'text';
  if (r < 0.6) return 'number';
  if (r < 0.7) return 'textarea';
  if (r < 0.8) return 'date';
  if (r < 0.9) return 'select';
  if (r < 0.95) return 'radio';
  return 'native-select';
}

function control(kind, id, label, rnd) {
  const ph = esc(`请输入${label}`);
  switch (kind) {
    case 'number':
      return `<div class="el-input-number is-controls-right"><span class="el-input-number__decrease" role="button"><i class="el-icon-arrow-down"></i></span><span class="el-input-number__increase" role="button"><i class="el-icon-arrow-up"></i></span><div class="el-input"><input type="text" autocomplete="off" max="Infinity" min="0" class="el-input__inner" role="spinbutton" id="${id}" placeholder="${ph}"></div></div>`;
    case 'textarea':
      return `<div class="el-textarea"><textarea autocomplete="off" rows="3" class="el-textarea__inner" id="${id}" placeholder="${ph}"></textarea><span class="el-input__count">0/500</span></div>`;
    case 'date':
      return `<div class="el-date-editor el-input el-input--prefix el-input--suffix el-date-editor--date"><input type="text" autocomplete="off" name="" placeholder="选择日期" class="el-input__inner" id="${id}"><span class="el-input__prefix"><i class="el-input__icon el-icon-date"></i></span><span class="el-input__suffix"><span class="el-input__suffix-inner"><i class="el-input__icon"></i></span></span></div>`;
    case 'select':
      return `<div class="el-select"><div class="el-input el-input--suffix"><input type="text" readonly="readonly" autocomplete="off" placeholder="请选择" class="el-input__inner" id="${id}"><span class="el-input__suffix"><span class="el-input__suffix-inner"><i class="el-select__caret el-input__icon el-icon-arrow-up"></i></span></span></div></div>`;
    case 'radio': {
      const n = `r${Math.floor(rnd() * 1e6)}`;
      return `<div role="radiogroup" class="el-radio-group" id="${id}">${['是', '否'].map((t, k) => `<label role="radio" tabindex="${k ? -1 : 0}" class="el-radio"><span class="el-radio__input"><span class="el-radio__inner"></span><input type="radio" aria-hidden="true" tabindex="-1" class="el-radio__original" name="${n}" value="${k ? 'false' : 'true'}"></span><span class="el-radio__label">${t}</span></label>`).join('')}</div>`;
    }
    case 'native-select':
      return `<select class="portal-native-select" id="${id}"><option value="">请选择</option><option value="1">一级</option><option value="2">二级</option><option value="3">三级</option></select>`;
    default:
      return `<div class="el-input"><input type="text" autocomplete="off" class="el-input__inner" id="${id}" placeholder="${ph}"></div>`;
  }
}

/**
 * HTML for a whole portal page with `fields` form items. Deterministic for a given seed.
 * Returns { html, fields: [{ label, id, kind, linked }] } so tests can check what a scan should find.
 */
export function generateForm(fields, { seed = 20210601, title = '连云港市市长质量奖申报表' } = {}) {
  const rnd = mulberry32(seed + fields);
  const idBase = 1000 + Math.floor(rnd() * 9000);
  let idSeq = 0;
  const nextId = () => `el-id-${idBase}-${idSeq++}`;
  const items = [];
  const parts = [];
  const perCard = 24;
  for (let i = 0; i < fields; i++) {
    if (i % perCard === 0) {
      if (i) parts.push('</div></div></div>');
      parts.push(`<div class="el-card is-always-shadow"><div class="el-card__header"><div class="clearfix"><span>${GROUPS[(i / perCard) % GROUPS.length]}</span></div></div><div class="el-card__body"><div class="el-row" style="margin-left:-10px;margin-right:-10px">`);
    }
    const label = labelFor(i);
    const kind = kindFor(rnd());
    const id = nextId();
    const labelId = nextId();
    // Element Plus links label→control by generated id; Element UI 2 writes the model prop into `for`.
    const linked = kind !== 'radio' && rnd() < 0.68;
    const forAttr = kind === 'radio' ? '' : ` for="${linked ? id : `field${i}`}"`;
    const required = rnd() < 0.4 ? ' is-required' : '';
    parts.push(
      `<div class="el-col el-col-24 el-col-md-12" style="padding-left:10px;padding-right:10px"><div class="el-form-item${required} el-form-item--small">` +
      `<label class="el-form-item__label" id="${labelId}"${forAttr} style="width:180px">${esc(label)}</label>` +
      `<div class="el-form-item__content" style="margin-left:180px">${control(kind, id, label, rnd)}<!----></div></div></div>`,
    );
    items.push({ label, id, kind, linked });
  }
  if (fields) parts.push('</div></div></div>');

  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:0}.el-card{margin:12px;border:1px solid #ebeef5}.el-card__header{padding:12px 20px;border-bottom:1px solid #ebeef5}.el-card__body{padding:20px}.el-row{display:flex;flex-wrap:wrap}.el-col-24{width:100%}.el-col-md-12{width:50%}.el-form-item{margin-bottom:18px;display:flex}.el-form-item__label{text-align:right;padding-right:12px;box-sizing:border-box}.el-form-item__content{margin-left:0!important;flex:1}.el-input__inner,.el-textarea__inner{width:100%;box-sizing:border-box}</style></head>
<body><div id="app"><section class="el-container is-vertical"><header class="el-header"><div class="portal-brand">江苏政务服务网 · 连云港</div><ul role="menubar" class="el-menu--horizontal el-menu"><li role="menuitem" class="el-menu-item is-active">办事服务</li><li role="menuitem" class="el-menu-item">我的申报</li></ul></header>
<main class="el-main"><div class="el-breadcrumb"><span class="el-breadcrumb__item">首页</span><span class="el-breadcrumb__item">质量奖申报</span></div>
<form class="el-form el-form--label-right" id="apply-form">${parts.join('')}
<div class="el-form-item"><div class="el-form-item__content"><button type="button" class="el-button el-button--primary"><span>暂存</span></button><button type="button" class="el-button el-button--primary"><span>提交申报</span></button></div></div></form></main></section></div></body></html>`;
  return { html, fields: items };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const n = Number(process.argv[2] ?? 100);
  process.stdout.write(generateForm(n).html);
}
