import { isAllowListed, judgeAddress, PUBLIC_PROBE_PORTS, type Cidr } from './address-policy.js';
import { runCheck } from './check.js';
import { Deadline } from './deadline.js';
import { toProbeError } from './probe-error.js';
import { resolveTarget, type DnsServer } from './resolve.js';
import type { CheckFacts, CheckSpec, SweepFacts } from './types.js';

/**
 * The sweep: resolve the target once, judge every address, then run every check in parallel. One
 * deadline of PROBE_TIMEOUT_MS covers it all — DNS, connections, handshakes, every line — so a
 * silent port cannot make the user wait longer than that. Nothing is sent to a blocked address; a
 * blocked port on a public address is refused the same way.
 */

export interface SweepOptions {
  /** Limit for the whole sweep, and so for each step in it (PROBE_TIMEOUT_MS). */
  timeoutMs: number;
  allowNetworks: readonly Cidr[];
  dnsServers: readonly DnsServer[];
  extraCa?: readonly string[];
}

export async function sweep(target: string, checks: readonly CheckSpec[], options: SweepOptions): Promise<SweepFacts> {
  const deadline = new Deadline(options.timeoutMs, options.timeoutMs);
  const dnsStarted = performance.now();
  let resolved;
  try {
    resolved = await resolveTarget(target, options.dnsServers, deadline);
  } catch (error) {
    const e = toProbeError(error, 'dns');
    const dnsMs = Math.round(performance.now() - dnsStarted);
    return { target, addresses: [], checks: checks.map((spec) => failed(spec, null, 'dns', e.code, e.message, dnsMs)) };
  }
  const dnsMs = Math.round(performance.now() - dnsStarted);
  const verdicts = resolved.addresses.map((a) => judgeAddress(a, options.allowNetworks));
  const addresses = verdicts.map((v) => v.address);
  const blocked = verdicts.find((v) => !v.allowed);
  if (blocked) {
    // One address outside the policy blocks the target: a name that mixes public and internal
    // answers is exactly what a rebinding attack looks like.
    const what = resolved.hostname === null ? `${blocked.address} is a ${blocked.range} address` : `${target} resolves to ${blocked.address} (${blocked.range})`;
    const message = `${what}, which probes may not reach; an administrator can allow it with PROBE_ALLOW_NETWORKS`;
    return { target, addresses, checks: checks.map((spec) => failed(spec, blocked.address, 'blocked', 'BLOCKED_ADDRESS', message, dnsMs)) };
  }
  const allowListed = verdicts.every(isAllowListed);
  const results = await Promise.all(
    checks.map(async (spec) => {
      if (!allowListed && !PUBLIC_PROBE_PORTS.has(spec.port)) {
        const message = `port ${spec.port} is not a mail port; probes of public servers use ${[...PUBLIC_PROBE_PORTS].join(', ')}`;
        return failed(spec, addresses[0] ?? null, 'blocked', 'BLOCKED_PORT', message, dnsMs);
      }
      const facts = await runCheck(spec, addresses, { hostname: resolved.hostname, extraCa: options.extraCa }, deadline);
      facts.timingsMs = { dns: dnsMs, ...facts.timingsMs, total: facts.timingsMs.total + dnsMs };
      return facts;
    }),
  );
  return { target, addresses, checks: results };
}

function failed(spec: CheckSpec, address: string | null, stage: CheckFacts['failedStage'], code: string, message: string, dnsMs: number): CheckFacts {
  return {
    ...spec,
    // Not probed, so not found out: an unknown port is reported as it would start, in plain text.
    security: spec.security === 'auto' ? 'starttls' : spec.security,
    address,
    failedStage: stage,
    error: { code, message },
    tls: null,
    greeting: null,
    capabilities: [],
    authMechanisms: [],
    starttls: null,
    notes: [],
    timingsMs: { dns: dnsMs, total: dnsMs },
  };
}
