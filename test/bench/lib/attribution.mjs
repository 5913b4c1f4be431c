// What fills each initial bundle: module sizes from WXT's `--analyze` build (rollup-plugin-visualizer
// data embedded in stats.html), grouped by npm package or source folder, for the files a surface
// loads up front (the same closure as sizes.mjs). Sizes are rendered (pre-minification) bytes; the
// gz column spreads the surface's measured gzip size over the groups by their rendered share.
import fs from 'node:fs';
import path from 'node:path';
import { measureBuild, kib } from './sizes.mjs';

export function readVisualizerData(statsHtml) {
  const html = fs.readFileSync(statsHtml, 'utf8');
  const m = html.match(/const data = (\{.*?\});\s*\n/s);
  if (!m) throw new Error('no visualizer data in stats.html');
  return JSON.parse(m[1]);
}

export function groupOf(moduleId) {
  const npm = moduleId.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (npm) return npm[1];
  const clean = moduleId.replace(/^\0/, '').replace(/\?.*$/, '');
  if (/^virtual:|^\0/.test(moduleId)) return 'wxt (virtual)';
  const rel = clean.replace(/^.*?\/(src|entrypoints|machines)\//, '$1/');
  const parts = rel.split('/');
  // src/portal/dom, src/ui/panel, src/eligibility, machines …: enough levels to name the owner.
  if (parts.length > 3) return parts.slice(0, 3).join('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : rel;
}

/** { surfaceId: [{ group, rendered, share, gzEstimate }] } for every measured surface. */
export function attribute(extDir, statsHtml) {
  const data = readVisualizerData(statsHtml);
  const byChunk = new Map();
  const walk = (node, acc) => {
    if (node.children) for (const c of node.children) walk(c, acc);
    else if (node.uid) {
      const part = data.nodeParts[node.uid];
      const meta = part && data.nodeMetas[part.metaUid];
      if (meta) acc.set(groupOf(meta.id), (acc.get(groupOf(meta.id)) ?? 0) + part.renderedLength);
    }
  };
  for (const chunk of data.tree.children ?? []) {
    const acc = new Map();
    walk(chunk, acc);
    byChunk.set(chunk.name, acc);
  }
  const measured = measureBuild(extDir);
  const out = {};
  for (const s of measured.surfaces) {
    const acc = new Map();
    for (const f of s.js.files) {
      for (const [g, n] of byChunk.get(f.file) ?? []) acc.set(g, (acc.get(g) ?? 0) + n);
    }
    const total = [...acc.values()].reduce((a, b) => a + b, 0);
    out[s.id] = { label: s.label, gz: s.js.gz, groups: [...acc.entries()].sort((a, b) => b[1] - a[1]).map(([group, rendered]) => ({ group, rendered, share: total ? rendered / total : 0, gzEstimate: total ? (rendered / total) * s.js.gz : 0 })) };
  }
  return out;
}

export function attributionRows(att, top = 6) {
  const rows = [];
  for (const [id, s] of Object.entries(att)) {
    if (!s.groups.length) continue;
    const shown = s.groups.slice(0, top);
    const rest = s.groups.slice(top);
    rows.push([`${s.label} (${kib(s.gz)} KiB gz)`, shown.map((g) => `${g.group} ${(g.share * 100).toFixed(0)}% ≈${kib(g.gzEstimate)}`).join(' · ') + (rest.length ? ` · ${rest.length} more ${(rest.reduce((a, g) => a + g.share, 0) * 100).toFixed(0)}%` : '')]);
    void id;
  }
  return rows;
}

export const analyzeStatsPath = (srcDir) => path.join(srcDir, 'stats.html');
