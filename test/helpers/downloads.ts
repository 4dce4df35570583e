// Whole downloads as the platforms hand them out, with private data in them (a MARKER string in
// messages and posts), so tests can check that nothing but the following list is kept.
import { repoCar } from './car.js';
import { zip } from './exports.js';

export const MARKER = 'PRIVATE-MARKER-7f3c9';

/**
 * An X archive ("Download an archive of your data"): data/manifest.js (window.__THAR_CONFIG with
 * userInfo, archiveInfo.generationDate and dataTypes), data/account.js (username, accountId and the
 * e-mail address), data/following.js, and direct messages and tweets. Layout per the archive's own
 * data/README.txt and the manifest types of the npm package twitter-archive-reader.
 */
export function xArchive(o: { username: string; accountId: string; following: string[]; generated: string }) {
  const ytd = (name: string, rows: unknown) => `window.YTD.${name}.part0 = ${JSON.stringify(rows, null, 2)}`;
  return zip(
    {
      'Your archive.html': '<!DOCTYPE html><html><body>Your archive</body></html>',
      'data/manifest.js': `window.__THAR_CONFIG = ${JSON.stringify({
        userInfo: { accountId: o.accountId, userName: o.username, displayName: 'Example' },
        archiveInfo: { sizeBytes: '4821', generationDate: o.generated, isPartialArchive: false },
        dataTypes: {
          account: { files: [{ fileName: 'data/account.js', globalName: 'YTD.account.part0', count: '1' }] },
          following: {
            files: [
              {
                fileName: 'data/following.js',
                globalName: 'YTD.following.part0',
                count: `${o.following.length}`,
              },
            ],
          },
        },
      })}`,
      'data/account.js': ytd('account', [
        { account: { email: `${MARKER}@example.org`, username: o.username, accountId: o.accountId } },
      ]),
      'data/following.js': ytd(
        'following',
        o.following.map((id) => ({
          following: { accountId: id, userLink: `https://twitter.com/intent/user?user_id=${id}` },
        })),
      ),
      'data/direct-messages.js': ytd('direct_messages', [
        { dmConversation: { messages: [{ messageCreate: { text: `${MARKER} a direct message` } }] } },
      ]),
      'data/tweets.js': ytd('tweets', [{ tweet: { id_str: '1', full_text: `${MARKER} a post` } }]),
    },
    new Date(o.generated),
  );
}

/**
 * An Instagram "Download your information" ZIP (JSON): following.json in the newer layout (handle in
 * `title`, a /_u/ link), personal_information.json with the username, and a message thread. Paths
 * per github.com/Androz2091/instaddict/issues/6 and public readers of the download.
 */
export function instagramZip(o: { username: string; following: string[]; made: Date }) {
  return zip(
    {
      'connections/followers_and_following/following.json': JSON.stringify({
        relationships_following: o.following.map((h, i) => ({
          title: h,
          string_list_data: [{ href: `https://www.instagram.com/_u/${h}`, timestamp: 1750000000 + i }],
        })),
      }),
      'personal_information/personal_information/personal_information.json': JSON.stringify({
        profile_user: [
          {
            string_map_data: {
              Username: { href: '', value: o.username, timestamp: 0 },
              Email: { href: '', value: `${MARKER}@example.org`, timestamp: 0 },
            },
          },
        ],
      }),
      'your_instagram_activity/messages/inbox/someone_123/message_1.json': JSON.stringify({
        messages: [{ sender_name: 'Someone', content: `${MARKER} a direct message` }],
      }),
    },
    o.made,
  );
}

/**
 * TikTok's user_data_tiktok.json as a full download lists its sections (alphabetically, the
 * following list far in; beyzaacesur/tiktok-chronotypes-analysis), with the owner under
 * Profile › Profile Information › ProfileMap (drkblog/tiktok-userdata).
 */
export function tiktokJson(o: { username: string | null; following: string[] }) {
  return JSON.stringify({
    'Direct Message': {
      'Direct Messages': { ChatHistory: { 'Chat History with someone:': [{ Content: `${MARKER} a DM` }] } },
    },
    Post: { Posts: { VideoList: [{ Title: `${MARKER} a post` }] } },
    ...(o.username ? { Profile: { 'Profile Information': { ProfileMap: { userName: o.username } } } } : {}),
    'Your Activity': {
      Following: {
        Following: o.following.map((u) => ({ Date: '2025-03-01 10:22:33', UserName: u })),
      },
    },
  });
}

/** A Bluesky repo.car (owner did:plc:examplecitydsa000000) with follows and a post. */
export function blueskyCar(following: string[]) {
  const records: Record<string, object> = {
    'app.bsky.feed.post/3lexamplepost1': {
      $type: 'app.bsky.feed.post',
      text: `${MARKER} a post`,
      createdAt: '2025-01-01T00:00:00Z',
    },
  };
  following.forEach((did, i) => {
    records[`app.bsky.graph.follow/3lexample${String(i).padStart(4, '0')}`] = {
      $type: 'app.bsky.graph.follow',
      subject: did,
      createdAt: '2025-01-02T03:04:05.000Z',
    };
  });
  return repoCar(records);
}

export const BLUESKY_OWNER = 'did:plc:examplecitydsa000000';
