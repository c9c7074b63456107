import type { Secret } from '../../secret.js';
import type { LoginAttempt } from '../../probes/login/attempt.js';
import type { MailProtocol } from '../../probes/types.js';
import type { SettingsAnswer } from '../settings/types.js';
import { planProbe, ProbeRequestError } from '../probe/target.js';

/**
 * What a login test was asked, checked before anything touches the network: which server (a host,
 * an address, or an email address whose servers settings discovery finds), which protocol and
 * port, which user. The password only passes through here as a Secret.
 */

export interface LoginRequest {
  /** A server name, an IP address, or an email address. */
  input: string;
  user: string;
  password: Secret;
  /** Default: imap. */
  protocol?: MailProtocol;
  /** Default: 993 (IMAP), 995 (POP3), 587 (SMTP), or the provider's own server for an email address. */
  port?: number;
  /**
   * For a port with no standard meaning (a lab, the tests): how it starts. Without it such a port
   * is found out with a TLS handshake that sends nothing (a second connection before the login).
   */
  security?: 'tls' | 'starttls';
}

/** Bad input: the caller shows the message as a usage error. It never contains the password. */
export class LoginRequestError extends Error {
  readonly code = 'BAD_LOGIN_REQUEST';
  constructor(message: string) {
    super(message);
    this.name = 'LoginRequestError';
  }
}

/** ALLOW_LOGIN_TEST is not true: the login test does nothing at all. */
export class LoginDisabledError extends Error {
  readonly code = 'LOGIN_TEST_DISABLED';
  constructor() {
    super('the login test is switched off: set ALLOW_LOGIN_TEST=true (environment or .env) to enable it');
    this.name = 'LoginDisabledError';
  }
}

const PROTOCOLS: readonly MailProtocol[] = ['imap', 'pop3', 'smtp'];
const DEFAULT_PORT: Record<MailProtocol, number> = { imap: 993, pop3: 995, smtp: 587 };
/** RFC 8314 ports: implicit TLS, and the ones that start plain (a login needs STARTTLS there). */
const TLS_PORTS = new Set([993, 995, 465]);
const PLAIN_PORTS = new Set([143, 110, 587, 25, 2525]);
/** Control characters would let a user name or password end the command line and start another. */
const CONTROL = /[\x00-\x1f\x7f]/;
const MAX_USER = 320;
const MAX_PASSWORD = 1024;

/** Everything but the password: callers check this before they ask for one. */
export function checkTarget(request: Omit<LoginRequest, 'password'>): void {
  if (!PROTOCOLS.includes(request.protocol ?? 'imap')) throw new LoginRequestError(`the protocol must be ${PROTOCOLS.join(', ')}`);
  if (request.security !== undefined && request.security !== 'tls' && request.security !== 'starttls') throw new LoginRequestError('the security must be tls or starttls');
  if (request.port !== undefined && (!Number.isInteger(request.port) || request.port < 1 || request.port > 65535)) {
    throw new LoginRequestError('the port must be a number from 1 to 65535');
  }
  const user = request.user;
  if (typeof user !== 'string' || user.trim() === '') throw new LoginRequestError('the login test needs a user name');
  if (user.length > MAX_USER || CONTROL.test(user)) throw new LoginRequestError('the user name is too long or contains control characters');
  if (typeof request.input !== 'string' || request.input.trim() === '') throw new LoginRequestError('the login test needs a server name or an email address');
}

export function checkRequest(request: LoginRequest): void {
  checkTarget(request);
  const password = request.password?.reveal();
  if (typeof password !== 'string' || password === '') throw new LoginRequestError('the password is empty');
  // Say what is wrong with it, never what it is.
  if (password.length > MAX_PASSWORD) throw new LoginRequestError(`the password is longer than ${MAX_PASSWORD} characters`);
  if (CONTROL.test(password)) throw new LoginRequestError('the password contains a control character (a line break or a tab?)');
}

/** The one server, port and security the login goes to. */
export function planLogin(request: LoginRequest, discovered?: SettingsAnswer): LoginAttempt {
  const protocol = request.protocol ?? 'imap';
  const isEmail = request.input.includes('@');
  const port = request.port ?? (isEmail ? undefined : DEFAULT_PORT[protocol]);
  let plan;
  try {
    plan = planProbe({ input: request.input, protocol, port, discovered });
  } catch (error) {
    if (error instanceof ProbeRequestError) throw new LoginRequestError(error.message);
    throw error;
  }
  const checks = plan.groups.flatMap((g) => g.checks.filter((c) => c.protocol === protocol).map((c) => ({ host: g.host, ...c })));
  // A provider's own list puts its preferred server first; POP3 can only be tested over SSL/TLS.
  const chosen = protocol === 'pop3' ? (checks.find((c) => c.security === 'tls' || c.security === 'auto') ?? checks[0]) : checks[0];
  if (!chosen) throw new LoginRequestError(`no ${protocol.toUpperCase()} server found for ${request.input.slice(0, 80)}`);
  const security =
    request.security ?? (TLS_PORTS.has(chosen.port) ? 'tls' : PLAIN_PORTS.has(chosen.port) ? 'starttls' : chosen.security === 'none' ? 'starttls' : chosen.security);
  if (protocol === 'pop3' && security === 'starttls') {
    throw new LoginRequestError(`the POP3 login test runs over SSL/TLS only (port 995); port ${chosen.port} starts in plain text`);
  }
  return { host: chosen.host, protocol, port: chosen.port, security };
}
