import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import ipaddr from 'ipaddr.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probe, type Check, type ProbeContext, type ProbeReport } from '../../src/core/probe/index.js';
import type { CheckSpec } from '../../src/probes/types.js';
import { startDnsServer, type DnsServer } from '../support/dns-server.js';
import { startDovecot, startPlainDovecot, type DovecotServer, type PlainDovecotServer } from '../support/dovecot.js';
import { makeTestPki, type TestPki } from '../support/pki.js';
import { startSmtpServers, type SmtpServers } from '../support/smtp-server.js';

/**
 * The probe against real servers on loopback: Debian's Dovecot (IMAP/POP3, TLS certificates chosen
 * by SNI), smtp-server for SMTP, a real DNS server reached through DNS_SERVERS, and certificates
 * from a test CA that the probe trusts as an extra CA — verification is never turned off.
 */

let pki: TestPki;
let dns: DnsServer;
let dovecot: DovecotServer;
let plain: PlainDovecotServer;
let smtp: SmtpServers;
let counter: Server;
let counted = 0;
let context: ProbeContext;

const STEP_MS = 1500;

beforeAll(async () => {
  pki = await makeTestPki();
  [dovecot, plain, smtp] = await Promise.all([startDovecot(pki), startPlainDovecot(), startSmtpServers(pki)]);
  counter = createServer((socket) => {
    counted++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => counter.listen(0, '127.0.0.1', resolve));
  const at = (ip: string) => ({ A: [ip] });
  const srvPorts = { imaps: dovecot.ports.imaps, imap: dovecot.ports.imap };
  dns = await startDnsServer({
    'good.test': at(dovecot.host),
    'imap.good.test': at(dovecot.host),
    'expired.test': at(dovecot.host),
    'soon.test': at(dovecot.host),
    'selfsigned.test': at(dovecot.host),
    'wrongname.test': at(dovecot.host),
    'plain.test': at(plain.host),
    'smtp.good.test': at('127.0.0.1'),
    'internal.test': at('127.0.0.1'),
    'mixed.test': { A: ['8.8.8.8', '10.0.0.5'] },
    'private.test': { A: ['10.1.2.3'] },
    // A custom domain that publishes its servers in SRV records only (RFC 6186).
    '_imaps._tcp.srv-domain.test': { SRV: [{ target: 'good.test', port: srvPorts.imaps }] },
    '_imap._tcp.srv-domain.test': { SRV: [{ target: 'imap.good.test', port: srvPorts.imap }] },
    'metadata.test': { A: ['169.254.169.254'] },
    'v6only.test': { AAAA: ['::1'] },
  });
  context = {
    config: { probeTimeoutMs: STEP_MS, probeAllowNetworks: [ipaddr.parseCIDR('127.0.0.0/8')], dnsServers: [{ host: dns.host, port: dns.port }] },
    extraCa: [pki.caCert],
  };
}, 60_000);

afterAll(async () => {
  await Promise.all([dovecot?.stop(), plain?.stop(), smtp?.stop(), dns?.close(), new Promise((resolve) => counter?.close(resolve))]);
});

async function one(host: string, spec: CheckSpec, ctx: ProbeContext = context): Promise<{ report: ProbeReport; check: Check }> {
  const report = await probe({ input: host, checks: [spec] }, ctx);
  const check = report.checks[0];
  if (!check) throw new Error('no check');
  return { report, check };
}

describe('probe: Dovecot IMAP and POP3 with a good certificate', () => {
  it('IMAP over implicit TLS: trusted certificate, greeting, capabilities', async () => {
    const { report, check } = await one('good.test', { protocol: 'imap', port: dovecot.ports.imaps, security: 'tls' });
    expect(check.status).toBe('ok');
    expect(check.failedStage).toBeNull();
    expect(check.tls).toMatchObject({ authorized: true, authorizationError: null });
    expect(check.tls?.version).toMatch(/^TLSv1\.[23]$/);
    expect(check.tls?.certificate).toMatchObject({ hostnameMatch: true, selfSigned: false });
    expect(check.tls?.certificate?.daysLeft).toBeGreaterThan(300);
    expect(check.greeting).toMatch(/^\* OK/);
    expect(check.capabilities).toContain('IMAP4REV1');
    expect(check.authMechanisms).toContain('PLAIN');
    expect(check.timingsMs.total).toBeGreaterThan(0);
    expect(report.addresses).toEqual([dovecot.host]);
    expect(report.causes).toEqual([]);
  });

  it('IMAP with STARTTLS: LOGINDISABLED before, AUTH=PLAIN after the upgrade', async () => {
    const { check } = await one('imap.good.test', { protocol: 'imap', port: dovecot.ports.imap, security: 'starttls' });
    expect(check.status).toBe('ok');
    expect(check.starttls?.offered).toBe(true);
    expect(check.starttls?.capabilitiesBefore).toEqual(expect.arrayContaining(['STARTTLS', 'LOGINDISABLED']));
    expect(check.capabilities).not.toContain('LOGINDISABLED');
    expect(check.authMechanisms).toContain('PLAIN');
    expect(check.tls?.authorized).toBe(true);
  });

  it('POP3 over TLS and with STLS: SASL mechanisms after the upgrade', async () => {
    const tls = await one('good.test', { protocol: 'pop3', port: dovecot.ports.pop3s, security: 'tls' });
    expect(tls.check.status).toBe('ok');
    expect(tls.check.greeting).toMatch(/^\+OK/);
    expect(tls.check.capabilities).toEqual(expect.arrayContaining(['USER', 'UIDL']));
    const stls = await one('good.test', { protocol: 'pop3', port: dovecot.ports.pop3, security: 'starttls' });
    expect(stls.check.status).toBe('ok');
    expect(stls.check.starttls?.capabilitiesBefore).toContain('STLS');
    expect(stls.check.authMechanisms).toContain('PLAIN');
  });
});

describe('probe: certificates', () => {
  it.each([
    ['expired.test', 'CERT_HAS_EXPIRED', /expired on/],
    ['selfsigned.test', 'DEPTH_ZERO_SELF_SIGNED_CERT', /self-signed/],
    ['wrongname.test', 'ERR_TLS_CERT_ALTNAME_INVALID', /valid for shared-host\.example.*set the server name to shared-host\.example/],
  ])('%s fails at TLS with %s and says why', async (host, code, message) => {
    const { report, check } = await one(host, { protocol: 'imap', port: dovecot.ports.imaps, security: 'tls' });
    expect(check.status).toBe('fail');
    expect(check.failedStage).toBe('tls');
    expect(check.error?.code).toBe(code);
    expect(check.error?.message).toMatch(message);
    expect(check.tls?.certificate).not.toBeNull();
    expect(report.causes).toEqual(['certificate_problem']);
  });

  it('reports the certificate of a STARTTLS upgrade at the starttls stage', async () => {
    const { check } = await one('expired.test', { protocol: 'imap', port: dovecot.ports.imap, security: 'starttls' });
    expect(check.failedStage).toBe('starttls');
    expect(check.error?.code).toBe('CERT_HAS_EXPIRED');
    expect(check.tls?.certificate?.daysLeft).toBeLessThan(0);
  });

  it('warns about a certificate that expires within 14 days', async () => {
    const { check } = await one('soon.test', { protocol: 'pop3', port: dovecot.ports.pop3s, security: 'tls' });
    expect(check.status).toBe('warn');
    expect(check.warnings.join(' ')).toMatch(/expires in [45] days/);
  });
});

describe('probe: plain-text servers', () => {
  it('LOGINDISABLED without STARTTLS: nobody can log in', async () => {
    const { report, check } = await one('plain.test', { protocol: 'imap', port: plain.ports.imap, security: 'starttls' });
    expect(check.status).toBe('fail');
    expect(check.error?.code).toBe('LOGINDISABLED');
    expect(check.starttls).toMatchObject({ offered: false });
    expect(report.causes).toEqual(['plaintext_auth_disabled']);
  });

  it('POP3 without STLS works, with a warning', async () => {
    const { check } = await one('plain.test', { protocol: 'pop3', port: plain.ports.pop3, security: 'starttls' });
    expect(check.status).toBe('warn');
    expect(check.warnings.join(' ')).toMatch(/no STARTTLS/);
  });

  it('plain IMAP where SSL/TLS is expected is an encryption mismatch', async () => {
    const { report, check } = await one('good.test', { protocol: 'imap', port: dovecot.ports.imap, security: 'tls' });
    expect(check.failedStage).toBe('tls');
    expect(check.error?.code).toMatch(/WRONG_VERSION_NUMBER|EPROTO|PACKET_LENGTH/);
    expect(report.causes).toEqual(['tls_mismatch']);
  });

  it('SSL/TLS where plain text is expected is an encryption mismatch', async () => {
    const { report, check } = await one('good.test', { protocol: 'imap', port: dovecot.ports.imaps, security: 'starttls' });
    expect(check.error?.code).toBe('TLS_ON_PLAIN_PORT');
    expect(report.causes).toEqual(['tls_mismatch']);
  });
});

describe('probe: an email address', () => {
  it('probes the servers settings discovery found (here: SRV records)', async () => {
    const report = await probe({ input: 'anna@srv-domain.test', protocol: 'imap' }, context);
    expect(report.target).toBe('anna@srv-domain.test');
    expect(report.checks.map((c) => `${c.host}:${c.port}/${c.security}/${c.status}`).sort()).toEqual(
      [`good.test:${dovecot.ports.imaps}/tls/ok`, `imap.good.test:${dovecot.ports.imap}/starttls/ok`].sort(),
    );
  });
});

describe('probe: a port with no standard meaning', () => {
  it('finds out whether it speaks TLS from the first byte or starts plain', async () => {
    const tls = await probe({ input: 'good.test', protocol: 'imap', port: dovecot.ports.imaps }, context);
    expect(tls.checks[0]).toMatchObject({ security: 'tls', status: 'ok' });
    const plainPort = await probe({ input: 'good.test', protocol: 'pop3', port: dovecot.ports.pop3 }, context);
    expect(plainPort.checks[0]).toMatchObject({ security: 'starttls', status: 'ok' });
    expect(plainPort.checks[0]?.starttls?.offered).toBe(true);
  });
});

describe('probe: SMTP', () => {
  it('submission with STARTTLS: AUTH and SIZE after the upgrade', async () => {
    const { check } = await one('smtp.good.test', { protocol: 'smtp', port: smtp.ports.submission, security: 'starttls' });
    expect(check.status).toBe('ok');
    expect(check.greeting).toBeTruthy();
    expect(check.starttls?.offered).toBe(true);
    expect(check.authMechanisms).toEqual(expect.arrayContaining(['PLAIN', 'LOGIN']));
    expect(check.capabilities.some((c) => c.startsWith('SIZE'))).toBe(true);
  });

  it('implicit TLS on the smtps port', async () => {
    const { check } = await one('smtp.good.test', { protocol: 'smtp', port: smtp.ports.smtps, security: 'tls' });
    expect(check.status).toBe('ok');
    expect(check.tls?.authorized).toBe(true);
  });

  it('a plain port without STARTTLS is a warning', async () => {
    const { check } = await one('smtp.good.test', { protocol: 'smtp', port: smtp.ports.plainNoTls, security: 'starttls' });
    expect(check.status).toBe('warn');
  });
});

describe('probe: names and the address policy', () => {
  it('a name that does not resolve fails at DNS: host_not_found', async () => {
    const { report, check } = await one('nosuch.test', { protocol: 'imap', port: 993, security: 'tls' });
    expect(check.failedStage).toBe('dns');
    expect(check.error?.code).toBe('ENOTFOUND');
    expect(report.causes).toEqual(['host_not_found']);
  });

  it('refused: connection_refused', async () => {
    const { report, check } = await one('internal.test', { protocol: 'imap', port: 1, security: 'starttls' });
    expect(check.failedStage).toBe('connect');
    expect(check.error?.code).toBe('ECONNREFUSED');
    expect(report.causes).toEqual(['connection_refused']);
  });

  it('blocks internal addresses in every spelling, and sends them nothing', async () => {
    const port = (counter.address() as { port: number }).port;
    const closed: ProbeContext = { ...context, config: { ...context.config, probeAllowNetworks: [] } };
    // localhost goes to the system resolver (/etc/hosts), like a default installation.
    const system: ProbeContext = { ...closed, config: { ...closed.config, dnsServers: [] } };
    const before = counted;
    const targets: [string, ProbeContext][] = [
      ['internal.test', closed],
      ['127.0.0.1', closed],
      ['2130706433', closed],
      ['0177.0.0.1', closed],
      ['0x7f.0.0.1', closed],
      ['0.0.0.0', closed],
      ['[::1]', closed],
      ['[::ffff:127.0.0.1]', closed],
      ['v6only.test', closed],
      ['mixed.test', closed],
      ['private.test', closed],
      ['metadata.test', closed],
      ['localhost', system],
    ];
    for (const [target, ctx] of targets) {
      const { check, report } = await one(target, { protocol: 'imap', port, security: 'starttls' }, ctx);
      expect(check.failedStage, target).toBe('blocked');
      expect(check.error?.code, target).toBe('BLOCKED_ADDRESS');
      expect(check.error?.message, target).toMatch(/may not reach/);
      expect(report.causes).toEqual([]);
    }
    expect(counted).toBe(before);
    // PROBE_ALLOW_NETWORKS opens exactly what it names: 127.0.0.0/8, not 10.0.0.0/8.
    await one('internal.test', { protocol: 'imap', port, security: 'starttls' });
    expect(counted).toBe(before + 1);
    expect((await one('private.test', { protocol: 'imap', port, security: 'starttls' })).check.failedStage).toBe('blocked');
  });

  it('resolves a target once for all its checks: the checked address is the one connected to', async () => {
    const asked = () => dns.queries.filter((q) => q.name === 'imap.good.test' && q.type === 'A').length;
    const before = asked();
    const report = await probe(
      {
        input: 'imap.good.test',
        checks: [
          { protocol: 'imap', port: dovecot.ports.imaps, security: 'tls' },
          { protocol: 'imap', port: dovecot.ports.imap, security: 'starttls' },
        ],
      },
      context,
    );
    expect(report.checks.map((c) => c.status)).toEqual(['ok', 'ok']);
    expect(report.checks.map((c) => c.address)).toEqual([dovecot.host, dovecot.host]);
    expect(asked() - before).toBe(1);
  });
});

describe('emailhelp probe (built binary)', () => {
  const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
  const run = (args: string[], env: Record<string, string>) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
  const env = () => ({
    PROBE_ALLOW_NETWORKS: '127.0.0.0/8',
    DNS_SERVERS: `127.0.0.1:${dns.port}`,
    PROBE_TIMEOUT_MS: String(STEP_MS),
    // The process trusts the test CA the way an administrator would add a lab CA.
    NODE_EXTRA_CA_CERTS: pki.caCertPath,
  });

  it('prints a checklist a helpdesk engineer can paste', async () => {
    const r = await run(['probe', '--protocol', 'imap', '--port', String(dovecot.ports.imap), 'imap.good.test'], env());
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Probe of imap\.good\.test \(127\.0\.0\.2\)/);
    expect(r.stdout).toMatch(/✓ IMAP \d+ STARTTLS/);
    // Long lines wrap at 78 columns; the facts are what matter.
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/certificate: CN=good\.test; issuer CN=emailhelp test CA; valid \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d \(\d+ days left\)/);
    expect(r.stdout).toMatch(/time: dns \d+ ms · connect \d+ ms/);
    expect(r.stdout).toMatch(/IMAP works on \d+ \(STARTTLS\)/);
  });

  it('--json gives the report of the spec; a blocked target exits 0 with failedStage blocked', async () => {
    const ok = await run(['probe', '--json', '--protocol', 'imap', '--port', String(dovecot.ports.imap), 'imap.good.test'], env());
    expect(ok.status).toBe(0);
    const report = JSON.parse(ok.stdout) as ProbeReport;
    expect(Object.keys(report).sort()).toEqual(['addresses', 'causes', 'checks', 'summary', 'target']);
    expect(report.checks[0]).toMatchObject({ protocol: 'imap', security: 'starttls', status: 'ok', failedStage: null, error: null });
    const blocked = await run(['probe', '--json', '127.0.0.1'], { PATH: process.env.PATH ?? '' });
    expect(blocked.status).toBe(0);
    const b = JSON.parse(blocked.stdout) as ProbeReport;
    expect(b.checks.every((c) => c.failedStage === 'blocked')).toBe(true);
  });

  it('bad usage exits 2 with one line', async () => {
    const r = await run(['probe', '--protocol', 'gopher', 'imap.good.test'], env());
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(/^emailhelp: --protocol must be imap, pop3, smtp, all/);
  });
});
