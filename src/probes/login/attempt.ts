import { isAllowListed, judgeAddress, PUBLIC_PROBE_PORTS, type Cidr } from '../address-policy.js';
import { Deadline } from '../deadline.js';
import { toProbeError } from '../probe-error.js';
import { resolveTarget, type DnsServer } from '../resolve.js';
import { startTls } from '../tls.js';
import type { MailProtocol } from '../types.js';
import { imapLogin } from './imap.js';
import { pop3Login } from './pop3.js';
import { smtpLogin } from './smtp.js';
import { newSessionFacts, type Credentials, type LoginFacts, type LoginSecurity, type LoginSession, type SessionFacts } from './types.js';

/**
 * One login test, end to end: resolve the name once, judge every address with the probe's
 * address policy, connect to the checked address (SNI and certificate check use the name), and
 * run one protocol session. One deadline of PROBE_TIMEOUT_MS covers it all. Exactly one session is
 * opened: a login is never retried, on another address or otherwise (a retry can lock an account).
 */

export interface LoginAttempt {
  host: string;
  protocol: MailProtocol;
  port: number;
  /** `auto`: a port with no standard meaning; a short TLS handshake (nothing sent) finds out. */
  security: LoginSecurity | 'auto';
}

export interface AttemptOptions {
  timeoutMs: number;
  allowNetworks: readonly Cidr[];
  dnsServers: readonly DnsServer[];
  extraCa?: readonly string[];
}

const SESSIONS: Record<MailProtocol, LoginSession> = { imap: imapLogin, pop3: pop3Login, smtp: smtpLogin };

/** At most this long, or a quarter of the time left, to find out whether an unknown port speaks TLS. */
const AUTO_DETECT_MS = 1500;

export async function attemptLogin(attempt: LoginAttempt, credentials: Credentials, options: AttemptOptions): Promise<LoginFacts> {
  const started = performance.now();
  const deadline = new Deadline(options.timeoutMs, options.timeoutMs);
  const base = { protocol: attempt.protocol, host: attempt.host, port: attempt.port, security: attempt.security === 'auto' ? ('tls' as const) : attempt.security };
  const done = (facts: SessionFacts, address: string | null, security: LoginSecurity, dnsMs?: number, sessionMs?: number): LoginFacts => ({
    ...base,
    ...facts,
    security,
    address,
    timingsMs: { ...(dnsMs === undefined ? {} : { dns: dnsMs }), ...(sessionMs === undefined ? {} : { session: sessionMs }), total: Math.round(performance.now() - started) },
  });
  const failed = (stage: SessionFacts['stage'], code: string, message: string) => ({ ...newSessionFacts(), stage, error: { code, message } });

  let resolved;
  try {
    resolved = await resolveTarget(attempt.host, options.dnsServers, deadline);
  } catch (error) {
    const e = toProbeError(error, 'dns');
    return done(failed('dns', e.code, e.message), null, base.security);
  }
  const dnsMs = Math.round(performance.now() - started);
  const verdicts = resolved.addresses.map((a) => judgeAddress(a, options.allowNetworks));
  const blocked = verdicts.find((v) => !v.allowed);
  if (blocked) {
    // As in the sweep: one address outside the policy blocks the target (DNS rebinding looks like that).
    const what = resolved.hostname === null ? `${blocked.address} is a ${blocked.range} address` : `${attempt.host} resolves to ${blocked.address} (${blocked.range})`;
    return done(failed('blocked', 'BLOCKED_ADDRESS', `${what}, which probes may not reach; an administrator can allow it with PROBE_ALLOW_NETWORKS`), blocked.address, base.security, dnsMs);
  }
  const address = verdicts[0]?.address ?? null;
  if (address === null) return done(failed('dns', 'ENOTFOUND', `${attempt.host} has no address`), null, base.security, dnsMs);
  if (!verdicts.every(isAllowListed) && !PUBLIC_PROBE_PORTS.has(attempt.port)) {
    const message = `port ${attempt.port} is not a mail port; probes of public servers use ${[...PUBLIC_PROBE_PORTS].join(', ')}`;
    return done(failed('blocked', 'BLOCKED_PORT', message), address, base.security, dnsMs);
  }

  const security = attempt.security === 'auto' ? await detectSecurity(address, attempt.port, resolved.hostname, options, deadline) : attempt.security;
  const sessionStarted = performance.now();
  const facts = await SESSIONS[attempt.protocol](
    { protocol: attempt.protocol, address, hostname: resolved.hostname, port: attempt.port, security },
    credentials,
    { extraCa: options.extraCa, timeoutMs: deadline.remaining() },
  );
  return done(facts, address, security, dnsMs, Math.round(performance.now() - sessionStarted));
}

/**
 * A plain-text server answers a TLS ClientHello with its greeting, which fails the handshake at
 * once; a TLS server completes it. No credentials go out on this connection, and silence counts
 * as plain text (the session that follows will then report what it finds).
 */
async function detectSecurity(address: string, port: number, hostname: string | null, options: AttemptOptions, deadline: Deadline): Promise<LoginSecurity> {
  const budget = Math.min(AUTO_DETECT_MS, deadline.remaining() / 4);
  try {
    const { socket } = await startTls({ address, port }, { hostname, extraCa: options.extraCa, address }, new Deadline(budget, budget));
    socket.destroy();
    return 'tls';
  } catch {
    return 'starttls';
  }
}
