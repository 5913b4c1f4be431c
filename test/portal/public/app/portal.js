// The demo portal's single-page app: routes, late-rendered steps, status page, recommender review.
import { h, prng } from './dom.js';
import { steps, fields as baseFields, isShown, releaseLabels } from './form-def.js';
import { renderFormA } from './render-a.js';
import { renderFormB } from './render-b.js';
import { applications, reviewCase } from './data.js';

const params = new URLSearchParams(location.search);
// `?release=2`: the platform's next release renamed some labels (what breaks adapters in real life).
const fields = baseFields.map((f) => ({ ...f, label: releaseLabels(params.get('release'))[f.name] ?? f.label }));
const random = prng(params.has('seed') ? Number(params.get('seed')) : crypto.getRandomValues(new Uint32Array(1))[0]);
// Generated ids like `field_8f3a`: new ones on every page load and every render, as low-code platforms do.
const used = new Set();
function genId(prefix) {
  for (;;) {
    const id = prefix + Math.floor(random() * 0x10000).toString(16).padStart(4, '0');
    if (!used.has(id)) { used.add(id); return id; }
  }
}
const renderDelay = () => 120 + Math.floor(random() * 280);

const SUBMITTED_KEY = 'lyg-portal.submitted';
const values = {};
for (const f of fields) if (f.initial !== undefined) values[f.name] = f.initial;
const rerenderDrivers = new Set(['kind', 'headsOrg']);

const app = document.getElementById('app');
let renderToken = 0;

function navigate(path) {
  history.pushState({}, '', path + location.search);
  route();
}
document.addEventListener('click', (e) => {
  const a = e.target instanceof Element ? e.target.closest('a[data-spa]') : null;
  if (!a) return;
  e.preventDefault();
  navigate(a.getAttribute('href'));
});
window.addEventListener('popstate', route);

function nav() {
  const n = document.getElementById('nav');
  n.replaceChildren(
    h('a', { href: '/app/apply/a/basic', 'data-spa': true }, '在线申报'),
    h('a', { href: '/app/apply/b/basic', 'data-spa': true }, '在线申报（新版）'),
    h('a', { href: '/app/my-applications', 'data-spa': true }, '我的申报'),
    h('a', { href: '/app/review/LYG2026-0015', 'data-spa': true }, '推荐审核'),
  );
}

function route() {
  const token = ++renderToken;
  const path = location.pathname;
  app.replaceChildren(h('p', { class: 'loading' }, '加载中…'));
  // The SPA renders the page a moment later, as if waiting for its form schema from the server.
  setTimeout(() => {
    if (token !== renderToken) return;
    let m;
    if ((m = path.match(/^\/app\/apply\/(a|b)\/(\w+)$/))) renderApply(m[1], m[2]);
    else if (path === '/app/my-applications') renderStatus();
    else if ((m = path.match(/^\/app\/review\/([\w-]+)$/))) renderReview(m[1]);
    else app.replaceChildren(h('div', { class: 'card' }, h('h2', {}, '页面不存在'), h('a', { href: '/' }, '返回首页')));
  }, renderDelay());
}

function renderApply(variant, stepId) {
  const stepIndex = Math.max(0, steps.findIndex((s) => s.id === stepId));
  const step = steps[stepIndex];
  document.title = `${step.title} · 市长质量奖申报`;
  const base = `/app/apply/${variant}`;
  const bar = h('div', { class: variant === 'a' ? 'el-steps' : 'ant-steps' }, steps.map((s, i) =>
    h('a', { href: `${base}/${s.id}`, 'data-spa': true, class: `step${i === stepIndex ? ' is-active' : ''}${i < stepIndex ? ' is-done' : ''}` }, `${i + 1}. ${s.title}`)));
  const holder = h('div', { class: 'form-holder' });
  const draw = () => {
    const shown = fields.filter((f) => f.step === step.id && isShown(f, values));
    const ctx = {
      id: genId,
      set: (name, v, opts = {}) => {
        values[name] = v;
        if (opts.rerender ?? (rerenderDrivers.has(name) || Array.isArray(v))) draw();
      },
      upload: (name, input) => {
        values[name] = [...input.files].map((x) => x.name);
        const ul = input.parentElement.querySelector('ul');
        const cls = `${ul.classList[0]}${variant === 'a' ? '__item' : '-item'}`;
        ul.replaceChildren(...values[name].map((n) => h('li', { class: cls }, n)));
      },
    };
    const group = h('div', { class: variant === 'a' ? 'el-card' : 'ant-card' },
      h('div', { class: variant === 'a' ? 'el-card__header' : 'ant-card-head' }, step.title),
      h('div', { class: variant === 'a' ? 'el-card__body' : 'ant-card-body' }, variant === 'a' ? renderFormA(shown, values, ctx) : renderFormB(shown, values, ctx)));
    holder.replaceChildren(group);
  };
  draw();
  const prev = stepIndex > 0 ? h('button', { type: 'button', class: 'btn', onclick: () => navigate(`${base}/${steps[stepIndex - 1].id}`) }, '上一步') : null;
  const next = stepIndex < steps.length - 1
    ? h('button', { type: 'button', class: 'btn btn-primary', onclick: () => navigate(`${base}/${steps[stepIndex + 1].id}`) }, '下一步')
    : h('button', { type: 'button', class: 'btn btn-primary', id: 'submit-application', onclick: submit }, '提交申报');
  app.replaceChildren(h('h1', { class: 'page-title' }, '连云港市市长质量奖申报表'), bar, holder, h('div', { class: 'form-actions' }, prev, h('button', { type: 'button', class: 'btn' }, '暂存'), next));
}

