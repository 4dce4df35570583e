// The benchmark's lower bound: the same audit of a benchmark organization (see generate.ts) done
// the plainest way Node allows. It reads the same YAML with js-yaml and the same CSVs, matches by
// id, then handle, then display name, applies the same date rules and exceptions, and writes the
// findings as JSON. It validates nothing the job does not need and knows only the forms the
// generated organization uses, so follow-audit's time over this script's is its overhead.
// Usage: node dist/bench/lower-bound.js <folder> <YYYY-MM-DD> <out.json>
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

type Ref = { id: string | null; handle: string | null; name: string | null; url: string | null };
type Entry = { name: string; category: string; file: string; line: number; endorsement?: Endorsement };
type Endorsement = { expires: string; retracted?: { date: string } };
type Exception = { account: string; target: string; follows: string; expires: string; line: number };
type State = { entry: Entry; state: string; since: string; end: string };

const [dir, today, out] = process.argv.slice(2) as [string, string, string];
const DAY = 86_400_000;
const addDays = (day: string, n: number) => new Date(Date.parse(day) + n * DAY).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY);
// js-yaml reads an unquoted YYYY-MM-DD as a Date at midnight UTC.
const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
const foldName = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** A written handle or profile URL as the key it is matched by (the audited instance qualifies Mastodon). */
function handleKey(platform: string, raw: string, instance = ''): string {
  let h = raw.trim();
  if (h.startsWith('http')) {
    const path = h.slice(h.indexOf('/', 8) + 1).replace(/\/$/, '');
    if (platform === 'bluesky') h = path.slice('profile/'.length);
    else if (platform === 'mastodon') h = `${path.slice(1)}@${h.slice(8, h.indexOf('/', 8))}`;
    else h = path;
  }
  if (h.startsWith('@')) h = h.slice(1);
  if (platform === 'mastodon' && !h.includes('@')) h = `${h}@${instance}`;
  return h.toLowerCase();
}

const policyText = readFileSync(join(dir, 'policy/policy.yaml'), 'utf8');
const policy = load(policyText) as {
  warn_days: number;
  allow: string[];
  accounts: { name: string; platform: string; handle: string; source: string; allow?: string[] }[];
  exceptions: { account: string; follows: string; expires: string }[];
};
const warnDays = policy.warn_days;
const policyLines = policyText.split('\n');
const exceptionLine = policyLines.findIndex((l) => l.startsWith('exceptions:')) + 2;
const exceptions: Exception[] = policy.exceptions.map((e, i) => ({
  account: e.account,
  follows: e.follows,
  target: handleKey('x', e.follows.slice(2)),
  expires: day(e.expires),
  line: exceptionLine + i,
}));

// Entries, indexed by platform and id or handle key, and by folded display name.
const byId = new Map<string, { entry: Entry; handle: string | null }[]>();
const byHandle = new Map<string, { entry: Entry; id: string | null }[]>();
const byName = new Map<string, Entry[]>();
const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};
for (const file of readdirSync(join(dir, 'allowlists')).sort()) {
  const text = readFileSync(join(dir, 'allowlists', file), 'utf8');
  const doc = load(text) as { category: string; entries: Record<string, unknown>[] };
  const starts: number[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) if (lines[i]!.startsWith('  - ')) starts.push(i + 1);
  doc.entries.forEach((raw, i) => {
    const entry: Entry = {
      name: raw.name as string,
      category: doc.category,
      file: `allowlists/${file}`,
      line: starts[i]!,
    };
    const e = raw.endorsement as { expires: unknown; retracted?: { date: unknown } } | undefined;
    if (e)
      entry.endorsement = {
        expires: day(e.expires),
        ...(e.retracted ? { retracted: { date: day(e.retracted.date) } } : {}),
      };
    for (const [platform, ref] of Object.entries(raw.accounts as Record<string, unknown>)) {
      const obj = typeof ref === 'object' ? (ref as { handle: string; id: string }) : null;
      const handle = handleKey(platform, obj ? obj.handle : String(ref));
      const id = obj?.id ?? null;
      if (id) push(byId, `${platform}:${id}`, { entry, handle });
      push(byHandle, `${platform}:${handle}`, { entry, id });
    }
    push(byName, foldName(entry.name), entry);
  });
}

const states = new Map<Entry, State>();
function stateOf(entry: Entry): State {
  let s = states.get(entry);
  if (s) return s;
  const e = entry.endorsement;
  if (!e) s = { entry, state: 'permanent', since: '', end: '' };
  else if (e.retracted && e.retracted.date <= today)
    s = { entry, state: 'retracted', since: e.retracted.date, end: e.expires };
  else if (e.expires < today) s = { entry, state: 'lapsed', since: addDays(e.expires, 1), end: e.expires };
  else {
    const end = e.expires;
    s = { entry, state: daysBetween(today, end) <= warnDays ? 'expiring' : 'current', since: '', end };
  }
  states.set(entry, s);
  return s;
}

