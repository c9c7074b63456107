import { lookup } from 'node:dns/promises';
import { Resolver } from 'node:dns/promises';
import { ProbeError, toProbeError } from './probe-error.js';
import { parseAddress } from './address-policy.js';
import type { Deadline } from './deadline.js';

/**
 * Resolves a target once. The addresses found here are the ones checked by the address policy and
 * the ones connected to: there is no second lookup, so a DNS answer that changes between check and
 * connect (rebinding) gets nowhere. With DNS_SERVERS, those resolvers answer; otherwise the
 * system's (getaddrinfo: /etc/hosts, then DNS).
 *
 * An optional AbortSignal ends the lookup at once with code ABORTED. With DNS_SERVERS the queries
 * themselves are cancelled (c-ares `Resolver.cancel()`), so nothing is left waiting on a resolver
 * that never answers; the same happens when the deadline expires. The system's getaddrinfo cannot
 * be cancelled: the caller gets ABORTED at once, and the lookup finishes unseen in libuv's pool.
 */

export interface DnsServer {
  host: string;
  port: number;
}

export interface Resolved {
  /** The name to send as TLS SNI and to check the certificate against; null for an IP target. */
  hostname: string | null;
  addresses: string[];
}

export async function resolveTarget(target: string, servers: readonly DnsServer[], deadline: Deadline, signal?: AbortSignal): Promise<Resolved> {
  const literal = parseAddress(target);
  if (literal) return { hostname: null, addresses: [literal.toString()] };
  const name = target.replace(/\.$/, '').toLowerCase();
  if (!/^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(name)) {
    throw new ProbeError('EBADNAME', 'dns', `"${target.slice(0, 80)}" is not a host name`);
  }
  if (signal?.aborted) throw abortError(name);
  // One Resolver per lookup, so cancelling it touches no other lookup.
  const resolver = servers.length > 0 ? serverResolver(servers, { timeout: 2000, tries: 1 }) : null;
  const cancel = () => resolver?.cancel();
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    // Cancelled c-ares queries reject at once with ECANCELLED; getaddrinfo cannot be cancelled, so
    // the system lookup is only raced against the signal.
    const work = resolver ? viaServers(name, resolver) : signal ? raceSignal(viaSystem(name), signal) : viaSystem(name);
    const addresses = await deadline.step('dns', work, cancel);
    if (addresses.length === 0) throw new ProbeError('ENOTFOUND', 'dns', `${name} has no address`);
    return { hostname: name, addresses: [...new Set(addresses)] };
  } catch (error) {
    if (signal?.aborted) throw abortError(name, error);
    throw toProbeError(error, 'dns');
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}

/**
 * A c-ares resolver for DNS_SERVERS (the system's resolv.conf servers when the list is empty).
 * With a signal, aborting cancels every query in flight on it: they reject with ECANCELLED.
 */
export function serverResolver(servers: readonly DnsServer[], options: { timeout: number; tries: number }, signal?: AbortSignal): Resolver {
  const resolver = new Resolver(options);
  if (servers.length > 0) resolver.setServers(servers.map((s) => (s.host.includes(':') ? `[${s.host}]:${s.port}` : `${s.host}:${s.port}`)));
  if (signal?.aborted) resolver.cancel();
  else signal?.addEventListener('abort', () => resolver.cancel(), { once: true });
  return resolver;
}

function abortError(name: string, cause?: unknown): ProbeError {
  return new ProbeError('ABORTED', 'dns', `the lookup of ${name} was cancelled`, { cause });
}

function raceSignal<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  // The losing side may still settle later; that is expected, not unhandled.
  work.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function viaSystem(name: string): Promise<string[]> {
  const found = await lookup(name, { all: true, verbatim: true });
  return found.map((a) => a.address);
}

async function viaServers(name: string, resolver: Resolver): Promise<string[]> {
  // One try per server: the step deadline bounds the whole lookup anyway.
  const settle = async (query: Promise<string[]>) => {
    try {
      return await query;
    } catch (error) {
      const code = (error as { code?: string }).code;
      // "No such name" for one family is an empty answer; the other family may still answer.
      if (code === 'ENODATA' || code === 'ENOTFOUND') return [];
      throw error;
    }
  };
  const [v4, v6] = await Promise.all([settle(resolver.resolve4(name)), settle(resolver.resolve6(name))]);
  if (v4.length + v6.length === 0) throw new ProbeError('ENOTFOUND', 'dns', `${name} does not resolve`);
  return [...v4, ...v6];
}