function submit() {
  const kind = values.kind === '个人' ? '个人' : '组织';
  const name = (kind === '个人' ? values.personName : values.orgName) || '（未填写名称）';
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  // The portal's own storage (its origin), like a real portal's session state.
  localStorage.setItem(SUBMITTED_KEY, JSON.stringify({ no: 'LYG2026-0101', name, kind, on: today }));
  navigate('/app/my-applications');
}

function renderStatus() {
  document.title = '我的申报 · 市长质量奖';
  const rows = [...applications];
  try {
    const s = JSON.parse(localStorage.getItem(SUBMITTED_KEY) ?? 'null');
    if (s && typeof s.no === 'string') rows.unshift({ no: s.no, name: String(s.name), kind: String(s.kind), status: '待推荐', on: String(s.on), note: '已提交，等待推荐单位审核' });
  } catch { /* a broken entry is ignored */ }
  const table = h('table', { class: 'el-table status-table' },
    h('thead', {}, h('tr', {}, ['申报编号', '申报主体', '申报类型', '办理状态', '办理日期', '说明'].map((t) => h('th', { class: 'el-table__cell' }, t)))),
    h('tbody', {}, rows.map((r) => h('tr', { class: 'el-table__row' },
      h('td', {}, r.no), h('td', {}, r.name), h('td', {}, r.kind), h('td', {}, h('span', { class: 'status-tag' }, r.status)), h('td', {}, r.on), h('td', {}, r.note ?? '')))));
  app.replaceChildren(h('h1', { class: 'page-title' }, '我的申报'), h('div', { class: 'el-card' }, h('div', { class: 'el-card__header' }, '办理记录'), h('div', { class: 'el-card__body' }, table)));
}

function renderReview(no) {
  document.title = '推荐审核 · 市长质量奖';
  const c = reviewCase(no);
  if (!c) { app.replaceChildren(h('div', { class: 'card' }, '未找到该申报')); return; }
  const signedKey = `lyg-portal.signed.${no}`;
  const sections = c.sections.map((s) => h('div', { class: 'el-card' },
    h('div', { class: 'el-card__header' }, s.title),
    h('div', { class: 'el-card__body' }, h('table', { class: 'el-descriptions' }, h('tbody', {},
      pairs(s.items).map((pair) => h('tr', { class: 'el-descriptions-row' }, pair.flatMap(([label, value]) => [
        h('th', { class: 'el-descriptions-item__label' }, label),
        h('td', { class: 'el-descriptions-item__content', colspan: pair.length === 1 ? 3 : null }, valueNode(value)),
      ]))))))));
  const signed = localStorage.getItem(signedKey);
  const opinion = h('textarea', { id: genId('field_'), class: 'el-textarea__inner', rows: 4, placeholder: '请填写推荐意见' });
  const signArea = h('div', { class: 'el-card' }, h('div', { class: 'el-card__header' }, '推荐意见'),
    h('div', { class: 'el-card__body' },
      h('div', { class: 'el-form-item' }, h('label', { class: 'el-form-item__label', for: opinion.id }, '推荐意见'), h('div', { class: 'el-form-item__content' }, opinion)),
      signed ? h('p', { class: 'signed' }, `已签署推荐（${signed}）`) : h('button', { type: 'button', class: 'btn btn-primary', id: 'sign-recommendation', onclick: () => {
        localStorage.setItem(signedKey, new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }));
        renderReview(no);
      } }, '签署推荐')));
  app.replaceChildren(h('h1', { class: 'page-title' }, `推荐审核：${c.name}（${no}）`), ...sections, signArea);
}

function pairs(items) {
  const out = [];
  let i = 0;
  while (i < items.length) {
    const wide = Array.isArray(items[i][1]);
    if (wide || i + 1 >= items.length || Array.isArray(items[i + 1][1])) { out.push([items[i]]); i += 1; }
    else { out.push([items[i], items[i + 1]]); i += 2; }
  }
  return out;
}

function valueNode(value) {
  if (!Array.isArray(value)) return value;
  const [head, ...rows] = value;
  if (!rows.length) return h('span', { class: 'muted' }, '无');
  return h('table', { class: 'el-table inner' }, h('thead', {}, h('tr', {}, head.map((t) => h('th', {}, t)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((t) => h('td', {}, t))))));
}

nav();
route();
