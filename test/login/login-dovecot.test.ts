import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ipaddr from 'ipaddr.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginTest, type LoginRequest } from '../../src/core/login/index.js';
import { Secret } from '../../src/secret.js';
import { startDnsServer, type DnsServer } from '../support/dns-server.js';
import { DISABLED_REPLY, INBOX_MESSAGES, startDovecot, startPlainDovecot, type DovecotServer, type DovecotUser, type PlainDovecotServer } from '../support/dovecot.js';
import { makeTestPki, type TestPki } from '../support/pki.js';
import { startSmtpServers, type SmtpServers } from '../support/smtp-server.js';

/**
 * The login test against real servers: Debian's Dovecot (IMAP and POP3, a user with the right
 * password, the same user with a wrong one, a disabled user, and a plain-text-only instance) and
 * smtp-server, which refuses every AUTH with 535 5.7.8. Dovecot's own log is the witness of what
 * happened on the server: how many sign-ins, and that nothing was read, deleted or expunged.
 */

let pki: TestPki;
let dns: DnsServer;
let dovecot: DovecotServer;
let plain: PlainDovecotServer;
let smtp: SmtpServers;
let tester: DovecotUser;
let disabled: DovecotUser;
const STEP_MS = 3000;

beforeAll(async () => {
  pki = await makeTestPki();
  [dovecot, plain, smtp] = await Promise.all([startDovecot(pki), startPlainDovecot(), startSmtpServers(pki)]);
  const users = { tester: dovecot.users.find((u) => !u.disabled), disabled: dovecot.users.find((u) => u.disabled) };
  if (!users.tester || !users.disabled) throw new Error('Dovecot has no test users');
  [tester, disabled] = [users.tester, users.disabled];
  const at = (ip: string) => ({ A: [ip] });
  dns = await startDnsServer({
    'imap.good.test': at(dovecot.host),
    'pop.good.test': at(dovecot.host),
    'expired.test': at(dovecot.host),
    'selfsigned.test': at(dovecot.host),
    'wrongname.test': at(dovecot.host),
    'plain.test': at(plain.host),
    'smtp.good.test': at(smtp.host),
  });
}, 60_000);

afterAll(async () => {
  await Promise.all([dovecot?.stop(), plain?.stop(), smtp?.stop(), dns?.close()]);
});

const context = () => ({
  config: { allowLoginTest: true, probeTimeoutMs: STEP_MS, probeAllowNetworks: [ipaddr.parseCIDR('127.0.0.0/8')], dnsServers: [{ host: dns.host, port: dns.port }] },
  extraCa: [pki.caCert],
});

function ask(input: string, user: DovecotUser, password: string, protocol: 'imap' | 'pop3' | 'smtp', port: number, security: 'tls' | 'starttls'): LoginRequest {
  return { input, user: user.name, password: new Secret(password), protocol, port, security };
}

const log = (server: { logPath: string } = dovecot) => readFileSync(server.logPath, 'utf8');
/** Sign-ins Dovecot saw: every successful or failed one names its mechanism ("method=PLAIN"). */
const signIns = (server: { logPath: string } = dovecot) => (log(server).match(/method=/g) ?? []).length;
const closedWithoutAuth = (server: { logPath: string } = dovecot) => (log(server).match(/no auth attempts/g) ?? []).length;

describe('Dovecot: IMAP', () => {
  it.each([
    ['SSL/TLS', 'tls'],
    ['STARTTLS', 'starttls'],
  ] as const)('the right password over %s: signed in, STATUS answered, nothing opened or changed', async (_name, security) => {
    const port = security === 'tls' ? dovecot.ports.imaps : dovecot.ports.imap;
    const before = signIns();
    const report = await loginTest(ask('imap.good.test', tester, tester.password, 'imap', port, security), context());
    expect(report).toMatchObject({ outcome: 'ok', stage: 'mailbox', passwordSent: true, causes: [], error: null, security });
    expect(report.commands).toEqual(expect.arrayContaining(['AUTHENTICATE', 'STATUS', 'LOGOUT']));
    expect(report.commands).not.toContain('SELECT');
    expect(report.commands).not.toContain('EXAMINE');
    await expect.poll(() => signIns()).toBe(before + 1);
    // Dovecot's logout line counts what the session did to the mailbox.
    await expect.poll(() => log()).toMatch(/imap\(tester@good\.test\).*Logged out .*deleted=0 expunged=0 trashed=0 .*body_count=0/);
  });

  it('a wrong password: refused, AUTHENTICATIONFAILED, one attempt in Dovecot\'s log', async () => {
    const failedBefore = (log().match(/auth failed, 1 attempts/g) ?? []).length;
    const report = await loginTest(ask('imap.good.test', tester, 'not-the-password', 'imap', dovecot.ports.imaps, 'tls'), context());
    expect(report).toMatchObject({ outcome: 'refused', stage: 'auth', passwordSent: true, responseCode: 'AUTHENTICATIONFAILED', causes: ['auth_failed'] });
    expect(report.serverReply).toBe('NO [AUTHENTICATIONFAILED] Authentication failed.');
    expect(report.summary).toMatch(/refused the login of tester@good\.test .*user name or password/);
    await expect.poll(() => (log().match(/auth failed, 1 attempts/g) ?? []).length).toBe(failedBefore + 1);
    expect(log()).not.toMatch(/auth failed, [2-9] attempts/);
  });

  it('a disabled user: refused with the right password, and the server\'s reason', async () => {
    const report = await loginTest(ask('imap.good.test', disabled, disabled.password, 'imap', dovecot.ports.imaps, 'tls'), context());
    expect(report).toMatchObject({ outcome: 'refused', passwordSent: true, responseCode: 'CONTACTADMIN' });
    expect(report.serverReply).toContain(DISABLED_REPLY);
    expect(report.causes.length).toBeGreaterThan(0);
  });
});

