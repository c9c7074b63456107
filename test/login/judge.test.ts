import { describe, expect, it } from 'vitest';
import { judgeLogin, MAX_REPLY } from '../../src/core/login/judge.js';
import { LoginRequestError, planLogin } from '../../src/core/login/request.js';
import { causeOfCode } from '../../src/core/login/response-codes.js';
import { echoForms, withholdEchoes, WITHHELD } from '../../src/core/login/scrub.js';
import type { LoginFacts } from '../../src/probes/login/types.js';
import { Secret } from '../../src/secret.js';

/** Judgement without a network: facts in, outcome, causes and summary out. */

function facts(change: Partial<LoginFacts>): LoginFacts {
  return {
    protocol: 'imap',
    host: 'imap.example.com',
    address: '192.0.2.10',
    port: 993,
    security: 'tls',
    passwordSent: true,
    accepted: false,
    mailboxChecked: false,
    stage: 'auth',
    error: { code: 'AUTH_REFUSED', message: 'the server refused the login' },
    serverReply: null,
    responseCode: null,
    commands: ['AUTHENTICATE'],
    tlsVersion: 'TLSv1.3',
    timingsMs: { dns: 1, session: 2, total: 3 },
    ...change,
  };
}

const PASSWORD = 'Sup3r-Secret!pw';
const judge = (f: LoginFacts) => judgeLogin(f, { input: f.host, user: 'anna@example.com' }, echoForms('anna@example.com', PASSWORD));

describe('judgeLogin: refusals', () => {
  it.each([
    // The server's name is part of what the diagnosis reads: Microsoft's bare "failed" means OAuth there.
    ['Microsoft 365 IMAP', { host: 'outlook.office365.com', serverReply: 'NO AUTHENTICATE failed.' }, 'oauth_required'],
    ['Gmail IMAP, invalid credentials', { host: 'imap.gmail.com', serverReply: 'NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)', responseCode: 'AUTHENTICATIONFAILED' }, 'app_password_required'],
    ['a plain AUTHENTICATIONFAILED elsewhere', { serverReply: 'NO [AUTHENTICATIONFAILED] Authentication failed.', responseCode: 'AUTHENTICATIONFAILED' }, 'auth_failed'],
    ['IMAP over quota', { serverReply: 'NO [OVERQUOTA] Mailbox is full', responseCode: 'OVERQUOTA' }, 'quota_exceeded'],
    ['a reply that says nothing', { serverReply: 'NO', responseCode: null }, 'auth_failed'],
    ['no reply text at all', { serverReply: null }, 'auth_failed'],
    ['POP3 [LOGIN-DELAY]', { protocol: 'pop3', serverReply: '-ERR [LOGIN-DELAY] wait 5 minutes between logins', responseCode: 'LOGIN-DELAY' }, 'connection_limit'],
    ['SMTP 534 5.7.14 (Google web login)', { protocol: 'smtp', serverReply: '534 5.7.14 Please log in via your web browser and then try again.', responseCode: '534 5.7.14' }, 'security_block'],
  ] as [string, Partial<LoginFacts>, string][])('%s → %s first', (_what, change, cause) => {
    const report = judge(facts(change));
    expect(report.outcome).toBe('refused');
    expect(report.causes[0]).toBe(cause);
    expect(report.causes.length).toBeLessThanOrEqual(3);
  });

  it('bounds the server reply', () => {
    const report = judge(facts({ serverReply: `NO ${'x'.repeat(5000)}` }));
    expect(report.serverReply).toHaveLength(MAX_REPLY);
  });
});

describe('judgeLogin: outcomes', () => {
  it.each([
    ['accepted and the mailbox answered', { accepted: true, mailboxChecked: true, stage: 'logout', error: null }, 'ok', 'mailbox'],
    ['accepted, the goodbye timed out', { accepted: true, mailboxChecked: true, stage: 'logout', error: { code: 'ETIMEDOUT', message: 'late' } }, 'ok', 'mailbox'],
    ['SMTP accepted (no mailbox to check)', { protocol: 'smtp', accepted: true, stage: 'auth', error: null }, 'ok', 'auth'],
    ['IMAP accepted, INBOX not answered', { accepted: true, mailboxChecked: false, stage: 'mailbox', error: { code: 'MAILBOX_UNAVAILABLE', message: 'x' } }, 'error', 'mailbox'],
    ['silence after the password', { accepted: null, stage: 'auth', error: { code: 'ETIMEDOUT', message: 'no answer' } }, 'error', 'auth'],
  ] as [string, Partial<LoginFacts>, string, string][])('%s → %s at %s', (_what, change, outcome, stage) => {
    const report = judge(facts(change));
    expect(report.outcome).toBe(outcome);
    expect(report.stage).toBe(stage);
    if (outcome === 'ok') expect(report).toMatchObject({ causes: [], error: null });
  });

  it.each([
    ['ECONNREFUSED', 'connect', 'connection_refused'],
    ['ETIMEDOUT', 'greeting', 'timeout'],
    ['CERT_HAS_EXPIRED', 'tls', 'certificate_problem'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'tls', 'tls_mismatch'],
    ['NO_STARTTLS', 'starttls', 'plaintext_auth_disabled'],
    ['LOGINDISABLED', 'auth', 'plaintext_auth_disabled'],
    ['LineTooLarge', 'greeting', 'server_error'],
    ['ENOTFOUND', 'dns', 'host_not_found'],
  ])('an error %s at %s → %s, password not sent', (code, stage, cause) => {
    const report = judge(facts({ accepted: null, passwordSent: false, stage: stage as LoginFacts['stage'], error: { code, message: 'm' } }));
    expect(report).toMatchObject({ outcome: 'error', causes: [cause] });
    expect(report.summary).toContain('The password was not sent.');
  });

  it('blocked: no cause, the policy message', () => {
    const report = judge(facts({ accepted: null, passwordSent: false, stage: 'blocked', error: { code: 'BLOCKED_ADDRESS', message: 'may not reach' } }));
    expect(report).toMatchObject({ outcome: 'error', causes: [] });
  });
});

