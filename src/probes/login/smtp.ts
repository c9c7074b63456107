import type { Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { connectTcp } from '../connect.js';
import { Deadline } from '../deadline.js';
import { LineReader } from '../line-reader.js';
import { ProbeError } from '../probe-error.js';
import { errorInfo } from './deadline.js';
import { strictTlsOptions } from './tls-options.js';
import { boundedReply, newSessionFacts, recordCommand, type Credentials, type LoginSession, type LoginTarget, type SessionFacts, type SessionOptions } from './types.js';

/**
 * SMTP submission login (RFC 4954 AUTH, RFC 3207 STARTTLS, RFC 8314): banner, EHLO, STARTTLS and
 * EHLO again on a plain port, one AUTH PLAIN (or AUTH LOGIN when PLAIN is not offered), QUIT.
 * Never MAIL FROM, RCPT or DATA: nothing can be sent. Written on the probe's bounded line reader
 * and deadline (neither installed library speaks SMTP); TLS is verified before AUTH goes out.
 */

const EHLO_NAME = 'emailhelp-probe.invalid';
const MAX_REPLY_LINES = 100;

export const smtpLogin: LoginSession = async (target, credentials, options) => {
  const facts = newSessionFacts();
  const deadline = new Deadline(options.timeoutMs, options.timeoutMs);
  let socket: Socket | null = null;
  try {
    socket = await connectTcp(target.address, target.port, deadline);
    if (target.security === 'tls') {
      facts.stage = 'tls';
      socket = await handshake(socket, target, options, deadline);
      facts.tlsVersion = (socket as TLSSocket).getProtocol() ?? null;
    }
    await dialogue(new Conversation(socket, deadline), target, credentials, options, facts, (s) => (socket = s));
  } catch (error) {
    describeFailure(facts, error);
  } finally {
    socket?.destroy();
  }
  return facts;
};

/** Lines in and out over one socket, replaced by the TLS socket after STARTTLS. */
class Conversation {
  reader: LineReader;
  constructor(
    public socket: Socket,
    readonly deadline: Deadline,
  ) {
    this.reader = new LineReader(socket);
  }

  send(facts: SessionFacts, verb: string, line: string): void {
    recordCommand(facts, verb);
    this.socket.write(`${line}\r\n`);
  }

  /** A whole reply: "250-first", "250-more", "250 last" (RFC 5321 §4.2.1). */
  async reply(): Promise<{ code: number; lines: string[] }> {
    const lines: string[] = [];
    for (let i = 0; i < MAX_REPLY_LINES; i++) {
      const line = await this.reader.readLine(this.deadline);
      const m = /^(\d{3})([ -]?)(.*)$/.exec(line);
      if (!m) throw new ProbeError('BAD_GREETING', 'greeting', `not an SMTP reply: ${JSON.stringify(line.slice(0, 80))}`);
      lines.push(m[3] ?? '');
      if (m[2] !== '-') return { code: Number(m[1]), lines };
    }
    throw new ProbeError('RESPONSE_TOO_LONG', 'capability', 'no end to the SMTP reply');
  }
}

async function dialogue(
  c: Conversation,
  target: LoginTarget,
  credentials: Credentials,
  options: SessionOptions,
  facts: SessionFacts,
  replaceSocket: (socket: Socket) => void,
): Promise<void> {
  facts.stage = 'greeting';
  const banner = await c.reply();
  if (banner.code !== 220) return refusedConnection(facts, banner);
  facts.stage = 'capability';
  let caps = await ehlo(c, facts);
  if (target.security === 'starttls') {
    facts.stage = 'starttls';
    if (!caps.includes('STARTTLS')) {
      facts.error = { code: 'NO_STARTTLS', message: `port ${target.port} offers no STARTTLS: the password would cross the network unencrypted` };
      return quit(c, facts);
    }
    c.send(facts, 'STARTTLS', 'STARTTLS');
    const go = await c.reply();
    if (go.code !== 220) {
      facts.error = { code: 'STARTTLS_REFUSED', message: `the server refused STARTTLS: ${boundedReply(go.lines.join(' ')).slice(0, 200)}` };
      return quit(c, facts);
    }
    // Bytes after "220 go ahead" and before the handshake would be read as if they came over TLS.
    if (c.reader.pendingBytes() > 0) throw new ProbeError('STARTTLS_INJECTION', 'starttls', 'the server sent more data after agreeing to STARTTLS, before the TLS handshake');
    c.reader.detach();
    c.socket = await handshake(c.socket, target, options, c.deadline);
    replaceSocket(c.socket);
    c.reader = new LineReader(c.socket);
    facts.tlsVersion = (c.socket as TLSSocket).getProtocol() ?? null;
    facts.stage = 'capability';
    caps = await ehlo(c, facts);
  }
  const mechanisms = (caps.find((l) => /^AUTH[ =]/.test(l)) ?? '').slice(5).split(' ').filter(Boolean);
  facts.stage = 'auth';
  if (!mechanisms.includes('PLAIN') && !mechanisms.includes('LOGIN')) {
    const offered = mechanisms.length > 0 ? `only ${mechanisms.join(' ')}` : 'no AUTH at all';
    facts.error = { code: 'NO_PASSWORD_AUTH', message: `the server offers ${offered}: no sign-in with a password here` };
    facts.serverReply = mechanisms.length > 0 ? `AUTH ${mechanisms.join(' ')}` : null;
    return quit(c, facts);
  }
  const answer = await authenticate(c, facts, credentials, mechanisms.includes('PLAIN') ? 'PLAIN' : 'LOGIN');
  facts.accepted = answer.code === 235;
  if (!facts.accepted) {
    facts.serverReply = `${answer.code} ${boundedReply(answer.lines.join(' '))}`.trim();
    facts.responseCode = smtpCodes(answer);
    facts.error = { code: 'AUTH_REFUSED', message: 'the server refused the login' };
  }
  return quit(c, facts);
}

/** One AUTH exchange: PLAIN with its initial response (RFC 4954 §4), or LOGIN's two prompts. */
async function authenticate(c: Conversation, facts: SessionFacts, credentials: Credentials, mechanism: 'PLAIN' | 'LOGIN') {
  const encode = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  if (mechanism === 'PLAIN') {
    facts.passwordSent = true;
    c.send(facts, 'AUTH', `AUTH PLAIN ${encode(`\0${credentials.user}\0${credentials.password.reveal()}`)}`);
    return c.reply();
  }
  c.send(facts, 'AUTH', 'AUTH LOGIN');
  let answer = await c.reply();
  if (answer.code !== 334) return answer;
  c.socket.write(`${encode(credentials.user)}\r\n`);
  answer = await c.reply();
  if (answer.code !== 334) return answer;
  facts.passwordSent = true;
  c.socket.write(`${encode(credentials.password.reveal())}\r\n`);
  return c.reply();
}

async function ehlo(c: Conversation, facts: SessionFacts): Promise<string[]> {
  c.send(facts, 'EHLO', `EHLO ${EHLO_NAME}`);
  const answer = await c.reply();
  if (answer.code !== 250) throw new ProbeError(String(answer.code), 'capability', `EHLO refused: ${boundedReply(answer.lines[0] ?? '').slice(0, 200)}`);
  return answer.lines.slice(1, 201).map((l) => l.trim().toUpperCase());
}

/** Says goodbye without waiting for the answer: the verdict is already known. */
function quit(c: Conversation, facts: SessionFacts): void {
  if (c.socket.destroyed) return;
  c.send(facts, 'QUIT', 'QUIT');
  c.socket.end();
}

function refusedConnection(facts: SessionFacts, banner: { code: number; lines: string[] }): void {
  facts.serverReply = `${banner.code} ${boundedReply(banner.lines.join(' '))}`.trim();
  facts.responseCode = smtpCodes(banner);
  facts.error = { code: String(banner.code), message: 'the server did not greet with 220' };
}

/** "535" and "5.7.8" of "535 5.7.8 …", as "535 5.7.8". */
function smtpCodes(answer: { code: number; lines: string[] }): string {
  const enhanced = /^([245]\.\d{1,3}\.\d{1,3})\b/.exec(answer.lines[0] ?? '')?.[1];
  return enhanced ? `${answer.code} ${enhanced}` : String(answer.code);
}

async function handshake(socket: Socket, target: LoginTarget, options: SessionOptions, deadline: Deadline): Promise<TLSSocket> {
  const secure = tlsConnect({ socket, ...strictTlsOptions(target.hostname, target.address, options.extraCa) });
  try {
    await deadline.step(
      'tls',
      new Promise<void>((resolve, reject) => {
        secure.once('secureConnect', resolve);
        secure.once('error', reject);
      }),
      () => secure.destroy(),
    );
    return secure;
  } catch (error) {
    secure.destroy();
    throw error;
  }
}

function describeFailure(facts: SessionFacts, error: unknown): void {
  const info = errorInfo(error, 'ESMTP');
  facts.error = info;
  if (error instanceof ProbeError && error.stage === 'connect') facts.stage = 'connect';
  if (info.code === 'ETIMEDOUT') facts.error = { code: 'ETIMEDOUT', message: `${info.message.replace(/ \(\w+\)$/, '')} (${facts.stage})` };
}
