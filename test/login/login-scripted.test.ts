import ipaddr from 'ipaddr.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loginTest, LoginDisabledError, LoginRequestError, type LoginReport, type LoginRequest } from '../../src/core/login/index.js';
import { echoForms, WITHHELD } from '../../src/core/login/scrub.js';
import { Secret } from '../../src/secret.js';
import { startDnsServer, type DnsServer } from '../support/dns-server.js';
import { startHostileServer, type HostileServer } from '../support/hostile-servers.js';
import { startScriptedServer, type ScriptedServer, type ScriptOptions } from '../support/login-script-server.js';
import { makeTestPki, type TestPki } from '../support/pki.js';

/**
 * The login test against scripted servers that answer the way providers do (replies a local Dovecot
 * cannot give) and write down every line they receive, decrypted: what was sent is proven by the
 * server, not by the client's own record.
 */

let pki: TestPki;
let dns: DnsServer;
const servers: { close(): Promise<void> }[] = [];
/** A unique string: wherever it shows up, the password leaked. */
const CANARY = `canary-${Math.random().toString(36).slice(2)}-pw`;
const USER = 'anna@good.test';
const STEP_MS = 1500;

const context = (timeoutMs = STEP_MS) => ({
  config: { allowLoginTest: true, probeTimeoutMs: timeoutMs, probeAllowNetworks: [ipaddr.parseCIDR('127.0.0.0/8')], dnsServers: [{ host: dns.host, port: dns.port }] },
  extraCa: [pki.caCert],
});

beforeAll(async () => {
  pki = await makeTestPki();
  const local = { A: ['127.0.0.1'] };
  dns = await startDnsServer({ 'imap.good.test': local, 'pop.good.test': local, 'smtp.good.test': local, 'mail.good.test': local });
}, 60_000);

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

afterAll(async () => {
  await dns?.close();
});

async function scripted(options: Omit<ScriptOptions, 'pki'>): Promise<ScriptedServer> {
  const server = await startScriptedServer({ ...options, pki });
  servers.push(server);
  return server;
}

const HOSTS = { imap: 'imap.good.test', pop3: 'pop.good.test', smtp: 'smtp.good.test' } as const;

function request(server: { port: number }, protocol: 'imap' | 'pop3' | 'smtp', security: 'tls' | 'starttls', extra: Partial<LoginRequest> = {}): LoginRequest {
  return { input: HOSTS[protocol], user: USER, password: new Secret(CANARY), protocol, port: server.port, security, ...extra };
}

/** The password in every form a client could send it: plain, base64, SASL PLAIN. */
function sawPassword(server: ScriptedServer): boolean {
  const forms = echoForms(USER, CANARY);
  return server.lines.some((line) => forms.some((f) => line.includes(f)));
}

function expectNoCanary(report: LoginReport): void {
  const text = JSON.stringify(report);
  for (const form of echoForms(USER, CANARY)) expect(text).not.toContain(form);
}

