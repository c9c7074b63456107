import { CAUSES } from '../../content/causes.js';
import type { CauseId } from '../../content/types.js';
import type { LoginFacts, LoginSecurity, LoginStage } from '../../probes/login/types.js';
import type { MailProtocol } from '../../probes/types.js';
import { diagnose } from '../diagnosis/index.js';
import { causeOfCode } from './response-codes.js';
import { withholdEchoes } from './scrub.js';

/**
 * Turns a login test's facts into its report: outcome, causes, and a summary that says why the
 * login was refused, or what a successful login proves. The report records that a login test ran,
 * for whom, and how it ended, never the password; server text that echoes it is withheld.
 */

export type LoginOutcome = 'ok' | 'refused' | 'error';

export interface LoginReport {
  /** Always true: marks this document as the record of a login test. */
  loginTest: true;
  /** The server logged in to (host name or IP address); `input` is what was asked. */
  target: string;
  input: string;
  address: string | null;
  protocol: MailProtocol;
  port: number;
  security: LoginSecurity;
  user: string;
  outcome: LoginOutcome;
  /** Whether the password went to the server at all (never over plain text, never to a bad certificate). */
  passwordSent: boolean;
  /** Where it ended: for `ok`, the last check that passed (`mailbox`, or `auth` for SMTP). */
  stage: LoginStage;
  /** The server's refusal, at most MAX_REPLY characters, with anything that echoed the password withheld. */
  serverReply: string | null;
  /** IMAP/POP3 [CODE] or SMTP "535 5.7.8" of the refusal. */
  responseCode: string | null;
  error: { code: string; message: string } | null;
  causes: CauseId[];
  summary: string;
  /** The commands sent, verbs only: what the test did on the server. */
  commands: string[];
  timingsMs: { dns?: number; session?: number; total: number };
}

export const MAX_REPLY = 300;
/** A diagnosis this sure of a specific reading beats the generic meaning of a response code. */
const SURE = 0.5;
const ALSO = 0.2;

const NAMES = { imap: 'IMAP', pop3: 'POP3', smtp: 'SMTP' } as const;
const SECURITY = { tls: 'SSL/TLS', starttls: 'STARTTLS' } as const;

export function judgeLogin(facts: LoginFacts, request: { input: string; user: string }, echoes: readonly string[]): LoginReport {
  const serverReply = facts.serverReply === null ? null : withholdEchoes(facts.serverReply, echoes).slice(0, MAX_REPLY);
  const error = facts.error === null ? null : { code: facts.error.code, message: withholdEchoes(facts.error.message, echoes).slice(0, MAX_REPLY) };
  const outcome: LoginOutcome = facts.accepted === true && (facts.mailboxChecked || facts.protocol === 'smtp') ? 'ok' : facts.accepted === false ? 'refused' : 'error';
  const stage: LoginStage = outcome === 'ok' ? (facts.protocol === 'smtp' ? 'auth' : 'mailbox') : facts.stage;
  const causes = outcome === 'ok' ? [] : outcome === 'refused' ? refusalCauses(facts, serverReply) : errorCauses(facts.stage, error?.code ?? '', serverReply, facts);
  const report: LoginReport = {
    loginTest: true,
    target: facts.host,
    input: request.input,
    address: facts.address,
    protocol: facts.protocol,
    port: facts.port,
    security: facts.security,
    user: request.user,
    outcome,
    passwordSent: facts.passwordSent,
    stage,
    serverReply,
    responseCode: facts.responseCode,
    error: outcome === 'ok' ? null : error,
    causes,
    summary: '',
    commands: facts.commands,
    timingsMs: facts.timingsMs,
  };
  report.summary = summarize(report);
  return report;
}

/**
 * Why the server said no: the diagnosis reads the provider's words (with the server's name, so
 * "AUTHENTICATE failed." from Microsoft reads as OAuth), the response code says what kind of no.
 */
function refusalCauses(facts: LoginFacts, reply: string | null): CauseId[] {
  const byCode = causeOfCode(facts.protocol, facts.responseCode);
  const ranked = reply ? diagnose(`${NAMES[facts.protocol]} ${facts.host}: ${reply}`).causes.filter((c) => c.id !== 'unknown') : [];
  const causes: CauseId[] = [];
  const add = (id: CauseId | null | undefined) => {
    if (id && !causes.includes(id) && causes.length < 3) causes.push(id);
  };
  const top = ranked[0];
  if (top && top.confidence >= SURE) add(top.id);
  add(byCode);
  for (const c of ranked) if (c.confidence >= ALSO) add(c.id);
  // The server refused the sign-in and said nothing we can read: still a refusal of the credentials.
  add(causes.length === 0 ? 'auth_failed' : null);
  return causes;
}

