import { createServer, type AddressInfo, type Socket } from 'node:net';
import { createSecureContext, TLSSocket } from 'node:tls';
import type { TestPki } from './pki.js';

/**
 * A scripted IMAP, POP3 or SMTP server for the login test: it answers a sign-in the way a given
 * provider does (Gmail's [ALERT], Microsoft's "AUTHENTICATE failed.", "535 5.7.139 …"), which a
 * local Dovecot cannot, and it writes down every line it receives, decrypted, so a test can prove
 * what the client did and did not send (no SELECT, RETR, DELE or MAIL FROM; no password over plain
 * text; one attempt). It presents the test PKI's `good` certificate and listens on 127.0.0.1.
 */

export type ScriptProtocol = 'imap' | 'pop3' | 'smtp';

export interface ScriptOptions {
  protocol: ScriptProtocol;
  /** `tls`: implicit TLS; `starttls`: plain text that offers STARTTLS/STLS; `plain`: no TLS at all, AUTH offered anyway. */
  security: 'tls' | 'starttls' | 'plain';
  pki: TestPki;
  /**
   * The answer to the password: `accept`, `silent` (never answer), or the lines to send. IMAP lines
   * starting with "* " go out as they are; others get the command's tag in front.
   */
  login: 'accept' | 'silent' | string[];
  /** IMAP: AUTH= capabilities (default PLAIN); none means LOGIN. SMTP: the AUTH line (default PLAIN LOGIN). */
  mechanisms?: string[];
}

export interface ScriptedServer {
  host: '127.0.0.1';
  port: number;
  /** Every line received, in order, over all connections (after TLS: decrypted). */
  lines: string[];
  /** Command verbs received, upper-cased, in order (the SASL payload lines are not verbs). */
  verbs(): string[];
  /** Sign-in attempts received: LOGIN/AUTHENTICATE, PASS, AUTH. */
  attempts(): number;
  connections(): number;
  close(): Promise<void>;
}

type Write = (text: string) => void;

export async function startScriptedServer(options: ScriptOptions): Promise<ScriptedServer> {
  const context = createSecureContext({ key: options.pki.good.key, cert: options.pki.good.cert });
  const lines: string[] = [];
  const verbs: string[] = [];
  const sockets = new Set<Socket>();
  let accepted = 0;
  let attempts = 0;

  const track = <S extends Socket>(socket: S): S => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    return socket;
  };

  const serve = (plain: Socket) => {
    let socket: Socket = plain;
    let secure = options.security === 'tls';
    const write: Write = (text) => {
      if (!socket.destroyed) socket.write(text);
    };
    const upgrade = () => {
      plain.removeAllListeners('data');
      socket = track(new TLSSocket(plain, { isServer: true, secureContext: context }));
      secure = true;
      read(socket);
    };
    const state = { pending: null as null | ((line: string) => void) };
    const handle = (line: string) => {
      lines.push(line);
      if (state.pending) {
        const next = state.pending;
        state.pending = null;
        next(line);
        return;
      }
      const verb = (options.protocol === 'imap' ? line.split(' ')[1] : line.split(' ')[0])?.toUpperCase() ?? '';
      verbs.push(verb);
      const respond = { imap: imapCommand, pop3: pop3Command, smtp: smtpCommand }[options.protocol];
      respond(line, verb, { write, secure: () => secure, upgrade, state, attempt: () => attempts++, end: () => socket.end() }, options);
    };
    const read = (from: Socket) => {
      let pending = '';
      from.on('data', (chunk: Buffer) => {
        pending += chunk.toString('latin1');
        let end: number;
        while ((end = pending.indexOf('\n')) >= 0) {
          const line = pending.slice(0, end).replace(/\r$/, '');
          pending = pending.slice(end + 1);
          handle(line);
        }
        if (pending.length > 8192) pending = '';
      });
    };
    if (options.security === 'tls') {
      socket = track(new TLSSocket(plain, { isServer: true, secureContext: context }));
      socket.once('secure', () => greet(write, options));
      read(socket);
    } else {
      greet(write, options);
      read(plain);
    }
  };

  const server = createServer((socket) => {
    accepted++;
    serve(track(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    host: '127.0.0.1',
    port,
    lines,
    verbs: () => [...verbs],
    attempts: () => attempts,
    connections: () => accepted,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        for (const socket of [...sockets]) socket.destroy();
        server.close(() => resolve());
      })),
  };
}

interface Session {
  write: Write;
  secure(): boolean;
  upgrade(): void;
  state: { pending: null | ((line: string) => void) };
  attempt(): void;
  end(): void;
}

function greet(write: Write, options: ScriptOptions): void {
  if (options.protocol === 'imap') write('* OK scripted IMAP ready\r\n');
  else if (options.protocol === 'pop3') write('+OK scripted POP3 ready\r\n');
  else write('220 smtp.good.test ESMTP scripted\r\n');
}