describe('provider refusals: one attempt, and the answer says why', () => {
  // [what, protocol, security, the server's lines after the password, mechanisms, responseCode,
  //  the cause that must come first — or, where the reading is shared, the causes that must all be named]
  const table: [string, ScriptOptions['protocol'], 'tls' | 'starttls', string[], string[] | undefined, string | null, string | string[]][] = [
    ['Gmail: log in via the web browser', 'imap', 'tls', ['NO [ALERT] Please log in via your web browser: https://support.google.com/mail/accounts/answer/78754 (Failure)'], undefined, 'ALERT', 'security_block'],
    ['Gmail: application-specific password', 'imap', 'tls', ['NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)'], undefined, 'ALERT', 'app_password_required'],
    ['Gmail: untagged alert, then AUTHENTICATIONFAILED', 'imap', 'starttls', ['* NO [ALERT] Please log in via your web browser: https://support.google.com/mail/accounts/answer/78754', 'NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)'], undefined, 'AUTHENTICATIONFAILED', 'security_block'],
    ['Microsoft: LOGIN failed.', 'imap', 'tls', ['NO LOGIN failed.'], [], null, 'auth_failed'],
    // Microsoft's words say no more than "no": a wrong password, or basic authentication switched off.
    ['Microsoft: AUTHENTICATE failed.', 'imap', 'tls', ['NO AUTHENTICATE failed.'], ['PLAIN', 'XOAUTH2'], null, ['auth_failed', 'oauth_required']],
    ['Yahoo: invalid credentials', 'imap', 'tls', ['NO [AUTHENTICATIONFAILED] LOGIN Invalid credentials'], undefined, 'AUTHENTICATIONFAILED', 'auth_failed'],
    ['POP3 maildrop in use', 'pop3', 'tls', ['-ERR [IN-USE] Unable to lock maildrop: another session holds it'], undefined, 'IN-USE', 'connection_limit'],
    ['POP3 [AUTH], Gmail web login', 'pop3', 'tls', ['-ERR [AUTH] Web login required: https://support.google.com/mail/answer/78754'], undefined, 'AUTH', 'security_block'],
    ['POP3 temporary failure', 'pop3', 'tls', ['-ERR [SYS/TEMP] Temporary authentication failure'], undefined, 'SYS/TEMP', 'server_error'],
    ['SMTP 535 5.7.8', 'smtp', 'starttls', ['535 5.7.8 Username and Password not accepted'], undefined, '535 5.7.8', 'auth_failed'],
    ['SMTP 534 5.7.9 (multi-line, Gmail)', 'smtp', 'tls', ['534-5.7.9 Application-specific password required. Learn more at', '534 5.7.9 https://support.google.com/mail/?p=InvalidSecondFactor'], undefined, '534 5.7.9', 'app_password_required'],
    ['SMTP 535 5.7.139 basic authentication disabled', 'smtp', 'starttls', ['535 5.7.139 Authentication unsuccessful, basic authentication is disabled.'], undefined, '535 5.7.139', 'oauth_required'],
    ['SMTP with AUTH LOGIN only', 'smtp', 'starttls', ['535 5.7.8 Error: authentication failed'], ['LOGIN'], '535 5.7.8', 'auth_failed'],
  ];

  it.each(table)('%s', async (_what, protocol, security, reply, mechanisms, code, cause) => {
    const server = await scripted({ protocol, security, login: reply, mechanisms });
    const report = await loginTest(request(server, protocol, security), context());
    expect(report).toMatchObject({ outcome: 'refused', stage: 'auth', passwordSent: true, responseCode: code, protocol, security });
    if (typeof cause === 'string') expect(report.causes[0]).toBe(cause);
    else expect(report.causes).toEqual(expect.arrayContaining(cause));
    expect(report.summary).toContain('refused the login');
    // The provider's words reach the report (bounded), so the engineer sees what the server said.
    expect(report.serverReply).toContain(reply[reply.length - 1]?.replace(/^\d{3}[ -]/, '').slice(0, 30));
    // One connection, one sign-in: no retry with another mechanism or on another connection.
    expect(server.connections()).toBe(1);
    expect(server.attempts()).toBe(1);
    expect(sawPassword(server)).toBe(true);
    expectNoCanary(report);
  });

  it('a refusal that repeats the password is withheld from the report', async () => {
    const server = await scripted({ protocol: 'pop3', security: 'tls', login: [`-ERR [AUTH] Invalid password: ${CANARY}`] });
    const report = await loginTest(request(server, 'pop3', 'tls'), context());
    expect(report.outcome).toBe('refused');
    expect(report.serverReply).toBe(WITHHELD);
    expect(report.summary).toContain(WITHHELD);
    expectNoCanary(report);
  });

  it('an SMTP server with only XOAUTH2 never gets the password: oauth_required', async () => {
    const server = await scripted({ protocol: 'smtp', security: 'starttls', login: 'accept', mechanisms: ['XOAUTH2'] });
    const report = await loginTest(request(server, 'smtp', 'starttls'), context());
    expect(report).toMatchObject({ outcome: 'error', passwordSent: false, error: { code: 'NO_PASSWORD_AUTH' }, causes: ['oauth_required'] });
    expect(server.attempts()).toBe(0);
    expect(sawPassword(server)).toBe(false);
  });
});

