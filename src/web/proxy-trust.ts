// TRUST_PROXY as Fastify takes it. Its own file so that the mutation run
// (npm run test:mutation -- web-rules) can change this rule alone and run
// only the tests that send X-Forwarded-For.
import type { TrustProxy } from '../config.ts';

/**
 * A hop count becomes proxy-addr's hop function (the peer and the next
 * hops - 1 addresses are proxies, the one after them is the client: with 1,
 * the rightmost X-Forwarded-For entry); Fastify itself refuses bare numbers
 * because a client that reaches the app directly could then write that entry,
 * which is why docs/security.md says to give the proxies' addresses when the
 * app is reachable other than through them.
 */
export function fastifyTrustProxy(trustProxy: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trustProxy === 'number') return (_address, hop) => hop < trustProxy;
  return Array.isArray(trustProxy) ? [...trustProxy] : false;
}
