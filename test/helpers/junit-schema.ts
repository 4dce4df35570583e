// A strict reader for the JUnit XML our reporter writes, checking it against the element and
// attribute rules of the common JUnit schema (Jenkins xunit-plugin's junit-10.xsd): well-formed
// XML 1.0, only the elements and attributes that schema allows, required attributes present.

interface Element {
  name: string;
  attrs: Map<string, string>;
  children: Element[];
  text: string;
}

const RULES: Record<string, { required: string[]; optional: string[]; children: string[] | 'text' }> = {
  testsuites: {
    required: [],
    optional: ['name', 'time', 'tests', 'failures', 'errors'],
    children: ['testsuite'],
  },
  testsuite: {
    required: ['name', 'tests', 'failures', 'errors'],
    optional: ['group', 'time', 'skipped', 'timestamp', 'hostname', 'id', 'package', 'file', 'log', 'url'],
    children: ['testsuite', 'properties', 'testcase', 'system-out', 'system-err'],
  },
  properties: { required: [], optional: [], children: ['property'] },
  property: { required: ['name', 'value'], optional: [], children: [] },
  testcase: {
    required: ['name'],
    optional: ['time', 'classname', 'group'],
    children: ['skipped', 'error', 'failure', 'system-out', 'system-err'],
  },
  failure: { required: [], optional: ['type', 'message'], children: 'text' },
  error: { required: [], optional: ['type', 'message'], children: 'text' },
  skipped: { required: [], optional: ['type', 'message'], children: 'text' },
  'system-out': { required: [], optional: [], children: 'text' },
  'system-err': { required: [], optional: [], children: 'text' },
};

const XML_CHARS = /^[\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const BAD_AMP = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
const TOKEN = /<\/([A-Za-z][\w-]*)\s*>|<([A-Za-z][\w-]*)((?:\s+[A-Za-z][\w-]*="[^"]*")*)\s*(\/?)>|([^<]+)/y;

/** Returns the problems found; an empty list means the document is valid. */
export function junitProblems(xml: string): string[] {
  const problems: string[] = [];
  if (!XML_CHARS.test(xml)) problems.push('a character XML 1.0 does not allow');
  const prolog = '<?xml version="1.0" encoding="UTF-8"?>\n';
  if (!xml.startsWith(prolog)) problems.push('no XML declaration');
  const root: Element = { name: '#document', attrs: new Map(), children: [], text: '' };
  const stack = [root];
  TOKEN.lastIndex = prolog.length;
  while (TOKEN.lastIndex < xml.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(xml);
    if (!m)
      return [...problems, `not well-formed at offset ${at}: ${JSON.stringify(xml.slice(at, at + 40))}`];
    const [, close, open, attrText, selfClosing, text] = m;
    const top = stack[stack.length - 1]!;
    if (text !== undefined) {
      if (BAD_AMP.test(text) || text.includes('>')) problems.push(`unescaped text: ${JSON.stringify(text)}`);
      if (text.trim()) top.text += text;
    } else if (close) {
      if (top.name !== close) return [...problems, `</${close}> closes <${top.name}>`];
      stack.pop();
    } else {
      const attrs = new Map<string, string>();
      for (const a of attrText!.matchAll(/([A-Za-z][\w-]*)="([^"]*)"/g)) {
        if (attrs.has(a[1]!)) problems.push(`<${open}> repeats ${a[1]}`);
        if (BAD_AMP.test(a[2]!) || a[2]!.includes('<')) problems.push(`unescaped attribute ${a[1]}`);
        attrs.set(a[1]!, a[2]!);
      }
      const element: Element = { name: open!, attrs, children: [], text: '' };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (stack.length !== 1) problems.push(`<${stack[stack.length - 1]!.name}> is never closed`);
  if (root.children.length !== 1 || root.children[0]!.name !== 'testsuites')
    problems.push('root is not <testsuites>');
  if (root.text) problems.push('text outside the root');
  for (const child of root.children) check(child, problems);
  return problems;
}

function check(e: Element, problems: string[]): void {
  const rule = RULES[e.name];
  if (!rule) {
    problems.push(`<${e.name}> is not in the schema`);
    return;
  }
  for (const name of rule.required) if (!e.attrs.has(name)) problems.push(`<${e.name}> lacks ${name}`);
  for (const name of e.attrs.keys())
    if (!rule.required.includes(name) && !rule.optional.includes(name))
      problems.push(`<${e.name} ${name}> is not allowed`);
  if (rule.children === 'text') {
    if (e.children.length) problems.push(`<${e.name}> may hold only text`);
    return;
  }
  if (e.text) problems.push(`<${e.name}> may not hold text`);
  for (const child of e.children) {
    if (!rule.children.includes(child.name)) problems.push(`<${child.name}> is not allowed in <${e.name}>`);
    check(child, problems);
  }
  if (e.name === 'testsuite') {
    const cases = e.children.filter((c) => c.name === 'testcase');
    const count = (n: string) => cases.filter((c) => c.children.some((k) => k.name === n)).length;
    if (e.attrs.get('tests') !== String(cases.length))
      problems.push(`${e.attrs.get('name')}: tests is wrong`);
    if (e.attrs.get('failures') !== String(count('failure')))
      problems.push(`${e.attrs.get('name')}: failures is wrong`);
    if (e.attrs.get('errors') !== String(count('error')))
      problems.push(`${e.attrs.get('name')}: errors is wrong`);
  }
}

/** The parsed tree, for assertions on structure. */
export function testcases(xml: string): { suite: string; name: string; children: string[] }[] {
  const out: { suite: string; name: string; children: string[] }[] = [];
  let suite = '';
  for (const m of xml.matchAll(
    /<testsuite name="([^"]*)"|<testcase [^>]*name="([^"]*)"[^>]*?(\/?)>((?:(?!<\/testcase>).)*)/g,
  )) {
    if (m[1] !== undefined) suite = m[1];
    else
      out.push({
        suite,
        name: m[2]!,
        children: [...(m[4] ?? '').matchAll(/<([a-z-]+)[ >/]/g)].map((c) => c[1]!),
      });
  }
  return out;
}
