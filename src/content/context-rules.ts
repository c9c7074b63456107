import type { ContextRule } from './types.js';

/**
 * Where the same words mean different things. Each rule moves a share of the strongest score of
 * its `from` causes to its `to` causes when its condition holds (see ContextRule).
 */

const GOOGLE = /\b(?:g ?mail|googlemail|google|imap\.gmail|smtp\.gmail|pop\.gmail|workspace)\b/i;
const MICROSOFT = /\b(?:office ?365|o365|m365|microsoft 365|exchange online|outlook\.(?:com|office365\.com|office\.com)|hotmail|live\.com|msn\.com|smtp-mail\.outlook|imap-mail\.outlook)\b/i;
const APP_PASSWORD_PROVIDERS = /\b(?:yahoo|ymail|aol|icloud|me\.com|mac\.com|zoho|qq\.com|163\.com|126\.com|yeah\.net|fastmail|yandex|mail\.ru)\b/i;

export const CONTEXT_RULES: readonly ContextRule[] = [
  {
    id: 'google-auth',
    from: ['auth_failed'],
    when: { provider: GOOGLE },
    to: { app_password_required: 1.8, oauth_required: 0.35, security_block: 0.2 },
    keep: 0.6,
    reason: 'Gmail refuses the normal password in mail apps: it wants an app password (with 2-Step Verification) or a Google sign-in (OAuth)',
    source: 'support.google.com/accounts/answer/185833; Google ended "less secure apps" access in 2024–2025',
  },
  {
    id: 'microsoft-auth',
    from: ['auth_failed', 'smtp_auth_required'],
    when: { provider: MICROSOFT },
    to: { oauth_required: 1.5, protocol_disabled: 0.25 },
    keep: 0.6,
    reason: 'Microsoft 365 and Outlook.com no longer accept a plain password over IMAP/POP (and are retiring it for SMTP): the app must sign in with OAuth',
    source: 'learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/deprecation-of-basic-authentication-exchange-online',
  },
  {
    id: 'app-password-providers',
    from: ['auth_failed'],
    when: { provider: APP_PASSWORD_PROVIDERS },
    to: { app_password_required: 1.4, security_block: 0.25 },
    reason: 'this provider wants an app password (not the web password) in mail apps',
    source: 'Yahoo, AOL, iCloud, Zoho, QQ/163 help pages on app passwords',
  },
  {
    id: 'two-step-auth',
    from: ['auth_failed'],
    when: { text: /\b(?:2[- ]?(?:step|fa|factor)|two[- ]?(?:step|factor)|mfa|multi[- ]factor|zwei[- ]?faktor|2[- ]faktor|zweistufig|zwei schritten|dos (?:pasos|factores)|doble factor|deux (?:étapes|etapes|facteurs)|double (?:authentification|facteur)|duas etapas|dois fatores|due (?:fattori|passaggi)|doppia autenticazione)/i },
    to: { app_password_required: 1.2 },
    reason: 'with 2-step verification on, mail apps need an app password instead of the account password',
    source: 'support.google.com/accounts/answer/185833; Apple, Yahoo, Microsoft app-password help',
  },
  {
    id: 'works-in-webmail',
    from: ['auth_failed'],
    when: { text: /(?:web ?mail|browser|web interface|website|web site|online)[^.\n]{0,60}(?:works?|fine|valid|correct|can log|able to log|log in|login)|(?:works?|valid|correct|can log ?in|able to log ?in|log in)[^.\n]{0,60}(?:web ?mail|browser|web interface|website|on the web)|(?:web ?mail|browser|navegador|navigateur)[^.\n]{0,60}(?:funktioniert|klappt|funciona|fonctionne|marche|funziona)|(?:funktioniert|klappt|funciona|fonctionne|marche|funziona)[^.\n]{0,60}(?:web ?mail|browser|navegador|navigateur)/i },
    to: { app_password_required: 0.6, security_block: 0.45, oauth_required: 0.3 },
    reason: 'the password works on the web but not in the mail app: typical of app-password, OAuth or security-check requirements',
    source: 'provider help pages; helpdesk experience',
  },
  {
    id: 'port-25-blocked',
    from: ['timeout', 'connection_refused'],
    when: { port: [25] },
    to: { timeout: 0.6 },
    reason: 'port 25 is blocked for mail apps by most internet providers: send on 587 (STARTTLS) or 465 (SSL/TLS)',
    source: 'RFC 8314 §3.3; ISP port-25 blocking (Spamhaus PBL, M3AAWG recommendations)',
  },
  {
    id: 'tls-error-on-plain-port',
    from: ['certificate_problem', 'timeout', 'tls_mismatch'],
    when: { port: [143, 110, 587, 25], text: /\b(?:ssl|tls|handshake|wrong version|unknown protocol|encrypt)/i },
    to: { tls_mismatch: 0.9 },
    reason: 'ports 143, 110 and 587 start in plain text and switch with STARTTLS: "SSL/TLS" there fails',
    source: 'RFC 8314 §3; RFC 3207; RFC 2595',
  },
  {
    id: 'plain-on-tls-port',
    from: ['timeout', 'connection_refused'],
    when: { port: [465, 993, 995], text: /greeting never received|unexpected (?:socket )?close|wrong version|handshake|starttls|ssl|tls/i },
    to: { tls_mismatch: 0.8 },
    reason: 'ports 993, 995 and 465 expect SSL/TLS from the first byte: STARTTLS or no encryption there stalls',
    source: 'RFC 8314 §3',
  },
  {
    id: 'microsoft-pop-off',
    from: ['auth_failed'],
    when: { provider: MICROSOFT, protocol: ['pop3'] },
    to: { protocol_disabled: 0.5 },
    reason: 'Outlook.com has POP switched off until the user turns it on in Outlook on the web',
    source: 'support.microsoft.com (POP, IMAP, and SMTP settings for Outlook.com)',
  },
  {
    id: 'gmail-web-login',
    from: ['auth_failed', 'security_block'],
    when: { provider: GOOGLE, text: /web ?browser|web login|weblogin|5\.7\.14|displayunlockcaptcha|accounts\.google\.com/i },
    to: { security_block: 0.8 },
    reason: 'Google wants the user to sign in once on the web to clear a security check',
    source: 'support.google.com/mail/answer/7126229',
  },
  {
    id: 'tls-scheme-on-plain-port',
    from: ['connection_refused', 'timeout', 'certificate_problem', 'host_not_found', 'tls_mismatch'],
    when: { text: /\b(?:ssl|tls):\/\/[\w.-]+:(?:587|25|143|110)\b|\bsocketType=3\b[^\n]{0,80}\b(?:587|143|110)\b|\b(?:587|143|110)\b[^\n]{0,80}\bsocketType=3\b/i },
    to: { tls_mismatch: 1.3 },
    keep: 0.6,
    reason: 'the app opens SSL/TLS straight away ("ssl://") on a port that starts in plain text and switches with STARTTLS (587, 143, 110): use STARTTLS there, or the SSL/TLS port (465, 993, 995)',
    source: 'RFC 8314 §3; RFC 3207; PHPMailer/Swift Mailer debug output ("Connection: opening to ssl://host:587"); Thunderbird socketType (0 plain, 2 STARTTLS, 3 SSL/TLS)',
  },
  {
    id: 'plain-scheme-on-tls-port',
    from: ['connection_refused', 'timeout', 'certificate_problem', 'host_not_found', 'tls_mismatch', 'auth_failed'],
    when: { text: /\b(?:imap|pop3?|smtp):\/\/[\w.-]+:(?:993|995|465)\b|\bsocketType=[02]\b[^\n]{0,80}\b(?:465|993|995)\b|\b(?:465|993|995)\b[^\n]{0,80}\bsocketType=[02]\b|\bSMTPSecure\s*=\s*['"]tls['"][^\n]{0,200}\bPort\s*=\s*465\b|\bPort\s*=\s*465\b[^\n]{0,200}\bSMTPSecure\s*=\s*['"]tls['"]|\btls:\/\/[\w.-]+:465\b/i },
    to: { tls_mismatch: 1.3 },
    keep: 0.6,
    reason: 'the app starts in plain text (or with STARTTLS) on a port that expects SSL/TLS from the first byte (993, 995, 465): choose SSL/TLS there, or the STARTTLS port (143, 110, 587)',
    source: 'RFC 8314 §3; PHPMailer SMTPSecure/Port settings; Thunderbird socketType (0 plain, 2 STARTTLS, 3 SSL/TLS)',
  },
  {
    id: 'microsoft-auth-method',
    from: ['auth_failed', 'plaintext_auth_disabled'],
    when: { provider: MICROSOFT, text: /(?:does not support|doesn't support) the (?:selected|chosen) authentication method|unterstützt die gewählte Authentifizierungsmethode nicht|no admite el método de (?:identificación|autenticación)|ne gère pas la méthode d.authentification|non supporta il metodo di autenticazione|não (?:suporta|oferece suporte a)o? método de autenticação/i },
    to: { oauth_required: 2 },
    keep: 0.5,
    reason: 'Microsoft 365 and Outlook.com turned the normal password ("basic authentication") off: the authentication method must be OAuth2',
    source: 'learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/deprecation-of-basic-authentication-exchange-online; Thunderbird imapMsgs.properties and messageSend.ftl ("does not support the selected authentication method")',
  },
];
