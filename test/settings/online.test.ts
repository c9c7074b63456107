import { createServer, type AddressInfo } from 'node:net';
import ipaddr from 'ipaddr.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover, type DiscoverContext } from '../../src/core/settings/online.js';
import { parseAutoconfig } from '../../src/core/settings/autoconfig-xml.js';
import { safeFetch, SafeFetchError } from '../../src/core/settings/safe-fetch.js';
import { SettingsInputError, type SettingsAnswer } from '../../src/core/settings/types.js';
import { startDnsServer, type DnsRecords, type DnsServer } from '../support/dns-server.js';
import { reservePorts } from '../support/free-port.js';
import { startHostileServer, type HostileServer } from '../support/hostile-servers.js';
import { startHttpsServer, type HttpsServer } from '../support/https-server.js';
import { makeTestPki, type TestPki } from '../support/pki.js';
import { startSmtpServers, type SmtpServers } from '../support/smtp-server.js';

/**
 * Online discovery against real parts on loopback: a DNS server (A, MX, SRV, and names that never
 * answer) reached through DNS_SERVERS, an HTTPS server whose certificate comes from the test CA
 * (trusted through extraCa, never by turning verification off), the IMAP-over-TLS and SMTP
 * servers of the probe tests for confirmed guesses, and a server that accepts and says nothing.
 * PROBE_ALLOW_NETWORKS is 127.0.0.0/8, so everything else (10.x, 169.254.169.254) stays blocked.
 */

const TIMEOUT_MS = 3000;
const ALL_LOOPBACK = '127.0.0.1';

let pki: TestPki;
let dns: DnsServer;
let web: HttpsServer;
let smtp: SmtpServers;
let imapTls: HostileServer;
let silent: HostileServer;
let closedPort: number;
let base: DiscoverContext;

interface XmlServer {
  type: 'imap' | 'pop3' | 'smtp';
  host: string;
  port: number;
  socket: 'SSL' | 'STARTTLS' | 'plain';
  username?: string;
}