/** Answers the password: nothing, success, or the provider's scripted lines. */
function answerLogin(s: Session, options: ScriptOptions, success: string, prefix: string): void {
  s.attempt();
  if (options.login === 'silent') return;
  if (options.login === 'accept') {
    s.write(`${success}\r\n`);
    return;
  }
  for (const line of options.login) s.write(line.startsWith('* ') ? `${line}\r\n` : `${prefix}${line}\r\n`);
}

function imapCommand(line: string, verb: string, s: Session, options: ScriptOptions): void {
  const tag = line.split(' ')[0] ?? '*';
  const mechanisms = (options.mechanisms ?? ['PLAIN']).map((m) => `AUTH=${m}`);
  const caps = ['IMAP4rev1', 'ID', 'NAMESPACE', ...(s.secure() || options.security === 'plain' ? mechanisms : ['STARTTLS', 'LOGINDISABLED'])];
  switch (verb) {
    case 'CAPABILITY':
      s.write(`* CAPABILITY ${caps.join(' ')}\r\n${tag} OK done\r\n`);
      return;
    case 'STARTTLS':
      if (options.security !== 'starttls' || s.secure()) return s.write(`${tag} BAD no STARTTLS here\r\n`);
      s.write(`${tag} OK begin TLS\r\n`);
      return s.upgrade();
    case 'ID':
      return s.write(`* ID NIL\r\n${tag} OK done\r\n`);
    case 'LOGIN':
      return answerLogin(s, options, `${tag} OK logged in`, `${tag} `);
    case 'AUTHENTICATE':
      if (line.split(' ').length > 3) return answerLogin(s, options, `${tag} OK logged in`, `${tag} `);
      s.state.pending = () => answerLogin(s, options, `${tag} OK logged in`, `${tag} `);
      return s.write('+ \r\n');
    case 'NAMESPACE':
      return s.write(`* NAMESPACE (("" "/")) NIL NIL\r\n${tag} OK done\r\n`);
    case 'STATUS':
      return s.write(`* STATUS INBOX (MESSAGES 3)\r\n${tag} OK done\r\n`);
    case 'LOGOUT':
      s.write(`* BYE see you\r\n${tag} OK done\r\n`);
      return s.end();
    default:
      // SELECT, EXAMINE, FETCH, STORE, EXPUNGE …: recorded above, refused here.
      return s.write(`${tag} BAD not in this script\r\n`);
  }
}

function pop3Command(_line: string, verb: string, s: Session, options: ScriptOptions): void {
  switch (verb) {
    case 'CAPA':
      return s.write(`+OK\r\n${options.security === 'starttls' && !s.secure() ? 'STLS\r\n' : 'USER\r\n'}.\r\n`);
    case 'USER':
      return s.write('+OK send PASS\r\n');
    case 'PASS':
      return answerLogin(s, options, '+OK logged in', '');
    case 'STAT':
      return s.write('+OK 2 320\r\n');
    case 'QUIT':
      s.write('+OK bye\r\n');
      return s.end();
    default:
      return s.write('-ERR not in this script\r\n');
  }
}

function smtpCommand(line: string, verb: string, s: Session, options: ScriptOptions): void {
  const offerAuth = s.secure() || options.security === 'plain';
  switch (verb) {
    case 'EHLO': {
      const ext = [
        ...(options.security === 'starttls' && !s.secure() ? ['STARTTLS'] : []),
        ...(offerAuth ? [`AUTH ${(options.mechanisms ?? ['PLAIN', 'LOGIN']).join(' ')}`] : []),
        'SIZE 10240000',
      ];
      const all = ['smtp.good.test', ...ext];
      return s.write(all.map((e, i) => `250${i === all.length - 1 ? ' ' : '-'}${e}\r\n`).join(''));
    }
    case 'STARTTLS':
      if (options.security !== 'starttls' || s.secure()) return s.write('502 5.5.1 no STARTTLS here\r\n');
      s.write('220 2.0.0 go ahead\r\n');
      return s.upgrade();
    case 'AUTH': {
      const [, mechanism = '', initial] = line.split(' ');
      if (mechanism.toUpperCase() === 'PLAIN' && initial) return answerLogin(s, options, '235 2.7.0 Authentication successful', '');
      if (mechanism.toUpperCase() === 'LOGIN') {
        s.state.pending = () => {
          s.state.pending = () => answerLogin(s, options, '235 2.7.0 Authentication successful', '');
          s.write('334 UGFzc3dvcmQ6\r\n');
        };
        return s.write('334 VXNlcm5hbWU6\r\n');
      }
      return s.write('504 5.5.4 mechanism not in this script\r\n');
    }
    case 'QUIT':
      s.write('221 2.0.0 bye\r\n');
      return s.end();
    default:
      // MAIL, RCPT, DATA …: recorded above, refused here.
      return s.write('503 5.5.1 not in this script\r\n');
  }
}
