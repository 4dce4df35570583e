import { describe, expect, it } from 'vitest';
import { envRedactor, redactDeep, redactor } from '../../src/net/redact.js';

// Shaped like an X app bearer token as the developer portal shows it: %-encoded, long.
const BEARER = 'AAAAAAAAAAAAAAAAAAAAAExampleAAAAAA0%2BqXmplTokn%2BfakeVa4JtQ%3DNotARealToken9f8e7d6c5b4a';
const CLIENT = 'exampleclientid0123456789';
const r = redactor([BEARER, CLIENT]);

/** Every run of 8 characters of `secret` that `text` still holds. */
function runsOf(secret: string, text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i + 8 <= secret.length; i++) {
    const run = secret.slice(i, i + 8);
    if (text.includes(run)) found.push(run);
  }
  return found;
}

const leftovers = (text: string) => {
  const decoded = decodeURIComponent(BEARER);
  return [BEARER, decoded, CLIENT].flatMap((s) => runsOf(s, text));
};

describe('redaction', () => {
  const decoded = decodeURIComponent(BEARER);
  const cases: Record<string, string> = {
    raw: `token ${BEARER} rejected`,
    'decoded by the server': `token ${decoded} rejected`,
    're-encoded in lower case': encodeURIComponent(decoded).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
    'form-decoded (+ as space)': decoded.replace(/\+/g, ' '),
    'in a Bearer header': `Authorization: Bearer ${BEARER}`,
    'JSON-escaped': JSON.stringify({ echo: decoded }),
    'a fragment cut at 40': `starting ${JSON.stringify(`{"auth":"Bearer ${BEARER}`.slice(0, 40))}`,
    'a fragment at the end of a cut': `…${decoded.slice(-12)}`,
    'Basic of id:secret': `Basic ${Buffer.from(`${CLIENT}:${BEARER}`).toString('base64')}`,
    'Basic of id:decoded, cut': Buffer.from(`${CLIENT}:${decoded}`).toString('base64').slice(5, 60),
    'base64url at another alignment': Buffer.from(`ab${decoded}`).toString('base64url'),
    'a query parameter': `https://api.example.org/x?key=${encodeURIComponent(BEARER)}&a=1`,
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`hides ${name}`, () => {
      const shown = r(text);
      expect(shown).toContain('[redacted]');
      expect(leftovers(shown)).toEqual([]);
      for (const form of [BEARER, decoded]) {
        const b64 = Buffer.from(`${CLIENT}:${form}`).toString('base64');
        expect(runsOf(b64, shown)).toEqual([]);
      }
    });
  }

  it('leaves other text alone and keeps what surrounds a secret', () => {
    expect(r('X answered 401 Unauthorized at https://api.x.com/2/users/by')).toBe(
      'X answered 401 Unauthorized at https://api.x.com/2/users/by',
    );
    expect(r(`before ${BEARER} after`)).toBe('before [redacted] after');
    expect(r(`${CLIENT.slice(0, 7)} is too short a piece to be a run`)).toContain(CLIENT.slice(0, 7));
  });

  it('takes the credentials from the environment and redacts object trees', () => {
    const redact = envRedactor({ TWITCH_TOKEN: 'twitchsecret-EEEE5555ffff', LANG: 'C.UTF-8' });
    const tree = { error: 'bad twitchsecret-EEEE5555ffff', notes: ['ok', 'EEEE5555ffff!'], n: 3 };
    expect(redactDeep(tree, redact)).toEqual({ error: 'bad [redacted]', notes: ['ok', '[redacted]!'], n: 3 });
    const untouched = { a: ['x'], b: null };
    expect(redactDeep(untouched, redact)).toBe(untouched);
  });
});
