import { ImapFlow } from 'imapflow';
import { errorInfo, TimedOut, withinDeadline } from './deadline.js';
import { isCertificateError, strictTlsOptions } from './tls-options.js';
import { boundedReply, newSessionFacts, recordCommand, type LoginSession, type LoginStage, type SessionFacts } from './types.js';

/**
 * IMAP login with imapflow: greeting, CAPABILITY, STARTTLS (required, never opportunistic), ID,
 * one AUTHENTICATE (PLAIN, else LOGIN) or LOGIN, NAMESPACE, STATUS INBOX, LOGOUT. STATUS reads
 * counters without opening the mailbox: no SELECT, not even EXAMINE, and nothing is stored or
 * expunged. imapflow never falls back to a second mechanism after a refusal (one attempt).
 */

/** Well above any real greeting or capability line; imapflow's default is 1 GiB. */
const MAX_LINE = 8 * 1024;
const MAX_RESPONSE = 64 * 1024;

/** Which stage a command belongs to, for reporting where a session stopped. */
const STAGE_OF: Record<string, LoginStage> = {
  CAPABILITY: 'capability',
  ID: 'capability',
  STARTTLS: 'starttls',
  LOGIN: 'auth',
  AUTHENTICATE: 'auth',
  NAMESPACE: 'auth',
  STATUS: 'mailbox',
  LOGOUT: 'logout',
};

export const imapLogin: LoginSession = async (target, credentials, options) => {
  const facts = newSessionFacts();
  const alerts: string[] = [];
  const client = new ImapFlow({
    host: target.address,
    port: target.port,
    secure: target.security === 'tls',
    // Required: a server that does not offer STARTTLS ends the session before any password.
    doSTARTTLS: target.security === 'starttls' ? true : undefined,
    servername: target.hostname ?? undefined,
    auth: { user: credentials.user, pass: credentials.password.reveal() },
    tls: strictTlsOptions(target.hostname, target.address, options.extraCa),
    clientInfo: { name: 'emailhelp login test' },
    // A recorder, not a log: it keeps each command's verb and drops the rest of the entry.
    logger: commandRecorder(facts),
    disableCompression: true,
    disableAutoEnable: true,
    disableAutoIdle: true,
    maxLineLength: MAX_LINE,
    maxLiteralSize: MAX_RESPONSE,
    maxResponseSize: MAX_RESPONSE,
    // Our deadline (withinDeadline) is the one that counts; these only stop imapflow lingering after it.
    connectionTimeout: options.timeoutMs + 1000,
    greetingTimeout: options.timeoutMs + 1000,
    socketTimeout: options.timeoutMs + 1000,
  });
  // Errors arrive through the promises; an unhandled 'error' event would crash the process.
  client.on('error', () => undefined);
  // An [ALERT] in an untagged answer (RFC 9051 §7.1) carries the provider's reason; a tagged one is in the error too.
  client.on('alert', (alert: { message?: string; tag?: string }) => {
    if (typeof alert?.message === 'string' && alert.tag === undefined && alerts.length < 3) alerts.push(boundedReply(`[ALERT] ${alert.message}`));
  });

  const session = async () => {
    await client.connect();
    facts.accepted = true;
    facts.tlsVersion = tlsVersionOf(client);
    const status = await client.status('INBOX', { messages: true });
    if (status === false) {
      facts.stage = 'mailbox';
      facts.error = { code: 'MAILBOX_UNAVAILABLE', message: 'signed in, but the server would not report on INBOX' };
      return;
    }
    facts.mailboxChecked = true;
    await client.logout();
  };

  try {
    await withinDeadline(session(), options.timeoutMs, () => client.close());
  } catch (error) {
    describeFailure(facts, error, target.security, alerts);
  } finally {
    client.close();
  }
  return facts;
};

