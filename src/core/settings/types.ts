/**
 * The answer of `emailhelp settings` (the public JSON shape of ../shared/spec/interface.md). Every
 * lookup source — bundled data, ISPDB online, the domain's autoconfig, SRV, MX, a guess — returns
 * this one shape and says in `source` where it came from.
 */

export type SettingsSource = 'bundled' | 'ispdb' | 'autoconfig' | 'srv' | 'mx' | 'guess';

/** `tls` is implicit TLS from the first byte ("SSL/TLS" in mail apps). */
export type Security = 'tls' | 'starttls' | 'none';

/** `email`, `local-part`, or a provider's literal pattern such as `%EMAILLOCALPART%.%EMAILDOMAIN%`. */
export type UsernameFormat = 'email' | 'local-part' | (string & {});

export interface ServerSetting {
  protocol: 'imap' | 'pop3' | 'smtp';
  host: string;
  port: number;
  security: Security;
  username: UsernameFormat;
}

export interface ProviderRef {
  id: string;
  name: string;
}

export interface SettingsAnswer {
  /** The domain looked up, lower-case ASCII (an IDN in its xn-- form). */
  domain: string;
  /** null when nothing is known about the domain. */
  provider: ProviderRef | null;
  source: SettingsSource;
  /** Recommended first: IMAP before POP3 unless the provider has no IMAP. */
  incoming: ServerSetting[];
  outgoing: ServerSetting[];
  /** Plain text, one caveat or hint each; what to try next when provider is null. */
  notes: string[];
}

/** What a custom domain's MX host says about who hosts its mailboxes. */
export interface MxMatch {
  /** The MX host as looked up (lower-case ASCII, no trailing dot). */
  mxHost: string;
  /** `gateway`: a filtering service in front of the real mailbox provider, which the MX cannot show. */
  kind: 'provider' | 'gateway' | 'unknown';
  provider: ProviderRef | null;
  /** The gateway's name when kind is `gateway`. */
  gateway: string | null;
  /** The bundled domain or pattern that matched. */
  matched: string | null;
  notes: string[];
}

export type SettingsInputProblem = 'empty' | 'too_long' | 'bad_email' | 'bad_domain';

/**
 * Input that is neither an email address nor a domain. The message never repeats the input: an
 * address is personal data, and the part before @ is nobody's business but the user's.
 */
export class SettingsInputError extends Error {
  readonly code = 'BAD_SETTINGS_INPUT';
  constructor(
    readonly problem: SettingsInputProblem,
    message: string,
  ) {
    super(message);
    this.name = 'SettingsInputError';
  }
}
