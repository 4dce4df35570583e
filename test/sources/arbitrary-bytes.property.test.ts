import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditedAccount } from '../../src/config/types.js';
import { SourceError } from '../../src/errors.js';
import { PLATFORMS, type Platform } from '../../src/model.js';
import { readListFile } from '../../src/sources/file.js';
import { parseCsv } from '../../src/util/csv.js';

// Whatever bytes a source file holds, reading it gives a following list or a SourceError (the
// account is then reported incomplete): never another exception, which would end the whole run.

const account = (platform: Platform): AuditedAccount => ({
  name: `sample-${platform}`,
  platform,
  handle: platform === 'mastodon' ? 'sample@social.example.org' : 'sample.example.org',
  id: null,
  source: 'list',
  apiUrl: null,
  allow: [],
  note: null,
  position: { file: 'policy/policy.yaml', line: 1, column: 1 },
});

const encode = (text: string) => new TextEncoder().encode(text);
const csvCell = fc.oneof(
  fc.string(),
  fc.constantFrom('"', '""', '","', '\r\n', '\n', 'https://x.com/sample', '@sample', 'a@b.example'),
);
const csvText = fc
  .tuple(
    fc.subarray(['id', 'handle', 'name', 'url', 'ID', ' Handle ', 'other'], { minLength: 0 }),
    fc.array(fc.array(csvCell, { maxLength: 6 }), { maxLength: 8 }),
    fc.constantFrom(',', '\n', '\r\n', '"'),
  )
  .map(([header, rows, glue]) => [header.join(','), ...rows.map((r) => r.join(glue))].join('\n'));
const jsonish = fc.oneof(
  fc.json(),
  fc
    .record({
      schemaVersion: fc.constantFrom(1, 2, '1'),
      platform: fc.constantFrom(...PLATFORMS, 'myspace'),
      account: fc.string(),
      handle: fc.string(),
      fetchedAt: fc.string(),
      complete: fc.boolean(),
      following: fc.array(fc.record({ id: fc.option(fc.string()), handle: fc.anything() }), { maxLength: 3 }),
    })
    .map((snapshot) => JSON.stringify(snapshot)),
);
const prefixes = ['', '\uFEFF', '{', 'window.YTD.following.part0 = ', 'PK\u0003\u0004', '\u00ff\u00fe'];
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  csvText.map(encode),
  jsonish.map(encode),
  fc
    .tuple(fc.constantFrom(...prefixes), fc.oneof(fc.string(), jsonish, csvText))
    .map(([prefix, rest]) => encode(prefix + rest)),
  fc.tuple(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 200 })).map(([p, rest]) => {
    const head = p === '\u00ff\u00fe' ? Uint8Array.of(0xff, 0xfe) : encode(p);
    return Uint8Array.from([...head, ...rest]);
  }),
);

const expectListOrSourceError = async (read: () => unknown) => {
  try {
    const result = (await read()) as { following: unknown[] };
    expect(Array.isArray(result.following)).toBe(true);
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
  }
};

describe('sources given arbitrary bytes', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'follow-audit-bytes-'));
  });

  it('parseCsv returns rows or raises SourceError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), csvText), async (text) => {
        await expectListOrSourceError(() => ({ following: parseCsv(text) }));
      }),
      { numRuns: 300 },
    );
  });

  it('readListFile returns a list or raises SourceError, for every platform', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(bytes, fc.constantFrom(...PLATFORMS), async (content, platform) => {
        const name = `source-${n++}`;
        await writeFile(join(dir, name), content);
        await expectListOrSourceError(() => readListFile(dir, name, account(platform)));
      }),
      { numRuns: 300 },
    );
  });
});
