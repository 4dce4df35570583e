import { writeTree } from './tree.js';
import type { EmulatedUser } from './x-api.js';

export const X_TOKEN = 'sample-token-9f8e7d6c5b4a';

/** Accounts on the emulated X: the chapter follows a sister chapter, a candidate and a stranger. */
export const X_USERS: EmulatedUser[] = [
  { id: '1000', username: 'ExampleCityDSA', name: 'Example City DSA', follows: ['1001', '1002', '1003'] },
  { id: '1001', username: 'ExampleLakesideDSA', name: 'Example Lakeside DSA' },
  { id: '1002', username: 'SampleCandidate', name: 'Sample Candidate' },
  { id: '1003', username: 'SampleStranger', name: 'Sample Stranger' },
];

export const DSA_YAML = `# Chapters of the organization
category: dsa
entries:
  - name: Lakeside DSA   # sister chapter
    accounts:
      x: ExampleLakesideDSA   # id to be resolved
    decided: 2025-01-12
`;

export const ENDORSED_YAML = `category: endorsed
entries:
  - name: Sample Candidate
    accounts:
      x: { handle: SampleCandidate, id: "1002" }
    endorsement: { expires: 2026-11-03 }
`;

/** An audit folder with one X account fetched through api_url. */
export function xAuditFolder(apiUrl: string, extra: Record<string, string> = {}): Promise<string> {
  return writeTree({
    'policy/policy.yaml': `organization: Example City DSA
accounts:
  - name: chapter-x
    platform: x
    handle: ExampleCityDSA
    source: api
    api_url: ${apiUrl}
`,
    'allowlists/dsa.yaml': DSA_YAML,
    'allowlists/endorsed.yaml': ENDORSED_YAML,
    ...extra,
  });
}