describe('echoes of the password', () => {
  const forms = echoForms('anna@example.com', PASSWORD);

  it.each([
    ['the password itself', `-ERR unknown command PASS ${PASSWORD}`],
    ['in another case', `NO bad password ${PASSWORD.toUpperCase()}`],
    ['base64', `535 5.7.8 rejected ${Buffer.from(PASSWORD).toString('base64')}`],
    ['the SASL PLAIN blob', `NO rejected ${Buffer.from(`\0anna@example.com\0${PASSWORD}`).toString('base64')}`],
  ])('%s is withheld', (_what, reply) => {
    expect(withholdEchoes(reply, forms)).toBe(WITHHELD);
    const report = judge(facts({ serverReply: reply, error: { code: 'X', message: reply } }));
    expect(JSON.stringify(report)).not.toContain(PASSWORD);
    expect(report.serverReply).toBe(WITHHELD);
  });

  it('only the part that echoes is withheld; a reply without the password is kept whole', () => {
    expect(withholdEchoes(`* NO [ALERT] web login | NO pw was ${PASSWORD}`, forms)).toBe(`* NO [ALERT] web login | ${WITHHELD}`);
    expect(withholdEchoes('NO [AUTHENTICATIONFAILED] Invalid credentials', forms)).toBe('NO [AUTHENTICATIONFAILED] Invalid credentials');
  });

  it('very short forms are not searched for (they are in every sentence)', () => {
    expect(echoForms('u', 'abc')).toEqual([Buffer.from('abc').toString('base64'), Buffer.from('\0u\0abc').toString('base64'), Buffer.from('u\0u\0abc').toString('base64')]);
  });
});

describe('response codes', () => {
  it.each([
    ['imap', 'AUTHENTICATIONFAILED', 'auth_failed'],
    ['imap', 'privacyrequired', 'plaintext_auth_disabled'],
    ['imap', 'ALERT', null],
    ['pop3', 'IN-USE', 'connection_limit'],
    ['pop3', 'SYS/PERM', 'server_error'],
    ['smtp', '535 5.7.139', 'oauth_required'],
    ['smtp', '535 5.7.8', 'auth_failed'],
    ['smtp', '534', 'app_password_required'],
    ['smtp', '454 4.7.0', 'server_error'],
  ] as const)('%s %s → %s', (protocol, code, cause) => {
    expect(causeOfCode(protocol, code)).toBe(cause);
  });
});

describe('planLogin: where the login goes', () => {
  const ask = (input: string, extra: object = {}) => ({ input, user: 'anna', password: new Secret('pw-long-enough'), ...extra });

  it.each([
    ['a host, IMAP by default', ask('mail.example.com'), { host: 'mail.example.com', protocol: 'imap', port: 993, security: 'tls' }],
    ['a host, POP3', ask('mail.example.com', { protocol: 'pop3' }), { port: 995, security: 'tls' }],
    ['a host, SMTP: submission with STARTTLS', ask('mail.example.com', { protocol: 'smtp' }), { port: 587, security: 'starttls' }],
    ['IMAP on 143', ask('mail.example.com', { port: 143 }), { port: 143, security: 'starttls' }],
    ['SMTP on 465', ask('mail.example.com', { protocol: 'smtp', port: 465 }), { port: 465, security: 'tls' }],
    ['a port with no standard meaning', ask('mail.example.com', { port: 10993 }), { port: 10993, security: 'auto' }],
    ["an address at a bundled provider: its own server", ask('anna@gmail.com'), { host: 'imap.gmail.com', port: 993, security: 'tls' }],
  ])('%s', (_what, request, expected) => {
    expect(planLogin(request as Parameters<typeof planLogin>[0])).toMatchObject(expected);
  });

  it('POP3 on 110 is refused: POP3 is only tested over SSL/TLS', () => {
    expect(() => planLogin(ask('mail.example.com', { protocol: 'pop3', port: 110 }) as Parameters<typeof planLogin>[0])).toThrow(LoginRequestError);
  });
});
