// Tests never touch the network: a fetch to anything but this machine fails the test at once.
const realFetch = globalThis.fetch;

globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    return Promise.reject(new Error(`test tried to reach the network: ${url.origin}`));
  }
  return realFetch(input, init);
};
