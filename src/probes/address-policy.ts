import ipaddr from 'ipaddr.js';

/**
 * Which addresses a probe may reach (../shared/spec/interface.md, "What a probe may reach"): public
 * unicast only, unless an address is inside PROBE_ALLOW_NETWORKS. Loopback, private, carrier-grade
 * NAT, link-local (cloud metadata), unique-local, multicast, reserved, documentation and
 * unspecified addresses are blocked in every spelling: ipaddr.js reads decimal, octal and hex IPv4
 * forms, and an IPv4-mapped IPv6 address is judged as the IPv4 address it carries.
 */

export type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

export interface AddressVerdict {
  /** The address in canonical form (what a connection would go to). */
  address: string;
  allowed: boolean;
  /** ipaddr.js's name for the range ("unicast", "loopback", "private", …) or "allow-listed". */
  range: string;
}

/** The mail ports a probe may use on public addresses; allow-listed networks may use any port. */
export const PUBLIC_PROBE_PORTS: ReadonlySet<number> = new Set([25, 110, 143, 465, 587, 993, 995, 2525]);

/** Parses every IP spelling ipaddr.js knows ("2130706433", "0x7f.1", "[::1]"), or null for a name. */
export function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (!ipaddr.isValid(bare)) return null;
  const parsed = ipaddr.parse(bare);
  return parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress() ? (parsed as ipaddr.IPv6).toIPv4Address() : parsed;
}

export function judgeAddress(text: string, allow: readonly Cidr[]): AddressVerdict {
  const parsed = parseAddress(text);
  if (!parsed) return { address: text, allowed: false, range: 'invalid' };
  const address = parsed.toString();
  for (const [network, bits] of allow) {
    if (network.kind() === parsed.kind() && parsed.match(network, bits)) return { address, allowed: true, range: 'allow-listed' };
  }
  const range = parsed.range();
  return { address, allowed: range === 'unicast', range };
}

export function isAllowListed(verdict: AddressVerdict): boolean {
  return verdict.range === 'allow-listed';
}
