import { isAllowListed, judgeAddress, type Cidr } from '../../probes/address-policy.js';
import { Deadline } from '../../probes/deadline.js';
import { toProbeError } from '../../probes/probe-error.js';
import { resolveTarget, type DnsServer } from '../../probes/resolve.js';
import { remainingMs } from './abortable.js';

/**
 * A name from the network resolved once with the probe's resolver (DNS_SERVERS when set) and every
 * address judged by the probe's address policy. Discovery connects only to addresses that passed
 * here, so a hostile autoconfig redirect, SRV target or guessed name that points inside the network
 * (loopback, RFC 1918, 169.254.169.254, …) is reported, never reached.
 */

export interface LookupLimits {
  allowNetworks: readonly Cidr[];
  dnsServers: readonly DnsServer[];
  signal: AbortSignal;
  /** performance.now() time by which the lookup must be over. */
  deadlineAt: number;
}

export type AddressCheck =
  | { status: 'allowed'; addresses: string[]; /** every address is inside PROBE_ALLOW_NETWORKS */ allowListed: boolean }
  | { status: 'blocked'; address: string; range: string }
  | { status: 'unresolved'; code: string };

export async function resolveAndJudge(host: string, limits: LookupLimits): Promise<AddressCheck> {
  const budget = remainingMs(limits.deadlineAt);
  let addresses: string[];
  try {
    // The signal cancels the queries themselves, so a resolver that never answers holds nothing once
    // discovery has answered.
    const resolved = await resolveTarget(host, limits.dnsServers, new Deadline(budget, budget), limits.signal);
    addresses = resolved.addresses;
  } catch (error) {
    return { status: 'unresolved', code: (error as { code?: string }).code ?? toProbeError(error, 'dns').code };
  }
  const verdicts = addresses.map((a) => judgeAddress(a, limits.allowNetworks));
  // One address outside the policy blocks the name, as in the probe: a mix of public and internal
  // answers is what DNS rebinding looks like.
  const blocked = verdicts.find((v) => !v.allowed);
  if (blocked) return { status: 'blocked', address: blocked.address, range: blocked.range };
  return { status: 'allowed', addresses: verdicts.map((v) => v.address), allowListed: verdicts.every(isAllowListed) };
}

/** "10.0.0.5 (private)" for notes. */
export function describeBlocked(check: { address: string; range: string }): string {
  return `${check.address} (${check.range})`;
}
