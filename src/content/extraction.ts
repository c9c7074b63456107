import type { ClientId } from './types.js';

/**
 * Facts the extractor uses to read pasted text: how people name their mail apps, which host-name
 * labels mean "this is a mail server", and which kind of error code tells most about the cause.
 */

export interface ClientMention {
  client: ClientId;
  pattern: RegExp;
  /** Normalised words one of which any match contains: the pattern only runs when one is present. */
  keywords: string[];
  source: string;
}

// Order matters where names overlap: "Thunderbird for Android" before "Thunderbird",
// "Outlook Express" / "Windows Live Mail" before "Outlook", "Outlook for Android" before both.
export const CLIENT_MENTIONS: readonly ClientMention[] = [
  { client: 'android', pattern: /\b(?:thunderbird (?:for|für|para|pour|per) android|k-?9(?: ?mail)?|fairemail|samsung (?:e-?mail|mail)|outlook (?:for|app (?:on|for)|on) android|android|aquamail|bluemail|delta ?chat)\b/i, keywords: ['thunderbird', 'k', 'k9', 'fairemail', 'samsung', 'outlook', 'android', 'aquamail', 'bluemail', 'delta', 'deltachat'], source: 'app names (Google Play listings)' },
  { client: 'windows_mail', pattern: /\b(?:outlook express|windows live mail|windows (?:10 |11 )?mail|mail (?:and|&) calendar|mail-app (?:von|unter) windows|courrier windows|correo de windows|posta di windows)\b/i, keywords: ['outlook', 'windows', 'mail', 'courrier', 'correo', 'posta'], source: 'Microsoft app names' },
  { client: 'ios_mail', pattern: /\b(?:iphone|ipad|ipod|ios|ipados|cannot verify server identity|impossible de v[ée]rifier l.identit[ée] du serveur|identit[äa]t des servers (?:kann nicht|nicht) (?:überprüft|ueberprueft)|no se puede verificar la identidad del servidor)\b/i, keywords: ['iphone', 'ipad', 'ipod', 'ios', 'ipados', 'verify', 'verifier', 'identitat', 'identidad'], source: 'Apple iOS Mail alert titles (support.apple.com/HT204187)' },
  { client: 'apple_mail', pattern: /\b(?:apple mail|mac ?mail|mail\.app|macos|mac os(?: x)?|os x|macbook|imac|on my mac|auf meinem mac|en mi mac|sur mon mac)\b/i, keywords: ['apple', 'mac', 'macmail', 'mail', 'macos', 'os', 'macbook', 'imac', 'meinem', 'mi', 'mon'], source: 'Apple Mail on macOS' },
  { client: 'thunderbird', pattern: /\b(?:thunderbird|betterbird|tb ?1\d{2})\b/i, keywords: ['thunderbird', 'betterbird', 'tb'], source: 'Mozilla Thunderbird' },
  { client: 'gmail', pattern: /\b(?:gmail app|gmail-app|app (?:de |do |di )?gmail|check mail from other accounts|mail fetcher|gmailify|(?:nachrichten|e-mails) von anderen konten abrufen|consultar el correo de otras cuentas)\b/i, keywords: ['gmail', 'app', 'check', 'fetcher', 'gmailify', 'nachrichten', 'e', 'consultar'], source: 'Gmail help (support.google.com/mail/answer/21289)' },
  { client: 'outlook', pattern: /\b(?:outlook|ms ?office|office 20\d\d|microsoft 365 apps)\b(?!\.com|\.office365|\.office)/i, keywords: ['outlook', 'ms', 'msoffice', 'office', 'microsoft'], source: 'Microsoft Outlook' },
];

/**
 * First labels of host names that name a mail service: imap.…, pop3.…, smtp.…, mail.…,
 * outlook.office365.com. Unanchored: its user ties it to where a label starts and ends.
 */
export const MAIL_HOST_LABELS =
  /(?:imap|imaps|imap\d|pop|pop3|pops|pop\d|smtp|smtps|smtp\d|securesmtp|secureimap|securepop|mail|mail\d+|mailhost|mx\d*|webmail|email|e-mail|exchange|owa|outlook|smtpauth|smtp-auth|submission|relay|mailout|mailin|imap-mail|smtp-mail|pop-mail|mailserver|mx-\w+|asmtp|auth|ssl0|pro\d|sslout|mail-\w+|imap-\w+|smtp-\w+|pop-\w+)/;

/** Lower ranks first: an Outlook hex code says which step failed; an errno only that a socket did. */
export const CODE_PRIORITY = {
  outlook: 0,
  smtp_reply: 1,
  smtp_enhanced: 2,
  imap: 3,
  pop3: 3,
  tls: 4,
  errno: 5,
  socket: 6,
} as const;
