import { X509Certificate } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { promises as dns } from 'node:dns';
import { connect as connectTcp, type Socket } from 'node:net';
import { checkServerIdentity, connect as connectTls, type ConnectionOptions, type PeerCertificate, type TLSSocket } from 'node:tls';
import * as dnsPacket from 'dns-packet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type DnsServer } from './dns-server.js';
import { DOVECOT_SNI_NAMES, startDovecot, startPlainDovecot, type DovecotServer, type PlainDovecotServer } from './dovecot.js';
import { startHostileServer, type HostileServer } from './hostile-servers.js';
import { makeTestPki, type TestPki } from './pki.js';
import { SMTP_SIZE_LIMIT, startSmtpServers, type SmtpServers } from './smtp-server.js';

/*
 * Smoke tests of the test servers themselves, spoken to with node:net, node:tls and node:dns only, so a
 * failure here points at the fixture and not at the probe that later tests exercise against it.
 */

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A line-oriented client: buffers what arrives and waits for patterns, as a mail client would. */
class Conversation {
  private text = '';
  private ended = false;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  readonly chunks: Buffer[] = [];

  constructor(readonly socket: Socket) {
    socket.on('data', this.onData);
    socket.on('end', this.onEnd);
    socket.on('close', this.onEnd);
    socket.on('error', this.onError);
  }

  private onData = (chunk: Buffer) => {
    this.chunks.push(chunk);
    this.text += chunk.toString('latin1');
    this.wake?.();
  };
  private onEnd = () => {
    this.ended = true;
    this.wake?.();
  };
  private onError = (error: Error) => {
    this.failure = error;
    this.ended = true;
    this.wake?.();
  };

  get received(): string {
    return this.text;
  }
  get closed(): boolean {
    return this.ended;
  }
  get error(): Error | undefined {
    return this.failure;
  }

  send(line: string): void {
    this.socket.write(`${line}\r\n`);
  }

