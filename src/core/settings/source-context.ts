import type { Cidr } from '../../probes/address-policy.js';
import type { DnsServer } from '../../probes/resolve.js';
import type { SafeFetch } from './safe-fetch.js';
import type { MxMatch, SettingsAnswer } from './types.js';

/**
 * What every online discovery source is given and what it gives back. Each source is one module
 * (source-*.ts) with one function `(context) => Promise<SourceOutcome>`; it never throws, stops
 * when `signal` aborts, and treats everything it reads from the network as hostile.
 */

export type OnlineSource = 'autoconfig' | 'ispdb' | 'srv' | 'mx' | 'guess';

/** The ports discovery uses. Only tests change them, to reach servers that cannot bind 443 or 993. */
export interface DiscoveryPorts {
  https: number;
  imaps: number;
  imap: number;
  pop3s: number;
  pop3: number;
  smtps: number;
  submission: number;
}

export const STANDARD_PORTS: Readonly<DiscoveryPorts> = { https: 443, imaps: 993, imap: 143, pop3s: 995, pop3: 110, smtps: 465, submission: 587 };

export interface SourceContext {
  domain: string;
  /** The whole address when the user gave one. Sent only to the domain's own autoconfig server, as mail apps do. */
  email: string | null;
  allowNetworks: readonly Cidr[];
  dnsServers: readonly DnsServer[];
  extraCa?: readonly string[];
  /** Aborts when the answer is decided or the deadline passes. */
  signal: AbortSignal;
  /** performance.now() time of the one deadline (PROBE_TIMEOUT_MS after discovery started). */
  deadlineAt: number;
  ports: Readonly<DiscoveryPorts>;
  /** Base URL of the online ISPDB, without the /v1.1/ part. */
  ispdbBaseUrl: string;
  fetch: SafeFetch;
}

/** What the domain's MX records said, whether or not they named a provider. */
export interface MxEvidence {
  status: 'no-domain' | 'no-mx' | 'null-mx' | 'unknown' | 'gateway' | 'provider' | 'failed';
  /** MX hosts by preference, as published (at most a few). */
  hosts: string[];
  /** The MX host that decided the answer (provider or gateway). */
  match: MxMatch | null;
  /** The resolver's error code when the lookup failed (ECONNREFUSED, ETIMEOUT, ESERVFAIL, …). */
  code?: string;
}

export interface SourceOutcome {
  source: OnlineSource;
  /** The settings found; null when this source found none. */
  answer: SettingsAnswer | null;
  /** Worth telling even when the source lost or found nothing: refused files, dropped targets, blocked addresses. */
  notes: string[];
  /** Where the answer came from, for notes that compare sources: a URL without its query, a record name, an MX host. */
  evidence: string | null;
  mx?: MxEvidence;
  /** The source was cut off (deadline, or the answer was decided first) and reports what it had by then. */
  partial?: boolean;
}

export function miss(source: OnlineSource, notes: string[] = [], extra: Partial<SourceOutcome> = {}): SourceOutcome {
  return { source, answer: null, notes, evidence: null, ...extra };
}