const CONNECT: Record<string, CauseId> = {
  ECONNREFUSED: 'connection_refused',
  ETIMEDOUT: 'timeout',
  ETIMEOUT: 'timeout',
  CONNECT_TIMEOUT: 'timeout',
  GREETING_TIMEOUT: 'timeout',
  EHOSTUNREACH: 'timeout',
  ENETUNREACH: 'timeout',
  ECONNRESET: 'timeout',
  EPIPE: 'timeout',
};

function errorCauses(stage: LoginStage, code: string, reply: string | null, facts: LoginFacts): CauseId[] {
  if (stage === 'blocked') return [];
  if (stage === 'dns') return [code === 'ETIMEDOUT' ? 'timeout' : 'host_not_found'];
  if (code === 'NO_STARTTLS' || code === 'LOGINDISABLED') return ['plaintext_auth_disabled'];
  if (code === 'STLS_NOT_SUPPORTED') return [];
  if (code === 'NO_PASSWORD_AUTH') return /XOAUTH2|OAUTHBEARER/i.test(reply ?? '') ? ['oauth_required'] : ['smtp_auth_required'];
  if (/CERT|SELF_SIGNED|ALTNAME|ISSUER|LEAF|HOSTNAME/.test(code)) return ['certificate_problem'];
  if (/^ERR_SSL|^EPROTO$|TLS_HANDSHAKE|STARTTLS_REFUSED|TLS_ON_PLAIN/.test(code)) return ['tls_mismatch'];
  if (code === 'LineTooLarge' || code === 'LINE_TOO_LONG' || code === 'RESPONSE_TOO_LONG' || code === 'ResponseTooLarge') return ['server_error'];
  if (reply) {
    // A server that refuses the connection itself ("* BYE Too many connections", "421 …").
    const top = diagnose(`${NAMES[facts.protocol]} ${facts.host}: ${reply}`).causes[0]?.id;
    return [top && top !== 'unknown' ? top : (causeOfCode(facts.protocol, facts.responseCode) ?? 'server_error')];
  }
  return [CONNECT[code] ?? (stage === 'connect' ? 'connection_refused' : 'server_error')];
}

function summarize(r: LoginReport): string {
  const where = `${r.target}:${r.port} (${NAMES[r.protocol]}, ${SECURITY[r.security]})`;
  if (r.outcome === 'ok') {
    const checked = r.protocol === 'imap' ? ' and INBOX answered a read-only STATUS' : r.protocol === 'pop3' ? ' and the mailbox answered STAT' : '';
    return (
      `Login worked: ${r.user} signed in to ${where}${checked}. The server name, port, encryption, user name and password are all right, ` +
      `so the problem is in the mail app: re-type the password there, compare its server settings with these, or remove the account and add it again.`
    );
  }
  const titles = r.causes.map((id) => CAUSES.find((c) => c.id === id)?.title).filter(Boolean);
  const likely = titles.length > 0 ? ` Likely cause: ${titles.join('; ')}.` : '';
  if (r.outcome === 'refused') {
    const said = r.serverReply ? `: "${r.serverReply}"` : '';
    return `The server refused the login of ${r.user} at ${where}${said}.${likely}`;
  }
  const sent = r.passwordSent ? 'The password was sent, but no verdict came back.' : 'The password was not sent.';
  const why = r.error?.code === 'NO_STARTTLS' || r.error?.code === 'LOGINDISABLED'
    ? `${r.error.message}, and emailhelp never sends a password unencrypted. Use SSL/TLS (993 IMAP, 995 POP3, 465 SMTP) or a port that offers STARTTLS`
    : /CERT|SELF_SIGNED|ALTNAME|ISSUER|LEAF/.test(r.error?.code ?? '')
      ? `the server's certificate would be refused by a mail app (${r.error?.code}), so the password was withheld; run emailhelp probe for the certificate's details`
      : (r.error?.message ?? 'no answer');
  return `Not logged in to ${where}: ${why}. ${sent}${likely}`;
}
