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
  const metas = data.nodeMetas;
  const shortId = (id) => id.replace(/^\0/, '').replace(/^virtual:[^?]*\?/, '').replace(/^.*?\/(node_modules\/(?:@[^/]+\/)?[^/]+|src|entrypoints|machines)\//, '$1/');
  /** Shortest chain of static imports from the surface's entry to a module of `group`. */
  const chainTo = (entryUids, group) => {
    const prev = new Map(entryUids.map((u) => [u, null]));
    const queue = [...entryUids];
    while (queue.length) {
      const u = queue.shift();
      if (groupOf(metas[u].id) === group && !entryUids.includes(u)) {
        const path = [];
        for (let x = u; x != null; x = prev.get(x)) { const id = shortId(metas[x].id); if (path[0] !== id) path.unshift(id); }
        return path;
      }
      for (const imp of metas[u].imported ?? []) {
        if (imp.dynamic || prev.has(imp.uid)) continue;
        prev.set(imp.uid, u);
        queue.push(imp.uid);
      }
    }
    return null;
  };
  const out = {};
  for (const s of measured.surfaces) {
    const acc = new Map();
    for (const f of s.js.files) {
      for (const [g, n] of byChunk.get(f.file) ?? []) acc.set(g, (acc.get(g) ?? 0) + n);
    }
    const total = [...acc.values()].reduce((a, b) => a + b, 0);
    const files = new Set(s.js.files.map((f) => f.file));
    if (s.html) files.add(s.html);
    const entryUids = Object.entries(metas).filter(([, m]) => m.isEntry && Object.keys(m.moduleParts ?? {}).some((f) => files.has(f) || (s.html && m.id.endsWith(`/${s.id}/index.html`)))).map(([u]) => u);
    const heavy = [...acc.entries()].filter(([g, n]) => total && (n / total) * s.js.gz >= 3 * 1024 && !g.startsWith('entrypoints/')).sort((a, b) => b[1] - a[1]);
    const chains = entryUids.length ? heavy.map(([g]) => ({ group: g, chain: chainTo(entryUids, g) })).filter((c) => c.chain && c.chain.length > 2).slice(0, 6) : [];
    out[s.id] = { chains, label: s.label, gz: s.js.gz, groups: [...acc.entries()].sort((a, b) => b[1] - a[1]).map(([group, rendered]) => ({ group, rendered, share: total ? rendered / total : 0, gzEstimate: total ? (rendered / total) * s.js.gz : 0 })) };
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

/** One row per heavy package or folder a surface pulls in through other modules: how it gets there. */
export function chainRows(att) {
  const rows = [];
  for (const s of Object.values(att)) {
    for (const c of s.chains ?? []) {
      const g = s.groups.find((x) => x.group === c.group);
      rows.push([s.label, `${c.group} ≈${kib(g?.gzEstimate ?? 0)}`, c.chain.join(' → ')]);
    }
  }
  return rows;
}

export const analyzeStatsPath = (srcDir) => path.join(srcDir, 'stats.html');