describe('what a login test sends', () => {
  // The server counts the read-only check and the goodbye; the verbs a login must never send are listed.
  const table: [ScriptOptions['protocol'], 'tls' | 'starttls', string[], string[]][] = [
    ['imap', 'tls', ['STATUS', 'LOGOUT'], ['SELECT', 'EXAMINE', 'FETCH', 'STORE', 'EXPUNGE', 'APPEND', 'COPY', 'MOVE', 'DELETE']],
    ['imap', 'starttls', ['STARTTLS', 'STATUS', 'LOGOUT'], ['SELECT', 'EXAMINE', 'FETCH', 'STORE', 'EXPUNGE']],
    ['pop3', 'tls', ['USER', 'PASS', 'STAT', 'QUIT'], ['RETR', 'DELE', 'TOP', 'UIDL', 'LIST', 'RSET']],
    ['smtp', 'tls', ['EHLO', 'AUTH', 'QUIT'], ['MAIL', 'RCPT', 'DATA', 'BDAT', 'VRFY']],
    ['smtp', 'starttls', ['EHLO', 'STARTTLS', 'AUTH', 'QUIT'], ['MAIL', 'RCPT', 'DATA']],
  ];

  it.each(table)('%s over %s: a successful login is read-only', async (protocol, security, required, forbidden) => {
    const server = await scripted({ protocol, security, login: 'accept' });
    const report = await loginTest(request(server, protocol, security), context());
    expect(report).toMatchObject({ outcome: 'ok', passwordSent: true, causes: [], error: null });
    expect(report.summary).toMatch(/^Login worked: .*the problem is in the mail app/);
    // Wait for the goodbye to arrive: the client does not wait for the server's answer to it.
    await expect.poll(() => server.verbs()).toEqual(expect.arrayContaining(required));
    expect(server.verbs().filter((v) => forbidden.includes(v))).toEqual([]);
    expect(server.attempts()).toBe(1);
    expect(report.commands).toEqual(expect.arrayContaining(required.filter((v) => v !== 'PASS' || protocol === 'pop3')));
    expectNoCanary(report);
  });
});

describe('plain text: the password is never sent', () => {
  it.each([['imap'], ['smtp']] as const)('%s: a server without STARTTLS (AUTH offered in clear) is refused before any password', async (protocol) => {
    const server = await scripted({ protocol, security: 'plain', login: 'accept' });
    const report = await loginTest(request(server, protocol, 'starttls'), context());
    expect(report).toMatchObject({ outcome: 'error', stage: 'starttls', passwordSent: false, error: { code: 'NO_STARTTLS' }, causes: ['plaintext_auth_disabled'] });
    expect(report.summary).toMatch(/never sends a password unencrypted.*The password was not sent/);
    await new Promise((resolve) => setTimeout(resolve, 50)); // let any stray line reach the server
    expect(server.attempts()).toBe(0);
    expect(server.verbs().filter((v) => ['LOGIN', 'AUTHENTICATE', 'AUTH', 'PASS', 'USER'].includes(v))).toEqual([]);
    expect(sawPassword(server)).toBe(false);
  });

  it('POP3 on a plain-text port is not attempted (node-pop3 has no STLS)', async () => {
    const server = await scripted({ protocol: 'pop3', security: 'starttls', login: 'accept' });
    // Known to start plain (110, or said so): refused as a request, before any connection.
    await expect(loginTest({ ...request(server, 'pop3', 'tls'), port: 110, security: undefined }, context())).rejects.toThrow(/SSL\/TLS only/);
    await expect(loginTest(request(server, 'pop3', 'starttls'), context())).rejects.toBeInstanceOf(LoginRequestError);
    expect(server.connections()).toBe(0);
    // Found out on a port with no standard meaning: one TLS hello (which fails), then nothing.
    const report = await loginTest({ ...request(server, 'pop3', 'tls'), security: undefined }, context());
    expect(report).toMatchObject({ outcome: 'error', passwordSent: false, error: { code: 'STLS_NOT_SUPPORTED' } });
    expect(server.connections()).toBe(1);
    expect(server.verbs().filter((v) => v === 'USER' || v === 'PASS')).toEqual([]);
  });
});

