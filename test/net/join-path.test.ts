import { describe, expect, it } from 'vitest';
import { apiUrl, joinPath } from '../../src/net/http.js';

describe('api_url joins the API path once', () => {
  it.each([
    ['', '/2/users/1/following', '/2/users/1/following'],
    ['/', '/helix/users', '/helix/users'],
    ['/2', '/2/users/1/following', '/2/users/1/following'],
    ['/2/', '/2/users/by/username/a', '/2/users/by/username/a'],
    ['/helix', '/helix/channels/followed', '/helix/channels/followed'],
    ['/youtube/v3', '/youtube/v3/subscriptions', '/youtube/v3/subscriptions'],
    ['/proxy', '/xrpc/app.bsky.graph.getFollows', '/proxy/xrpc/app.bsky.graph.getFollows'],
    ['/proxy/api/v1', '/api/v1/accounts/lookup', '/proxy/api/v1/accounts/lookup'],
  ])('%s + %s', (base, path, expected) => {
    expect(joinPath(base, path)).toBe(expected);
  });

  it('keeps host, port and query', () => {
    expect(apiUrl('http://127.0.0.1:8080/helix', '/helix/users', { login: 'a' })).toBe(
      'http://127.0.0.1:8080/helix/users?login=a',
    );
  });
});
