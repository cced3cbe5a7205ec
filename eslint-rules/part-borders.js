// The part borders (the README's "The five parts" table, from the design's border table), as one lint rule:
// - a relative import may not leave its part into another part (`../../device-agent/src/...`);
// - `@branch/<part>` may be imported only where the border table allows it, and only through the entries
//   the part's package.json exports (never its internals);
// - kiosk-ui takes device-agent and cloud-sync as types only, except cloud-sync's `./wire`: the hub's
//   paths and limits as import-free constants, so that the console and the hub spell each path once.
//   An entry named 'part/sub' in the table allows that one entry as values.
// `scripts/` (the launcher and root tooling) is not a part and may import any part's public entry, and so
// may a part's tests and benchmarks; the border table binds each part's `src/`.
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PARTS = ['firmware-bridge', 'cloud-sync', 'avatar', 'device-agent', 'kiosk-ui'];
/** part -> the parts it may import; 'type:' means types only. */
export const BORDERS = {
  'firmware-bridge': [],
  'cloud-sync': [],
  avatar: [],
  'device-agent': ['firmware-bridge', 'cloud-sync'],
  'kiosk-ui': ['avatar', 'type:device-agent', 'type:cloud-sync', 'cloud-sync/wire'],
};

const exportsOf = new Map();
function exportedEntries(part) {
  if (!exportsOf.has(part)) {
    const pkg = JSON.parse(readFileSync(resolve(root, part, 'package.json'), 'utf8'));
    exportsOf.set(part, new Set(Object.keys(pkg.exports ?? { '.': pkg.main })));
  }
  return exportsOf.get(part);
}

function partOf(absPath) {
  const first = relative(root, absPath).split(sep)[0];
  return PARTS.includes(first) ? first : first === 'scripts' ? 'scripts' : null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const partBorders = {
  meta: { type: 'problem', schema: [], messages: { border: '{{why}}' } },
  create(context) {
    const file = resolve(context.filename);
    const from = partOf(file);
    if (!from) return {};
    const inSrc = relative(root, file).split(sep)[1] === 'src';
    function check(node, source, typeOnly) {
      if (typeof source !== 'string') return;
      const report = (why) => context.report({ node, messageId: 'border', data: { why } });
      if (source.startsWith('.')) {
        const to = partOf(resolve(dirname(file), source));
        if (to && to !== from && to !== 'scripts' && from !== 'scripts')
          report(
            `${from} may not reach into ${to} by a relative path; import '@branch/${to}' where the parts table allows`,
          );
        return;
      }
      const m = /^@branch\/([^/]+)(\/.*)?$/.exec(source);
      if (!m) return;
      const [, to, sub] = m;
      if (!PARTS.includes(to)) return report(`'${source}' is not a part of this product`);
      if (!exportedEntries(to).has(sub ? `.${sub}` : '.'))
        return report(`'${source}' is not a public entry of ${to} (see its package.json exports)`);
      // Tests and benchmarks may start any part through its public entry to drive the real thing.
      if (from === 'scripts' || from === to || !inSrc) return;
      const allowed = BORDERS[from];
      if (allowed.includes(to) || (sub && allowed.includes(`${to}${sub}`))) return;
      if (allowed.includes(`type:${to}`)) {
        if (!typeOnly) report(`${from} may import ${to} as types only: use \`import type\``);
        return;
      }
      report(`${from} may not import ${to} (README, "The five parts")`);
    }
    const typeOnlyDecl = (n) =>
      n.importKind === 'type' ||
      n.exportKind === 'type' ||
      (n.specifiers?.length > 0 &&
        n.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));
    return {
      ImportDeclaration: (n) => check(n, n.source.value, typeOnlyDecl(n)),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value, typeOnlyDecl(n)),
      ExportAllDeclaration: (n) => check(n, n.source.value, n.exportKind === 'type'),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value, false),
      TSImportType: (n) => {
        const arg = n.argument?.literal ?? n.argument;
        if (arg?.type === 'Literal') check(n, arg.value, true);
      },
    };
  },
};

export default { rules: { 'part-borders': partBorders } };