const CLASS: Record<string, string> = {
  'not-allowed': 'violation',
  'category-not-allowed': 'violation',
  'exception-expired': 'violation',
  'endorsement-lapsed': 'lapsed',
  'endorsement-retracted': 'lapsed',
  'endorsement-expiring': 'warning',
  'exception-expiring': 'warning',
  'handle-changed': 'warning',
  'name-only-match': 'warning',
  'exception-unused': 'warning',
};
const label = (t: Ref) =>
  t.handle ? `@${t.handle}` : t.name ? `"${t.name}"` : t.id ? `id ${t.id}` : 'an unknown account';
const days = (n: number) => (n === 0 ? 'today is its last day' : `in ${n} ${n === 1 ? 'day' : 'days'}`);

function message(
  kind: string,
  account: string,
  t: Ref,
  entry: Entry | null,
  ex: Exception | null,
  since: string | null,
  expires: string | null,
) {
  const who = label(t);
  const name = entry?.name ?? who;
  const left = expires ? daysBetween(today, expires) : 0;
  switch (kind) {
    case 'not-allowed':
      return `${account} follows ${who}, who is on no allowlist and has no exception`;
    case 'category-not-allowed':
      return `${who} is listed as ${name} in category "${entry!.category}", which ${account} may not follow`;
    case 'exception-expired':
      return `The exception letting ${account} follow ${who} ended on ${expires}`;
    case 'endorsement-lapsed':
      return `${name}'s endorsement ended on ${expires}`;
    case 'endorsement-retracted':
      return `${name}'s endorsement was retracted on ${since}`;
    case 'endorsement-expiring':
      return `${name}'s endorsement ends on ${expires} (${days(left)})`;
    case 'exception-expiring':
      return `The exception letting ${account} follow ${who} ends on ${expires} (${days(left)})`;
    case 'handle-changed':
      return `${name} is now ${who}: update the handle in ${entry!.file}`;
    case 'name-only-match':
      return `${who} matches ${name} (${entry!.category}) by display name only: confirm it is the same account`;
    default:
      return account === '*'
        ? `None of our accounts follows ${ex!.follows}: remove the exception`
        : `${account} no longer follows ${ex!.follows}: remove the exception`;
  }
}

const findings: Record<string, unknown>[] = [];
function add(
  kind: string,
  account: string,
  platform: string,
  target: Ref,
  entry: Entry | null,
  ex: Exception | null,
  since: string | null,
  expires: string | null,
) {
  findings.push({
    kind,
    class: CLASS[kind],
    account,
    platform,
    target,
    entry: entry && { name: entry.name, category: entry.category, file: entry.file, line: entry.line },
    exception: ex && { follows: ex.follows, expires: ex.expires, file: 'policy/policy.yaml', line: ex.line },
    since,
    expires,
    message: message(kind, account, target, entry, ex, since, expires),
  });
}

// Read every list first: an id named with a handle anywhere names the id-only follows too.
const cell = (s: string | undefined) => (s ? s : null);
const lists = policy.accounts.map((a) => {
  const rows = readFileSync(join(dir, a.source), 'utf8').split('\n').slice(1, -1);
  return {
    account: a,
    follows: rows
      .map((r) => r.split(','))
      .map(([id, handle, name, url]) => ({
        id: cell(id),
        handle: cell(handle),
        name: cell(name),
        url: cell(url),
      })),
  };
});
const names = new Map<string, { handle: string; name: string | null }>();
for (const { account, follows } of lists)
  for (const f of follows)
    if (f.id && f.handle)
      names.set(`${account.platform}:${f.id}`, {
        handle: f.handle,
        name: f.name ?? names.get(`${account.platform}:${f.id}`)?.name ?? null,
      });

