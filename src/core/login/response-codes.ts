import type { CauseId } from '../../content/types.js';

/**
 * What the response codes in a refusal mean, independent of the words around them: IMAP response
 * codes (RFC 5530), POP3 extended response codes (RFC 2449 §8, RFC 3206), SMTP reply and enhanced
 * status codes (RFC 4954 §6, RFC 3463, and the codes Google and Microsoft document).
 */

const IMAP: Record<string, CauseId> = {
  AUTHENTICATIONFAILED: 'auth_failed',
  AUTHORIZATIONFAILED: 'auth_failed',
  EXPIRED: 'auth_failed',
  PRIVACYREQUIRED: 'plaintext_auth_disabled',
  UNAVAILABLE: 'server_error',
  SERVERBUG: 'server_error',
  LIMIT: 'connection_limit',
  INUSE: 'connection_limit',
  OVERQUOTA: 'quota_exceeded',
  CONTACTADMIN: 'security_block',
};

const POP3: Record<string, CauseId> = {
  AUTH: 'auth_failed',
  'IN-USE': 'connection_limit',
  'LOGIN-DELAY': 'connection_limit',
  'SYS/TEMP': 'server_error',
  'SYS/PERM': 'server_error',
};

/** Enhanced status codes first (they are more specific), then the basic reply code. */
const SMTP: Record<string, CauseId> = {
  '5.7.8': 'auth_failed',
  '5.7.3': 'auth_failed',
  '5.7.9': 'app_password_required',
  '5.7.14': 'security_block',
  '5.7.139': 'oauth_required',
  '5.7.30': 'oauth_required',
  '5.7.11': 'plaintext_auth_disabled',
  '5.7.0': 'plaintext_auth_disabled',
  '4.7.0': 'server_error',
  '4.7.12': 'auth_failed',
  '535': 'auth_failed',
  '534': 'app_password_required',
  '538': 'plaintext_auth_disabled',
  '454': 'server_error',
  '421': 'server_error',
};

export function causeOfCode(protocol: 'imap' | 'pop3' | 'smtp', code: string | null): CauseId | null {
  if (!code) return null;
  if (protocol === 'imap') return IMAP[code.toUpperCase()] ?? null;
  if (protocol === 'pop3') return POP3[code.toUpperCase()] ?? null;
  const [basic = '', enhanced = ''] = code.split(' ');
  return SMTP[enhanced] ?? SMTP[basic] ?? null;
}
