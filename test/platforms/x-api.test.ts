import { afterEach, describe, expect, it } from 'vitest';
import { fetchXFollowing, lookupX } from '../../src/platforms/x/api.js';
import { cursorCases } from '../helpers/cursor-cases.js';
import { NOW, xContext } from '../helpers/live.js';
import { type EmulatedUser, type Fault, startXServer, type XServer } from '../helpers/x-api.js';

const TOKEN = 'sample-token-123';
const followed: EmulatedUser[] = Array.from({ length: 5 }, (_, i) => ({
  id: `200${i}`,
  username: `SampleFollowed${i}`,
  name: `Sample Followed ${i}`,
}));
const chapter: EmulatedUser = {
  id: '1000',
  username: 'ExampleCityDSA',
  name: 'Example City DSA',
  follows: followed.map((u) => u.id),
};
const soon = () => Math.floor(Date.now() / 1000) + 5;
const later = () => Math.floor(Date.now() / 1000) + 3600;

let server: XServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function fetchWith(faults: (Fault | undefined)[], overrides = {}, users = [chapter, ...followed]) {
  server = await startXServer({ users, token: TOKEN, pageSize: 2, faults });
  const run = xContext(server.url, overrides);
  return { ...run, result: await fetchXFollowing(run.context), server };
}

/** An X context on the tests' fixed clock, for `handle`. */
function clocked(url: string, handle: string) {
  const { context } = xContext(url, { now: () => NOW, maxWaitSeconds: 60 });
  context.account.handle = handle;
  return context;
}

const ids = (r: { list: { following: { id: string | null }[] } }) => r.list.following.map((f) => f.id);

