import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { writeTree } from './tree.js';

/** The SHA-256 of a text's UTF-8 bytes, as sha256sum prints it. */
export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The pinned copy of a shared list, where the tool keeps it. */
export const pinnedCopy = (text: string) => ({ [`.follow-audit/shared/${sha256(text)}.yaml`]: text });

/** A fictional national endorsements list: Sam's endorsement was retracted, Maria's holds. */
export const NATIONAL = `category: endorsed
description: Candidates endorsed by national DSA
entries:
  - name: Sam Sample
    accounts:
      x: SamSampleForSenate
    endorsement:
      level: national
      office: State Senate District 9
      endorsed: 2025-11-20
      expires: 2026-11-03
      retracted: { date: 2026-08-15, reason: Voted against the tenant protection ordinance }
  - name: Maria Fictional
    accounts:
      x: MariaFictional
    endorsement:
      level: national
      office: Mayor
      endorsed: 2026-02-14
      expires: 2028-11-07
    decided: 2026-02-14
    decision: National Political Committee vote
`;

/** A policy with one X account audited from lists/chapter-x.csv. */
export const POLICY = `organization: Test Org
contact: comms@example.org
accounts:
  - name: chapter-x
    platform: x
    handle: TestOrg
    source: lists/chapter-x.csv
    as_of: 2026-11-20
`;

/** An including file, as a chapter writes it. */
export const includeOf = (source: string, text: string, more = '') =>
  `# National endorsements, kept by the national organization\ninclude: ${source}\nsha256: ${sha256(text)} # the pinned content\n${more}`;

/** Chapter folders with POLICY, each removed by `removeAll` (call it in afterEach). */
export function chapterFolders(follows: string[]) {
  const dirs: string[] = [];
  return {
    async make(files: Record<string, string>): Promise<string> {
      const dir = await writeTree({
        'policy/policy.yaml': POLICY,
        'lists/chapter-x.csv': `handle\n${follows.join('\n')}\n`,
        ...files,
      });
      dirs.push(dir);
      return dir;
    },
    removeAll: () => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))),
  };
}
