export const TOKENS = {
  // Shaped like an X app bearer token: %-encoded as the developer portal shows it.
  X_BEARER_TOKEN: 'AAAAAAAAAAAAAAAAAAAAAFakeXmpl0000%2BxSecretAAAA1111bbbb%2Fzz%3Dq9Fakefakefake',
  MASTODON_TOKEN: 'mastosecret-BBBB2222cccc-9i8u7y6t5r4e',
  YOUTUBE_API_KEY: 'AIzaFakeytsecret-CCCC3333dddd_0o9i8u',
  TWITCH_CLIENT_ID: 'twitchclientDDDD4444eeee0o9i8u',
  TWITCH_TOKEN: 'twitchsecretEEEE5555ffff0o9i8u',
};

/** Every run of 8 characters of any token (as set, or %-decoded) that `text` holds. */
export function tokenRuns(text: string): string[] {
  const found = new Set<string>();
  for (const token of Object.values(TOKENS)) {
    for (const form of new Set([token, decodeURIComponent(token)])) {
      for (let i = 0; i + 8 <= form.length; i++)
        if (text.includes(form.slice(i, i + 8))) found.add(form.slice(i, i + 8));
    }
  }
  return [...found];
}

/** What an echoing server sends back: the credentials in every form they take on the wire. */
export function echoForms(sent: string): string {
  const decoded = decodeURIComponent(sent);
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  return [
    sent,
    decoded,
    encodeURIComponent(decoded),
    b64(sent),
    b64(`${TOKENS.TWITCH_CLIENT_ID}:${TOKENS.TWITCH_TOKEN}`),
    b64(`id:${decodeURIComponent(TOKENS.X_BEARER_TOKEN)}`),
  ].join(' ');
}