const used = new Set<Exception>();
for (const { account, follows } of lists) {
  const { name, platform } = account;
  const allow = new Set(account.allow ?? policy.allow);
  const instance = account.handle.split('@')[1] ?? '';
  for (const follow of follows) {
    const known = follow.id && !follow.handle ? names.get(`${platform}:${follow.id}`) : undefined;
    if (known) {
      follow.handle = known.handle;
      follow.name ??= known.name;
    }
    if (follow.url && !follow.handle) follow.handle = handleKey(platform, follow.url, instance);
    else if (platform === 'mastodon' && follow.handle && !follow.handle.includes('@'))
      follow.handle = `${follow.handle}@${instance}`;
    const key = follow.handle ? handleKey(platform, follow.handle, instance) : null;
    const matches: { entry: Entry; via: 'id' | 'handle'; handle: string | null }[] = [];
    if (follow.id)
      for (const m of byId.get(`${platform}:${follow.id}`) ?? []) matches.push({ ...m, via: 'id' });
    if (key)
      for (const m of byHandle.get(`${platform}:${key}`) ?? [])
        if (!(follow.id && m.id) && !matches.some((x) => x.entry === m.entry))
          matches.push({ entry: m.entry, via: 'handle', handle: key });
    const exs =
      platform === 'x' && key
        ? exceptions.filter((e) => e.target === key && (e.account === name || e.account === '*'))
        : [];
    for (const e of exs) used.add(e);
    const target: Ref = { id: follow.id, handle: follow.handle, name: follow.name, url: follow.url };
    const changed = key ? matches.find((m) => m.via === 'id' && m.handle && m.handle !== key) : undefined;
    if (changed) add('handle-changed', name, platform, target, changed.entry, null, null, null);
    const judged = matches.filter((m) => allow.has(m.entry.category)).map((m) => stateOf(m.entry));
    const good = judged.filter(
      (j) => j.state === 'permanent' || j.state === 'current' || j.state === 'expiring',
    );
    const live = exs.filter((e) => e.expires >= today).sort((a, b) => (a.expires < b.expires ? 1 : -1))[0];
    if (good.length > 0) {
      if (good.every((j) => j.state === 'expiring')) {
        const j = good.reduce((a, b) => (a.end >= b.end ? a : b));
        add('endorsement-expiring', name, platform, target, j.entry, null, addDays(j.end, -warnDays), j.end);
      }
      continue;
    }
    if (live) {
      if (daysBetween(today, live.expires) <= warnDays)
        add(
          'exception-expiring',
          name,
          platform,
          target,
          null,
          live,
          addDays(live.expires, -warnDays),
          live.expires,
        );
      continue;
    }
    const newest = (state: string) =>
      judged.filter((j) => j.state === state).sort((a, b) => (a.since < b.since ? 1 : -1))[0];
    const retracted = newest('retracted');
    const lapsed = newest('lapsed');
    const expired = exs.sort((a, b) => (a.expires < b.expires ? 1 : -1))[0];
    if (retracted)
      add(
        'endorsement-retracted',
        name,
        platform,
        target,
        retracted.entry,
        null,
        retracted.since,
        retracted.end,
      );
    else if (lapsed)
      add('endorsement-lapsed', name, platform, target, lapsed.entry, null, lapsed.since, lapsed.end);
    else if (expired)
      add(
        'exception-expired',
        name,
        platform,
        target,
        null,
        expired,
        addDays(expired.expires, 1),
        expired.expires,
      );
    else if (matches[0])
      add('category-not-allowed', name, platform, target, matches[0].entry, null, null, null);
    else {
      const named =
        !follow.id && !follow.handle && follow.name ? byName.get(foldName(follow.name)) : undefined;
      const entry = named?.find((e) => allow.has(e.category)) ?? named?.[0];
      add(entry ? 'name-only-match' : 'not-allowed', name, platform, target, entry ?? null, null, null, null);
    }
  }
}
for (const e of exceptions) {
  const audited = policy.accounts.filter(
    (a) => a.platform === 'x' && (e.account === '*' || e.account === a.name),
  );
  if (audited.length === 0 || used.has(e)) continue;
  // The target is written without an id: a follow known by id alone may be it, so nobody can tell.
  const unnamed = lists.some(
    ({ account, follows }) => audited.includes(account) && follows.some((f) => f.id && !f.handle),
  );
  if (unnamed) continue;
  const target = { platform: 'x', id: null, handle: e.target, name: null, url: `https://x.com/${e.target}` };
  add('exception-unused', e.account, 'x', target, null, e, null, e.expires);
}

const RANK: Record<string, number> = { violation: 0, lapsed: 1, warning: 2 };
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sortName = (f: Record<string, unknown>) => {
  const t = f.target as Ref;
  return (t.handle ?? t.name ?? t.id ?? '').toLowerCase();
};
const keyed = findings.map((f) => ({ f, n: sortName(f) }));
keyed.sort(
  (a, b) =>
    RANK[a.f.class as string]! - RANK[b.f.class as string]! ||
    cmp(a.f.account as string, b.f.account as string) ||
    cmp(a.n, b.n) ||
    cmp(a.f.kind as string, b.f.kind as string) ||
    cmp(((a.f.target as Ref).id ?? '') as string, ((b.f.target as Ref).id ?? '') as string),
);
writeFileSync(out, `${JSON.stringify({ findings: keyed.map((k) => k.f) }, null, 2)}\n`);
