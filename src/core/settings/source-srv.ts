import type { SrvRecord } from 'node:dns';
import { domainAnswer, serverNotes, USERNAME_UNKNOWN_NOTE } from './answer-notes.js';
import { describeBlocked, resolveAndJudge } from './checked-address.js';
import { discoveryResolver, query } from './dns-records.js';
import { canonicalHost, isHostName } from './host-name.js';
import { miss, type SourceContext, type SourceOutcome } from './source-context.js';
import type { Security, ServerSetting } from './types.js';

/**
 * DNS SRV records for mail (RFC 6186, with RFC 8314's implicit-TLS names). The implicit-TLS
 * service comes first within a protocol, as RFC 8314 §3 asks clients to prefer it; within one
 * service, the records' own priority (lowest first) and weight (highest first) order.
 * A target of "." means the domain says the service is not offered (RFC 6186 §3.4). Every target
 * is resolved and judged by the address policy: one that points inside the network is dropped
 * with a note, as is one that does not resolve.
 */

const SERVICES: readonly { label: string; protocol: ServerSetting['protocol']; security: Security }[] = [
  { label: '_imaps._tcp', protocol: 'imap', security: 'tls' },
  { label: '_imap._tcp', protocol: 'imap', security: 'starttls' },
  { label: '_pop3s._tcp', protocol: 'pop3', security: 'tls' },
  { label: '_pop3._tcp', protocol: 'pop3', security: 'starttls' },
  { label: '_submissions._tcp', protocol: 'smtp', security: 'tls' },
  { label: '_submission._tcp', protocol: 'smtp', security: 'starttls' },
];

/** More records than this for one service is not a mail set-up worth reading. */
const MAX_RECORDS_PER_SERVICE = 8;

interface Candidate {
  setting: ServerSetting;
  record: string;
}

export async function fromSrv(context: SourceContext): Promise<SourceOutcome> {
  const resolver = discoveryResolver(context.dnsServers, context.deadlineAt, context.signal);
  const answers = await Promise.all(SERVICES.map((s) => query<SrvRecord>(resolver.resolveSrv(`${s.label}.${context.domain}`))));
  const notes: string[] = [];
  const candidates: Candidate[] = [];
  SERVICES.forEach((service, i) => {
    const outcome = answers[i];
    if (outcome?.status !== 'found') return;
    const records = [...outcome.records].sort((a, b) => a.priority - b.priority || b.weight - a.weight).slice(0, MAX_RECORDS_PER_SERVICE);
    for (const r of records) {
      const target = canonicalHost(r.name);
      const record = `${service.label}.${context.domain}`;
      if (target === '' || target === '.') continue;
      if (!isHostName(target) || !(r.port >= 1 && r.port <= 65535)) {
        notes.push(`The SRV record ${record} has an unusable target or port; it was ignored.`);
        continue;
      }
      candidates.push({ record, setting: { protocol: service.protocol, host: target, port: r.port, security: service.security, username: 'email' } });
    }
  });
  if (candidates.length === 0) return miss('srv', notes);

  const targets = [...new Set(candidates.map((c) => c.setting.host))];
  const checks = new Map(await Promise.all(targets.map(async (t) => [t, await resolveAndJudge(t, context)] as const)));
  const kept: ServerSetting[] = [];
  for (const c of candidates) {
    const check = checks.get(c.setting.host);
    if (check?.status === 'blocked') {
      notes.push(`The SRV record ${c.record} points to ${c.setting.host}, which resolves to ${describeBlocked(check)}: ignored, because discovery only follows public addresses (PROBE_ALLOW_NETWORKS can allow more).`);
    } else if (check?.status === 'unresolved') {
      if (check.code !== 'ABORTED') notes.push(`The SRV record ${c.record} points to ${c.setting.host}, which does not resolve: ignored.`);
    } else {
      kept.push(c.setting);
    }
  }
  const unique = [...new Set(notes)];
  if (kept.length === 0) return miss('srv', unique);
  const records = [...new Set(candidates.filter((c) => kept.includes(c.setting)).map((c) => c.record))];
  const answer = domainAnswer(context.domain, 'srv', kept, [
    `From the domain's DNS SRV records (${records.join(', ')}; RFC 6186).`,
    USERNAME_UNKNOWN_NOTE,
    ...serverNotes(kept),
    ...unique,
  ]);
  return { source: 'srv', answer, notes: [], evidence: records.join(', ') };
}
