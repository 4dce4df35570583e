// A small audit folder with one X account per finding kind a single follow can have, and one
// allowlist entry on every platform, for `check` and the members' page.
import { writeTree } from './tree.js';

export const MEMBERS_AS_OF = '2026-11-21';

export const MEMBERS_TREE: Record<string, string> = {
  'policy/policy.yaml': `organization: Sample Org
contact: reports@example.org
timezone: UTC
warn_days: 30
allow: [dsa, endorsed]
accounts:
  - name: chapter-x
    platform: x
    handle: SampleChapter
    source: lists/chapter-x.csv
  - name: circle-x
    platform: x
    handle: SampleCircle
    source: lists/circle-x.csv
    allow: [dsa, endorsed, labor]
exceptions:
  - account: "*"
    follows: x:id:900
    reason: Sample press inquiry
    approved_by: Sample Committee
    decided: 2026-01-01
    expires: 2026-10-01
  - account: "*"
    follows: x:id:901
    reason: Sample results count
    approved_by: Sample Committee
    expires: 2026-12-01
  - account: chapter-x
    follows: x:id:902
    reason: Sample direct messages
    approved_by: Sample Committee
    expires: 2027-06-01
`,
  'allowlists/dsa.yaml': `category: dsa
description: Sample chapters
entries:
  - name: Sample Branch
    accounts:
      x: { handle: SampleBranch, id: "100" }
      bluesky: { handle: branch.example.org, id: "did:plc:samplebranch" }
      mastodon: samplebranch@social.example.org
      instagram: samplebranch
      facebook: { handle: samplebranch, id: "1000100" }
      youtube: { handle: samplebranch, id: UCsamplebranch0000000000 }
      tiktok: samplebranch
      twitch: samplebranch
      threads: samplebranch
    decided: 2025-01-10
    decision: Sample general meeting vote, minutes at https://example.org/minutes/sample.
  - name: Renamed Sample
    accounts:
      x: { handle: OldSampleName, id: "203" }
`,
  'allowlists/endorsed.yaml': `category: endorsed
description: Sample endorsements
entries:
  - name: Lapsed Sample
    accounts: { x: { handle: LapsedSample, id: "200" } }
    endorsement: { level: local, endorsed: 2024-03-02, expires: 2026-11-03 }
  - name: Retracted Sample
    accounts: { x: { handle: RetractedSample, id: "201" } }
    endorsement:
      endorsed: 2025-11-20
      expires: 2027-11-03
      retracted: { date: 2026-08-15, reason: Sample vote against tenants }
  - name: Expiring Sample
    accounts: { x: { handle: ExpiringSample, id: "202" } }
    endorsement: { endorsed: 2026-09-12, expires: 2026-12-08 }
`,
  'allowlists/labor.yaml': `category: labor
description: Sample unions
entries:
  - name: Labor Sample
    accounts: { x: { handle: LaborSample, id: "300" } }
`,
  'lists/chapter-x.csv': `id,handle,name
100,SampleBranch,Sample Branch
200,LapsedSample,Lapsed Sample
201,RetractedSample,Retracted Sample
202,ExpiringSample,Expiring Sample
203,NewSampleName,Renamed Sample
300,LaborSample,Labor Sample
900,SampleExpired,Sample Expired
901,SampleExpiring,Sample Expiring
902,SampleOnlyChapter,Sample Only Chapter
999,SampleStranger,Sample Stranger
`,
  'lists/circle-x.csv': `id,handle,name
300,LaborSample,Labor Sample
`,
};

export const membersTree = (extra: Record<string, string> = {}) => writeTree({ ...MEMBERS_TREE, ...extra });
