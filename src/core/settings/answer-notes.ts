import type { ServerSetting, SettingsAnswer } from './types.js';

/**
 * The caveats every online answer needs, whatever source found it, in the same words as the
 * bundled answers: POP's leave-on-server, unencrypted servers, and the user name where the source
 * could not say.
 */

export const LEAVE_ON_SERVER_NOTE =
  'With POP, tick "Leave a copy of messages on the server" in the mail app: otherwise mail it downloads disappears from webmail and from every other device (emailhelp explain leave-on-server).';

export function serverNotes(servers: readonly ServerSetting[]): string[] {
  const notes: string[] = [];
  for (const s of servers) {
    if (s.security === 'none') notes.push(`${s.host} port ${s.port} is unencrypted: it sends the password in clear text. Use an SSL/TLS or STARTTLS server listed here instead.`);
  }
  if (servers.some((s) => s.protocol === 'pop3') && servers.some((s) => s.protocol === 'imap')) {
    notes.push('IMAP is recommended: it keeps mail on the server, so every device sees the same mailbox. Use POP only to download mail to one computer.');
  }
  if (servers.some((s) => s.protocol === 'pop3')) notes.push(LEAVE_ON_SERVER_NOTE);
  return [...new Set(notes)];
}

/** SRV records and guessed names say nothing about the user name. */
export const USERNAME_UNKNOWN_NOTE =
  'This source does not say the user name format: most servers take the whole email address; if that is refused, try the part before the @.';

/**
 * An answer from the domain's own records or from probing its usual names: the domain is the
 * only provider name there is. Incoming lists IMAP before POP3, as every answer does.
 */
export function domainAnswer(domain: string, source: 'srv' | 'guess', settings: readonly ServerSetting[], notes: string[]): SettingsAnswer {
  return {
    domain,
    provider: { id: domain, name: domain },
    source,
    incoming: [...settings.filter((s) => s.protocol === 'imap'), ...settings.filter((s) => s.protocol === 'pop3')],
    outgoing: settings.filter((s) => s.protocol === 'smtp'),
    notes,
  };
}
