import { CAUSES } from '../../content/causes.js';
import type { CauseId } from '../../content/types.js';
import type { CheckFacts, SweepFacts } from '../../probes/types.js';
import { diagnose } from '../diagnosis/index.js';

/**
 * Turns a probe's facts into findings: a status per check, the cause ids the findings point to,
 * and a summary a helpdesk engineer can paste into a ticket. The causes are those of the diagnosis
 * (src/content), so a probe and a pasted error explain the same problem the same way.
 */

export type Status = 'ok' | 'warn' | 'fail';

export interface Check extends Omit<CheckFacts, 'notes'> {
  host: string;
  status: Status;
  /** What works but should worry the user. */
  warnings: string[];
  causes: CauseId[];
}

export interface ProbeReport {
  target: string;
  addresses: string[];
  checks: Check[];
  causes: CauseId[];
  summary: string;
}

/** A certificate expiring sooner than this is a warning. */
export const EXPIRY_WARNING_DAYS = 14;

const CONNECT_CAUSES: Record<string, CauseId> = {
  ECONNREFUSED: 'connection_refused',
  ETIMEDOUT: 'timeout',
  ETIMEOUT: 'timeout',
  EHOSTUNREACH: 'timeout',
  ENETUNREACH: 'timeout',
  ECONNRESET: 'timeout',
  EPIPE: 'timeout',
};

const TLS_MISMATCH_CODES = new Set([
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_SSL_PACKET_LENGTH_TOO_LONG',
  'ERR_SSL_UNSUPPORTED_PROTOCOL',
  'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
  'ERR_SSL_NO_PROTOCOLS_AVAILABLE',
  'EPROTO',
  'TLS_HANDSHAKE_FAILED',
  'TLS_ON_PLAIN_PORT',
  'STARTTLS_REFUSED',
]);

const DNS_CAUSES: Record<string, CauseId> = {
  ENOTFOUND: 'host_not_found',
  ENODATA: 'host_not_found',
  EBADNAME: 'host_not_found',
  ESERVFAIL: 'host_not_found',
  EAI_NONAME: 'host_not_found',
  EAI_AGAIN: 'host_not_found',
  ETIMEOUT: 'timeout',
  ETIMEDOUT: 'timeout',
  ECONNREFUSED: 'timeout',
};

export function judgeCheck(facts: CheckFacts, host: string): Check {
  const warnings: string[] = [];
  const causes = new Set<CauseId>();
  let failedStage = facts.failedStage;
  let error = facts.error;
  const { notes, ...rest } = facts;

  if (error) {
    for (const c of causesOfFailure(facts)) causes.add(c);
  } else if (facts.tls && !facts.tls.authorized) {
    // The connection works, but a mail app will refuse or warn about this certificate.
    failedStage = facts.security === 'starttls' ? 'starttls' : 'tls';
    const code = facts.tls.authorizationError ?? 'CERT_UNTRUSTED';
    error = { code, message: certificateMessage(facts, host) };
    causes.add('certificate_problem');
  } else if (notes.includes('LOGINDISABLED_WITHOUT_STARTTLS')) {
    failedStage = 'starttls';
    error = { code: 'LOGINDISABLED', message: 'the server refuses logins on this unencrypted port and offers no STARTTLS: no mail app can sign in here; use the SSL/TLS port' };
    causes.add('plaintext_auth_disabled');
  }

  if (!error) {
    if (notes.includes('NO_STARTTLS')) warnings.push(`port ${facts.port} offers no STARTTLS: passwords would cross the network unencrypted`);
    const cert = facts.tls?.certificate;
    if (cert && cert.daysLeft < EXPIRY_WARNING_DAYS) warnings.push(`the certificate expires in ${cert.daysLeft} day${cert.daysLeft === 1 ? '' : 's'} (${cert.validTo.slice(0, 10)})`);
    const version = facts.tls?.version;
    if (version === 'TLSv1' || version === 'TLSv1.1') warnings.push(`the server uses ${version}, which current mail apps refuse`);
    if (notes.includes('LOGINDISABLED_AFTER_TLS')) warnings.push('the server refuses LOGIN even after TLS');
  }
  const status: Status = error ? 'fail' : warnings.length > 0 ? 'warn' : 'ok';
  return { ...rest, host, failedStage, error, status, warnings, causes: [...causes] };
}

function causesOfFailure(facts: CheckFacts): CauseId[] {
  const code = facts.error?.code ?? '';
  switch (facts.failedStage) {
    case 'blocked':
      return [];
    case 'dns':
      return [DNS_CAUSES[code] ?? 'host_not_found'];
    case 'connect':
      return [CONNECT_CAUSES[code] ?? 'timeout'];
    case 'tls':
    case 'starttls':
      if (TLS_MISMATCH_CODES.has(code)) return ['tls_mismatch'];
      if (/CERT|SELF_SIGNED|ALTNAME|ISSUER|LEAF/.test(code)) return ['certificate_problem'];
      return [CONNECT_CAUSES[code] ?? 'tls_mismatch'];
    case 'greeting':
    case 'capability': {
      if (TLS_MISMATCH_CODES.has(code)) return ['tls_mismatch'];
      if (code === 'HTTP_SERVER' || code === 'BINARY_GARBAGE' || code === 'BAD_GREETING') return ['connection_refused'];
      if (code === 'LINE_TOO_LONG' || code === 'RESPONSE_TOO_LONG') return ['server_error'];
      // A server that speaks but refuses ("* BYE Too many connections", "554 …"): the diagnosis
      // engine reads its words like any pasted error.
      if (facts.greeting && (code === 'SERVER_BYE' || code === 'SERVER_REFUSED' || /^\d{3}$/.test(code))) {
        const top = diagnose(facts.greeting).causes[0]?.id;
        return [top && top !== 'unknown' ? top : 'server_error'];
      }
      return [CONNECT_CAUSES[code] ?? 'server_error'];
    }
    default:
      return [];
  }
}

