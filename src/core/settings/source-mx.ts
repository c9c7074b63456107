import type { MxRecord } from 'node:dns';
import { describeBlocked, resolveAndJudge } from './checked-address.js';
import { discoveryResolver, query } from './dns-records.js';
import { canonicalHost, isHostName } from './host-name.js';
import { lookupByMxHost, settingsForMx } from './offline.js';
import { miss, type MxEvidence, type SourceContext, type SourceOutcome } from './source-context.js';

/**
 * The domain's MX records name who receives its mail; for a custom domain at Google Workspace,
 * Microsoft 365, Zoho, Fastmail, IONOS, … that is also who holds the mailboxes, and the bundled
 * data knows their servers (lookupByMxHost). The MX hosts are tried by preference; the first that
 * the bundled data recognises decides. A filtering gateway (Mimecast, Proofpoint, …) hides the
 * mailbox provider, and the answer says so instead of guessing. The deciding host is resolved and
 * judged like every other name from the network: one that points inside the network is dropped
 * with a note (a public provider's MX never does).
 */

/** A domain publishes a handful of MX hosts; more is noise or an attack on our time. */
const MAX_MX = 10;

export async function fromMx(context: SourceContext): Promise<SourceOutcome> {
  const resolver = discoveryResolver(context.dnsServers, context.deadlineAt, context.signal);
  const outcome = await query<MxRecord>(resolver.resolveMx(context.domain));
  const evidence = (status: MxEvidence['status'], hosts: string[] = [], match: MxEvidence['match'] = null): MxEvidence => ({ status, hosts, match });
  if (outcome.status === 'no-domain') return miss('mx', [], { mx: evidence('no-domain') });
  if (outcome.status === 'no-records') return miss('mx', [], { mx: evidence('no-mx') });
  if (outcome.status === 'failed') return miss('mx', [], { mx: { ...evidence('failed'), code: outcome.code } });

  const sorted = [...outcome.records].sort((a, b) => a.priority - b.priority).slice(0, MAX_MX);
  const hosts = [...new Set(sorted.map((r) => canonicalHost(r.exchange)))];
  // RFC 7505 "null MX": a single record with an empty host says the domain accepts no mail.
  if (hosts.length === 1 && (hosts[0] === '' || hosts[0] === '.')) return miss('mx', [], { mx: evidence('null-mx') });
  const named = hosts.filter(isHostName);

  const notes: string[] = [];
  for (const host of named) {
    const match = lookupByMxHost(host);
    if (match.kind === 'unknown') continue;
    const check = await resolveAndJudge(host, context);
    if (check.status === 'blocked') {
      notes.push(`The MX record ${host} resolves to ${describeBlocked(check)}: ignored, because discovery only follows public addresses.`);
      continue;
    }
    if (match.kind === 'gateway') return miss('mx', [...notes, ...match.notes], { mx: evidence('gateway', named, match), evidence: host });
    const answer = settingsForMx(context.domain, host);
    if (answer.provider === null) continue;
    answer.notes.unshift(`From the domain's MX record: mail for ${context.domain} is delivered to ${host}, which belongs to ${answer.provider.name}.`);
    answer.notes.push(...notes);
    return { source: 'mx', answer, notes: [], evidence: host, mx: evidence('provider', named, match) };
  }
  return miss('mx', notes, { mx: evidence('unknown', named) });
}
