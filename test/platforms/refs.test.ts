import { describe, expect, it } from 'vitest';
import { adapters, parsePlatformRef } from '../../src/platforms/registry.js';

// [platform, what a volunteer writes, expected { id, handle }]
const forms: [keyof typeof adapters, string, { id: string | null; handle: string | null }][] = [
  ['x', 'ExampleCity', { id: null, handle: 'examplecity' }],
  ['x', '@ExampleCity', { id: null, handle: 'examplecity' }],
  ['x', 'https://x.com/ExampleCity', { id: null, handle: 'examplecity' }],
  ['x', 'https://twitter.com/ExampleCity/', { id: null, handle: 'examplecity' }],
  ['x', 'https://mobile.twitter.com/ExampleCity/status/123', { id: null, handle: 'examplecity' }],
  ['x', 'x.com/ExampleCity', { id: null, handle: 'examplecity' }],
  ['x', 'https://www.x.com/ExampleCity?s=20', { id: null, handle: 'examplecity' }],
  ['x', 'https://twitter.com/intent/user?user_id=12345', { id: '12345', handle: null }],
  ['x', 'https://x.com/intent/user?screen_name=ExampleCity', { id: null, handle: 'examplecity' }],
  ['bluesky', 'example.bsky.social', { id: null, handle: 'example.bsky.social' }],
  ['bluesky', '@Example.Example.org', { id: null, handle: 'example.example.org' }],
  ['bluesky', 'https://bsky.app/profile/example.example.org', { id: null, handle: 'example.example.org' }],
  ['bluesky', 'https://bsky.app/profile/did:plc:abc234', { id: 'did:plc:abc234', handle: null }],
  ['bluesky', 'did:plc:abc234', { id: 'did:plc:abc234', handle: null }],
  ['bluesky', 'at://did:plc:abc234', { id: 'did:plc:abc234', handle: null }],
  ['mastodon', '@Someone@Social.Example.org', { id: null, handle: 'someone@social.example.org' }],
  ['mastodon', 'someone@social.example.org', { id: null, handle: 'someone@social.example.org' }],
  ['mastodon', 'https://social.example.org/@someone', { id: null, handle: 'someone@social.example.org' }],
  [
    'mastodon',
    'https://home.example.org/@someone@social.example.org',
    { id: null, handle: 'someone@social.example.org' },
  ],
  [
    'mastodon',
    'https://social.example.org/users/someone',
    { id: null, handle: 'someone@social.example.org' },
  ],
  ['instagram', 'Example.Union', { id: null, handle: 'example.union' }],
  ['instagram', 'https://www.instagram.com/example.union/', { id: null, handle: 'example.union' }],
  ['instagram', 'https://instagram.com/_u/example.union', { id: null, handle: 'example.union' }],
  ['instagram', 'instagram.com/example.union?igsh=abc', { id: null, handle: 'example.union' }],
  ['threads', 'https://www.threads.net/@example.union', { id: null, handle: 'example.union' }],
  ['threads', 'https://www.threads.com/@Example.Union', { id: null, handle: 'example.union' }],
  ['facebook', 'https://www.facebook.com/ExampleUnion', { id: null, handle: 'exampleunion' }],
  ['facebook', 'https://m.facebook.com/profile.php?id=100000001', { id: '100000001', handle: null }],
  ['facebook', 'https://www.facebook.com/people/Example-Union/100000001/', { id: '100000001', handle: null }],
  ['youtube', '@ExampleUnion', { id: null, handle: 'exampleunion' }],
  ['youtube', 'https://www.youtube.com/@ExampleUnion', { id: null, handle: 'exampleunion' }],
  [
    'youtube',
    'https://youtube.com/channel/UCabcdefghijklmnopqrstuv',
    { id: 'UCabcdefghijklmnopqrstuv', handle: null },
  ],
  ['youtube', 'UCabcdefghijklmnopqrstuv', { id: 'UCabcdefghijklmnopqrstuv', handle: null }],
  ['tiktok', 'https://www.tiktok.com/@example.union', { id: null, handle: 'example.union' }],
  ['tiktok', '@Example_Union', { id: null, handle: 'example_union' }],
  ['twitch', 'https://www.twitch.tv/ExampleUnion', { id: null, handle: 'exampleunion' }],
  ['twitch', 'exampleunion', { id: null, handle: 'exampleunion' }],
];

describe('what a volunteer writes', () => {
  for (const [platform, text, expected] of forms) {
    it(`${platform}: ${text}`, () => {
      expect(adapters[platform].parse(text)).toEqual(expected);
    });
  }

  it('is idempotent: a normalized handle reads back as itself', () => {
    for (const [platform, text] of forms) {
      const first = adapters[platform].parse(text);
      if (typeof first === 'string' || !first.handle) continue;
      expect(adapters[platform].parse(first.handle)).toEqual({ id: null, handle: first.handle });
    }
  });

  it('explains what it cannot read', () => {
    expect(adapters.x.parse('https://bsky.app/profile/someone')).toMatch(/is not an X profile link/);
    expect(adapters.x.parse('two words')).toMatch(/is not an X handle: write it like/);
    expect(adapters.mastodon.parse('someone')).toMatch(/is not a Mastodon handle/);
    expect(adapters.instagram.parse('https://www.instagram.com/p/abc123/')).toMatch(
      /is not a link to an Instagram account/,
    );
  });
});

describe('platform:handle references', () => {
  it('reads platform:handle, platform:id:<id>, aliases and profile URLs of any platform', () => {
    expect(parsePlatformRef('x:SomeReporter')).toEqual({ platform: 'x', id: null, handle: 'somereporter' });
    expect(parsePlatformRef('twitter:@SomeReporter')).toEqual({
      platform: 'x',
      id: null,
      handle: 'somereporter',
    });
    expect(parsePlatformRef('x:id:42')).toEqual({ platform: 'x', id: '42', handle: null });
    expect(parsePlatformRef('mastodon:@a@social.example.org')).toEqual({
      platform: 'mastodon',
      id: null,
      handle: 'a@social.example.org',
    });
    expect(parsePlatformRef('https://bsky.app/profile/a.example.org')).toEqual({
      platform: 'bluesky',
      id: null,
      handle: 'a.example.org',
    });
    expect(parsePlatformRef('https://social.example.org/@a')).toEqual({
      platform: 'mastodon',
      id: null,
      handle: 'a@social.example.org',
    });
  });

  it('explains a reference without a platform', () => {
    expect(parsePlatformRef('SomeReporter')).toMatch(/does not name a platform: write platform:handle/);
    expect(parsePlatformRef('myspace:someone')).toMatch(/does not name a platform/);
    expect(parsePlatformRef('https://example.org/about')).toMatch(/cannot tell which platform/);
  });
});

describe('handles a source writes relative to the audited account', () => {
  it("are on the audited account's instance on Mastodon, and kept as written elsewhere", () => {
    const own = 'chapter@social.example.org';
    expect(adapters.mastodon.qualifyHandle('someone', own)).toBe('someone@social.example.org');
    expect(adapters.mastodon.qualifyHandle('someone@other.example.net', own)).toBe(
      'someone@other.example.net',
    );
    expect(adapters.x.qualifyHandle('someone', 'examplecity')).toBe('someone');
    expect(adapters.bluesky.qualifyHandle('someone.example.org', 'chapter.example.org')).toBe(
      'someone.example.org',
    );
  });
});
