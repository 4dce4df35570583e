// Ships the compiled modules the members' page runs (its UI, and through it the very parsing,
// matching and judging code the CLI uses) as one classic inline script: every module becomes a
// function scope whose imports are read from the modules evaluated before it. Only relative
// imports are allowed, so a Node-only import anywhere in that code fails here, loudly.
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The compiled tree; src/page and dist/page are both two levels below the package root. */
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
export const PAGE_ENTRY = join(DIST, 'page', 'ui.js');

const IMPORT = /^import\s*(?:\{([^}]*)\}\s*from\s*)?['"]([^'"]+)['"];?[ \t]*$/gm;
const EXPORT_DECL = /^export\s+(?:async\s+)?(?:function\*?|const|let|class)\s+([\w$]+)/gm;
const EXPORT_LIST = /^export\s*\{([^}]*)\};?[ \t]*$/gm;

export async function bundlePage(entry = PAGE_ENTRY): Promise<string> {
  const order: { key: string; code: string }[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = async (file: string, from: string) => {
    const key = relative(DIST, file).split('\\').join('/');
    if (state.get(key) === 'done') return;
    if (state.get(key) === 'visiting')
      throw new Error(`the page's modules import each other in a cycle at ${key}`);
    state.set(key, 'visiting');
    const source = await readFile(file, 'utf8').catch(() => {
      throw new Error(`cannot read ${file} (imported by ${from}): run "npm run build" first`);
    });
    const { code, imports } = rewrite(source, key, file);
    for (const dep of imports) await visit(dep, key);
    order.push({ key, code });
    state.set(key, 'done');
  };
  await visit(entry, 'the page');
  const modules = order.map(({ key, code }) => `m[${JSON.stringify(key)}] = (() => {\n${code}\n})();`);
  // The script sits inside <script>…</script>: no "</script" or "<!--" may appear in it.
  return `'use strict';\n(() => {\nconst m = {};\n${modules.join('\n')}\n})();\n`
    .replace(/<\/(script)/gi, '<\\/$1')
    .replace(/<!--/g, '<\\!--');
}

function rewrite(source: string, key: string, file: string) {
  const imports: string[] = [];
  const exported: string[] = [];
  let code = source.replace(/^\/\/# sourceMappingURL=.*$/m, '');
  code = code.replace(IMPORT, (_, names: string | undefined, spec: string) => {
    if (!spec.startsWith('.')) throw new Error(`${key} imports "${spec}", which the page cannot ship`);
    const target = join(dirname(file), spec);
    imports.push(target);
    const depKey = relative(DIST, target).split('\\').join('/');
    return names ? `const {${names.replace(/\bas\b/g, ':')}} = m[${JSON.stringify(depKey)}];` : '';
  });
  code = code.replace(EXPORT_DECL, (whole, name: string) => {
    exported.push(name);
    return whole.replace(/^export\s+/, '');
  });
  code = code.replace(EXPORT_LIST, (_, names: string) => {
    for (const n of names
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)) {
      const [local, as = local] = n.split(/\s+as\s+/);
      exported.push(as === local ? local! : `${as}: ${local}`);
    }
    return '';
  });
  const left = /^\s*(import|export)\b.*$/m.exec(code) ?? /\bimport\s*(\(|\.meta)/.exec(code);
  if (left) throw new Error(`${key}: the page cannot ship ${JSON.stringify(left[0].trim())}`);
  return { code: `${code.trim()}\nreturn { ${exported.join(', ')} };`, imports };
}
