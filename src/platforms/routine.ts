// The monthly routine's facts per platform, as a volunteer needs them: where the download is
// requested and in which format, which API and token variables a live fetch uses, and how to
// unfollow. `plan` and the runbook both read them. Menu paths are those of late 2025 and 2026.
import type { Platform } from '../model.js';

export interface Routine {
  /** Where the data download is requested, menu by menu; null where the platform offers none we read. */
  download: { where: string; format: string; arrives: string } | null;
  /** The live API, and the environment variables it reads (names only). */
  api: { name: string; tokens: { name: string; optional?: boolean; what: string }[] } | null;
  /** How a follow is ended on the platform. */
  unfollow: string;
}

export const ROUTINES = {
  x: {
    download: {
      where:
        'x.com › More › Settings and privacy › Your account › Download an archive of your data (confirm the password)',
      format: 'the archive ZIP as sent (twitter-<date>-….zip)',
      arrives: 'X sends a notice when it is ready, usually within a day',
    },
    api: {
      name: 'X API v2 (paid per account returned: the cost is shown first)',
      tokens: [{ name: 'X_BEARER_TOKEN', what: 'an app bearer token from the X developer portal' }],
    },
    unfollow: 'open the profile while logged in as the account, click "Following" and confirm "Unfollow"',
  },
  bluesky: {
    download: {
      where: 'Bluesky › Settings › Account › Export my data › Download CAR file',
      format: 'repo.car',
      arrives: 'saved at once',
    },
    api: { name: 'the public Bluesky API', tokens: [] },
    unfollow: 'open the profile while logged in as the account and press "Following" to unfollow',
  },
  mastodon: {
    download: {
      where: 'the instance’s web interface › Preferences › Import and export › Data export › Follows',
      format: 'CSV (following_accounts.csv)',
      arrives: 'saved at once',
    },
    api: {
      name: "the instance's Mastodon API",
      tokens: [
        { name: 'MASTODON_TOKEN', optional: true, what: 'needed only when the account hides its network' },
      ],
    },
    unfollow: 'open the profile on your instance while logged in as the account and press "Unfollow"',
  },
  instagram: {
    download: {
      where:
        'Instagram app › your profile › menu › Accounts Center › Your information and permissions › Download your information › Download or transfer information › the account › Some of your information › Followers and following › Download to device',
      format: 'JSON (not HTML), date range All time',
      arrives: 'Meta e-mails when the ZIP is ready, usually within a day',
    },
    api: null,
    unfollow:
      'open the profile in the app while logged in as the account, tap "Following" and then "Unfollow"',
  },
  facebook: {
    download: {
      where:
        'Facebook › Settings & privacy › Settings › Accounts Center › Your information and permissions › Download your information › the profile › Some of your information › Connections',
      format: 'JSON (not HTML)',
      arrives: 'Meta e-mails when the ZIP is ready',
    },
    api: null,
    unfollow:
      'open the Page or profile while acting as the account, open the "Following" menu and choose "Unfollow"',
  },
  youtube: {
    download: {
      where:
        'takeout.google.com › Deselect all › YouTube and YouTube Music › All YouTube data included: only subscriptions › Next step › Create export',
      format: 'the Takeout ZIP (subscriptions.csv inside)',
      arrives: 'Google e-mails when the export is ready',
    },
    api: {
      name: 'YouTube Data API v3 (the channel’s subscriptions must be public)',
      tokens: [{ name: 'YOUTUBE_API_KEY', what: 'an API key from the Google Cloud console' }],
    },
    unfollow: 'open the channel while signed in as the account and press "Subscribed" › "Unsubscribe"',
  },
  tiktok: {
    download: {
      where:
        'TikTok app › Profile › menu › Settings and privacy › Account › Download your data › Request data',
      format: 'JSON',
      arrives: 'ready in the "Download data" tab after a few days',
    },
    api: null,
    unfollow: 'open the profile in the app while logged in as the account and tap "Following" to unfollow',
  },
  twitch: {
    download: null,
    api: {
      name: 'Twitch Helix API',
      tokens: [
        { name: 'TWITCH_CLIENT_ID', what: 'the client id of a Twitch application' },
        { name: 'TWITCH_TOKEN', what: 'a user token of the account with scope user:read:follows' },
      ],
    },
    unfollow: 'open the channel while logged in as the account and press the heart ("Unfollow")',
  },
  threads: {
    download: {
      where:
        'Instagram or Threads app › Accounts Center › Your information and permissions › Download your information › Some of your information › Threads',
      format: 'JSON (not HTML)',
      arrives: 'Meta e-mails when the ZIP is ready',
    },
    api: null,
    unfollow:
      'open the profile in Threads while logged in as the account, tap "Following" and then "Unfollow"',
  },
} satisfies Record<Platform, Routine>;