function commandRecorder(facts: SessionFacts) {
  const ignore = () => undefined;
  return {
    debug(entry: unknown) {
      const { src, msg } = (entry ?? {}) as { src?: unknown; msg?: unknown };
      if (src !== 'c' || typeof msg !== 'string') return;
      // "A3 AUTHENTICATE PLAIN …": the tag, then the verb. Continuation lines have no verb we know.
      const verb = /^\S+ ([A-Za-z]+)/.exec(msg)?.[1]?.toUpperCase();
      if (!verb || !(verb in STAGE_OF)) return;
      recordCommand(facts, verb);
      facts.stage = STAGE_OF[verb] ?? facts.stage;
      if (verb === 'LOGIN' || verb === 'AUTHENTICATE') facts.passwordSent = true;
    },
    info: ignore,
    warn: ignore,
    error: ignore,
  };
}

function tlsVersionOf(client: ImapFlow): string | null {
  const socket = (client as unknown as { socket?: { getProtocol?: () => string | null } }).socket;
  return typeof socket?.getProtocol === 'function' ? socket.getProtocol() : null;
}

interface ImapError {
  code?: string;
  authenticationFailed?: boolean;
  tlsFailed?: boolean;
  response?: unknown;
  serverResponseCode?: string;
  message?: string;
}

function describeFailure(facts: SessionFacts, error: unknown, security: 'tls' | 'starttls', alerts: string[]): void {
  if (facts.accepted === true && facts.mailboxChecked) return; // only the goodbye failed: the verdict stands
  const e = (error ?? {}) as ImapError;
  const reply = [typeof e.response === 'string' ? e.response : '', ...alerts].filter(Boolean).join(' | ');
  if (error instanceof TimedOut) {
    facts.error = { code: 'ETIMEDOUT', message: `${error.message} (${facts.stage})` };
    if (facts.stage === 'connect') facts.stage = 'greeting';
    return;
  }
  if (e.authenticationFailed && facts.passwordSent) {
    facts.accepted = false;
    facts.serverReply = boundedReply(stripTag(reply || e.message || ''));
    facts.responseCode = e.serverResponseCode ?? bracketCode(reply);
    facts.error = { code: 'AUTH_REFUSED', message: 'the server refused the login' };
    return;
  }
  const info = errorInfo(error, 'EIMAP');
  if (e.authenticationFailed && /login is disabled/i.test(e.message ?? '')) {
    // LOGINDISABLED even after TLS: imapflow stops before sending anything.
    facts.error = { code: 'LOGINDISABLED', message: 'the server refuses LOGIN and offers no AUTHENTICATE PLAIN or LOGIN' };
    facts.stage = 'auth';
    return;
  }
  if (e.tlsFailed && !info.code.startsWith('ERR_') && !isCertificateError(info.code) && info.code !== 'STARTTLS_INJECTION') {
    facts.error = { code: 'NO_STARTTLS', message: /PREAUTH/i.test(info.message) ? 'the server skipped the login with PREAUTH over plain text' : 'the server offers no STARTTLS: the password would cross the network unencrypted' };
    facts.stage = 'starttls';
    return;
  }
  facts.error = info;
  if (isCertificateError(info.code) || info.code.startsWith('ERR_SSL') || info.code === 'EPROTO') facts.stage = security === 'tls' ? 'tls' : 'starttls';
  else if (info.code === 'GREETING_TIMEOUT' || info.code.startsWith('ClosedAfterConnect')) facts.stage = 'greeting';
  if (reply) facts.serverReply = boundedReply(stripTag(reply));
}

/** "A3 NO [AUTHENTICATIONFAILED] Invalid credentials" → "NO [AUTHENTICATIONFAILED] Invalid credentials". */
function stripTag(text: string): string {
  return text.replace(/^[A-Za-z0-9.]+ (?=(?:OK|NO|BAD|BYE)\b)/i, '');
}

function bracketCode(text: string): string | null {
  return /\[([A-Za-z-]+)/.exec(text)?.[1]?.toUpperCase() ?? null;
}
