import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { clearInterval, clearTimeout, setInterval, setTimeout } from 'node:timers';
import { createSecureContext, TLSSocket, type SecureContextOptions } from 'node:tls';
import { makeTestPki, type TestPki } from './pki.js';

/**
 * Misbehaving servers a mail probe must survive: each one breaks a different assumption about what the
 * other end of a mail port does. All listen on 127.0.0.1 on a port chosen by the kernel.
 */
export type HostileKind =
  /** Accepts and never writes a byte. */
  | 'silent'
  /** Writes 2 MB without any line end, then keeps the connection open. */
  | 'huge-line'
  /** Writes "* OK slow greeting\r\n" one byte per second. */
  | 'trickle'
  /** Writes 64 KiB of random bytes, then keeps the connection open. */
  | 'garbage'
  /** Behaves like nginx on the wrong port: silent until a line arrives, then an HTTP 400 and close. */
  | 'http'
  /** A plain-text IMAP server, for a port where the probe expects implicit TLS. */
  | 'plain-imap'
  /** Implicit TLS (the `good` certificate), then an IMAP greeting, for a port where the probe expects plain text. */
  | 'tls-imap'
  /** Writes "* OK Dov", then aborts the connection with a TCP RST. */
  | 'reset-mid-greeting'
  /** Implicit TLS limited to TLS 1.0/1.1, then an IMAP greeting. */
  | 'tls10'
  /** Plain IMAP whose STARTTLS reply carries an extra plain-text line in the same write before TLS starts. */
  | 'starttls-injection';

export interface HostileOptions {
  /** Certificates for the TLS kinds; the cached test PKI is used when omitted. */
  pki?: TestPki;
}