function certificateMessage(facts: CheckFacts, host: string): string {
  const cert = facts.tls?.certificate;
  const code = facts.tls?.authorizationError;
  if (!cert) return 'the server sent no certificate';
  if (!cert.hostnameMatch) {
    const names = cert.names.slice(0, 6).join(', ');
    return `the certificate is not valid for ${host}; it is valid for ${names || 'no host name'}${cert.names.length > 0 ? ` — set the server name to ${preferredName(cert.names, host)} in the mail app` : ''}`;
  }
  if (code === 'CERT_HAS_EXPIRED') return `the certificate expired on ${cert.validTo.slice(0, 10)}`;
  if (code === 'CERT_NOT_YET_VALID') return `the certificate is only valid from ${cert.validFrom.slice(0, 10)}: check the server's (or this computer's) clock`;
  if (code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'SELF_SIGNED_CERT_IN_CHAIN' || cert.selfSigned) return 'the certificate is self-signed: no mail app trusts it without an exception';
  if (code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' || code === 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY') return 'the certificate is not issued by a trusted authority, or the server does not send its intermediate certificate';
  return `the certificate is not trusted (${code ?? 'unknown reason'})`;
}

/** Of the names a certificate is valid for, the one to type: a concrete name, mail-like if possible. */
function preferredName(names: string[], host: string): string {
  const concrete = names.filter((n) => !n.startsWith('*.'));
  const mailish = concrete.find((n) => /^(mail|imap|pop|smtp|mx)/i.test(n));
  const wildcard = names.find((n) => n.startsWith('*.'));
  return mailish ?? concrete[0] ?? (wildcard ? `${host.split('.')[0]}.${wildcard.slice(2)}` : host);
}

/** The whole report: per-check judgement, the causes that matter, a summary. */
export function judgeSweeps(target: string, sweeps: { host: string; facts: SweepFacts }[]): ProbeReport {
  const checks = sweeps.flatMap(({ host, facts }) => facts.checks.map((c) => judgeCheck(c, host)));
  const working = new Set(checks.filter((c) => c.status !== 'fail').map((c) => c.protocol));
  const causes: CauseId[] = [];
  for (const c of checks) {
    for (const cause of c.causes) {
      // A port that is simply not offered is no problem when another port of the protocol works.
      const portOnly = cause === 'connection_refused' || cause === 'timeout' || cause === 'tls_mismatch';
      if (portOnly && working.has(c.protocol)) continue;
      if (!causes.includes(cause)) causes.push(cause);
    }
  }
  return {
    target,
    addresses: [...new Set(sweeps.flatMap((s) => s.facts.addresses))],
    checks,
    causes,
    summary: summarize(checks, causes),
  };
}

const NAMES = { imap: 'IMAP', pop3: 'POP3', smtp: 'SMTP' } as const;
const SECURITY = { tls: 'SSL/TLS', starttls: 'STARTTLS', none: 'no encryption' } as const;

function summarize(checks: Check[], causes: CauseId[]): string {
  const blocked = checks.find((c) => c.failedStage === 'blocked');
  if (blocked && checks.every((c) => c.failedStage === 'blocked')) return `Not probed: ${blocked.error?.message ?? 'the target is outside what probes may reach'}.`;
  const parts: string[] = [];
  for (const protocol of ['imap', 'pop3', 'smtp'] as const) {
    const mine = checks.filter((c) => c.protocol === protocol);
    if (mine.length === 0) continue;
    const ok = mine.filter((c) => c.status === 'ok');
    const warn = mine.filter((c) => c.status === 'warn');
    if (ok.length > 0) {
      parts.push(`${NAMES[protocol]} works on ${ok.map((c) => `${c.port} (${SECURITY[c.security]})`).join(' and ')}`);
    } else if (warn.length > 0) {
      parts.push(`${NAMES[protocol]} works on ${warn.map((c) => `${c.port} (${SECURITY[c.security]})`).join(' and ')} with a warning: ${warn[0]?.warnings[0] ?? ''}`);
    } else {
      const first = mine[0];
      parts.push(`${NAMES[protocol]} fails: ${first?.error?.message ?? 'no answer'}`);
    }
  }
  const titles = causes.map((id) => CAUSES.find((c) => c.id === id)?.title).filter(Boolean);
  return `${parts.join('. ')}.${titles.length > 0 ? ` Likely cause: ${titles.join('; ')}.` : ''}`;
}
