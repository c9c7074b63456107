import type { Cidr } from '../../probes/address-policy.js';
import type { DnsServer } from '../../probes/resolve.js';
import { sweep } from '../../probes/sweep.js';
import { judgeSweeps, type ProbeReport } from './judge.js';
import { discover } from '../settings/online.js';
import type { SettingsAnswer } from '../settings/types.js';
import { planProbe, type ProbeRequest } from './target.js';

export type { Check, ProbeReport, Status } from './judge.js';
export { ProbeRequestError, type ProbeRequest, type ProtocolChoice } from './target.js';

export interface ProbeContext {
  /** The parts of the configuration a probe uses (PROBE_TIMEOUT_MS, PROBE_ALLOW_NETWORKS, DNS_SERVERS). */
  config: { probeTimeoutMs: number; probeAllowNetworks: readonly Cidr[]; dnsServers: readonly DnsServer[] };
  /** Extra trusted CA certificates (PEM): a lab's own CA. */
  extraCa?: readonly string[];
}

/** Probes a host, address or email address's servers; never logs in, never throws for a bad server. */
export async function probe(request: ProbeRequest, context: ProbeContext): Promise<ProbeReport> {
  const plan = planProbe({ ...request, discovered: request.discovered ?? (await discoverFor(request, context)) });
  const sweeps = await Promise.all(
    plan.groups.map(async ({ host, checks }) => ({
      host,
      facts: await sweep(host, checks, {
        timeoutMs: context.config.probeTimeoutMs,
        allowNetworks: context.config.probeAllowNetworks,
        dnsServers: context.config.dnsServers,
        extraCa: context.extraCa,
      }),
    })),
  );
  return judgeSweeps(plan.target, sweeps);
}

/**
 * For an email address whose provider the bundled data does not know, online discovery finds the
 * servers to probe. It is skipped when the request names its own port or checks.
 */
async function discoverFor(request: ProbeRequest, context: ProbeContext): Promise<SettingsAnswer | undefined> {
  if (!request.input.includes('@') || request.port !== undefined || request.checks) return undefined;
  try {
    const answer = await discover(request.input, context);
    return answer.provider !== null || answer.incoming.length + answer.outgoing.length > 0 ? answer : undefined;
  } catch {
    // Bad input is reported by planProbe with the probe's own wording.
    return undefined;
  }
}
