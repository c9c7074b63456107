import type { Dialogue } from './dialogue.js';
import { imapDialogue } from './imap.js';
import { pop3Dialogue } from './pop3.js';
import { smtpDialogue } from './smtp.js';
import type { CheckSpec, MailProtocol } from './types.js';

/** One dialogue per protocol: a new protocol is one file and one line here. */
export const DIALOGUES: Record<MailProtocol, Dialogue> = {
  imap: imapDialogue,
  pop3: pop3Dialogue,
  smtp: smtpDialogue,
};

/** The checks of the spec: implicit TLS first, then the STARTTLS port, per protocol. */
export const STANDARD_CHECKS: Record<MailProtocol, CheckSpec[]> = {
  imap: [
    { protocol: 'imap', port: 993, security: 'tls' },
    { protocol: 'imap', port: 143, security: 'starttls' },
  ],
  pop3: [
    { protocol: 'pop3', port: 995, security: 'tls' },
    { protocol: 'pop3', port: 110, security: 'starttls' },
  ],
  smtp: [
    { protocol: 'smtp', port: 465, security: 'tls' },
    { protocol: 'smtp', port: 587, security: 'starttls' },
  ],
};

/**
 * The security a port implies when the user names only a port (RFC 8314: 993, 995, 465 are
 * implicit TLS; 143, 110, 587, 25 start plain). Any other port is found out by trying.
 */
export function securityForPort(port: number): CheckSpec['security'] {
  if (port === 993 || port === 995 || port === 465) return 'tls';
  if (port === 143 || port === 110 || port === 587 || port === 25 || port === 2525) return 'starttls';
  return 'auto';
}