export interface HostileServer {
  host: '127.0.0.1';
  port: number;
  /** How many connections it has accepted so far. */
  accepted(): number;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const HUGE_LINE_BYTES = 2 * 1024 * 1024;
const GARBAGE_BYTES = 64 * 1024;
const TRICKLE_TEXT = '* OK slow greeting\r\n';
const PLAIN_CAPABILITY = 'IMAP4rev1 STARTTLS LOGINDISABLED';
const TLS_CAPABILITY = 'IMAP4rev1 AUTH=PLAIN';

/**
 * Splits a stream into CRLF- or LF-terminated lines. The buffer is capped so a client sending garbage
 * (e.g. a TLS ClientHello to a plain-text port) cannot make the server grow without bound.
 */
function onLines(socket: Socket, handle: (line: string) => void): void {
  let pending = '';
  socket.on('data', (chunk: Buffer) => {
    pending = `${pending}${chunk.toString('latin1')}`;
    let end: number;
    while ((end = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, end).replace(/\r$/, '');
      pending = pending.slice(end + 1);
      handle(line);
      if (socket.destroyed) return;
    }
    if (pending.length > 8192) {
      pending = '';
      handle('');
    }
  });
}

/** A tiny IMAP responder: enough for CAPABILITY, NOOP and LOGOUT, with BAD for anything else. */
function imapCommand(socket: Socket, line: string, capability: string, extra?: (tag: string, command: string) => boolean): void {
  const [tag = '*', rawCommand = ''] = line.split(' ');
  const command = rawCommand.toUpperCase();
  const safeTag = /^[A-Za-z0-9.]{1,32}$/.test(tag) ? tag : '*';
  if (extra?.(safeTag, command)) return;
  switch (command) {
    case 'CAPABILITY':
      socket.write(`* CAPABILITY ${capability}\r\n${safeTag} OK CAPABILITY completed\r\n`);
      return;
    case 'NOOP':
      socket.write(`${safeTag} OK NOOP completed\r\n`);
      return;
    case 'LOGOUT':
      socket.end(`* BYE Logging out\r\n${safeTag} OK LOGOUT completed\r\n`);
      return;
    default:
      socket.write(`${safeTag} BAD Error in IMAP command\r\n`);
  }
}

export async function startHostileServer(kind: HostileKind, options: HostileOptions = {}): Promise<HostileServer> {
  const needsTls = kind === 'tls-imap' || kind === 'tls10' || kind === 'starttls-injection';
  const pki = needsTls ? (options.pki ?? (await makeTestPki())) : undefined;
  const tlsOptions = (extra: SecureContextOptions = {}) => {
    if (pki === undefined) throw new Error(`${kind} needs certificates`);
    return createSecureContext({ key: pki.good.key, cert: pki.good.cert, ...extra });
  };
  // Built once per server: making a secure context parses keys, which is not free per connection.
  const modernContext = needsTls ? tlsOptions() : undefined;
  // OpenSSL 3 refuses TLS < 1.2 at security level 1 and above; level 0 is the only way to offer it.
  const legacyContext = kind === 'tls10' ? tlsOptions({ minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT:@SECLEVEL=0' }) : undefined;

  const sockets = new Set<Socket>();
  type Timer = ReturnType<typeof setTimeout>;
  const timers = new Set<Timer>();
  let acceptedCount = 0;
  let closed = false;

  const track = <S extends Socket>(socket: S): S => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // Clients reset, time out, or send garbage to TLS: none of that may crash the test process.
    socket.on('error', () => socket.destroy());
    return socket;
  };
  const later = (ms: number, action: () => void, repeat = false): Timer => {
    const timer: Timer = repeat
      ? setInterval(action, ms)
      : setTimeout(() => {
          timers.delete(timer);
          action();
        }, ms);
    timers.add(timer);
    return timer;
  };
  const cancel = (timer: Timer) => {
    clearTimeout(timer);
    clearInterval(timer);
    timers.delete(timer);
  };
  const serverTls = (socket: Socket, context: ReturnType<typeof createSecureContext> | undefined): TLSSocket => {
    if (context === undefined) throw new Error(`${kind} needs a TLS context`);
    return track(new TLSSocket(socket, { isServer: true, secureContext: context }));
  };

  const handlers: Record<HostileKind, (socket: Socket) => void> = {
    silent: () => undefined,
    'huge-line': (socket) => {
      socket.write(Buffer.alloc(HUGE_LINE_BYTES, 'A'));
    },
    trickle: (socket) => {
      let sent = 0;
      const timer = later(
        1000,
        () => {
          if (socket.destroyed || sent >= TRICKLE_TEXT.length) {
            cancel(timer);
            return;
          }
          socket.write(TRICKLE_TEXT.charAt(sent));
          sent++;
        },
        true,
      );
      socket.on('close', () => cancel(timer));
      // The first byte goes out at once, so "slow" is measurable from the start.
      socket.write(TRICKLE_TEXT.charAt(0));
      sent = 1;
    },
    garbage: (socket) => {
      socket.write(randomBytes(GARBAGE_BYTES));
    },
    http: (socket) => {
      let answered = false;
      onLines(socket, () => {
        if (answered) return;
        answered = true;
        const body = '<html>\r\n<head><title>400 Bad Request</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
        socket.end(
          [
            'HTTP/1.1 400 Bad Request',
            'Server: nginx',
            `Date: ${new Date().toUTCString()}`,
            'Content-Type: text/html',
            `Content-Length: ${Buffer.byteLength(body)}`,
            'Connection: close',
            '',
            body,
          ].join('\r\n'),
        );
      });
    },
    'plain-imap': (socket) => {
      socket.write(`* OK [CAPABILITY ${PLAIN_CAPABILITY}] ready\r\n`);
      onLines(socket, (line) => imapCommand(socket, line, PLAIN_CAPABILITY));
    },
    'tls-imap': (socket) => {
      const secure = serverTls(socket, modernContext);
      secure.once('secure', () => {
        secure.write('* OK ready\r\n');
        onLines(secure, (line) => imapCommand(secure, line, TLS_CAPABILITY));
      });
    },
    'reset-mid-greeting': (socket) => {
      socket.write('* OK Dov', () => {
        // A short pause lets the half greeting arrive as its own read before the reset.
        later(50, () => {
          if (!socket.destroyed) socket.resetAndDestroy();
        });
      });
    },
    tls10: (socket) => {
      const secure = serverTls(socket, legacyContext);
      secure.once('secure', () => {
        secure.write('* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] legacy TLS ready\r\n');
        onLines(secure, (line) => imapCommand(secure, line, TLS_CAPABILITY));
      });
    },
    'starttls-injection': (socket) => {
      socket.write(`* OK [CAPABILITY ${PLAIN_CAPABILITY}] ready\r\n`);
      let upgraded = false;
      onLines(socket, (line) => {
        if (upgraded) return;
        imapCommand(socket, line, PLAIN_CAPABILITY, (tag, command) => {
          if (command !== 'STARTTLS') return false;
          upgraded = true;
          // The injected line shares one write (one TCP segment on loopback) with the tagged OK, so it sits in
          // the client's buffer, unprotected, when the client starts TLS.
          socket.write(`${tag} OK Begin TLS\r\n* OK injected\r\n`);
          socket.removeAllListeners('data');
          const secure = serverTls(socket, modernContext);
          secure.once('secure', () => onLines(secure, (next) => imapCommand(secure, next, TLS_CAPABILITY)));
          return true;
        });
      });
    },
  };

  const server = createServer((socket) => {
    acceptedCount++;
    track(socket);
    if (closed) {
      socket.destroy();
      return;
    }
    handlers[kind](socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: HOST, port: 0 }, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      closed = true;
      for (const timer of [...timers]) cancel(timer);
      for (const socket of [...sockets]) socket.destroy();
      server.close(() => resolve());
    });
    return closing;
  };
  return { host: HOST, port, accepted: () => acceptedCount, close };
}
