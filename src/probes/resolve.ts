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

export async function resolveTarget(target: string, servers: readonly DnsServer[], deadline: Deadline): Promise<Resolved> {
  const literal = parseAddress(target);
  if (literal) return { hostname: null, addresses: [literal.toString()] };
  const name = target.replace(/\.$/, '').toLowerCase();
  if (!/^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(name)) {
    throw new ProbeError('EBADNAME', 'dns', `"${target.slice(0, 80)}" is not a host name`);
  }
  try {
    const addresses = await deadline.step('dns', servers.length > 0 ? viaServers(name, servers) : viaSystem(name));
    if (addresses.length === 0) throw new ProbeError('ENOTFOUND', 'dns', `${name} has no address`);
    return { hostname: name, addresses: [...new Set(addresses)] };
  } catch (error) {
    throw toProbeError(error, 'dns');
  }
}

async function viaSystem(name: string): Promise<string[]> {
  const found = await lookup(name, { all: true, verbatim: true });
  return found.map((a) => a.address);
}

async function viaServers(name: string, servers: readonly DnsServer[]): Promise<string[]> {
  // One try per server: the step deadline bounds the whole lookup anyway.
  const resolver = new Resolver({ timeout: 2000, tries: 1 });
  resolver.setServers(servers.map((s) => (s.host.includes(':') ? `[${s.host}]:${s.port}` : `${s.host}:${s.port}`)));
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