describe('Dovecot: POP3 over SSL/TLS', () => {
  it('the right password: USER, PASS, STAT, QUIT; the message stays on the server', async () => {
    const report = await loginTest(ask('pop.good.test', tester, tester.password, 'pop3', dovecot.ports.pop3s, 'tls'), context());
    expect(report).toMatchObject({ outcome: 'ok', stage: 'mailbox', passwordSent: true, causes: [] });
    expect(report.commands).toEqual(['USER', 'PASS', 'STAT', 'QUIT']);
    // pop3_logout_format: "top=0/0, retr=0/0, del=0/1": nothing read, nothing deleted, of one message.
    await expect.poll(() => log()).toMatch(new RegExp(`pop3\\(tester@good\\.test\\).*Logged out top=0/0, retr=0/0, del=0/${INBOX_MESSAGES}`));
    const maildir = join(dirname(dovecot.logPath), 'mail', tester.name, 'Maildir');
    const messages = ['new', 'cur'].flatMap((sub) => readdirSync(join(maildir, sub)));
    expect(messages).toHaveLength(INBOX_MESSAGES);
  });

  it.each([
    ['a wrong password', () => tester, () => 'not-the-password', 'Authentication failed.'],
    ['a disabled user', () => disabled, () => disabled.password, DISABLED_REPLY],
  ])('%s: -ERR [AUTH]', async (_what, user, password, words) => {
    const report = await loginTest(ask('pop.good.test', user(), password(), 'pop3', dovecot.ports.pop3s, 'tls'), context());
    expect(report).toMatchObject({ outcome: 'refused', stage: 'auth', passwordSent: true, responseCode: 'AUTH' });
    expect(report.serverReply).toBe(`-ERR [AUTH] ${words}`);
    expect(report.causes[0]).toBe('auth_failed');
  });
});

describe('Dovecot: the password is withheld', () => {
  it('from a plain-text-only server (LOGINDISABLED, no STARTTLS)', async () => {
    const closedBefore = closedWithoutAuth(plain);
    const report = await loginTest(ask('plain.test', tester, tester.password, 'imap', plain.ports.imap, 'starttls'), context());
    expect(report).toMatchObject({ outcome: 'error', stage: 'starttls', passwordSent: false, error: { code: 'NO_STARTTLS' }, causes: ['plaintext_auth_disabled'] });
    await expect.poll(() => closedWithoutAuth(plain)).toBeGreaterThan(closedBefore);
    expect(signIns(plain)).toBe(0);
  });

  it.each([
    ['expired.test', 'CERT_HAS_EXPIRED', 'imap', () => dovecot.ports.imaps],
    ['selfsigned.test', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'pop3', () => dovecot.ports.pop3s],
    ['wrongname.test', 'ERR_TLS_CERT_ALTNAME_INVALID', 'imap', () => dovecot.ports.imaps],
  ] as const)('from %s: %s, certificate_problem', async (host, code, protocol, port) => {
    const before = signIns();
    const closedBefore = closedWithoutAuth();
    const report = await loginTest(ask(host, tester, tester.password, protocol, port(), 'tls'), context());
    expect(report).toMatchObject({ outcome: 'error', stage: 'tls', passwordSent: false, error: { code }, causes: ['certificate_problem'] });
    expect(report.summary).toContain('the password was withheld');
    await expect.poll(() => closedWithoutAuth()).toBeGreaterThan(closedBefore);
    expect(signIns()).toBe(before);
  });
});

describe('smtp-server: SMTP AUTH', () => {
  it.each([
    ['STARTTLS on submission', () => smtp.ports.submission, 'starttls'],
    ['implicit TLS', () => smtp.ports.smtps, 'tls'],
  ] as const)('%s: 535 5.7.8 is auth_failed', async (_what, port, security) => {
    const report = await loginTest(ask('smtp.good.test', tester, tester.password, 'smtp', port(), security), context());
    expect(report).toMatchObject({ outcome: 'refused', stage: 'auth', passwordSent: true, responseCode: '535 5.7.8', causes: ['auth_failed'] });
    expect(report.commands).not.toContain('MAIL');
  });

  it('a plain port without STARTTLS that offers AUTH anyway: refused before the password', async () => {
    const report = await loginTest(ask('smtp.good.test', tester, tester.password, 'smtp', smtp.ports.plainNoTls, 'starttls'), context());
    expect(report).toMatchObject({ outcome: 'error', passwordSent: false, error: { code: 'NO_STARTTLS' }, causes: ['plaintext_auth_disabled'] });
    expect(report.commands).toEqual(['EHLO', 'QUIT']);
  });
});
