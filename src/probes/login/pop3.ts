import type { TlsOptions } from 'node:tls';
import Pop3Command from 'node-pop3';
import { errorInfo, TimedOut, withinDeadline } from './deadline.js';
import { isCertificateError, strictTlsOptions } from './tls-options.js';
import { boundedReply, newSessionFacts, recordCommand, type LoginSession, type SessionFacts } from './types.js';

/**
 * POP3 login with node-pop3, over implicit TLS only (node-pop3 cannot do STLS): greeting, USER,
 * PASS, STAT, QUIT. Only the base class's connect() and command() are used: its high-level
 * methods log in again on their own, and RETR/DELE/TOP/UIDL are never sent. STAT only counts the
 * messages. node-pop3 has an idle timer only and no line framing, so the deadline is ours and
 * every reply is bounded when read.
 */
export const pop3Login: LoginSession = async (target, credentials, options) => {
  const facts = newSessionFacts();
  if (target.security !== 'tls') {
    facts.stage = 'starttls';
    facts.error = { code: 'STLS_NOT_SUPPORTED', message: `the POP3 login test runs over SSL/TLS only (usually port 995); port ${target.port} starts in plain text` };
    return facts;
  }
  const pop = new Pop3Command({
    host: target.address,
    port: target.port,
    tls: true,
    // Spread after node-pop3's own `servername: host`, so an IP target sends no SNI.
    // node-pop3 types these as TlsOptions, but spreads them into tls.connect(): connection options work.
    tlsOptions: strictTlsOptions(target.hostname, target.address, options.extraCa) as TlsOptions,
    timeout: options.timeoutMs + 1000,
    // Unused: the login goes through command() below, one step at a time.
    user: '',
    password: '',
  });
  // node-pop3 emits 'error' for every -ERR line; with no listener that would throw in its data handler.
  let refusal: Error | null = null;
  const refused = new Promise<never>((_, reject) => {
    pop.on('error', (error: Error) => {
      refusal ??= error;
      reject(error);
    });
  });
  refused.catch(() => undefined);
  const send = async (verb: string, ...args: string[]): Promise<string> => {
    recordCommand(facts, verb);
    const [info] = await pop.command(verb, ...args);
    return boundedReply(String(info ?? ''));
  };

  const session = async () => {
    facts.stage = 'greeting';
    // A greeting of "-ERR …" is an 'error' event, not a rejection of connect().
    await Promise.race([pop.connect(), refused]);
    facts.tlsVersion = tlsVersionOf(pop);
    facts.stage = 'auth';
    await send('USER', credentials.user);
    facts.passwordSent = true;
    await send('PASS', credentials.password.reveal());
    facts.accepted = true;
    facts.stage = 'mailbox';
    await send('STAT');
    facts.mailboxChecked = true;
    facts.stage = 'logout';
    await send('QUIT');
  };

  try {
    await withinDeadline(session(), options.timeoutMs, () => pop._socket?.destroy());
  } catch (error) {
    describeFailure(facts, refusal ?? error);
  } finally {
    pop._socket?.destroy();
  }
  return facts;
};

function tlsVersionOf(pop: Pop3Command): string | null {
  const socket = pop._socket as { getProtocol?: () => string | null } | null;
  return typeof socket?.getProtocol === 'function' ? socket.getProtocol() : null;
}

function describeFailure(facts: SessionFacts, error: unknown): void {
  if (facts.accepted === true && facts.mailboxChecked) return; // only the goodbye failed
  if (error instanceof TimedOut) {
    facts.error = { code: 'ETIMEDOUT', message: `${error.message} (${facts.stage})` };
    return;
  }
  const eventName = (error as { eventName?: string } | null)?.eventName;
  if (eventName === 'error' && error instanceof Error && !(error as { code?: string }).code) {
    // An -ERR line: node-pop3 puts the text after "-ERR " in the message.
    const text = boundedReply(error.message);
    facts.serverReply = `-ERR ${text}`.trim();
    facts.responseCode = /^\[([A-Za-z/-]+)\]/.exec(text)?.[1]?.toUpperCase() ?? null;
    if (facts.stage === 'auth' || facts.stage === 'mailbox') {
      // Refused at USER (an unknown user, a disabled account) or at PASS: either way, a no.
      facts.accepted = false;
      facts.error = { code: 'AUTH_REFUSED', message: 'the server refused the login' };
    } else {
      facts.error = { code: 'SERVER_REFUSED', message: 'the server refused the connection' };
    }
    return;
  }
  const info = errorInfo(error, eventName === 'timeout' ? 'ETIMEDOUT' : 'EPOP3');
  if (eventName === 'bad-server-response') info.code = 'BAD_GREETING';
  facts.error = info;
  if (facts.stage === 'greeting' && (isCertificateError(info.code) || info.code.startsWith('ERR_SSL') || info.code === 'EPROTO')) facts.stage = 'tls';
  else if (facts.stage === 'greeting' && ['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET'].includes(info.code)) facts.stage = 'connect';
}