function configXml(name: string, servers: XmlServer[], extra = ''): string {
  const server = (s: XmlServer) => {
    const tag = s.type === 'smtp' ? 'outgoingServer' : 'incomingServer';
    return `<${tag} type="${s.type}"><hostname>${s.host}</hostname><port>${s.port}</port><socketType>${s.socket}</socketType><username>${s.username ?? '%EMAILADDRESS%'}</username><authentication>password-cleartext</authentication></${tag}>`;
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n<clientConfig version="1.1"><emailProvider id="${name}"><domain>${name}</domain><displayName>${name} mail</displayName>${servers.map(server).join('')}${extra}</emailProvider></clientConfig>`;
}

const imap = (host: string, port = 993): XmlServer => ({ type: 'imap', host, port, socket: 'SSL' });
const submission = (host: string): XmlServer => ({ type: 'smtp', host, port: 587, socket: 'STARTTLS' });
const autoconfigPath = (domain: string) => `autoconfig.${domain}/mail/config-v1.1.xml`;

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE clientConfig [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<clientConfig version="1.1"><emailProvider id="bomb.test"><displayName>&lol9;</displayName>
<incomingServer type="imap"><hostname>imap.bomb.test</hostname><port>993</port><socketType>SSL</socketType><username>%EMAILADDRESS%</username></incomingServer>
</emailProvider></clientConfig>`;

const at = (ip: string) => ({ A: [ip] });

beforeAll(async () => {
  pki = await makeTestPki();
  const webNames = [
    'ispdb.test',
    'wk.test',
    ...['acme.test', 'both.test', 'stale.test', 'agree.test', 'ispdbsrv.test', 'slowauto.test', 'fast.test', 'dead.test', 'bomb.test', 'huge.test', 'schema.test', 'redirect.test', 'redirect2.test', 'loop.test', 'html.test', 'partial.test', 'downgrade.test', 'bounce.test', 'mixed.test', 'untrusted.test'].map(
      (d) => `autoconfig.${d}`,
    ),
    'html.test',
  ];
  [web, smtp, imapTls, silent, [closedPort = 0]] = await Promise.all([
    startHttpsServer({ pki, names: webNames, host: ALL_LOOPBACK }),
    startSmtpServers(pki),
    startHostileServer('tls-imap', { pki }),
    startHostileServer('silent'),
    reservePorts(1),
  ]);

  const records: DnsRecords = {
    'ispdb.test': at(ALL_LOOPBACK),
    'autoconfig.acme.test': at(ALL_LOOPBACK),
    'wk.test': at(ALL_LOOPBACK),
    'html.test': at(ALL_LOOPBACK),
    'autoconfig.html.test': at(ALL_LOOPBACK),
    // SRV alone: IMAP over TLS and submission with STARTTLS; POP3 explicitly not offered.
    '_imaps._tcp.srv.test': { SRV: [{ target: 'imap.srv.test', port: 993, priority: 10, weight: 1 }] },
    '_submission._tcp.srv.test': { SRV: [{ target: 'smtp.srv.test', port: 587 }] },
    '_pop3._tcp.srv.test': { SRV: [{ target: '.', port: 0 }] },
    'imap.srv.test': at('127.0.0.2'),
    'smtp.srv.test': at('127.0.0.2'),
    // MX alone.
    'custom-m365.test': { MX: [{ exchange: 'custom-m365-test.mail.protection.outlook.com', priority: 0 }] },
    'workspace.test': { MX: [{ exchange: 'alt1.aspmx.l.google.com', priority: 5 }, { exchange: 'aspmx.l.google.com', priority: 1 }] },
    'gated.test': { MX: [{ exchange: 'eu-smtp-inbound-1.mimecast.com', priority: 10 }] },
    'ownmx.test': { MX: [{ exchange: 'mx.ownmx.test', priority: 10 }] },
    'nomx.test': { A: ['127.0.0.3'] },
    // Guess alone: the test CA's `good` certificate covers imap.good.test and smtp.good.test.
    'imap.good.test': at(ALL_LOOPBACK),
    'smtp.good.test': at(ALL_LOOPBACK),
    'imap.wrongcert.test': at(ALL_LOOPBACK),
    'mail.internal.test': at('10.1.2.3'),
    // Precedence and disagreement.
    'autoconfig.both.test': at(ALL_LOOPBACK),
    '_imaps._tcp.both.test': { SRV: [{ target: 'imap.srvhost.test', port: 993 }] },
    'imap.srvhost.test': at('127.0.0.2'),
    'both.test': { MX: [{ exchange: 'aspmx.l.google.com', priority: 1 }] },
    'autoconfig.stale.test': at(ALL_LOOPBACK),
    'stale.test': { MX: [{ exchange: 'stale-test.mail.protection.outlook.com', priority: 0 }] },
    'autoconfig.agree.test': at(ALL_LOOPBACK),
    'agree.test': { MX: [{ exchange: 'agree-test.mail.protection.outlook.com', priority: 0 }] },
    '_imaps._tcp.ispdbsrv.test': { SRV: [{ target: 'imap.srvhost.test', port: 993 }] },
    '_imaps._tcp.srvmx.test': { SRV: [{ target: 'imap.srvhost.test', port: 993 }] },
    'srvmx.test': { MX: [{ exchange: 'mx1.emailsrvr.com', priority: 10 }] },
    // Deadline: an autoconfig server that never answers, resolvers that never answer, a silent mail port.
    'autoconfig.slowauto.test': at(ALL_LOOPBACK),
    'slowauto.test': { MX: [{ exchange: 'aspmx.l.google.com', priority: 1 }] },
    'autoconfig.fast.test': at(ALL_LOOPBACK),
    'fast.test': { silent: true },
    '_imaps._tcp.fast.test': { silent: true },
    '_submission._tcp.fast.test': { silent: true },
    'imap.fast.test': at(ALL_LOOPBACK),
    'autoconfig.dead.test': at(ALL_LOOPBACK),
    'dead.test': { silent: true },
    '_imaps._tcp.dead.test': { silent: true },
    'imap.dead.test': at(ALL_LOOPBACK),
    // Hostile answers.
    'autoconfig.bomb.test': at(ALL_LOOPBACK),
    'autoconfig.huge.test': at(ALL_LOOPBACK),
    'autoconfig.schema.test': at(ALL_LOOPBACK),
    'autoconfig.redirect.test': at(ALL_LOOPBACK),
    'autoconfig.redirect2.test': at(ALL_LOOPBACK),
    'intranet.redirect2.test': at('10.0.0.8'),
    'autoconfig.loop.test': at(ALL_LOOPBACK),
    'autoconfig.downgrade.test': at(ALL_LOOPBACK),
    'autoconfig.partial.test': at(ALL_LOOPBACK),
    'autoconfig.privauto.test': at('192.168.1.10'),
    'autoconfig.untrusted.test': at(ALL_LOOPBACK),
    'autoconfig.bounce.test': at(ALL_LOOPBACK),
    'autoconfig.mixed.test': { A: [ALL_LOOPBACK, '10.9.9.9'] },
    '_imaps._tcp.srvpriv.test': { SRV: [{ target: 'internal.srvpriv.test', port: 993 }] },
    '_submission._tcp.srvpriv.test': { SRV: [{ target: 'smtp.srv.test', port: 587 }] },
    'internal.srvpriv.test': at('10.0.0.5'),
    '_imaps._tcp.allpriv.test': { SRV: [{ target: 'metadata.allpriv.test', port: 993 }] },
    'metadata.allpriv.test': at('169.254.169.254'),
    'privmx.test': { MX: [{ exchange: 'aspmx.l.google.com', priority: 1 }] },
  };
  dns = await startDnsServer(records);

  const routes = web.routes;
  routes.set(autoconfigPath('acme.test'), { body: configXml('acme.test', [imap('imap.acme.test'), { type: 'pop3', host: 'pop.acme.test', port: 995, socket: 'SSL' }, submission('smtp.acme.test')]) });
  routes.set('wk.test/.well-known/autoconfig/mail/config-v1.1.xml', { body: configXml('wk.test', [imap('mail.%EMAILDOMAIN%'), submission('mail.%EMAILDOMAIN%')]) });
  routes.set('ispdb.test/v1.1/ispdbonly.test', { body: configXml('ispdbonly.test', [imap('imap.ispdbonly-provider.test'), submission('smtp.ispdbonly-provider.test')]) });
  routes.set('ispdb.test/v1.1/ispdbsrv.test', { body: configXml('ispdbsrv.test', [imap('imap.ispdb-says.test'), submission('smtp.ispdb-says.test')]) });
  routes.set(autoconfigPath('both.test'), { body: configXml('both.test', [imap('mail.both.test'), submission('mail.both.test')]) });
  routes.set(autoconfigPath('stale.test'), { body: configXml('stale.test', [imap('mail.stale.test'), submission('mail.stale.test')]) });
  routes.set(autoconfigPath('agree.test'), { body: configXml('agree.test', [imap('outlook.office365.com'), submission('smtp.office365.com')]) });
  routes.set(autoconfigPath('slowauto.test'), { hang: true });
  routes.set(autoconfigPath('fast.test'), { body: configXml('fast.test', [imap('imap.fast.test'), submission('smtp.fast.test')]) });
  routes.set(autoconfigPath('dead.test'), { hang: true });
  routes.set(autoconfigPath('bomb.test'), { body: BILLION_LAUGHS });
  routes.set(autoconfigPath('huge.test'), { streamBytes: 10 * 1024 * 1024 });
  routes.set(autoconfigPath('schema.test'), { body: '<?xml version="1.0"?><settings><imap host="imap.schema.test"/></settings>' });
  routes.set(autoconfigPath('redirect.test'), { redirect: 'https://169.254.169.254/latest/meta-data/' });
  routes.set(autoconfigPath('redirect2.test'), { redirect: 'https://intranet.redirect2.test/mail/config-v1.1.xml', status: 301 });
  routes.set(autoconfigPath('loop.test'), { redirect: '/mail/config-v1.1.xml?again=1' });
  routes.set(autoconfigPath('downgrade.test'), { redirect: 'http://autoconfig.downgrade.test/mail/config-v1.1.xml' });
  routes.set(autoconfigPath('html.test'), { status: 404 });
  routes.set('html.test/.well-known/autoconfig/mail/config-v1.1.xml', { body: '<!DOCTYPE html><html><body>Welcome to our web site</body></html>', contentType: 'text/html' });
  routes.set(autoconfigPath('partial.test'), {
    body: configXml('partial.test', [imap('imap.partial.test'), { type: 'imap', host: '10.0.0.1', port: 993, socket: 'SSL' }, { type: 'smtp', host: 'smtp.partial.test', port: 99999, socket: 'SSL' }, { type: 'pop3', host: 'pop.partial.test', port: 995, socket: 'SSL', username: '&lt;script&gt;' }, submission('smtp.partial.test')]),
  });
  routes.set(autoconfigPath('untrusted.test'), { body: configXml('untrusted.test', [imap('imap.untrusted.test')]) });

  base = {
    config: { probeTimeoutMs: TIMEOUT_MS, probeAllowNetworks: [ipaddr.parseCIDR('127.0.0.0/8')], dnsServers: [{ host: dns.host, port: dns.port }] },
    extraCa: [pki.caCert],
    ports: { https: web.port, imaps: imapTls.port, imap: closedPort, pop3s: closedPort, pop3: closedPort, smtps: smtp.ports.smtps, submission: smtp.ports.submission },
    ispdbBaseUrl: 'https://ispdb.test',
  };
}, 60_000);

afterAll(async () => {
  await Promise.all([web?.close(), smtp?.stop(), imapTls?.close(), silent?.close(), dns?.close()]);
});

async function timed(input: string, overrides: Partial<DiscoverContext> = {}, timeoutMs = TIMEOUT_MS): Promise<{ answer: SettingsAnswer; ms: number }> {
  const started = performance.now();
  const answer = await discover(input, { ...base, ...overrides, config: { ...base.config, probeTimeoutMs: timeoutMs } });
  return { answer, ms: performance.now() - started };
}

const servers = (list: SettingsAnswer['incoming']) => list.map((s) => `${s.protocol} ${s.host}:${s.port} ${s.security} ${s.username}`);
const notes = (a: SettingsAnswer) => a.notes.join('\n');

describe('discover: each source alone', () => {
  it('bundled data answers a known domain at once, with no network', async () => {
    const { answer, ms } = await timed('anna@gmail.com', { fetchImpl: () => Promise.reject(new Error('no network expected')) });
    expect(answer.source).toBe('bundled');
    expect(answer.provider?.id).toBe('google');
    expect(ms).toBeLessThan(50);
  });

  it('autoconfig.<domain>: the file is read over HTTPS, with the address as Thunderbird sends it', async () => {
    const { answer } = await timed('Anna.Example@ACME.test');
    expect(answer).toMatchObject({ domain: 'acme.test', provider: { id: 'acme.test', name: 'acme.test mail' }, source: 'autoconfig' });
    expect(servers(answer.incoming)).toEqual(['imap imap.acme.test:993 tls email', 'pop3 pop.acme.test:995 tls email']);
    expect(servers(answer.outgoing)).toEqual(['smtp smtp.acme.test:587 starttls email']);
    expect(notes(answer)).toMatch(/own autoconfig file \(https:\/\/autoconfig\.acme\.test\/mail\/config-v1\.1\.xml\)/);
    expect(notes(answer)).toMatch(/Leave a copy of messages on the server/);
    expect(web.requests.find((r) => r.host === 'autoconfig.acme.test')?.url).toBe('/mail/config-v1.1.xml?emailaddress=Anna.Example%40acme.test');
    // The local part goes to the domain's own server only, never into the answer.
    expect(JSON.stringify(answer)).not.toMatch(/anna/i);
  });

  it('<domain>/.well-known/autoconfig: %EMAILDOMAIN% is filled in', async () => {
    const { answer } = await timed('wk.test');
    expect(answer.source).toBe('autoconfig');
    expect(servers(answer.incoming)).toEqual(['imap mail.wk.test:993 tls email']);
    expect(servers(answer.outgoing)).toEqual(['smtp mail.wk.test:587 starttls email']);
  });

  it('online ISPDB (injectable base URL): only the domain is sent', async () => {
    const { answer } = await timed('bob@ispdbonly.test');
    expect(answer).toMatchObject({ source: 'ispdb', provider: { id: 'ispdbonly.test', name: 'ispdbonly.test mail' } });
    expect(servers(answer.incoming)).toEqual(['imap imap.ispdbonly-provider.test:993 tls email']);
    expect(web.requests.filter((r) => r.host === 'ispdb.test').map((r) => r.url)).toContain('/v1.1/ispdbonly.test');
    expect(JSON.stringify(web.requests.filter((r) => r.host === 'ispdb.test'))).not.toContain('bob');
  });

  it('SRV records (RFC 6186/8314): implicit TLS and submission, a "." target means not offered', async () => {
    const { answer } = await timed('srv.test');
    expect(answer).toMatchObject({ source: 'srv', provider: { id: 'srv.test' } });
    expect(servers(answer.incoming)).toEqual(['imap imap.srv.test:993 tls email']);
    expect(servers(answer.outgoing)).toEqual(['smtp smtp.srv.test:587 starttls email']);
    expect(notes(answer)).toMatch(/_imaps\._tcp\.srv\.test/);
    expect(notes(answer)).toMatch(/does not say the user name format/);
  });

  it.each([
    ['custom-m365.test', 'microsoft365', 'outlook.office365.com'],
    ['workspace.test', 'google', 'imap.gmail.com'],
  ])('MX → provider: %s is %s', async (domain, id, host) => {
    const { answer } = await timed(`someone@${domain}`);
    expect(answer).toMatchObject({ source: 'mx', provider: { id } });
    expect(answer.incoming[0]?.host).toBe(host);
    expect(notes(answer)).toMatch(/From the domain's MX record/);
  });

  it('MX at a filtering gateway says so instead of guessing', async () => {
    const { answer } = await timed('gated.test');
    expect(answer).toMatchObject({ source: 'mx', provider: null, incoming: [], outgoing: [] });
    expect(notes(answer)).toMatch(/Mimecast, a filtering gateway/);
  });

  it('a guess is kept only when a probe confirms it: IMAP over TLS, SMTP over TLS and with STARTTLS', async () => {
    const { answer } = await timed('good.test');
    expect(answer).toMatchObject({ source: 'guess', provider: { id: 'good.test' } });
    expect(servers(answer.incoming)).toEqual([`imap imap.good.test:${imapTls.port} tls email`]);
    expect(servers(answer.outgoing)).toEqual([`smtp smtp.good.test:${smtp.ports.smtps} tls email`, `smtp smtp.good.test:${smtp.ports.submission} starttls email`]);
    expect(notes(answer)).toMatch(/Guessed: imap\.good\.test, smtp\.good\.test answered/);
  });

  it('a guessed server whose certificate names others is not suggested, and the note says why', async () => {
    const { answer } = await timed('wrongcert.test');
    expect(answer.provider).toBeNull();
    expect(notes(answer)).toMatch(/imap\.wrongcert\.test port \d+ answers IMAP, but its certificate is valid for good\.test/);
  });

  it('a guessed server that only speaks TLS 1.0/1.1 is not suggested', async () => {
    const old = await startHostileServer('tls10', { pki });
    try {
      const { answer } = await timed('good.test', { ports: { ...base.ports, imaps: old.port }, sources: ['guess'] });
      expect(answer.incoming).toEqual([]);
      expect(answer.outgoing.length).toBeGreaterThan(0);
      expect(notes(answer)).toMatch(/imap\.good\.test port \d+ answers IMAP, but only with TLSv1(\.1)?, which current mail apps refuse/);
    } finally {
      await old.close();
    }
  });

  it('a guessed name that resolves inside the network is not probed', async () => {
    const { answer } = await timed('internal.test');
    expect(answer.provider).toBeNull();
    expect(notes(answer)).toMatch(/mail\.internal\.test resolves to 10\.1\.2\.3 \(private\), so it was not probed/);
  });

  it('sources can be run alone', async () => {
    const { answer } = await timed('both.test', { sources: ['mx'] });
    expect(answer.source).toBe('mx');
    expect(answer.provider?.id).toBe('google');
  });
});

describe('discover: precedence and disagreement', () => {
  it('autoconfig outranks SRV and MX; each disagreement is a note, not a silent choice', async () => {
    const { answer } = await timed('both.test');
    expect(answer.source).toBe('autoconfig');
    expect(answer.incoming[0]?.host).toBe('mail.both.test');
    const disagree = answer.notes.filter((n) => n.startsWith('Sources disagree'));
    expect(disagree).toHaveLength(2);
    expect(disagree.join('\n')).toMatch(/SRV records names imap\.srvhost\.test/);
    expect(disagree.join('\n')).toMatch(/Google Workspace \/ Gmail/);
  });

  it("Thunderbird's failure: a stale autoconfig file against MX records at Microsoft 365 gets a clear note", async () => {
    const { answer } = await timed('stale.test');
    expect(answer.source).toBe('autoconfig');
    expect(answer.notes[0]).toMatch(
      /^Sources disagree: the domain's autoconfig file names mail\.stale\.test, but the MX records send mail for stale\.test to Microsoft 365 .*probably left over from an earlier host: use the servers of Microsoft 365 .*\(incoming outlook\.office365\.com, outgoing smtp\.office365\.com\)/,
    );
  });

  it('sources that agree add no disagreement note', async () => {
    const { answer } = await timed('agree.test');
    expect(answer.source).toBe('autoconfig');
    expect(notes(answer)).not.toMatch(/disagree/);
  });

  it('online ISPDB outranks SRV', async () => {
    const { answer } = await timed('ispdbsrv.test');
    expect(answer.source).toBe('ispdb');
    expect(notes(answer)).toMatch(/Sources disagree: Thunderbird's online ISPDB names imap\.ispdb-says\.test, while the domain's SRV records names imap\.srvhost\.test/);
  });

  it('SRV outranks MX', async () => {
    const { answer } = await timed('srvmx.test');
    expect(answer.source).toBe('srv');
    expect(notes(answer)).toMatch(/MX records names secure\.emailsrvr\.com/);
  });
});

describe('discover: one deadline', () => {
  it('a high-priority answer returns at once while other sources are still waiting', async () => {
    // fast.test: autoconfig answers; its MX and SRV questions are never answered; imap.fast.test is a silent server.
    const { answer, ms } = await timed('fast.test', { ports: { ...base.ports, imaps: silent.port, imap: silent.port } });
    expect(answer.source).toBe('autoconfig');
    expect(ms).toBeLessThan(TIMEOUT_MS / 4);
  });

  it('a stalled higher source holds a lower answer only for a short grace', async () => {
    const { answer, ms } = await timed('slowauto.test', {}, 2000);
    expect(answer).toMatchObject({ source: 'mx', provider: { id: 'google' } });
    expect(ms).toBeLessThan(2000 / 4 + 300);
    expect(notes(answer)).toMatch(/No answer from the domain's autoconfig file within \d\.\d s/);
  });

  it.each([1000, 2000])('sources that never answer do not hold the answer past PROBE_TIMEOUT_MS=%i', async (timeoutMs) => {
    const { answer, ms } = await timed('dead.test', { ports: { ...base.ports, imaps: silent.port, imap: silent.port } }, timeoutMs);
    expect(answer.provider).toBeNull();
    expect(ms).toBeLessThan(timeoutMs);
    expect(ms).toBeGreaterThan(timeoutMs * 0.8);
    expect(notes(answer)).toMatch(new RegExp(`No answer from .* within PROBE_TIMEOUT_MS \\(${timeoutMs} ms\\)`));
  });
});

describe('discover: hostile answers', () => {
  it('an XML entity bomb is refused before parsing', async () => {
    const { answer, ms } = await timed('bomb.test');
    expect(answer.provider).toBeNull();
    expect(notes(answer)).toMatch(/autoconfig\.bomb\.test.* was ignored: it declares a DTD or entities/);
    expect(ms).toBeLessThan(1000);
  });

  it('a 10 MB body is cut off at 256 KiB and reported', async () => {
    const before = web.streamedBytes();
    const { answer, ms } = await timed('huge.test');
    expect(answer.provider).toBeNull();
    expect(notes(answer)).toMatch(/autoconfig\.huge\.test.* was cut off and not used: more than 262144 bytes/);
    expect(ms).toBeLessThan(1500);
    expect(web.streamedBytes() - before).toBeLessThan(5 * 1024 * 1024);
  });

  it('a file in the wrong schema is ignored with a note; a web site\'s HTML page silently', async () => {
    const wrong = await timed('schema.test');
    expect(wrong.answer.provider).toBeNull();
    expect(notes(wrong.answer)).toMatch(/was ignored: it has no clientConfig\/emailProvider/);
    const html = await timed('html.test');
    expect(html.answer.provider).toBeNull();
    expect(notes(html.answer)).not.toMatch(/well-known/);
  });

  it('unusable server entries are dropped and counted; the rest is used', async () => {
    const { answer } = await timed('partial.test');
    expect(answer.source).toBe('autoconfig');
    expect(servers(answer.incoming)).toEqual(['imap imap.partial.test:993 tls email']);
    expect(servers(answer.outgoing)).toEqual(['smtp smtp.partial.test:587 starttls email']);
    expect(notes(answer)).toMatch(/3 server entries of the file had an unusable host name, port, encryption or user name/);
  });

  it.each([
    ['redirect.test', /redirects to https:\/\/169\.254\.169\.254\/latest\/meta-data\/, which was not fetched: 169\.254\.169\.254 is a linkLocal address/],
    ['redirect2.test', /redirects to https:\/\/intranet\.redirect2\.test\/mail\/config-v1\.1\.xml, which was not fetched: .*10\.0\.0\.8 \(private\)/],
    ['loop.test', /was not used: more than 3 redirects/],
    ['downgrade.test', /redirects to http:\/\/autoconfig\.downgrade\.test\/mail\/config-v1\.1\.xml, which was not fetched: settings files are only read over HTTPS/],
    ['privauto.test', /autoconfig\.privauto\.test.* was not fetched: autoconfig\.privauto\.test resolves to 192\.168\.1\.10 \(private\)/],
  ])('%s: a blocked or unsafe redirect is not followed', async (domain, message) => {
    const { answer } = await timed(domain);
    expect(answer.provider).toBeNull();
    expect(notes(answer)).toMatch(message);
  });

  it('nothing is sent to a blocked redirect target, and a name with one internal address is blocked whole', async () => {
    // Only 127.0.0.1 is allowed here; the redirect goes to a listener on 127.0.0.2 that counts connections.
    let connections = 0;
    const counter = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => counter.listen(0, '127.0.0.2', resolve));
    const { port } = counter.address() as AddressInfo;
    web.routes.set('autoconfig.bounce.test/mail/config-v1.1.xml', { redirect: `https://127.0.0.2:${port}/mail/config-v1.1.xml` });
    const options = {
      allowNetworks: [ipaddr.parseCIDR('127.0.0.1/32')],
      dnsServers: base.config.dnsServers,
      extraCa: base.extraCa,
      signal: new AbortController().signal,
      deadlineAt: performance.now() + 2000,
      httpsPort: web.port,
    };
    try {
      const bounced = await safeFetch('https://autoconfig.bounce.test/mail/config-v1.1.xml', options).catch((e: unknown) => e);
      expect(bounced).toMatchObject({ code: 'BLOCKED_ADDRESS', url: `https://127.0.0.2:${port}/mail/config-v1.1.xml` });
      expect(web.requests.some((r) => r.host === 'autoconfig.bounce.test')).toBe(true);
      const mixed = await safeFetch('https://autoconfig.mixed.test/mail/config-v1.1.xml', options).catch((e: unknown) => e);
      expect(mixed).toBeInstanceOf(SafeFetchError);
      expect((mixed as SafeFetchError).message).toMatch(/10\.9\.9\.9 \(private\)/);
      expect(web.requests.some((r) => r.host === 'autoconfig.mixed.test')).toBe(false);
      expect(connections).toBe(0);
    } finally {
      await new Promise((resolve) => counter.close(resolve));
    }
  });

  it('an autoconfig server without a trusted certificate is not used', async () => {
    const { answer } = await timed('untrusted.test', { extraCa: [] });
    expect(answer.provider).toBeNull();
    expect(notes(answer)).toMatch(/autoconfig\.untrusted\.test.* was not used: its HTTPS certificate is not valid/);
  });

  it('an SRV record pointing at a private address is dropped with a note; the rest is kept', async () => {
    const { answer } = await timed('srvpriv.test');
    expect(answer.source).toBe('srv');
    expect(answer.incoming).toEqual([]);
    expect(servers(answer.outgoing)).toEqual(['smtp smtp.srv.test:587 starttls email']);
    expect(notes(answer)).toMatch(/_imaps\._tcp\.srvpriv\.test points to internal\.srvpriv\.test, which resolves to 10\.0\.0\.5 \(private\): ignored/);
  });

  it('SRV records pointing only at the cloud metadata address give no answer, and say why', async () => {
    const { answer } = await timed('allpriv.test');
    expect(answer.provider).toBeNull();
    expect(notes(answer)).toMatch(/metadata\.allpriv\.test, which resolves to 169\.254\.169\.254 \(linkLocal\): ignored/);
  });

  it('a domain with no records at all: provider null, empty lists, notes on what to try', async () => {
    const { answer, ms } = await timed('someone@nothing-here.test');
    expect(answer).toMatchObject({ domain: 'nothing-here.test', provider: null, incoming: [], outgoing: [] });
    expect(answer.notes[0]).toBe('nothing-here.test does not exist in DNS: check the spelling of the address.');
    expect(notes(answer)).toMatch(/Ask the IT department or the mail provider of nothing-here\.test/);
    expect(ms).toBeLessThan(1000);
  });

  it('a domain without MX, and one whose MX is its own server, say so', async () => {
    expect((await timed('nomx.test')).answer.notes[0]).toMatch(/nomx\.test has no MX record/);
    expect((await timed('ownmx.test')).answer.notes[0]).toMatch(/goes to mx\.ownmx\.test, which is not a provider emailhelp knows/);
  });

  it('bad input is a SettingsInputError, before any network', async () => {
    await expect(discover('not a domain', base)).rejects.toBeInstanceOf(SettingsInputError);
    await expect(discover('@example.com', base)).rejects.toBeInstanceOf(SettingsInputError);
  });
});

describe('parseAutoconfig: the file format, hostile text', () => {
  it('decodes predefined entities and character references, and nothing else', () => {
    const xml = configXml('x.test', [imap('imap.x.test')]).replace('x.test mail', 'A &amp; B &#x263A; &#x110000; &foo; \u0007');
    const doc = parseAutoconfig(xml, 'x.test');
    expect(doc.displayName).toBe('A & B ☺ &#x110000; &foo;');
  });

  it.each([
    ['not XML', '<clientConfig><emailProvider>', /not well-formed/],
    ['too many servers', configXml('x.test', Array.from({ length: 41 }, () => imap('imap.x.test'))), /41 servers/],
    ['only Exchange', '<clientConfig><emailProvider id="x.test"><incomingServer type="exchange"><hostname>ex.x.test</hostname></incomingServer></emailProvider></clientConfig>', /no usable/],
  ])('%s is refused', (_name, xml, message) => {
    expect(() => parseAutoconfig(xml, 'x.test')).toThrow(message);
  });
});
