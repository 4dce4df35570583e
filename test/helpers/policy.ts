import { audit } from '../../src/audit.js';
import type { Report } from '../../src/core/report.js';
import { writeTree } from './tree.js';

export interface Scenario {
  /** Extra policy.yaml lines (exceptions, warn_days…); accounts come from `lists`. */
  policy?: string;
  /** Files under allowlists/, by name. */
  allowlists: Record<string, string>;
  /** Per audited account: platform, CSV text, and optional extra YAML for the account. */
  lists: Record<string, { platform: string; csv: string; extra?: string }>;
  asOf?: string;
}

/** Writes a small audit folder and audits it in-process. */
export async function auditScenario(s: Scenario): Promise<Report> {
  const accounts = Object.entries(s.lists)
    .map(
      ([name, l]) =>
        `  - name: ${name}\n    platform: ${l.platform}\n    handle: ${name === 'mastodon' ? 'me@social.example.org' : 'owner'}\n    source: lists/${name}.csv\n${l.extra ?? ''}`,
    )
    .join('');
  const files: Record<string, string> = {
    'policy/policy.yaml': `organization: Test Org\ncontact: comms@example.org\n${s.policy ?? ''}\naccounts:\n${accounts}`,
  };
  for (const [name, text] of Object.entries(s.allowlists)) files[`allowlists/${name}`] = text;
  for (const [name, l] of Object.entries(s.lists)) files[`lists/${name}.csv`] = l.csv;
  const dir = await writeTree(files);
  return audit({ config: dir, asOf: s.asOf ?? '2026-11-21', offline: true });
}
