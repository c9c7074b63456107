/** The shape of the bundled ISPDB data (scripts/import-ispdb.ts writes ispdb.generated.ts in it). */

export type IspdbSecurity = 'tls' | 'starttls' | 'none';

export interface IspdbServer {
  readonly protocol: 'imap' | 'pop3' | 'smtp';
  readonly host: string;
  readonly port: number;
  readonly security: IspdbSecurity;
  /** 'email', 'local-part', or ISPDB's literal pattern (e.g. %EMAILLOCALPART%.%EMAILDOMAIN%). */
  readonly username: string;
  /** ISPDB's authentication values: password-cleartext, password-encrypted, OAuth2, none. */
  readonly auth: readonly string[];
  /** ISPDB's <restriction>, e.g. client-IP-address: only from the provider's own network. */
  readonly restriction?: string;
}

export interface IspdbProvider {
  /** The ISPDB file name without .xml: unique, unlike ISPDB's own id attribute. */
  readonly id: string;
  readonly name: string;
  /** Mail domains: the part after @ in the users' addresses. */
  readonly domains: readonly string[];
  /** Names under which the provider's MX hosts lie, for custom domains hosted there. */
  readonly mxDomains: readonly string[];
  /** In ISPDB's order: the first server of a protocol is the preferred one. */
  readonly incoming: readonly IspdbServer[];
  readonly outgoing: readonly IspdbServer[];
  readonly docs: readonly { readonly url: string; readonly text: string }[];
  /** Something the user must switch on in webmail before a mail app may connect. */
  readonly enable?: { readonly url: string; readonly text: string };
}