describe('X following list through twitter-api-v2', () => {
  it("without X's count, refuses at --max-cost 0 and otherwise fetches within the budget", async () => {
    const silent = { ...chapter, noCount: true };
    const refused = await fetchWith([], { maxCostUsd: 0 }, [silent, ...followed]);
    expect(refused.result.list).toMatchObject({ complete: false, following: [] });
    expect(refused.result.list.error).toMatch(/cannot be estimated: pass --max-cost/);
    await server?.close();
    const capped = await fetchWith([], { maxCostUsd: 0.03 }, [silent, ...followed]);
    expect(capped.result.list.complete).toBe(false);
    expect(capped.result.list.error).toMatch(/stopped at --max-cost \$0\.03/);
    expect(ids(capped.result)).toEqual(['2000', '2001', '2002']);
    const asked = capped.server.requests.filter((r) => r.path.endsWith('/following'));
    expect(asked.map((r) => r.query.get('max_results'))).toEqual(['3', '1']);
    await server?.close();
    const enough = await fetchWith([], { maxCostUsd: 1 }, [silent, ...followed]);
    expect(enough.result.list.complete).toBe(true);
    expect(ids(enough.result)).toHaveLength(5);
  });

  it('fetches every page, 1000 asked per page, with the token', async () => {
    const { result, server } = await fetchWith([]);
    expect(result.list.complete).toBe(true);
    expect(result.list.error).toBeNull();
    expect(ids(result)).toEqual(['2000', '2001', '2002', '2003', '2004']);
    expect(result.list.following[0]).toMatchObject({ handle: 'SampleFollowed0', name: 'Sample Followed 0' });
    const pages = server.requests.filter((r) => r.path.endsWith('/following'));
    expect(pages).toHaveLength(3);
    expect(pages.every((r) => r.authorized && r.query.get('max_results') === '1000')).toBe(true);
    expect(pages[1]!.query.get('pagination_token')).toBe('next_2_00000000000000');
    expect(server.requests[0]!.path).toBe('/2/users/by/username/examplecitydsa');
  });

  it('uses the configured id instead of looking the handle up', async () => {
    server = await startXServer({ users: [chapter, ...followed], token: TOKEN });
    const { context } = xContext(server.url);
    context.account.id = '1000';
    expect((await fetchXFollowing(context)).list.complete).toBe(true);
    expect(server.requests[0]!.path).toBe('/2/users/1000');
  });

  it('waits out a 429 until x-rate-limit-reset when --max-wait allows', async () => {
    const { result, slept } = await fetchWith([undefined, { status: 429, reset: soon() }], {
      maxWaitSeconds: 60,
    });
    expect(result.list.complete).toBe(true);
    expect(ids(result)).toHaveLength(5);
    expect(slept.length).toBeGreaterThanOrEqual(4);
  });

  it('reports a 429 beyond --max-wait as incomplete, with a resume point', async () => {
    const { result } = await fetchWith([undefined, { status: 429, reset: later() }], { maxWaitSeconds: 60 });
    expect(result.list.complete).toBe(false);
    expect(result.list.error).toMatch(/rate limit.*beyond --max-wait 60 s/);
    expect(ids(result)).toEqual(['2000', '2001']);
    expect(result.resume).toMatchObject({
      platform: 'x',
      accountId: '1000',
      state: { token: 'next_2_00000000000000' },
    });
  });

  it('resumes from the saved point instead of starting over', async () => {
    const first = await fetchWith([undefined, { status: 429, reset: later() }]);
    await server!.close();
    const { result, server: second } = await fetchWith([], { resume: first.result.resume });
    expect(result.list.complete).toBe(true);
    expect(ids(result)).toEqual(['2000', '2001', '2002', '2003', '2004']);
    const pages = second.requests.filter((r) => r.path.endsWith('/following'));
    expect(pages[0]!.query.get('pagination_token')).toBe('next_2_00000000000000');
  });

  it('notes in numbers the suspended accounts X counts but leaves out, and stays complete', async () => {
    const gone: EmulatedUser = { id: '2999', username: 'SampleSuspended', name: 'Sample', suspended: true };
    const counted = { ...chapter, follows: [...chapter.follows!, gone.id] };
    const { result } = await fetchWith([], {}, [counted, ...followed, gone]);
    expect(result.list.complete).toBe(true);
    expect(ids(result)).toHaveLength(5);
    expect(result.list.notes.join(' ')).toContain(
      'X counts 6 follows but listed 5: 1 not shown, which X does for suspended accounts',
    );
  });

  describe('with a saved cursor', () => {
    const laborCircle: EmulatedUser = { ...chapter, id: '1001', username: 'ExampleLaborCircle' };
    cursorCases({
      platform: 'x',
      fetch: (context) => fetchXFollowing(context),
      setup: async (handle = 'examplecitydsa') => {
        await server?.close();
        server = await startXServer({
          users: [chapter, laborCircle, ...followed],
          token: TOKEN,
          pageSize: 2,
        });
        return clocked(server.url, handle);
      },
      stoppedRun: async (handle) => {
        const served = await startXServer({
          users: [chapter, laborCircle, ...followed],
          token: TOKEN,
          pageSize: 2,
          faults: [undefined, { status: 429, reset: later() }],
        });
        const { list, resume } = await fetchXFollowing(clocked(served.url, handle));
        await served.close();
        expect(list.complete).toBe(false);
        return JSON.parse(JSON.stringify(resume));
      },
      pages: () =>
        server!.requests
          .filter((r) => r.path.endsWith('/following'))
          .map((r) => r.query.get('pagination_token')),
      owner: { handle: 'examplecitydsa', id: '1000', following: followed.map((u) => u.id) },
      other: { handle: 'examplelaborcircle', id: '1001' },
    });
  });

  it('never calls a list complete when the rate-limit budget runs out silently', async () => {
    const { result } = await fetchWith([{ remaining: 0, reset: later() }]);
    expect(result.list.complete).toBe(false);
    expect(result.list.error).toMatch(/rate limit is used up/);
    expect(ids(result)).toEqual(['2000', '2001']);
  });

  it('retries a 5xx and succeeds', async () => {
    const { result, slept } = await fetchWith([undefined, { status: 503 }, { status: 500 }]);
    expect(result.list.complete).toBe(true);
    expect(ids(result)).toHaveLength(5);
    expect(slept).toHaveLength(2);
  });

  it('retries a dropped connection', async () => {
    const { result } = await fetchWith(['drop']);
    expect(result.list.complete).toBe(true);
  });

  it('gives up on a persistent 5xx, bounded', async () => {
    const { result, server } = await fetchWith([undefined, ...Array(10).fill({ status: 502 })]);
    expect(result.list.complete).toBe(false);
    expect(result.list.error).toMatch(/HTTP 502.*tried 4 times/);
    expect(server.requests.filter((r) => r.path.endsWith('/following'))).toHaveLength(5);
  });

  it('reports a malformed body as such', async () => {
    const { result } = await fetchWith(['malformed']);
    expect(result.list.complete).toBe(false);
    expect(result.list.error).toMatch(/malformed/);
  });

  it('reports a protected account (an errors-only 200) as incomplete, not empty', async () => {
    const { result } = await fetchWith([], {}, [{ ...chapter, protected: true }, ...followed]);
    expect(result.list.complete).toBe(false);
    expect(result.list.error).toMatch(/refused the list \(is the account protected\?\).*not authorized/);
  });

  it('refuses to spend more than --max-cost in a non-interactive run', async () => {
    server = await startXServer({ users: [chapter, ...followed], token: TOKEN });
    const { context } = xContext(server.url, { maxCostUsd: 0 });
    const { list } = await fetchXFollowing(context);
    expect(list.complete).toBe(false);
    expect(list.error).toMatch(/about \$0\.05.*pass --max-cost 0\.05/);
    expect(server.requests.some((r) => r.path.endsWith('/following'))).toBe(false);
  });

  it('asks at a terminal instead of refusing', async () => {
    server = await startXServer({ users: [chapter, ...followed], token: TOKEN });
    const asked: string[] = [];
    const confirm = async (q: string) => {
      asked.push(q);
      return true;
    };
    const { context } = xContext(server.url, { maxCostUsd: 0, interactive: true, confirm });
    expect((await fetchXFollowing(context)).list.complete).toBe(true);
    expect(asked[0]).toMatch(/follows 5; fetching them: 5 accounts at \$0\.01 each/);
  });

  it('says what to do when the token is missing', async () => {
    const { context } = xContext('http://127.0.0.1:9', { env: {} });
    const { list } = await fetchXFollowing(context);
    expect(list.complete).toBe(false);
    expect(list.error).toMatch(/^X_BEARER_TOKEN is not set: create an app bearer token/);
  });

  it('keeps the token out of a rejected-token message', async () => {
    server = await startXServer({ users: [chapter], token: 'another-token' });
    const { context } = xContext(server.url);
    const { list } = await fetchXFollowing(context);
    expect(list.error).toMatch(/HTTP 401.*X_BEARER_TOKEN/);
    expect(JSON.stringify(list)).not.toContain(TOKEN);
  });

  it('looks up ids for handles and handles for ids, leaving unknown accounts out', async () => {
    server = await startXServer({ users: [chapter, ...followed], token: TOKEN });
    const { context } = xContext(server.url);
    const found = await lookupX(
      [
        { id: null, handle: 'samplefollowed1' },
        { id: '2003', handle: null },
        { id: null, handle: 'nosuchsample' },
      ],
      context,
    );
    expect(found).toEqual([
      { id: '2003', handle: 'SampleFollowed3' },
      { id: '2001', handle: 'SampleFollowed1' },
    ]);
  });
});
