import { createClient, type MppClient } from '@mpp-kit/core';

const clients = new Map<string, MppClient>();

/** One SDK client per API base per page, shared by every widget. */
export function clientFor(base: string): MppClient {
  let c = clients.get(base);
  if (!c) clients.set(base, (c = createClient({ baseUrl: base, timeout: 15_000 })));
  return c;
}