describe('the deadline is enforced from outside the libraries', () => {
  // imapflow and node-pop3 get their own timers a second later than PROBE_TIMEOUT_MS: a code of
  // ETIMEDOUT (theirs would be GREETING_TIMEOUT, ETIMEOUT, CONNECT_TIMEOUT or 'timeout') proves
  // that ours ended the session.
  it.each([['imap'], ['pop3'], ['smtp']] as const)('%s: a server that accepts and says nothing', async (protocol) => {
    const silent: HostileServer = await startHostileServer('silent');
    servers.push(silent);
    const report = await loginTest(request(silent, protocol, 'tls'), context());
    expect(report).toMatchObject({ outcome: 'error', passwordSent: false, error: { code: 'ETIMEDOUT' }, causes: ['timeout'] });
    expect(silent.accepted()).toBe(1);
  });

  it('imap: a greeting trickled one byte a second', async () => {
    const trickle = await startHostileServer('trickle');
    servers.push(trickle);
    const report = await loginTest(request(trickle, 'imap', 'starttls'), context());
    expect(report).toMatchObject({ outcome: 'error', passwordSent: false, error: { code: 'ETIMEDOUT' } });
  });

  it.each([['imap'], ['pop3'], ['smtp']] as const)('%s: a server that goes silent after the password: no verdict, no retry', async (protocol) => {
    const server = await scripted({ protocol, security: 'tls', login: 'silent' });
    const report = await loginTest(request(server, protocol, 'tls'), context());
    expect(report).toMatchObject({ outcome: 'error', stage: 'auth', passwordSent: true, error: { code: 'ETIMEDOUT' } });
    expect(report.summary).toContain('The password was sent, but no verdict came back');
    expect(server.connections()).toBe(1);
    expect(server.attempts()).toBe(1);
  });
});

describe('requests the login test refuses before any network access', () => {
  it('is off unless ALLOW_LOGIN_TEST is true', async () => {
    const server = await scripted({ protocol: 'imap', security: 'tls', login: 'accept' });
    const off = context();
    off.config.allowLoginTest = false;
    await expect(loginTest(request(server, 'imap', 'tls'), off)).rejects.toBeInstanceOf(LoginDisabledError);
    expect(server.connections()).toBe(0);
  });

  it.each([
    ['an empty user', { user: ' ' }, /needs a user name/],
    ['a user with a line break (command injection)', { user: 'anna\r\nDELE 1' }, /control characters/],
    ['a password with a line break', { password: new Secret(`${CANARY}\r\nDELE 1`) }, /control character/],
    ['an empty password', { password: new Secret('') }, /password is empty/],
    ['a bad port', { port: 70000 }, /port must be/],
    ['a bad host', { input: 'not a host' }, /not a server name/],
  ] as [string, Partial<LoginRequest>, RegExp][])('%s', async (_what, change, message) => {
    const bad = { ...request({ port: 993 }, 'imap', 'tls'), ...change };
    const error = await loginTest(bad, context()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoginRequestError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain(CANARY);
  });

  it('an internal address outside PROBE_ALLOW_NETWORKS is blocked: nothing is sent', async () => {
    const server = await scripted({ protocol: 'imap', security: 'tls', login: 'accept' });
    const closed = context();
    closed.config.probeAllowNetworks = [];
    const report = await loginTest(request(server, 'imap', 'tls'), closed);
    expect(report).toMatchObject({ outcome: 'error', stage: 'blocked', passwordSent: false, error: { code: 'BLOCKED_ADDRESS' }, causes: [] });
    expect(server.connections()).toBe(0);
  });
});
