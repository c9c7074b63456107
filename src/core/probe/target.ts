import { STANDARD_CHECKS, securityForPort } from '../../probes/protocols.js';
import type { CheckSpec, MailProtocol } from '../../probes/types.js';
import { lookupOffline } from '../settings/offline.js';
import type { SettingsAnswer } from '../settings/types.js';

/**
 * What `probe` was asked: a host, an IP address or an email address, which protocols, which port.
 * An email address probes the servers settings discovery found for it (bundled data, the domain's
 * autoconfig, ISPDB, SRV, MX), and imap., pop. and smtp. of its domain when nothing was found.
 */

export type ProtocolChoice = MailProtocol | 'all';

export interface ProbeRequest {
  input: string;
  /** For an email address: what settings discovery found (the bundled data is used when absent). */
  discovered?: SettingsAnswer;
  protocol?: ProtocolChoice;
  port?: number;
  /** Exact checks, for servers on non-standard ports (a lab, the tests); overrides protocol and port. */
  checks?: CheckSpec[];
}

export interface ProbePlan {
  target: string;
  /** Host (or address) → the checks to run against it. */
  groups: { host: string; checks: CheckSpec[] }[];
}

export class ProbeRequestError extends Error {
  readonly code = 'BAD_PROBE_REQUEST';
}

const DEFAULT_PROTOCOLS: MailProtocol[] = ['imap', 'pop3'];
const EMAIL_PREFIX: Record<MailProtocol, string> = { imap: 'imap', pop3: 'pop', smtp: 'smtp' };

export function planProbe(request: ProbeRequest): ProbePlan {
  const input = request.input.trim();
  if (input === '') throw new ProbeRequestError('probe needs a server name, an IP address or an email address');
  if (input.length > 320 || /[\s/\\]/.test(input)) throw new ProbeRequestError(`"${input.slice(0, 60)}" is not a server name or an email address`);
  const protocols: MailProtocol[] = request.checks
    ? [...new Set(request.checks.map((c) => c.protocol))]
    : request.protocol === undefined
      ? request.port === undefined
        ? DEFAULT_PROTOCOLS
        : [protocolForPort(request.port)]
      : request.protocol === 'all'
        ? ['imap', 'pop3', 'smtp']
        : [request.protocol];
  const checksFor = (protocol: MailProtocol): CheckSpec[] =>
    request.checks
      ? request.checks.filter((c) => c.protocol === protocol)
      : request.port === undefined
        ? STANDARD_CHECKS[protocol]
        : [{ protocol, port: request.port, security: securityForPort(request.port) }];

  const at = input.lastIndexOf('@');
  if (at >= 0) {
    const domain = input.slice(at + 1).replace(/\.$/, '').toLowerCase();
    if (!/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(domain) || input.slice(0, at) === '') {
      throw new ProbeRequestError(`"${input.slice(0, 60)}" is not an email address`);
    }
    return { target: input, groups: emailGroups(domain, protocols, checksFor, request) };
  }
  const host = input.replace(/^\[(.*)\]$/, '$1');
  return { target: host, groups: [{ host, checks: protocols.flatMap(checksFor) }] };
}

const PORT_PROTOCOL: Record<number, MailProtocol> = { 993: 'imap', 143: 'imap', 995: 'pop3', 110: 'pop3', 465: 'smtp', 587: 'smtp', 25: 'smtp', 2525: 'smtp' };

function protocolForPort(port: number): MailProtocol {
  const protocol = PORT_PROTOCOL[port];
  if (!protocol) throw new ProbeRequestError(`port ${port} is not a standard mail port: say which protocol with --protocol imap|pop3|smtp`);
  return protocol;
}

/** The servers to probe for an address: the bundled provider's, else the usual names on its domain. */
function emailGroups(
  domain: string,
  protocols: MailProtocol[],
  checksFor: (p: MailProtocol) => CheckSpec[],
  request: ProbeRequest,
): ProbePlan['groups'] {
  let known: SettingsAnswer | null = request.discovered ?? null;
  if (!known) {
    try {
      known = lookupOffline(domain);
    } catch {
      known = null;
    }
  }
  const groups = new Map<string, CheckSpec[]>();
  for (const protocol of protocols) {
    const servers = [...(known?.incoming ?? []), ...(known?.outgoing ?? [])].filter((s) => s.protocol === protocol);
    if (servers.length === 0 || request.port !== undefined || request.checks) {
      const host = `${EMAIL_PREFIX[protocol]}.${domain}`;
      groups.set(host, [...(groups.get(host) ?? []), ...checksFor(protocol)]);
      continue;
    }
    for (const server of servers) {
      const spec: CheckSpec = { protocol, port: server.port, security: server.security };
      const list = groups.get(server.host) ?? [];
      if (!list.some((c) => c.protocol === spec.protocol && c.port === spec.port)) list.push(spec);
      groups.set(server.host, list);
    }
  }
  return [...groups].map(([host, checks]) => ({ host, checks }));
}
