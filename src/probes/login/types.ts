import type { MailProtocol } from '../types.js';

/**
 * The login test's facts, before judgement (src/core/login decides what they mean). A login test
 * is one read-only sign-in: connect, TLS (implicit or STARTTLS), one authentication, one read-only
 * mailbox check (IMAP STATUS, POP3 STAT), goodbye.
 */

/** A login only ever happens over TLS: implicit from the first byte, or after STARTTLS/STLS. */
export type LoginSecurity = 'tls' | 'starttls';

export type LoginStage = 'dns' | 'blocked' | 'connect' | 'tls' | 'greeting' | 'capability' | 'starttls' | 'auth' | 'mailbox' | 'logout';

/**
 * Anything with reveal(): the project's Secret (src/secret.ts). The probe layer imports nothing
 * outside src/probes, so it names the shape, not the class.
 */
export interface Password {
  reveal(): string;
}

export interface Credentials {
  user: string;
  password: Password;
}

/** Where to log in: the checked address, and the name for SNI and the certificate check. */
export interface LoginTarget {
  protocol: MailProtocol;
  address: string;
  /** Null for an IP target: the certificate must then name the address. */
  hostname: string | null;
  port: number;
  security: LoginSecurity;
}

export interface SessionOptions {
  /** Extra trusted roots (a lab CA, the tests' CA), added to Node's bundled ones. */
  extraCa?: readonly string[];
  /** Milliseconds this session may take, all steps together; enforced from outside the libraries. */
  timeoutMs: number;
}

export interface LoginErrorInfo {
  code: string;
  message: string;
}

/** What one protocol session found. Filled as it goes, so a failure keeps what came before. */
export interface SessionFacts {
  /** The password (in any encoding) was written to the connection. */
  passwordSent: boolean;
  /** true: the server accepted the login; false: it refused it; null: no verdict. */
  accepted: boolean | null;
  /** The read-only mailbox check (IMAP STATUS INBOX, POP3 STAT) answered; SMTP has none. */
  mailboxChecked: boolean;
  /** Where the session stopped (or the last step it reached when it worked). */
  stage: LoginStage;
  error: LoginErrorInfo | null;
  /** The server's words when it refused, bounded; src/core removes any echo of the password. */
  serverReply: string | null;
  /** IMAP [CODE] / POP3 [CODE] of the refusal, or SMTP's reply and enhanced codes ("535 5.7.8"). */
  responseCode: string | null;
  /** The commands sent, verbs only (never arguments): what the test did on the server. */
  commands: string[];
  /** TLS version of the session, once TLS is up. */
  tlsVersion: string | null;
}

export interface LoginFacts extends SessionFacts {
  protocol: MailProtocol;
  host: string;
  address: string | null;
  port: number;
  security: LoginSecurity;
  timingsMs: { dns?: number; session?: number; total: number };
}

/** One login session per protocol: never throws; every failure is in the facts. */
export type LoginSession = (target: LoginTarget, credentials: Credentials, options: SessionOptions) => Promise<SessionFacts>;

/** Bound for any server text kept in the facts. */
export const MAX_REPLY_CHARS = 1000;
/** A session sends a handful of commands; a list longer than this is a bug, not a record. */
export const MAX_COMMANDS = 20;

export function newSessionFacts(): SessionFacts {
  return { passwordSent: false, accepted: null, mailboxChecked: false, stage: 'connect', error: null, serverReply: null, responseCode: null, commands: [], tlsVersion: null };
}

export function recordCommand(facts: SessionFacts, verb: string): void {
  if (facts.commands.length < MAX_COMMANDS) facts.commands.push(verb.toUpperCase());
}

export function boundedReply(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[^\x20-\x7e\u00a0-\uffff]/g, '').trim().slice(0, MAX_REPLY_CHARS);
}