  /** Resolves with everything up to and including the first match, which is then consumed. */
  async waitFor(pattern: RegExp, ms = 5000): Promise<string> {
    const deadline = Date.now() + ms;
    for (;;) {
      const match = pattern.exec(this.text);
      if (match !== null) {
        const upTo = match.index + match[0].length;
        const consumed = this.text.slice(0, upTo);
        this.text = this.text.slice(upTo);
        return consumed;
      }
      const left = deadline - Date.now();
      if (this.ended || left <= 0) {
        throw new Error(`wanted ${String(pattern)}, got ${JSON.stringify(this.text.slice(-500))}${this.failure ? ` (${this.failure.message})` : this.ended ? ' (closed)' : ''}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  /** Waits until the peer closes the connection (or fails), for at most `ms`. */
  async waitClosed(ms = 5000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!this.ended) {
      if (Date.now() > deadline) throw new Error('still open');
      await pause(20);
    }
  }

  /** Waits for a byte count rather than a pattern: matching a regex over megabytes on every chunk is quadratic. */
  async waitForBytes(count: number, ms = 5000): Promise<Buffer> {
    const deadline = Date.now() + ms;
    for (;;) {
      const total = this.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
      if (total >= count) return Buffer.concat(this.chunks);
      if (this.ended || Date.now() > deadline) throw new Error(`wanted ${count} bytes, got ${total}${this.ended ? ' (closed)' : ''}`);
      await pause(20);
    }
  }

  /** Starts TLS on this connection (after STARTTLS/STLS) and hands the session to a new Conversation. */
  async startTls(options: ConnectionOptions): Promise<Conversation> {
    this.socket.off('data', this.onData);
    this.socket.off('end', this.onEnd);
    this.socket.off('close', this.onEnd);
    this.socket.off('error', this.onError);
    return handshake(connectTls({ ...options, socket: this.socket }));
  }

  close(): void {
    this.socket.destroy();
  }
}

function handshake(socket: TLSSocket): Promise<Conversation> {
  return new Promise((resolve, reject) => {
    socket.once('secureConnect', () => {
      socket.off('error', reject);
      resolve(new Conversation(socket));
    });
    socket.once('error', reject);
  });
}

function openTcp(host: string, port: number): Promise<Conversation> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp({ host, port });
    // Attach the reader before 'connect' so a greeting that arrives at once is not missed.
    const conversation = new Conversation(socket);
    socket.once('connect', () => resolve(conversation));
    socket.once('error', reject);
  });
}

function openTls(host: string, port: number, options: ConnectionOptions): Promise<Conversation> {
  return handshake(connectTls({ host, port, ...options }));
}

/** Connects with TLS and returns the verification outcome instead of failing on it. */
function tlsOutcome(host: string, port: number, options: ConnectionOptions): Promise<{ error?: NodeJS.ErrnoException; peer?: PeerCertificate }> {
  return new Promise((resolve) => {
    const socket = connectTls({ host, port, ...options });
    socket.once('secureConnect', () => {
      const peer = socket.getPeerCertificate();
      socket.destroy();
      resolve({ peer });
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      socket.destroy();
      resolve({ error });
    });
  });
}

let pki: TestPki;
let dovecot: DovecotServer;
let plainDovecot: PlainDovecotServer;
let smtp: SmtpServers;
let dnsServer: DnsServer;

beforeAll(async () => {
  pki = await makeTestPki();
  [dovecot, plainDovecot, smtp, dnsServer] = await Promise.all([
    startDovecot(pki),
    startPlainDovecot(),
    startSmtpServers(pki),
    startDnsServer({
      'Good.Test': { A: ['127.0.0.2'], AAAA: ['::1'], MX: [{ exchange: 'mail.good.test', priority: 10 }] },
      'mail.good.test.': { A: ['127.0.0.2'] },
      'many.test': { A: Array.from({ length: 60 }, (_, i) => `192.0.2.${i + 1}`) },
    }),
  ]);
});

afterAll(async () => {
  // Each stop is safe to call even if beforeAll failed half way.
  await Promise.all([dovecot?.stop(), plainDovecot?.stop(), smtp?.stop(), dnsServer?.close()]);
});

describe('test PKI', () => {
  it('makes CA-signed, expired, soon-expiring, wrong-name and self-signed certificates', () => {
    const ca = new X509Certificate(pki.caCert);
    const now = Date.now();
    const cert = (pem: string) => new X509Certificate(pem);
    expect(ca.ca).toBe(true);
    for (const leaf of [pki.good, pki.expired, pki.expiringSoon, pki.wrongName]) {
      expect(cert(leaf.cert).verify(ca.publicKey)).toBe(true);
      expect(cert(leaf.cert).checkIssued(ca)).toBe(true);
    }
    expect(cert(pki.selfSigned.cert).verify(ca.publicKey)).toBe(false);
    expect(cert(pki.good.cert).subjectAltName).toBe('DNS:good.test, DNS:mail.good.test, DNS:imap.good.test, DNS:pop.good.test, DNS:smtp.good.test');
    expect(cert(pki.wrongName.cert).subjectAltName).toBe('DNS:shared-host.example, DNS:*.hosting.example');
    expect(Date.parse(cert(pki.expired.cert).validTo)).toBeLessThan(now);
    const soon = Date.parse(cert(pki.expiringSoon.cert).validTo) - now;
    expect(soon).toBeGreaterThan(4 * 86_400_000);
    expect(soon).toBeLessThanOrEqual(5 * 86_400_000);
    expect(Date.parse(cert(pki.good.cert).validTo) - now).toBeGreaterThan(360 * 86_400_000);
  });

  it('returns the same set to every caller in a process', async () => {
    expect(await makeTestPki()).toBe(pki);
  });
});

describe('Dovecot', () => {
  it('offers STARTTLS with LOGINDISABLED on plain IMAP, and AUTH=PLAIN once encrypted', async () => {
    const plain = await openTcp(dovecot.host, dovecot.ports.imap);
    const greeting = await plain.waitFor(/\r\n/);
    expect(greeting).toMatch(/^\* OK \[CAPABILITY [^\]]*\bSTARTTLS\b[^\]]*\bLOGINDISABLED\b/);
    plain.send('a CAPABILITY');
    const before = await plain.waitFor(/^a OK .*\r\n/m);
    expect(before).toMatch(/^\* CAPABILITY .*\bLOGINDISABLED\b/m);
    expect(before).not.toMatch(/AUTH=PLAIN/);
    plain.send('b STARTTLS');
    await plain.waitFor(/^b OK .*\r\n/m);

    const secure = await plain.startTls({ servername: 'imap.good.test', ca: pki.caCert, rejectUnauthorized: true });
    expect((secure.socket as TLSSocket).authorized).toBe(true);
    secure.send('c CAPABILITY');
    const after = await secure.waitFor(/^c OK .*\r\n/m);
    expect(after).toMatch(/^\* CAPABILITY .*\bAUTH=PLAIN\b/m);
    expect(after).not.toMatch(/LOGINDISABLED|STARTTLS/);

    const [user] = dovecot.users;
    if (user === undefined) throw new Error('no test user');
    secure.send(`d LOGIN "${user.name}" "${user.password}"`);
    expect(await secure.waitFor(/^d (OK|NO|BAD) .*\r\n/m)).toMatch(/^d OK /m);
    secure.send('e LOGOUT');
    await secure.waitFor(/^e OK .*\r\n/m);
    secure.close();
  });

  it('chooses the IMAPS certificate by SNI', async () => {
    const trusting = { ca: pki.caCert, rejectUnauthorized: true };
    const at = (servername: string, options: ConnectionOptions = trusting) => tlsOutcome(dovecot.host, dovecot.ports.imaps, { servername, ...options });

    const good = await at('imap.good.test');
    expect(good.error).toBeUndefined();
    expect(good.peer?.subjectaltname).toContain('DNS:imap.good.test');

    const expired = await at(DOVECOT_SNI_NAMES.expired);
    expect(expired.error?.code).toBe('CERT_HAS_EXPIRED');
    expect((await at(DOVECOT_SNI_NAMES.expired, { rejectUnauthorized: false })).peer?.subject.CN).toBe('expired.test');

    const soon = await at(DOVECOT_SNI_NAMES.expiringSoon);
    expect(soon.error).toBeUndefined();
    expect(soon.peer?.subjectaltname).toBe('DNS:soon.test');
    expect(Date.parse(soon.peer?.valid_to ?? '') - Date.now()).toBeLessThanOrEqual(5 * 86_400_000);

    const selfSigned = await at(DOVECOT_SNI_NAMES.selfSigned);
    expect(selfSigned.error?.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect((await at(DOVECOT_SNI_NAMES.selfSigned, { rejectUnauthorized: false })).peer?.subjectaltname).toBe('DNS:selfsigned.test');

    const wrong = await at(DOVECOT_SNI_NAMES.wrongName);
    expect(wrong.error?.code).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    const wrongPeer = (await at(DOVECOT_SNI_NAMES.wrongName, { ca: pki.caCert, rejectUnauthorized: false })).peer;
    expect(wrongPeer?.subjectaltname).toBe('DNS:shared-host.example, DNS:*.hosting.example');
    if (wrongPeer === undefined) throw new Error('no peer certificate');
    // Trusted chain, wrong names: only the identity check fails, and the real hosting names pass it.
    expect(checkServerIdentity(DOVECOT_SNI_NAMES.wrongName, wrongPeer)).toBeInstanceOf(Error);
    expect(checkServerIdentity('box1.hosting.example', wrongPeer)).toBeUndefined();

    // Names without a local_name block get the default certificate.
    expect((await at('unknown.test', { rejectUnauthorized: false })).peer?.subject.CN).toBe('good.test');

    const greeting = await openTls(dovecot.host, dovecot.ports.imaps, { servername: 'imap.good.test', ...trusting });
    expect(await greeting.waitFor(/\r\n/)).toMatch(/^\* OK \[CAPABILITY [^\]]*AUTH=PLAIN/);
    greeting.close();
  });

  it('offers STLS on plain POP3 and USER only once encrypted; POP3S speaks TLS at once', async () => {
    const plain = await openTcp(dovecot.host, dovecot.ports.pop3);
    expect(await plain.waitFor(/\r\n/)).toMatch(/^\+OK /);
    plain.send('CAPA');
    const before = await plain.waitFor(/^\.\r\n/m);
    expect(before).toMatch(/^STLS\r$/m);
    expect(before).not.toMatch(/^USER\r$/m);
    plain.send('STLS');
    expect(await plain.waitFor(/\r\n/)).toMatch(/^\+OK/);
    const secure = await plain.startTls({ servername: 'pop.good.test', ca: pki.caCert });
    secure.send('CAPA');
    const after = await secure.waitFor(/^\.\r\n/m);
    expect(after).toMatch(/^USER\r$/m);
    expect(after).toMatch(/^SASL .*PLAIN/m);
    expect(after).not.toMatch(/^STLS/m);
    secure.send('QUIT');
    await secure.waitFor(/^\+OK.*\r\n/m);
    secure.close();

    const implicit = await openTls(dovecot.host, dovecot.ports.pop3s, { servername: 'pop.good.test', ca: pki.caCert });
    expect(await implicit.waitFor(/\r\n/)).toMatch(/^\+OK /);
    implicit.close();
  });

  it('without TLS configured, advertises LOGINDISABLED and no STARTTLS/STLS', async () => {
    const imap = await openTcp(plainDovecot.host, plainDovecot.ports.imap);
    const greeting = await imap.waitFor(/\r\n/);
    expect(greeting).toMatch(/\bLOGINDISABLED\b/);
    expect(greeting).not.toMatch(/STARTTLS/);
    imap.send('a STARTTLS');
    expect(await imap.waitFor(/^a .*\r\n/m)).toMatch(/^a BAD /m);
    imap.send('b LOGOUT');
    await imap.waitClosed();

    const pop3 = await openTcp(plainDovecot.host, plainDovecot.ports.pop3);
    await pop3.waitFor(/^\+OK .*\r\n/);
    pop3.send('CAPA');
    const capa = await pop3.waitFor(/^\.\r\n/m);
    expect(capa).not.toMatch(/^(STLS|USER)\r$/m);
    pop3.send('QUIT');
    await pop3.waitClosed();
  });
});

describe('SMTP servers', () => {
  it('submission offers STARTTLS and SIZE, and AUTH only after STARTTLS, which never succeeds', async () => {
    const plain = await openTcp(smtp.host, smtp.ports.submission);
    expect(await plain.waitFor(/\r\n/)).toMatch(/^220 smtp\.good\.test /);
    plain.send('EHLO client.test');
    const ehlo = await plain.waitFor(/^250 .*\r\n/m);
    expect(ehlo).toMatch(/^250[- ]STARTTLS\r$/m);
    expect(ehlo).toMatch(new RegExp(`^250[- ]SIZE ${SMTP_SIZE_LIMIT}\\r$`, 'm'));
    expect(ehlo).not.toMatch(/AUTH/);
    plain.send('MAIL FROM:<a@client.test>');
    expect(await plain.waitFor(/\r\n/)).toMatch(/^530 /);
    plain.send('STARTTLS');
    expect(await plain.waitFor(/\r\n/)).toMatch(/^220 /);

    const secure = await plain.startTls({ servername: 'smtp.good.test', ca: pki.caCert });
    secure.send('EHLO client.test');
    const after = await secure.waitFor(/^250 .*\r\n/m);
    expect(after).toMatch(/^250[- ]AUTH PLAIN LOGIN\r$/m);
    expect(after).not.toMatch(/STARTTLS/);
    secure.send(`AUTH PLAIN ${Buffer.from('\0user\0password').toString('base64')}`);
    expect(await secure.waitFor(/\r\n/)).toMatch(/^535 /);
    secure.send('QUIT');
    await secure.waitFor(/^221 /m);
    secure.close();
  });

  it('smtps speaks TLS at once; plainNoTls has no STARTTLS', async () => {
    const implicit = await openTls(smtp.host, smtp.ports.smtps, { servername: 'smtp.good.test', ca: pki.caCert });
    expect(await implicit.waitFor(/\r\n/)).toMatch(/^220 /);
    implicit.send('EHLO client.test');
    expect(await implicit.waitFor(/^250 .*\r\n/m)).toMatch(/AUTH PLAIN LOGIN/);
    implicit.close();

    const plain = await openTcp(smtp.host, smtp.ports.plainNoTls);
    await plain.waitFor(/^220 .*\r\n/);
    plain.send('EHLO client.test');
    const ehlo = await plain.waitFor(/^250 .*\r\n/m);
    expect(ehlo).not.toMatch(/STARTTLS/);
    plain.send('STARTTLS');
    expect(await plain.waitFor(/\r\n/)).toMatch(/^5\d\d /);
    plain.close();
  });
});

describe('DNS server', () => {
  it('answers A, AAAA and MX through a node Resolver, with NODATA and NXDOMAIN where due', async () => {
    const resolver = new dns.Resolver({ timeout: 2000, tries: 1 });
    resolver.setServers([`${dnsServer.host}:${dnsServer.port}`]);
    expect(await resolver.resolve4('good.test')).toEqual(['127.0.0.2']);
    expect(await resolver.resolve6('good.test')).toEqual(['::1']);
    expect(await resolver.resolveMx('good.test')).toEqual([{ exchange: 'mail.good.test', priority: 10 }]);
    expect(await resolver.resolve4('MAIL.good.TEST')).toEqual(['127.0.0.2']);
    await expect(resolver.resolveMx('mail.good.test')).rejects.toMatchObject({ code: 'ENODATA' });
    await expect(resolver.resolve4('nowhere.test')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    // Too big for 512 bytes of UDP: the Resolver retries over TCP on the same port.
    expect(await resolver.resolve4('many.test')).toHaveLength(60);
    expect(dnsServer.queries).toContainEqual({ name: 'many.test', type: 'A', transport: 'tcp' });
  });

  it('matches names case-insensitively on the wire', async () => {
    const udp = createSocket('udp4');
    try {
      const reply = await new Promise<Buffer>((resolve, reject) => {
        udp.once('message', resolve);
        udp.once('error', reject);
        udp.send(dnsPacket.encode({ type: 'query', id: 4242, flags: dnsPacket.RECURSION_DESIRED, questions: [{ type: 'A', name: 'GoOd.TeSt' }] }), dnsServer.port, dnsServer.host);
      });
      const packet = dnsPacket.decode(reply);
      expect(packet.id).toBe(4242);
      expect(packet.flag_aa).toBe(true);
      expect(packet.answers?.map((a) => (a.type === 'A' ? a.data : null))).toEqual(['127.0.0.2']);
    } finally {
      udp.close();
    }
  });
});

describe('hostile servers', () => {
  const servers: HostileServer[] = [];
  const start = async (...args: Parameters<typeof startHostileServer>) => {
    const server = await startHostileServer(...args);
    servers.push(server);
    return server;
  };
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it('silent accepts and never writes; close() drops its connections', async () => {
    const server = await start('silent');
    const client = await openTcp(server.host, server.port);
    await pause(300);
    expect(client.received).toBe('');
    expect(client.closed).toBe(false);
    expect(server.accepted()).toBe(1);
    await server.close();
    await client.waitClosed(1000);
    await expect(openTcp(server.host, server.port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('huge-line writes 2 MB without a line end and stays open', async () => {
    const server = await start('huge-line');
    const client = await openTcp(server.host, server.port);
    const bytes = await client.waitForBytes(2 * 1024 * 1024);
    expect(bytes.length).toBe(2 * 1024 * 1024);
    expect(bytes.includes(10)).toBe(false);
    await pause(100);
    expect(client.closed).toBe(false);
    client.close();
  });

  it('trickle sends its greeting one byte per second', async () => {
    const server = await start('trickle');
    const client = await openTcp(server.host, server.port);
    await pause(1300);
    expect(client.received.length).toBeGreaterThanOrEqual(1);
    expect(client.received.length).toBeLessThanOrEqual(3);
    expect('* OK slow greeting\r\n'.startsWith(client.received)).toBe(true);
    client.close();
  });

  it('garbage sends 64 KiB of random bytes', async () => {
    const server = await start('garbage');
    const client = await openTcp(server.host, server.port);
    const bytes = await client.waitForBytes(65536);
    await pause(50);
    expect(Buffer.concat(client.chunks).length).toBe(65536);
    expect(bytes.some((b) => b > 127)).toBe(true);
    client.close();
  });

  it('http is silent until a line arrives, then answers 400 like nginx and closes', async () => {
    const server = await start('http');
    const client = await openTcp(server.host, server.port);
    await pause(200);
    expect(client.received).toBe('');
    client.send('a CAPABILITY');
    expect(await client.waitFor(/\r\n/)).toBe('HTTP/1.1 400 Bad Request\r\n');
    await client.waitClosed();
    expect(client.received).toMatch(/Server: nginx/);
  });

  it('plain-imap greets in plain text, which a TLS client cannot handshake with', async () => {
    const server = await start('plain-imap');
    const client = await openTcp(server.host, server.port);
    expect(await client.waitFor(/\r\n/)).toBe('* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready\r\n');
    client.close();
    const { error } = await tlsOutcome(server.host, server.port, { servername: 'imap.good.test', ca: pki.caCert });
    expect(error?.code).toMatch(/^ERR_SSL_/);
  });

  it('tls-imap says nothing to a plain-text client and greets a TLS client', async () => {
    const server = await start('tls-imap', { pki });
    const plain = await openTcp(server.host, server.port);
    await pause(300);
    expect(plain.received).toBe('');
    plain.close();
    const secure = await openTls(server.host, server.port, { servername: 'imap.good.test', ca: pki.caCert });
    expect(await secure.waitFor(/\r\n/)).toBe('* OK ready\r\n');
    secure.close();
  });

  it('reset-mid-greeting sends half a greeting, then a TCP reset', async () => {
    const server = await start('reset-mid-greeting');
    const client = await openTcp(server.host, server.port);
    await client.waitClosed();
    expect(client.received).toBe('* OK Dov');
    expect((client.error as NodeJS.ErrnoException | undefined)?.code).toBe('ECONNRESET');
  });

  it('tls10 refuses a modern client and serves one that allows TLS 1.0/1.1', async () => {
    const server = await start('tls10');
    const modern = await tlsOutcome(server.host, server.port, { servername: 'imap.good.test', ca: pki.caCert });
    expect(modern.error?.code).toMatch(/^ERR_SSL_/);
    const legacy = await openTls(server.host, server.port, {
      servername: 'imap.good.test',
      ca: pki.caCert,
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1.1',
      ciphers: 'DEFAULT:@SECLEVEL=0',
    });
    expect((legacy.socket as TLSSocket).getProtocol()).toBe('TLSv1.1');
    expect(await legacy.waitFor(/\r\n/)).toMatch(/^\* OK /);
    legacy.close();
  });

  it('starttls-injection appends a plain-text line to its STARTTLS reply, then speaks TLS', async () => {
    const server = await start('starttls-injection');
    const client = await openTcp(server.host, server.port);
    await client.waitFor(/^\* OK .*\r\n/);
    const chunksBefore = client.chunks.length;
    client.send('x STARTTLS');
    await client.waitFor(/\* OK injected\r\n/);
    const replyChunks = client.chunks.slice(chunksBefore).map((c) => c.toString('latin1'));
    expect(replyChunks).toEqual(['x OK Begin TLS\r\n* OK injected\r\n']);
    const secure = await client.startTls({ servername: 'imap.good.test', ca: pki.caCert });
    secure.send('y CAPABILITY');
    expect(await secure.waitFor(/^y OK .*\r\n/m)).toMatch(/AUTH=PLAIN/);
    secure.close();
  });
});
