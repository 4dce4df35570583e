// The audit folder pins follow-audit like any other dependency, so that `npm ci && npx
// follow-audit …` runs the locked copy and never looks the name up at run time: whoever
// publishes a package under a name that is looked up would run with the API tokens in its
// environment.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { UsageError } from '../errors.js';
import { VERSION } from '../version.js';

const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
const GIT = /^(?:git\+(?:https|ssh|file):\/\/|github:|gitlab:|bitbucket:|https:\/\/\S+\.git#)/;

export const TOOL_HELP =
  'how the folder gets follow-audit: an exact registry version (default: this one, ' +
  `${VERSION}), a tarball made by "npm pack" (copied into vendor/), or a git URL pinned by #<tag or commit>`;

/** package.json for the audit folder, and a copy of the tarball it points at, if any. */
export async function toolPackageFiles(
  organization: string,
  tool: string = VERSION,
): Promise<Record<string, string | Uint8Array>> {
  const files: Record<string, string | Uint8Array> = {};
  let spec = tool;
  if (/\.(tgz|tar\.gz)$/.test(tool)) {
    const path = tool.replace(/^file:/, '');
    const vendored = `vendor/${basename(path)}`;
    files[vendored] = await readFile(path).catch(() => {
      throw new UsageError(
        `--tool ${tool}: no such file (make it with "npm pack" in a clone of follow-audit)`,
      );
    });
    spec = `file:${vendored}`;
  } else if (GIT.test(tool)) {
    if (!/#[^#\s]+$/.test(tool))
      throw new UsageError(`--tool ${tool}: pin a tag or commit, e.g. ${tool}#v${VERSION}`);
  } else if (!EXACT_VERSION.test(tool)) {
    throw new UsageError(
      `--tool ${tool}: give an exact version such as ${VERSION}, a tarball made by "npm pack", or a git URL ending in #<tag or commit>`,
    );
  }
  const manifest = {
    name: `${slug(organization)}-follow-audit`,
    private: true,
    description: `${organization}: policy, allowlists and audit trail for follow-audit`,
    devDependencies: { 'follow-audit': spec },
  };
  files['package.json'] = `${JSON.stringify(manifest, null, 2)}\n`;
  return files;
}

function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 150);
  return s || 'organization';
}
