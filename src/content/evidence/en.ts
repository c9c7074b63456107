import { phrasesFor } from './build.js';

/**
 * English wording: mail apps' own messages, server replies, library errors, and the words users
 * type. Phrases are in normalised form (see PhraseEvidence): "can't" is "can t", "user+IP" is "user ip".
 */
const e = phrasesFor('en');
const TB = 'Thunderbird message catalogs (messenger.properties, imapMsgs, localMsgs, composeMsgs)';
const APPLE = 'Apple Mail / iOS Mail alerts (support.apple.com)';
const MS = 'Microsoft Outlook and Exchange Online messages (support.microsoft.com, learn.microsoft.com)';
const GOOGLE = 'Gmail server replies (support.google.com/mail/answer/7126229, /a/answer/3726730)';
const DOVECOT = 'Dovecot server replies (doc.dovecot.org)';
const NODE = 'Node.js / OpenSSL / language library errors';
const USERS = 'helpdesk tickets and forum threads: users\' own wording';

export const EVIDENCE_EN = [
  // auth_failed
  e('auth_failed', 3, ['authentication failed', 'authentication failure', 'authentication error', 'auth failed', 'login failure'], `${DOVECOT}; ${NODE}`),
  e('auth_failed', 3, ['invalid credentials', 'invalid login', 'invalid (user|username|login name|login) .. password', 'login incorrect', 'bad credentials', 'wrong credentials'], `${GOOGLE}; ${NODE}`),
  e('auth_failed', 3, ['(user name|username|login|account name) .. or password .. (incorrect|wrong|invalid|rejected|not accepted|did not match|doesn t match|don t match)', 'username and password not accepted', 'unable to verify account name or password'], `${APPLE}; ${GOOGLE}`),
  e('auth_failed', 2.5, ['password .. (incorrect|wrong|rejected|invalid|not accepted|not correct)', '(incorrect|wrong|invalid|bad) password', 'password was not accepted', 'login .. rejected'], `${APPLE}; ${USERS}`),
  e('auth_failed', 2.5, ['server denied pop3 access for the given username and password'], 'Gmail "Check mail from other accounts" (Mail Fetcher)', { client: 'gmail', protocol: 'pop3' }),
  e('auth_failed', 2, ['login failed', 'logon failure', 'log in failed', 'sign in failed', '(could not|unable to|can t|cannot|failed to|not able to) (log in|login|sign in|log on)', 'not able to log in'], USERS),
  e('auth_failed', 2, ['(keeps asking|keep asking|keeps prompting|asks again|asking again|repeatedly asks|constantly asks) .. password', 'password prompt|password prompts|password popup', 'prompt* .. for .. password'], USERS),
  e('auth_failed', 2, ['(verify|check) your (credentials|user name|username|password)', 'please enter your password', 'enter the password for'], `${TB}; ${APPLE}`),
  e('auth_failed', 1, ['credentials', 'password', 'passwort|kennwort'], USERS),
  e('auth_failed', 2, ['login to server .. failed', 'sending of password .. failed', 'pop3 server .. password', 'imap server .. password'], TB, { client: 'thunderbird' }),

  // app_password_required
  e('app_password_required', 4, ['application specific password required', 'application specific password', 'app specific password'], `${GOOGLE}; Apple ID help`),
  e('app_password_required', 3, ['app password|app passwords', 'application password', '(authorization|authorisation) code', 'generate .. password for'], 'Google, Yahoo, AOL, iCloud, QQ/163 help pages'),
  e('app_password_required', 1.5, ['2 step|two step|2 factor|two factor|2fa|mfa|multi factor|two fa', '2 step verification|two step verification', 'two factor authentication'], USERS),
  e('app_password_required', 2, ['please log in with your web browser and then try again .. app password'], GOOGLE),

  // oauth_required
  e('oauth_required', 4, ['basic authentication is disabled', 'basicauthblocked', 'basic auth is (disabled|blocked|deprecated|turned off|retired)', 'smtpclientauthentication is disabled', 'smtp client authentication is disabled'], MS),
  e('oauth_required', 3, ['basic auth*', 'modern authentication|modern auth', 'legacy authentication|legacy auth', 'oauth|oauth2|xoauth2|oauth 2', 'less secure app|less secure apps', 'security defaults', 'doesn t meet modern security standards|modern security standards'], `${MS}; Google Workspace admin help`),
  e('oauth_required', 2, ['authenticate failed', 'microsoft .. (deprecat*|disabled|turned off|retired)', 'sign in with microsoft|sign in with google', 'deprecat* .. (basic|imap|pop|smtp auth)'], MS),

  // protocol_disabled
  e('protocol_disabled', 4, ['not enabled for imap use', 'imap access is disabled', 'imap is disabled', 'full imap support is not enabled', 'pop3 access is disabled', 'pop is disabled', 'imapenabled|popenabled'], `${GOOGLE}; ${MS}`),
  e('protocol_disabled', 3, ['imap|pop|pop3 .. (not enabled|disabled|turned off|switched off|not activated)', '(enable|activate|turn on) (imap|pop|pop3)', 'let devices and apps use pop', 'imap .. not .. enabled', 'pop .. access .. off'], `${GOOGLE}; Outlook.com help`),

  // security_block
  e('security_block', 4, ['please log in via your web browser', 'log in via your web browser', 'web login required', 'webalert', 'sign in attempt was blocked', 'sign in attempt .. prevented|blocked', 'critical security alert'], GOOGLE),
  e('security_block', 3, ['suspicious .. (sign in|login|activity|attempt)', 'unusual .. (sign in|activity)', 'someone .. trying to .. access', 'account .. (locked|suspended|blocked|disabled temporarily|temporarily disabled)', 'captcha', 'verify it s you', 'unlock your account', 'outboundspamexception', 'spam abuse detected', 'blocked for spam', 'too many login attempts', 'too many failed login attempts'], `${GOOGLE}; ${MS}; Yahoo help`),
  e('security_block', 2, ['(log on|log in|login|sign in|logged in|logging in) .. (web interface|webmail|web browser|browser)', 'until i (log|sign) (on|in|into) .. web|browser|webmail'], USERS),

  // host_not_found
  e('host_not_found', 4, ['server could not be found', 'could not find the server', 'unknown host', 'host not found', 'name or service not known', 'nodename nor servname', 'no such host', 'temporary failure in name resolution', 'unknownhostexception', 'could not resolve (host|hostname|server)', 'cannot resolve', 'unable to resolve', 'getaddrinfo', 'dns lookup failed', 'server name .. not .. found'], `${NODE}; ${MS}`),
  e('host_not_found', 3, ['failed to connect to server'], TB, { client: 'thunderbird' }),
  e('host_not_found', 2, ['typo', 'misspelled|misspelt|misspelling|misspell', 'server name .. wrong|incorrect|typed', 'dns', 'does not resolve|doesn t resolve|not resolving'], USERS),

  // connection_refused
  e('connection_refused', 4, ['connection .. refused', 'refused .. connection', 'actively refused', 'refused to allow a connection', 'econnrefused', 'connection rejected|rejected the connection'], `${TB}; ${APPLE}; ${NODE}`),
  e('connection_refused', 2, ['port .. closed', 'nothing .. listening', 'not listening'], USERS),

  // timeout
  e('timeout', 4, ['timed out', 'timeout|time out|timeouts', 'operation timed out', 'server is not responding', 'did not respond|didn t respond|does not respond|not responding', 'took too long', 'connection attempt failed because the connected party did not properly respond'], `${TB}; ${MS}; ${NODE}`),
  e('timeout', 2.5, ['connection .. (interrupted|was reset|reset by peer|dropped|lost|closed unexpectedly)', 'network is unreachable', 'no route to host', 'host is unreachable|server is unreachable|unreachable', 'socket would block', 'no response from'], `${MS}; ${NODE}`),
  e('timeout', 2, ['firewall|antivirus|anti virus|avast|norton|kaspersky|mcafee|bitdefender|eset|vpn', 'port 25 .. blocked', 'isp .. block*', 'blocked port'], USERS),
  e('timeout', 1, ['can t connect|cannot connect|could not connect|unable to connect|failed to connect|can not connect|couldn t connect|not connect', 'connection failed|failed connection', 'offline', 'server down|is down|went down'], USERS),

  // tls_mismatch
  e('tls_mismatch', 4, ['wrong version number', 'does not support the connection encryption type', 'packet length too long', 'ssl routines .. unknown protocol', 'ssl3 get record', 'tls get more records'], `${MS}; ${NODE}`),
  e('tls_mismatch', 3, ['unknown protocol', 'encryption type|encryption method|encryption setting', 'unable to establish tls connection', 'does not support starttls|starttls not supported|starttls is not supported|server does not support tls|no starttls', 'does not support ssl|doesn t support ssl', 'unsupported protocol', 'tlsv1 alert protocol version', 'no protocols available', '(ssl handshake|tls handshake) .. failed|failure|error', 'handshake failure|handshake failed', 'greeting never received', 'unexpected socket close', 'ssl tls connection .. failed', 'wrong port', 'secure connection failed|could not establish a secure connection|cannot establish a secure connection'], `${TB}; ${MS}; ${NODE}`),
  e('tls_mismatch', 1.5, ['ssl|tls|starttls', 'connection security', 'use ssl|use tls|ssl checkbox|ssl option', '465 .. 587', '587 .. 465', '993 .. 143', '143 .. 993', '995 .. 110'], USERS),

  // certificate_problem
  e('certificate_problem', 4, ['(cannot|can t|unable to|could not|couldn t) verify (server identity|the identity of)', 'cert has expired|certificate has expired|certificate expired', 'self signed|selfsigned', 'unable to verify leaf signature|unable to verify the first certificate', 'unable to get local issuer certificate', 'pkix path building failed', 'certificate verify failed|certificate verification failed|certificate validation failed', 'does not match certificate|not match the certificate|altnames', 'notvalidforname|not valid for name', 'trust anchor for certification path', 'certificate .. (not trusted|untrusted|invalid|not valid|expired|revoked|mismatch|error|problem|rejected|warning)', 'invalid certificate|untrusted certificate|bad certificate|expired certificate'], `${APPLE}; ${NODE}`),
  e('certificate_problem', 2.5, ['certificate|certificates|cert', 'security exception', 'x509|x 509', 'identity of .. server', '(issued for|issued to) .. different|another|other', 'mitm|man in the middle'], `${TB}; ${USERS}`),

  // plaintext_auth_disabled
  e('plaintext_auth_disabled', 4, ['plaintext authentication disallowed', 'plaintext auth* .. (disallowed|not allowed|disabled|not permitted)', 'logindisabled', 'logging in is disabled on this server', 'cleartext login* .. (not permitted|disabled|disallowed)', 'privacyrequired', 'encryption required for requested authentication mechanism'], `${DOVECOT}; RFC 3501 §6.2.3; RFC 4954 §6`),
  e('plaintext_auth_disabled', 2.5, ['requires .. (encrypted|secure) connection', 'secure connection required|encryption required|tls required|ssl required', 'allow insecure authentication|insecure authentication|allow insecure'], `Postfix; ${APPLE}`),
  e('tls_mismatch', 3, ['must issue a starttls command first'], 'Gmail/Postfix 530 5.7.0 reply: the app skipped the STARTTLS this port requires (the corpus labels it tls_mismatch)', { protocol: 'smtp' }),
  e('plaintext_auth_disabled', 1.5, ['unencrypted|non secure|not secure|without encryption|insecure|no encryption|plain text|plaintext|cleartext|clear text'], USERS),

  // connection_limit
  e('connection_limit', 4, ['too many .. connections', 'maximum number of connections', 'max number of connections', 'user ip exceeded', 'mail max userip connections', 'connection limit|connections limit', 'simultaneous connections|concurrent connections', 'server or maildrop is busy', 'unable to lock maildrop', 'maildrop .. locked|busy', 'reduce the number of cached connections'], `${DOVECOT}; ${TB}; RFC 2449`),
  e('connection_limit', 3, ['mailbox .. (locked|in use|already locked)', 'another (session|pop3 session|process)', 'already .. (connected|logged in|open)', 'in use by'], USERS),

  // quota_exceeded
  e('quota_exceeded', 4, ['over quota|overquota', 'mailbox .. full', 'mailbox is full|inbox is full|inbox full|mailbox full', 'quota exceeded', 'exceeded .. quota', 'exceeded .. (storage|maximum mailbox size|mailbox size)', 'disk quota', 'storage .. full', 'out of storage|storage limit', 'errorquotaexceeded', 'insufficient .. storage'], `${DOVECOT}; ${GOOGLE}; ${MS}`),
  e('quota_exceeded', 1.5, ['quota', 'storage|space|full'], USERS),
  e('quota_exceeded', -3, ['sending quota|sending limit|rate limit|messages per|recipients per', 'daily .. limit|quota', 'limit on the number of .. messages', 'outgoing messages'], GOOGLE),

  // server_error
  e('server_error', 3, ['temporary failure|temporary server error|temporary system problem|temporary error|temporarily unavailable|temporarily failed', 'internal error|internal server error', 'server unavailable|service unavailable|service not available|service temporarily', 'user is authenticated but not connected', 'insufficient system resources', 'local error in processing', 'requested action aborted', 'server .. reported an internal error', 'sys temp'], `${MS}; ${DOVECOT}; RFC 5321`),
  e('server_error', 2, ['try again later|please try again|retry later', 'server error', 'server busy|too busy', 'outage', 'status page|service status|down for everyone', 'very slow|extremely slow|slowness'], USERS),

  // pop_removes_from_server
  e('pop_removes_from_server', 4, ['leave a copy .. on .. server', 'leave .. messages on .. server', 'leave messages on server', 'remove from server after', 'keep .. copy .. on .. server', 'leave a copy of retrieved message', 'delete|deletes|deleted|deleting|removed|removes .. from .. server .. download*|pop', 'pop|pop3|pops .. delete|deletes|deleted|removes|removed'], `Outlook, Thunderbird, Gmail settings; ${USERS}`),
  e('pop_removes_from_server', 3, ['disappear*|vanish*|gone|missing .. (phone|iphone|ipad|webmail|other devices|laptop|server|mobile)', 'after .. download*|downloaded|downloads|downloading', '(deleted from|removed from) .. server|webmail', 'no longer on the server|not on the server', 'not .. in webmail', 'only .. (on one|one device|one computer)', 'keep emails|keep messages|keep mail'], USERS),
  e('pop_removes_from_server', 1, ['pop|pop3', 'downloaded'], USERS),

  // folder_sync
  e('folder_sync', 3, ['sent items|sent folder|sent messages|sent mail|sent emails|sent box', 'drafts|draft folder|draft', 'special use|special folders', 'subscribe|subscribed|subscribing|subscription|subscriptions|unsubscribe|unsubscribed', 'store sent messages on the server', 'imap path prefix|root folder', 'folder* .. (missing|not showing|don t show|doesn t show|not appear*|not visible|not sync*|empty|disappeared)'], USERS),
  e('folder_sync', 2, ['not showing|don t show|doesn t show|do not show|does not show|not appear*|doesn t sync|don t sync|out of sync|not syncing', 'not .. sync*', 'duplicate|duplicates|duplicated|twice', 'trash|deleted items|junk|archive', 'folder|folders'], USERS),

  // smtp_auth_required
  e('smtp_auth_required', 4, ['relay access denied', 'relaying denied|relay denied|relay not permitted|not permitted to relay|unable to relay|we do not relay|relaying not allowed|relay not allowed|not allowed to relay', 'client not authenticated', 'turn on smtp authentication', 'my outgoing server smtp requires authentication', 'smtp server requires authentication', 'sender address rejected .. (not owned|not logged)', 'client host rejected .. access denied'], `Postfix, Exim, Exchange replies; ${MS}`),
  e('smtp_auth_required', 3, ['authentication required|requires authentication|authentication is required|must authenticate|please authenticate|authenticate first|auth required', 'smtp auth*', 'outgoing .. server .. authentication', 'sender .. (rejected|not allowed|not permitted)', 'not permitted to send|not allowed to send'], 'RFC 4954; Postfix, Exim replies'),
  e('smtp_auth_required', 1.5, ['can t send|cannot send|unable to send|could not send|won t send|not sending|can not send|fails to send|failed to send|couldn t send', 'outgoing|outbox|sending', 'receive but .. send', 'receiving .. but .. sending'], USERS),

  // recipient_rejected
  e('recipient_rejected', 4, ['user unknown|unknown user', 'no such user|no such recipient|no such mailbox', 'recipient address rejected', 'invalid recipient|invalid recipients', 'recipient .. (not found|does not exist|rejected|unknown)', 'mailbox unavailable|mailbox not found|mailbox does not exist', 'account that you tried to reach does not exist', 'unrouteable address', 'address .. (does not exist|doesn t exist)', 'invalid addresses|invalid address'], `RFC 5321; ${GOOGLE}; Postfix`),
  e('recipient_rejected', 2, ['undeliverable|bounce|bounced|bounces|bouncing|returned mail|delivery status notification|mailer daemon', 'delivery .. failed'], USERS),

  // unknown: known situations that are not settings problems
  e('unknown', 4, ['sending quota|sending limit|rate limit|too many messages|messages per|recipients per', 'daily .. limit', 'limit on the number of .. messages', 'message .. (too large|too big)', 'size exceeds|exceeds the maximum|size limit'], `${GOOGLE}; RFC 5321; ${MS}`, { note: 'a sending or size limit of the provider, not a settings problem: wait, send to fewer recipients, or send a smaller message' }),
  e('unknown', 3, ['recipient already specified', 'bad sequence of commands'], 'RFC 5321 §4.2.4 (503)', { note: 'the app sent SMTP commands out of order: a bug or a plugin in the app, not a settings problem' }),
  e('unknown', 2, ['policy reasons|policy violation|spam|blacklist|blacklisted|blocklist|blocklisted|spamhaus|dmarc|spf|dkim|reputation', 'crash|crashed|crashes|crashing|bug', 'data file|pst|ost|scanpst'], USERS),
  // Connection dropped after it was made, and other wording of the same failures.
  e('timeout', 3, ['has disconnected|was disconnected|disconnected unexpectedly', 'stopped responding|stops responding|not answering', 'sockettimeoutexception|read timed out|connect timed out', 'may have gone down|there may be a network problem', 'read error|connection closed by|unexpected eof|eof occurred', 'could not connect to smtp host|smtp connect failed', 'network .. (unavailable|no internet|no network|without internet)'], `${TB}; ${NODE}; ${USERS}`),
  e('host_not_found', 3, ['host lookup .. failed', 'lookup .. failed|nxdomain|servfail', 'is unknown|server is unknown|not a valid host'], `${TB}; ${NODE}`),
  e('auth_failed', 3, ['(did not|does not|didn t|doesn t|not|won t) accept .. credentials|password|login|username', 'credentials .. (not|were not|was not) accepted', 'credentials .. rejected', 'sending of password .. (did not succeed|failed)', 'denied authentication|authentication denied|refused authentication', 'login .. (not accepted|rejected)', 'access denied for user'], `${TB}; Gmail Mail Fetcher`),
  e('tls_mismatch', 3, ['specified encryption method|encryption method you specified|using the specified encryption', 'tls error|ssl error|ssl tls error', 'tls .. not be ignored', 'lacks this capability .. starttls', 'does not advertise starttls', 'cannot start tls|starttls failed|starttls upgrade failed'], `${MS}; ${TB}; ${NODE}`),
  e('certificate_problem', 3, ['potential security threat', 'attackers could try to steal', 'certificate error|cert error|certificate warning', 'ssl verification|verify ssl|certificate verification|verify peer|ssl verify'], `${TB}; ${USERS}`),
  e('plaintext_auth_disabled', 3, ['stronger authentication|stronger auth', 'auth or apop', 'secure authentication required'], 'POP3 server replies (qmail, Exchange)'),
  e('folder_sync', 3, ['saving .. sent message', 'copy .. sent message', 'copying message to sent', 'save .. sent folder', 'fcc folder|sent messages folder', 'sent folder .. not', 'no mailbox selected|mailbox does not exist|mailbox doesn t exist|trycreate|folder does not exist|no such folder', 'mailbox not found .. folder'], TB),
  e('security_block', 3, ['too many .. invalid|failed .. (login attempts|logins)', 'ip .. banned', 'banned ip|fail2ban|blocklisted ip', 'ip address .. blocked', 'access to your account has been .. blocked|restricted|denied', 'displayunlockcaptcha|unlock captcha'], `${GOOGLE}; ${USERS}`),
  e('pop_removes_from_server', 3, ['eat* .. inbox', 'emptied|empties .. inbox', 'inbox .. emptied', 'mails|emails .. gone from .. server|webmail'], USERS),
  e('recipient_rejected', 3, ['couldn t be delivered|could not be delivered|wasn t found at|was not found at', 'recipient .. invalid', 'invalid .. recipient'], `${MS}; RFC 5321`),
  e('auth_failed', 2.5, ['does not support the selected|chosen authentication method|mechanism', 'authentication method .. not supported', 'change the authentication method'], TB, { client: 'thunderbird', note: 'the app uses a sign-in method the server does not offer: at Microsoft 365, Gmail or Yahoo choose OAuth2' }),
  e('folder_sync', 2.5, ['no mailbox selected', 'read only .. mailbox|folder'], 'IMAP server replies (RFC 9051 SELECT/EXAMINE)'),
  e('certificate_problem', 3, ['sslpeerunverifiedexception', 'hostname .. not verified', 'unable to connect securely|couldn t connect securely|cannot connect securely'], 'Android Email app strings (aosp-mirror/platform_packages_apps_email, values-*/strings.xml); Java SSL errors', { client: 'android' }),
  e('plaintext_auth_disabled', 3, ['authentication methods .. (not supported|aren t supported by|are not supported by)'], 'Android Email app strings (aosp-mirror/platform_packages_apps_email, values-*/strings.xml)', { client: 'android' }),
  e('tls_mismatch', 3, ['tls required but not supported', 'tls .. required .. not supported'], 'Android Email app strings (aosp-mirror/platform_packages_apps_email, values-*/strings.xml)', { client: 'android' }),
  // Wordings the catalog shows were missing (2026-11-26).
  e('connection_refused', 3, ['refusing connections|refusing smtp connections', 'smtp error 1 .. connection to server failed'], `${TB} (composeMsgs smtpSendRequestRefused); Roundcube en_US messages.inc (smtpconnerror)`),
  e('recipient_rejected', 3, ['non ascii characters .. recipient'], `${TB} (composeMsgs errorIllegalLocalPart2)`),
  e('auth_failed', 3, ['(could not|couldn t|cannot|can t|unable to|failed to) authenticate'], 'PHPMailer, Swift Mailer, Symfony Mailer, Roundcube errors as pasted in issue threads'),
  e('protocol_disabled', 3.5, ['not enabled for (imap|pop|pop3)', 'account is not enabled for'], 'IMAP server replies (QQ Mail, Gmail)'),
  e('plaintext_auth_disabled', 2.5, ['auth extension not supported', 'does not advertise auth', 'authentication not enabled'], 'Python smtplib, Mailu, Postfix replies: AUTH is offered only after STARTTLS or on the submission port'),
  e('plaintext_auth_disabled', 2, ['transmitted insecurely|sent insecurely|insecurely'], USERS),
  e('security_block', 3, ['client host .. blocked', 'blocked using (spamhaus|zen|sbl|xbl|spamcop)', 'connections .. not .. accepted from', 'ip .. (is in|on) spamhaus', 'ip .. spamhaus s list'], 'Postfix, Exchange Online and Yahoo replies refusing the sending IP (RFC 5321 550/553/554)'),
  e('server_error', 3, ['temporary authentication failure', 'insufficient system storage', 'answer from server was empty|empty response from|received an empty line'], 'RFC 4954 §6 (454 4.7.0); RFC 5321 §4.2.3 (452); IMAP library errors'),
  e('quota_exceeded', -3, ['insufficient system storage'], 'RFC 5321 §4.2.3: 452 is the server\'s own disk, not the user\'s mailbox'),
  e('tls_mismatch', 3, ['is not an imap4 mail server|not an imap4 server|not an imap server', 'does not support secure connections', 'unable to establish a secure link'], `${TB}; ${MS}`),
  e('host_not_found', 3, ['(can t|cannot|could not|couldn t) find (a|the) server'], APPLE),
  e('smtp_auth_required', 4, ['unauthenticated sender|unauthenticated senders'], 'Postfix / hosting providers\' SMTP replies'),
  e('recipient_rejected', 3, ['could not be reached', 'did not reach some or all of the intended recipients'], MS),
  e('folder_sync', 3, ['select mailbox first', 'noperm'], 'IMAP server replies (RFC 9051; RFC 5530 NOPERM)'),
  e('folder_sync', 4, ['while saving sent message|while saving the sent message|error saving sent message'], 'Roundcube en_US messages.inc (errorsavingsent)'),
  e('protocol_disabled', 3.5, ['(imap|pop|pop3) access is not allowed', 'not allowed for this account'], 'IMAP server replies'),
  e('auth_failed', 2.5, ['account settings are out of date'], 'Windows Mail / Mail and Calendar app'),
  e('certificate_problem', 4, ['can not verify (server identity|the identity of)'], APPLE),
  e('unknown', 4, ['too many recipients'], 'RFC 5321 §4.5.3.1.8 (452 4.5.3)', { note: 'a sending limit of the provider, not a settings problem: send to fewer recipients at once' }),
  e('unknown', 3, ['for an unknown reason'], `${TB} (composeMsgs smtpSendFailedUnknownReason)`),
  e('protocol_disabled', 4, ['administrator has disabled the selected configuration'], `${TB} (accountSetup: account-setup-exchange-config-unverifiable)`),
  e('recipient_rejected', 2.5, ['smtputf8'], `${TB} (composeMsgs errorIllegalLocalPart2); RFC 6531`),
  e('auth_failed', 3, ['smtpauthenticationerror|authenticationfailedexception|authenticationexception|authenticationfailederror|imapauthenticationfailed'], 'Python smtplib, JavaMail, MailKit and other libraries\' authentication exceptions as pasted in issue threads'),
];
