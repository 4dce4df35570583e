// Checks the JUnit XML our reporter writes against the real JUnit schema (Jenkins' xunit
// plugin's junit-10.xsd, the one CI servers read) with libxml2 itself, compiled to WebAssembly,
// so it runs in-process on any machine with Node. On top of the schema: the XML declaration,
// and the counts in each <testsuite>, which a schema cannot check.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { ROOT } from './cli.js';

const XSD = readFileSync(join(ROOT, 'test', 'fixtures', 'junit', 'junit-10.xsd'), 'utf8');
const PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** Returns the problems found; an empty list means the document is valid. */
export async function junitProblems(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: { fileName: 'junit.xml', contents: xml },
    schema: { fileName: 'junit-10.xsd', contents: XSD },
  });
  const problems = result.errors.map((e) => e.rawMessage.trim());
  if (!result.valid && !problems.length) problems.push(result.rawOutput.trim() || 'invalid');
  if (!xml.startsWith(PROLOG)) problems.push('no XML declaration');
  if (result.valid) problems.push(...countProblems(xml));
  return problems;
}

function countProblems(xml: string): string[] {
  const problems: string[] = [];
  const cases = testcases(xml);
  for (const m of xml.matchAll(/<testsuite ([^>]*)>/g)) {
    const attr = (n: string) => new RegExp(`\\b${n}="([^"]*)"`).exec(m[1]!)?.[1];
    const name = attr('name');
    const mine = cases.filter((c) => c.suite === name);
    const count = (child: string) => String(mine.filter((c) => c.children.includes(child)).length);
    if (attr('tests') !== String(mine.length)) problems.push(`${name}: tests is wrong`);
    if (attr('failures') !== count('failure')) problems.push(`${name}: failures is wrong`);
    if (attr('errors') !== count('error')) problems.push(`${name}: errors is wrong`);
  }
  return problems;
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
