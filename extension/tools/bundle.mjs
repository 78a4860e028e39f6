// A minimal bundler for the content script: content scripts cannot be ES modules, so the
// build joins the content module and everything it imports into one classic script, each
// module in its own function scope. It accepts only the module syntax this project uses
// (single-line `import { a, b as c } from './x.js';`, `export function|const|let|class NAME`,
// `export { A, B };`) and throws on anything else, so a new construct fails the build loudly.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const IMPORT = /^import\s*\{([^}]*)\}\s*from\s*'(\.{1,2}\/[^']+)';?[ \t]*$/gm;
const EXPORT_DECL = /^export\s+((?:async\s+)?(?:function\*?|const|let|class))\s+([A-Za-z_$][\w$]*)/gm;
const EXPORT_LIST = /^export\s*\{([^}]*)\};?[ \t]*$/gm;
const UNSUPPORTED = /^\s*(import\s|export\s+(default|\*))|\bimport\s*\(|\bimport\.meta\b/m;

function names(list) {
  return list.split(',').map((s) => s.trim()).filter(Boolean);
}

function transform(code, file, varOf) {
  const exported = [];
  let out = code.replace(IMPORT, (_, list, spec) => {
    const from = varOf(path.resolve(path.dirname(file), spec));
    const bindings = names(list).map((n) => n.replace(/\s+as\s+/, ': '));
    return `const { ${bindings.join(', ')} } = ${from};`;
  });
  out = out.replace(EXPORT_DECL, (_, kind, name) => {
    exported.push(name);
    return `${kind} ${name}`;
  });
  out = out.replace(EXPORT_LIST, (_, list) => {
    exported.push(...names(list));
    return '';
  });
  if (UNSUPPORTED.test(out)) throw new Error(`bundle: unsupported module syntax in ${file}`);
  return { code: out, exported };
}

/** One classic script that runs `entry` and calls its exported `call` function. */
export function bundle(entry, call) {
  const vars = new Map();
  const order = [];
  const varOf = (file) => {
    if (!vars.has(file)) throw new Error(`bundle: ${file} imported before it was read`);
    return vars.get(file);
  };
  const visit = (file, trail) => {
    if (vars.has(file)) return;
    if (trail.includes(file)) throw new Error(`bundle: import cycle through ${file}`);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(IMPORT)) visit(path.resolve(path.dirname(file), m[2]), [...trail, file]);
    vars.set(file, `__caselog_m${vars.size}`);
    order.push(file);
  };
  visit(path.resolve(entry), []);
  const parts = order.map((file) => {
    const { code, exported } = transform(readFileSync(file, 'utf8'), file, varOf);
    const name = path.relative(path.dirname(path.resolve(entry)), file);
    return `// ---- ${name}\nconst ${vars.get(file)} = (() => {\n${code}\nreturn { ${exported.join(', ')} };\n})();`;
  });
  return `// Built by extension/tools/build.mjs from ${path.basename(entry)} and its imports. Do not edit.\n(() => {\n${parts.join('\n')}\n${vars.get(path.resolve(entry))}.${call}();\n})();\n`;
}
