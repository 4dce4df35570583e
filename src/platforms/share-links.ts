// Links the apps' "Share" buttons copy. Some carry the account (x.com/name/status/1?s=20,
// instagram.com/name/?igsh=…) and read like any profile link; others are short redirects that
// only the platform can expand (vm.tiktok.com/ZM…, facebook.com/share/…): no page can tell whose
// account those are without the network, so they get a message that says what to do instead.
import type { Platform } from '../model.js';
import { splitUrl, withoutTracking } from './urls.js';

type Parts = NonNullable<ReturnType<typeof splitUrl>>;

const SHORT_LINKS: { platform: Platform; label: string; is(parts: Parts): boolean; profile: string }[] = [
  {
    platform: 'tiktok',
    label: 'TikTok',
    is: (p) =>
      ['vm.tiktok.com', 'vt.tiktok.com'].includes(p.host) ||
      (p.host === 'tiktok.com' && p.segments[0] === 't'),
    profile: 'https://www.tiktok.com/@theirname',
  },
  {
    platform: 'facebook',
    label: 'Facebook',
    is: (p) =>
      p.host === 'fb.me' || (p.host === 'facebook.com' && ['share', 'sharer'].includes(p.segments[0] ?? '')),
    profile: 'https://www.facebook.com/theirname',
  },
  {
    platform: 'instagram',
    label: 'Instagram',
    is: (p) => p.host === 'instagram.com' && p.segments[0] === 'share',
    profile: 'https://www.instagram.com/theirname/',
  },
  { platform: 'x', label: 'X', is: (p) => p.host === 't.co', profile: 'https://x.com/theirname' },
  {
    platform: 'youtube',
    label: 'YouTube',
    is: (p) => p.host === 'youtu.be',
    profile: 'https://www.youtube.com/@theirname',
  },
];

/** The platform of a short share link, and what to paste instead; null for any other text. */
export function shortShareLink(text: string): { platform: Platform; message: string } | null {
  const parts = splitUrl(text.trim());
  const link = parts && SHORT_LINKS.find((s) => s.is(parts));
  if (!link) return null;
  return {
    platform: link.platform,
    message: `${withoutTracking(text)} is a ${link.label} share link, which does not say whose account it is: open it, tap the account's name, and paste the link of that profile (like ${link.profile}), or type ${link.platform}:theirname`,
  };
}
