import type { CauseInfo } from './types.js';

// iPhone paths name iOS 18 and later, where Mail moved under Settings → Apps, with the iOS 17 path
// in brackets because both versions are still common on helpdesk tickets.
export const CAUSES: readonly CauseInfo[] = [
  {
    id: 'auth_failed',
    title: 'The server rejected the user name or password',
    explanation:
      'The mail server received your sign-in and said no: the user name or the password it got is not the one it expects. This often happens right after a password change, when one device still has the old password saved. It can also be a user name in the wrong form, for example "anna" where the server wants the full address "anna@example.com".',
    engineerNote:
      'First confirm the same credentials work in webmail; if they do, the client is sending something else (an old saved password, a short user name, SPA/NTLM, the wrong authentication method). If webmail works but every client fails on Gmail, Microsoft 365, Outlook.com, Yahoo, AOL, iCloud or Fastmail, app_password_required or oauth_required is more likely than a wrong password. IMAP [AUTHENTICATIONFAILED], POP3 -ERR [AUTH] and SMTP 535 5.7.8 mean the credentials themselves were refused, not the connection.',
    fixes: [
      {
        text: 'Sign in to your provider\'s webmail with the same user name and password. If that fails too, reset the password there, then enter the new one on every device that uses the account.',
      },
      {
        text: 'Set the user name to your full email address (for example anna@example.com) for both the incoming and the outgoing server, unless your provider tells you otherwise.',
      },
      {
        client: 'outlook',
        text: 'Outlook (classic): File → Account Settings → Account Settings → select the account → Change → retype "Password" and untick "Require logon using Secure Password Authentication (SPA)"; then More Settings → Outgoing Server → "Use same settings as my incoming mail server". If Outlook keeps using the old password, remove the entries for the mail server in Control Panel → Credential Manager → Windows Credentials.',
      },
      {
        client: 'apple_mail',
        text: 'Apple Mail: Mail → Settings → Accounts → select the account → Server Settings → retype "Password" under both Incoming Mail Server and Outgoing Mail Server. If Mail keeps asking, delete the saved entry for the mail server in Keychain Access and sign in again.',
      },
      {
        client: 'ios_mail',
        text: 'iPhone/iPad: Settings → Apps → Mail → Mail Accounts → the account → Account → "Password" (iOS 17: Settings → Mail → Accounts), then Outgoing Mail Server → SMTP → Primary Server → "Password".',
      },
      {
        client: 'thunderbird',
        text: 'Thunderbird: Tools → Settings → Privacy & Security → Saved Passwords → remove the entries for this server, then Get Messages and type the current password when asked. In Account Settings → Server Settings → "Authentication method", use "Normal password" for most providers and "OAuth2" for Gmail, Microsoft, Yahoo and AOL.',
      },
      {
        client: 'android',
        text: 'Android (Gmail app / K-9 / Thunderbird for Android): account settings → Incoming server → "Password", then Outgoing server → "Password"; the user name must be the full email address.',
      },
      {
        text: 'If the password is right and the account has 2-step verification (Gmail, Yahoo, AOL, iCloud, Zoho) or is a Fastmail account, the app needs an app password instead: run emailhelp explain app-passwords.',
      },
    ],
    sources: [
      'RFC 5530 section 3 (IMAP AUTHENTICATIONFAILED response code)',
      'RFC 3206 (POP3 AUTH response code)',
      'RFC 4954 section 6 (SMTP 535 5.7.8 Authentication credentials invalid)',
      'RFC 3501 section 6.2.3 (IMAP LOGIN)',
    ],
  },
  {
    id: 'app_password_required',
    title: 'The provider wants an app password, not your normal password',
    explanation:
      'The provider will not accept your normal password from this mail app, even though it is correct. Usually the account has 2-step verification (a code or phone prompt on top of the password), which a mail app cannot show; Yahoo, AOL and Fastmail ask apps like this for an app password in any case. An "app password" is a long random password you create on the provider\'s website for one app, and it goes where the normal password went.',
    engineerNote:
      'Gmail answers "534-5.7.9 Application-specific password required" over SMTP and an [ALERT] with the same text over IMAP; Yahoo and AOL refuse the normal password from any app that does not use their own sign-in page. Prefer OAuth where the client supports it (re-add the account with the provider\'s sign-in) and keep app passwords for apps that cannot. Google offers no app passwords with Advanced Protection or security-key-only 2-Step Verification, and the option may be missing on work or school accounts.',
    fixes: [
      {
        text: 'Easiest and safest: remove the account from the app and add it again with the provider\'s own choice ("Google", "Yahoo", "AOL" instead of "Other"), which opens the provider\'s sign-in page and needs no app password.',
      },
      {
        text: 'Gmail / Google Workspace: turn on 2-Step Verification, create an app password at https://myaccount.google.com/apppasswords, and type its 16 letters (without the spaces) into the app\'s password field for both incoming (IMAP) and outgoing (SMTP) mail.',
      },
      {
        text: 'Yahoo and AOL: Account Info → Account Security → "Generate app password" (also labelled "Create app password" or "Generate and manage app passwords"), name it after the app, and use it as the password in the app.',
      },
      {
        text: 'iCloud Mail: sign in at https://account.apple.com → Sign-In and Security → App-Specific Passwords → generate one (needs two-factor authentication) and use it with your full iCloud address as the user name. Changing your Apple Account password revokes every app-specific password.',
      },
      {
        text: 'Zoho Mail with two-factor authentication: https://accounts.zoho.com → Security → App Passwords → Generate New Password. Fastmail: every non-Fastmail app needs its own app password: Settings → Privacy & Security → "New app password".',
      },
      {
        client: 'outlook',
        text: 'Outlook (classic): paste the app password in File → Account Settings → Account Settings → select the account → Change → "Password"; with More Settings → Outgoing Server → "Use same settings as my incoming mail server" selected, Outlook uses it for sending too.',
      },
      {
        client: 'ios_mail',
        text: 'iPhone/iPad: Settings → Apps → Mail → Mail Accounts → the account → Account → "Password" (iOS 17: Settings → Mail → Accounts), and the same under Outgoing Mail Server → SMTP → Primary Server → "Password".',
      },
      {
        client: 'thunderbird',
        text: 'Thunderbird: Tools → Settings → Privacy & Security → Saved Passwords → remove this server\'s entries, then Get Messages and enter the app password when asked; or set Account Settings → Server Settings → "Authentication method" to "OAuth2" and skip the app password.',
      },
    ],
    sources: [
      'https://support.google.com/accounts/answer/185833',
      'https://help.yahoo.com/kb/SLN15241.html',
      'https://help.aol.com/articles/Create-and-manage-app-password',
      'https://support.apple.com/en-us/102654',
      'https://www.fastmail.help/hc/en-us/articles/360058752854-App-passwords',
    ],
  },
  {
    id: 'oauth_required',
    title: 'The provider only accepts its own sign-in page (OAuth), not a typed password',
    explanation:
      'Some providers no longer let mail apps sign in by sending your password. Instead the app opens the provider\'s own sign-in page, you sign in there (with any 2-step check), and the app receives a permission token. This is called OAuth or "modern authentication". An account set up the old way, with a typed password, fails even though the password is right.',
    engineerNote:
      'Exchange Online turned off Basic authentication for IMAP and POP in 2022; password SMTP AUTH still works where the tenant allows it, but Microsoft is retiring it too (its January 2026 plan switches it off by default for existing tenants at the end of December 2026), with rejections such as "535 5.7.139 Authentication unsuccessful, basic authentication is disabled" or "550 5.7.30 Basic authentication is not supported for Client Submission". Outlook.com/Hotmail personal accounts need OAuth in mail apps since 16 September 2024, and Google ended typed-password sign-in ("less secure apps") for personal accounts in May 2022 and for Workspace in March 2025 (app passwords with 2-Step Verification remain). A client that shows "Need admin approval" on a Microsoft 365 account needs admin consent for that app in Microsoft Entra ID.',
    fixes: [
      {
        text: 'Remove the account from the mail app and add it again with the provider\'s own choice ("Microsoft Exchange", "Outlook.com", "Google", "Yahoo", "AOL") instead of "Other" or "IMAP", so the app opens the provider\'s sign-in page.',
      },
      {
        client: 'outlook',
        text: 'Outlook (classic) with Microsoft 365: add the mailbox as a Microsoft 365/Exchange account, not IMAP or POP: File → Add Account → type the address → Connect, and sign in on the Microsoft window. If no Microsoft sign-in window appears, update Outlook.',
      },
      {
        client: 'apple_mail',
        text: 'Apple Mail: remove the account in System Settings → Internet Accounts, then Add Account → "Microsoft Exchange", "Google", "Yahoo!" or "Aol." and sign in on the provider\'s page.',
      },
      {
        client: 'ios_mail',
        text: 'iPhone/iPad: Settings → Apps → Mail → Mail Accounts → Add Account (iOS 17: Settings → Mail → Accounts) → choose "Microsoft Exchange", "Outlook.com", "Google", "Yahoo!" or "Aol." (not "Other"), then delete the old account that was set up with a password.',
      },
      {
        client: 'thunderbird',
        text: 'Thunderbird: Account Settings → Server Settings → "Authentication method" → "OAuth2", and Account Settings → Outgoing Server (SMTP) → Edit → "Authentication method" → "OAuth2"; then Get Messages and sign in on the provider\'s window.',
      },
      {
        client: 'android',
        text: 'Android: in the Gmail app, Settings → Add account → the "Outlook, Hotmail and Live", Exchange/Microsoft 365, "Google" or "Yahoo" choice, which opens the provider\'s sign-in; in K-9 Mail / Thunderbird for Android, set the account up again and pick the provider\'s sign-in when offered.',
      },
      {
        client: 'windows_mail',
        text: 'Windows Mail: Settings → Manage accounts → Add account → "Outlook.com", "Office 365" or "Google", then remove the old account. Windows Mail has been out of support since 31 December 2024; the new Outlook for Windows is the lasting replacement.',
      },
      {
        text: 'Devices and scripts that can only send with a password (scanners, old line-of-business apps) on Microsoft 365: the administrator should move them to an OAuth-capable app, an SMTP relay connector or another sending service before password SMTP AUTH is switched off.',
      },
    ],
    sources: [
      'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/deprecation-of-basic-authentication-exchange-online',
      'https://techcommunity.microsoft.com/t5/exchange-team-blog/exchange-online-to-retire-basic-auth-for-client-submission-smtp/ba-p/4114750',
      'https://support.microsoft.com/en-us/office/pop-imap-and-smtp-settings-for-outlook-com-d088b986-291d-42b8-9564-9c414e2aa040',
      'https://support.google.com/a/answer/14114704',
      'RFC 7628 (SASL OAUTHBEARER)',
      'RFC 6749 (OAuth 2.0)',
    ],
  },
  {
    id: 'protocol_disabled',
    title: 'IMAP or POP access is switched off for this mailbox',
    explanation:
      'Providers let you turn IMAP and POP (the two ways mail apps fetch mail) on or off, and for this account the one your app uses is off. The password can be perfectly right and the server still refuses. Switching it on is a setting in webmail, or a job for your IT administrator on company mail.',
    engineerNote:
      'Personal Gmail has IMAP always on since January 2025, so "Your account is not enabled for IMAP use" now points at a Google Workspace admin setting (Admin console → Apps → Google Workspace → Gmail → End User Access → POP and IMAP access); POP is still a per-user switch. Exchange Online: Get-CASMailbox <user> | Format-List ImapEnabled,PopEnabled, and Set-CASMailbox <user> -ImapEnabled $true (or -PopEnabled $true). Outlook.com has POP off by default; Zoho, GMX and WEB.DE need IMAP/POP switched on in webmail.',
    fixes: [
      {
        text: 'Gmail POP: Settings (gear) → See all settings → Forwarding and POP/IMAP → POP download → "Enable POP for all mail" or "Enable POP for mail that arrives from now on" → Save Changes. Personal Gmail needs no switch for IMAP.',
      },
      {
        text: 'Google Workspace (company Gmail): ask your administrator to allow IMAP or POP for you in the Admin console → Apps → Google Workspace → Gmail → End User Access → POP and IMAP access.',
      },
      {
        text: 'Outlook.com / Hotmail: Settings → Mail → Forwarding and IMAP → turn on "Let devices and apps use POP" (or "Let devices and apps use IMAP") → Save.',
      },
      {
        text: 'Microsoft 365 work mailbox: the administrator turns it on in the Microsoft 365 admin center → Users → Active users → the user → Mail → Manage email apps → tick "IMAP" or "POP" → Save changes.',
      },
      {
        text: 'Zoho Mail: Settings → Mail Accounts → select the address → tick "IMAP Access" (or "POP Access") → Save.',
      },
      {
        text: 'GMX and WEB.DE: in webmail, E-Mail Settings → POP3 & IMAP (German: "POP3/IMAP Abruf") → tick the box that allows access via POP3 and IMAP → Save.',
      },
      {
        text: 'After switching it on, wait a few minutes and try again; nothing in the app needs to change.',
      },
    ],
    sources: [
      'https://support.google.com/mail/answer/7126229',
      'https://support.google.com/mail/answer/7104828',
      'https://support.google.com/a/answer/105694',
      'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/pop3-and-imap4/enable-or-disable-pop3-or-imap4-access',
      'https://support.microsoft.com/en-us/office/pop-imap-and-smtp-settings-for-outlook-com-d088b986-291d-42b8-9564-9c414e2aa040',
      'https://www.zoho.com/mail/help/imap-access.html',
      'https://support.gmx.com/pop-imap/toggle.html',
    ],
  },
  {
    id: 'security_block',
    title: 'The provider blocked the sign-in as suspicious',
    explanation:
      'The provider saw a sign-in it did not trust, for example from a new device, a new place or after several wrong passwords, and blocked it to protect the account. The mail app cannot show the check the provider wants, so it only reports a failure. Signing in once on the provider\'s website and confirming it was you usually lifts the block.',
    engineerNote:
      'Google sends "[ALERT] Please log in via your web browser" (IMAP), "-ERR [AUTH] Web login required" (POP3) or "534-5.7.14 … https://support.google.com/mail/answer/78754" (SMTP). Look for a blocked-sign-in alert on the account\'s security page and for a lock caused by repeated failures: one forgotten device with an old password can lock the account for all. Blocks that recur from a VPN, hosting or server address are about that IP; move the client to a normal network, OAuth or an app password.',
    fixes: [
      {
        text: 'Open the provider\'s webmail in a browser on the same device and network as the mail app, sign in, and complete any check it asks for (code, captcha, "Yes, it was me").',
      },
      {
        text: 'Look for a security alert email or a blocked sign-in notice and confirm it was you (Google: https://myaccount.google.com → Security → Recent security activity).',
      },
      {
        text: 'Find any other device or program still using an old password and update or remove it; its repeated failures keep triggering the block.',
      },
      {
        text: 'If the provider says the account is locked, follow its unlock steps on the website (identity check or password reset) before trying the app again.',
      },
      {
        text: 'Turn off the VPN or proxy and try again; sign-ins from VPN and data-centre addresses are blocked more often.',
      },
      {
        text: 'Set the app up with the provider\'s own sign-in (OAuth) or an app password, which providers trust more than a typed password: run emailhelp explain oauth.',
      },
    ],
    sources: [
      'https://support.google.com/mail/answer/78754',
      'RFC 3501 section 7.1 (IMAP ALERT response code)',
      'RFC 3206 (POP3 AUTH response code)',
    ],
  },
  {
    id: 'host_not_found',
    title: 'The server name cannot be found',
    explanation:
      'Your mail app was told to connect to a server name that does not exist on the internet, or that your network cannot look up. Most often it is a typing mistake or an old server name, for example after the company moved its email to another provider. Nothing was sent to the server, so your password is not the problem.',
    engineerNote:
      'Resolve the exact name the client uses (nslookup or dig) from the user\'s network and from outside, and compare it with the provider\'s published names (emailhelp settings <address>). ENOTFOUND/NXDOMAIN means a wrong or missing name; a failure on one network only points at that network\'s DNS, VPN split DNS or a hosts file entry. Outlook reports this as 0x800CCC0D.',
    fixes: [
      {
        text: 'Check the incoming and outgoing server names letter by letter against your provider\'s settings (run emailhelp settings you@example.com): no spaces, no "http://", no "www." in front.',
      },
      {
        text: 'If your email moved to a new provider (for example to Microsoft 365 or Google Workspace), replace the old server names with the new provider\'s, or remove the account and add it again.',
      },
      {
        client: 'outlook',
        text: 'Outlook (classic): File → Account Settings → Account Settings → select the account → Change → "Incoming mail server" and "Outgoing mail server (SMTP)".',
      },
      {
        client: 'apple_mail',
        text: 'Apple Mail: Mail → Settings → Accounts → select the account → Server Settings → "Host Name" under Incoming Mail Server and Outgoing Mail Server.',
      },
      {
        client: 'ios_mail',
        text: 'iPhone/iPad: Settings → Apps → Mail → Mail Accounts → the account → Account (iOS 17: Settings → Mail → Accounts) → Incoming Mail Server "Host Name", and Outgoing Mail Server → SMTP → Primary Server → "Host Name".',
      },
      {
        client: 'thunderbird',
        text: 'Thunderbird: Account Settings → Server Settings → "Server Name", and Account Settings → Outgoing Server (SMTP) → Edit → "Server Name".',
      },
      {
        text: 'If the name is right, try another network (for example your phone\'s hotspot) or turn the VPN off. If it works there, the first network\'s DNS is at fault and its IT team should fix it.',
      },
    ],
    sources: [
      'RFC 1035 section 4.1.1 (RCODE 3, Name Error)',
      'RFC 6186 (SRV records for locating email services)',
    ],
  },
  {
    id: 'connection_refused',
    title: 'The server refused the connection on that port',
    explanation:
      'Your app reached the server, but nothing there was accepting connections on the port number it used, so the server turned it away at once. Usually the port is wrong, or the service is switched off on that server. A firewall set to reject connections gives the same message.',
    engineerNote:
      'ECONNREFUSED means a TCP reset came back, so DNS and routing work; emailhelp probe <host> --protocol all shows which of 993/143/995/110/465/587 answer. Refusals on every port from one network only point at a local firewall or security product; on the server side check that the IMAP, POP3 and submission listeners are enabled (Dovecot protocols, Postfix submission/submissions in master.cf).',
    fixes: [
      {
        text: 'Set the port to match the encryption: IMAP 993 with SSL/TLS (or 143 with STARTTLS), POP3 995 with SSL/TLS (or 110 with STARTTLS), sending 465 with SSL/TLS or 587 with STARTTLS.',
      },
      {
        text: 'Check the server name: a website name (for example www.example.com) reaches a computer that does not run mail. Use the names from emailhelp settings <your address>.',
      },
      {
        client: 'outlook',
        text: 'Outlook (classic): File → Account Settings → Account Settings → select the account → Change → More Settings → Advanced → "Incoming server" and "Outgoing server (SMTP)" port numbers and "Use the following type of encrypted connection".',
      },
      {
        client: 'apple_mail',
        text: 'Apple Mail: Mail → Settings → Accounts → select the account → Server Settings → untick "Automatically manage connection settings" → set "Port" and "Use TLS/SSL" for Incoming and Outgoing Mail Server.',
      },
      {
        client: 'ios_mail',
        text: 'iPhone/iPad: Settings → Apps → Mail → Mail Accounts → the account → Account (iOS 17: Settings → Mail → Accounts) → Advanced → "Use SSL" and "Server Port"; for sending, Outgoing Mail Server → SMTP → Primary Server → "Use SSL" and "Server Port".',
      },
      {
        client: 'thunderbird',
        text: 'Thunderbird: Account Settings → Server Settings → "Port" and "Connection security"; Account Settings → Outgoing Server (SMTP) → Edit → "Port" and "Connection security".',
      },
      {
        client: 'android',
        text: 'Android (Gmail app / K-9 / Thunderbird for Android): account settings → Incoming server and Outgoing server → "Port" and "Security" (SSL/TLS or STARTTLS).',
      },
      {
        text: 'If the settings are right, try from another network. If it works there, a firewall on the first network rejects mail ports; if it fails everywhere, the provider\'s service is down or switched off: tell the helpdesk.',
      },
    ],
    sources: [
      'RFC 8314 section 3 (implicit TLS ports 993, 995, 465)',
      'RFC 6409 section 3.1 (submission port 587)',
      'RFC 9293 section 3.5.2 (TCP reset generation)',
    ],
  },
  {
    id: 'timeout',
    title: 'The server did not answer in time',
    explanation:
      'Your app tried to reach the mail server and waited, but no answer came back. Something on the way is quietly dropping the connection: often a firewall, an antivirus program that checks email, a VPN, or an internet provider that blocks the port. Sometimes the server itself is down or overloaded.',
    engineerNote:
      'A connect timeout means packets are dropped (no reset): test the same host and port from another network to separate local blocking from a server outage. Most consumer ISPs and cloud providers block outbound port 25, so clients must send on 587 or 465; antivirus mail scanning and TLS-inspecting firewalls often stall at the greeting or TLS step. Outlook reports 0x800CCC19 or 0x8004210A.',
    fixes: [
      {
        text: 'If sending times out: change the outgoing port from 25 to 587 with STARTTLS (or 465 with SSL/TLS). Most internet providers block port 25 on home and mobile connections.',
      },
      {
        text: 'Try another network, for example your phone\'s hotspot. If mail works there, the first network blocks mail ports: ask whoever runs it to allow outgoing 993, 995, 465 and 587.',
      },
      {
        text: 'Turn off the email scanning part of your antivirus or security suite (often called "Mail Shield" or "Email protection"), restart the mail app and try again. If that fixes it, keep scanning off for email or add an exception for the mail server.',
      },
      {
        text: 'Disconnect the VPN and try again; some VPNs block or stall mail ports.',
      },
      {
        client: 'outlook',
        text: 'Outlook (classic): File → Account Settings → Account Settings → select the account → Change → More Settings → Advanced → move "Server Timeouts" towards Long, and check the port numbers on the same tab.',
      },
      {
        text: 'Check the server name and port: a port the server does not offer, behind a firewall, times out instead of being refused. emailhelp probe <server> shows which ports answer.',
      },
      {
        text: 'Check whether webmail works and look at the provider\'s status page; if the provider has an outage, wait and try again later.',
      },
    ],
    sources: [
      'RFC 6409 section 3.1 (submission port 587)',
      'RFC 8314 section 3.3 (implicit TLS submission on port 465)',
      'RFC 5068 (BCP 134, email submission operations and port 25)',
    ],
  },
  {
    id: 'tls_mismatch',
    title: 'The encryption setting does not fit the port',
    explanation:
      'Mail servers offer two kinds of encrypted connection: one that is encrypted from the first moment (called SSL/TLS) and one that starts plain and then switches to encryption (called STARTTLS). Each kind has its own port numbers, and your app is using one kind on the other kind\'s port. The two sides cannot agree, so the connection fails before any password is sent.',
    engineerNote:
      'Implicit TLS ("SSL/TLS") belongs on 993 IMAP, 995 POP3 and 465 SMTP; STARTTLS on 143, 110 and 587. OpenSSL "wrong version number" means the client started TLS while the server sent a plain-text greeting (SSL/TLS on a STARTTLS port); a hang until timeout is usually the reverse. Outlook 0x800CCC1A ("Your server does not support the connection encryption type you have specified") can also mean old Windows or Outlook without TLS 1.2 against a server that requires it.',
    fixes: [
      {
        text: 'Use one of these pairs exactly: IMAP 993 + SSL/TLS, IMAP 143 + STARTTLS, POP3 995 + SSL/TLS, POP3 110 + STARTTLS, SMTP 465 + SSL/TLS, SMTP 587 + STARTTLS.',
      },
      {
        client: 'outlook',
        text: 'Outlook (classic): File → Account Settings → Account Settings → select the account → Change → More Settings → Advanced: IMAP: "Incoming server (IMAP)" 993 with "Use the following type of encrypted connection" set to "SSL/TLS"; POP3: 995 with "This server requires an encrypted connection (SSL/TLS)" ticked; sending: "Outgoing server (SMTP)" 587 with "STARTTLS" or 465 with "SSL/TLS".',
      },
      {
        client: 'apple_mail',
        text: 'Apple Mail: Mail → Settings → Accounts → select the account → Server Settings → untick "Automatically manage connection settings" → Incoming Mail Server: "Port" 993 (IMAP) or 995 (POP), "Use TLS/SSL" ticked; Outgoing Mail Server: the port your provider gives (465 or 587), "Use TLS/SSL" ticked.',
      },
      {
        client: 'ios_mail',
        text: 'iPhone/iPad: Settings → Apps → Mail → Mail Accounts → the account → Account (iOS 17: Settings → Mail → Accounts) → Advanced → "Use SSL" on with "Server Port" 993 (IMAP) or 995 (POP); Outgoing Mail Server → SMTP → Primary Server → "Use SSL" on with "Server Port" 465 or 587.',
      },
      {
        client: 'thunderbird',
        text: 'Thunderbird: Account Settings → Server Settings → "Connection security": "SSL/TLS" with port 993 (IMAP) or 995 (POP), or "STARTTLS" with 143 or 110; Account Settings → Outgoing Server (SMTP) → Edit → "SSL/TLS" with 465 or "STARTTLS" with 587.',
      },
      {
        client: 'windows_mail',
        text: 'Windows Mail: Settings → Manage accounts → the account → Change mailbox sync settings → Advanced mailbox settings → add the port after the server name (for example imap.example.com:993 and smtp.example.com:465) and tick "Require SSL for incoming email" and "Require SSL for outgoing email".',
      },
      {
        client: 'android',
        text: 'Android (Gmail app / K-9 / Thunderbird for Android): account settings → Incoming server → "Security" SSL/TLS with port 993 or 995; Outgoing server → "Security" SSL/TLS with 465, or STARTTLS with 587.',
      },
      {
        text: 'Old systems such as Windows 7 or Outlook 2010/2013 may lack TLS 1.2, which most mail servers now require: update Windows and Office, or use a current mail app.',
      },
    ],
    sources: [
      'RFC 8314 sections 3.1–3.3 (implicit TLS for POP, IMAP and submission)',
      'RFC 2595 (STARTTLS for IMAP and POP3)',
      'RFC 3207 section 4 (SMTP STARTTLS)',
      'RFC 6409 section 3.1 (submission port 587)',
    ],
  },
  {
    id: 'certificate_problem',
    title: 'The server\'s security certificate is not trusted',
    explanation:
      'When an app connects securely, the server shows a certificate that proves its name, a bit like an ID card. Your app refused it because it has expired, was made by the server itself instead of a trusted authority, or was issued for a different name than the one you typed. On shared web hosting the usual cause is the last one: you typed mail.yourcompany.com, but the certificate carries the hosting company\'s server name.',
    engineerNote:
      'emailhelp probe <host> shows the subject, issuer, validity dates and hostnameMatch. iPhone "Cannot Verify Server Identity" on shared hosting (cPanel, Plesk) is nearly always a name mismatch: use the host name on the certificate (cPanel lists it under Email Accounts → Connect Devices) or have the host issue a certificate that covers mail.<domain>. Also check the device clock, a missing intermediate certificate on the server, and antivirus or firewall TLS inspection that presents its own certificate.',
    fixes: [
      {
        text: 'Change the incoming and outgoing server names to the name the certificate is issued for, usually the hosting company\'s server name (for example server123.hostingcompany.com instead of mail.yourcompany.com). The hosting control panel\'s mail setup page lists it, and emailhelp probe <server> shows the name on the certificate.',
      },
      {
        text: 'Check the date, time and time zone on the device; a wrong clock makes valid certificates look expired or not yet valid.',
      },
      {
        text: 'If the certificate has expired or is self-signed, nothing on your side fixes it safely: tell the helpdesk or hosting provider, who must install a valid certificate (for example from Let\'s Encrypt).',
      },
      {
        client: 'ios_mail',
        text: 'iPhone/iPad: Settings → Apps → Mail → Mail Accounts → the account → Account (iOS 17: Settings → Mail → Accounts) → set Incoming Mail Server "Host Name", and Outgoing Mail Server → SMTP → Primary Server → "Host Name", to the certificate\'s name. Tap "Trust" on "Cannot Verify Server Identity" only after the helpdesk has confirmed the certificate.',
      },
      {
        client: 'apple_mail',
        text: 'Apple Mail: fix "Host Name" in Mail → Settings → Accounts → select the account → Server Settings; when Mail offers "Show Certificate", check the name and dates there before choosing to trust it.',
      },
      {
        client: 'outlook',
        text: 'Outlook (classic): set "Incoming mail server" and "Outgoing mail server (SMTP)" in File → Account Settings → Account Settings → select the account → Change to the certificate\'s name; the security warning\'s "View Certificate" button shows the name it is issued to.',
      },
      {
        client: 'thunderbird',
        text: 'Thunderbird: fix the names in Account Settings → Server Settings and Outgoing Server (SMTP) → Edit. To remove an old exception, or add one for a company server with its own certificate, use Tools → Settings → Privacy & Security → Certificates → Manage Certificates → Servers.',
      },
      {
        text: 'Turn off the email scanning in your antivirus, or ask IT to exclude mail from TLS inspection, and try again; some security products replace the server\'s certificate with their own.',
      },
    ],
    sources: [
      'RFC 7817 (TLS server identity check for email protocols)',
      'RFC 9525 section 6 (service identity verification)',
      'RFC 5280 section 4.1.2.5 (certificate validity period)',
    ],
  },
  {
    id: 'plaintext_auth_disabled',
    title: 'The server will not take a password over an unencrypted connection',
    explanation:
      'Your app is connected without encryption and tried to send your password in readable form. The server refuses passwords sent that way, so they cannot be read on the network. Turning on encryption in the account settings fixes it; your password is fine.',
    engineerNote:
      'IMAP servers advertise LOGINDISABLED until STARTTLS has run (RFC 3501 and RFC 9051 section 6.2.3); Dovecot logs "Plaintext authentication disallowed on non-secure (SSL/TLS) connections" (disable_plaintext_auth, auth_allow_cleartext in Dovecot 2.4). The client is on 143, 110 or 587 with security "None": move it to implicit TLS on 993/995/465 or STARTTLS on the same port, and leave the server setting as it is.',
    fixes: [
      {
        text: 'Turn on encryption for incoming mail: SSL/TLS on port 993 (IMAP) or 995 (POP3); if your provider only offers STARTTLS, choose STARTTLS on 143 or 110.',
      },
      {
        text: 'Turn on encryption for outgoing mail too: STARTTLS on 587 or SSL/TLS on 465.',
      },
      {
        client: 'outlook',
        text: 'Outlook (classic): File → Account Settings → Account Settings → select the account → Change → More Settings → Advanced → IMAP: "Use the following type of encrypted connection" → "SSL/TLS" with port 993; POP3: tick "This server requires an encrypted connection (SSL/TLS)" with port 995.',
      },
      {
        client: 'apple_mail',
        text: 'Apple Mail: Mail → Settings → Accounts → select the account → Server Settings → untick "Automatically manage connection settings" → tick "Use TLS/SSL" and set "Port" to 993 (IMAP) or 995 (POP).',
      },
      {
        client: 'ios_mail',
        text: 'iPhone/iPad: Settings → Apps → Mail → Mail Accounts → the account → Account (iOS 17: Settings → Mail → Accounts) → Advanced → turn on "Use SSL" and set "Server Port" to 993 (IMAP) or 995 (POP).',
      },
      {
        client: 'thunderbird',
        text: 'Thunderbird: Account Settings → Server Settings → "Connection security" → "SSL/TLS" (port 993 or 995) or "STARTTLS" (port 143 or 110), with "Authentication method" → "Normal password".',
      },
      {
        client: 'android',
        text: 'Android (Gmail app / K-9 / Thunderbird for Android): account settings → Incoming server → "Security" → SSL/TLS (or STARTTLS) instead of None, with the matching port.',
      },
      {
        client: 'windows_mail',
        text: 'Windows Mail: Settings → Manage accounts → the account → Change mailbox sync settings → Advanced mailbox settings → tick "Require SSL for incoming email" and "Require SSL for outgoing email".',
      },
    ],
    sources: [
      'RFC 3501 section 6.2.3 (LOGIN and LOGINDISABLED)',
      'RFC 9051 section 6.2.3 (LOGIN)',
      'RFC 8314 section 4.1 (cleartext access deprecated)',
    ],
  },
  {
    id: 'connection_limit',
    title: 'Too many connections to the mailbox at once',
    explanation:
      'The server allows only a certain number of open connections per mailbox, and your devices and programs together have used them all, so it turns the next one away. With POP only one device may open the mailbox at a time, so a second device checking at the same moment is refused. It usually clears by itself once the other connections close.',
    engineerNote:
      'Count the clients per mailbox: each IMAP client keeps several connections open, so a few devices plus a sync tool reach Gmail\'s limit of 15 per account or Dovecot\'s mail_max_userip_connections (default 10 per user and IP address). POP3 -ERR [IN-USE] (RFC 2449 section 8.1.2) means another session holds the maildrop lock, which a crashed client can hold until the server times it out; Outlook shows the POP form as 0x800CCC0B.',
    fixes: [
      {
        text: 'Close the mail app on devices you are not using, and remove the account from old phones, tablets and laptops that may still be connected.',
      },
      {
        text: 'Wait a few minutes and try again; leftover connections and POP locks expire on the server.',
      },
      {
        text: 'With POP, only one device should check the mailbox at a time; better, move every device to IMAP (run emailhelp explain pop-vs-imap).',
      },
      {
        client: 'thunderbird',
        text: 'Thunderbird: Account Settings → Server Settings → Advanced → lower "Maximum number of server connections to cache" (for example to 2).',
      },
      {
        client: 'outlook',
        text: 'Outlook (classic): File → Options → Advanced → Send/Receive → raise "Schedule an automatic send/receive every … minutes", so several PCs do not check the same POP mailbox at the same moment.',
      },
      {
        text: 'Stop or reconfigure other programs that read the same mailbox (backup tools, CRM or helpdesk integrations, scanners, forwarding scripts).',
      },
      {
        text: 'If it keeps happening, ask the helpdesk to check the server\'s connection limit and which addresses hold the connections.',
      },
    ],
    sources: [
      'RFC 2449 section 8.1.2 (POP3 IN-USE response code)',
      'RFC 1939 section 4 (POP3 exclusive-access lock on the maildrop)',
      'RFC 5530 section 3 (IMAP INUSE and LIMIT response codes)',
    ],
  },
  {
    id: 'quota_exceeded',
    title: 'The mailbox or account storage is full',
    explanation:
      'Your mailbox has reached the storage limit of your plan. When it is full, new messages can bounce back to their senders and the app may fail to save sent mail or drafts. Deleting or archiving large messages and emptying the Trash frees space.',
    engineerNote:
      'IMAP [OVERQUOTA] and SMTP 552 or 5.2.2 "mailbox full" (RFC 3463 section 3.3) mean a mailbox store is full; if the bounce names someone else\'s address, it is their mailbox, not ours. Google storage is shared by Gmail, Google Drive and Google Photos (15 GB free), so a full Drive stops mail too. GETQUOTAROOT (RFC 9208) or the provider\'s storage page shows usage and limit.',
    fixes: [
      {
        text: 'Delete messages with large attachments (search or sort by size in webmail), then empty the Trash (Deleted Items) folder on the server, not only in the app.',
      },
      {
        text: 'Empty Junk/Spam, and check Sent and Archive, which grow unnoticed.',
      },
      {
        text: 'Gmail: check your storage at https://one.google.com/storage; Google Drive and Google Photos use the same space, so removing large files there frees room for mail too.',
      },
      {
        text: 'If the bounce says someone else\'s mailbox is full (552 or 5.2.2 with their address), nothing is wrong on your side: tell them another way and send again later.',
      },
      {
        text: 'Move older mail you want to keep into an archive on your computer, or buy more storage from your provider.',
      },
    ],
    sources: [
      'RFC 5530 section 3 (IMAP OVERQUOTA response code)',
      'RFC 3463 section 3.3 (X.2.2 Mailbox full)',
      'RFC 9208 (IMAP QUOTA extension)',
    ],
  },
  {
    id: 'server_error',
    title: 'A temporary problem on the provider\'s side',
    explanation:
      'The mail server answered, but said it cannot handle the request right now because of a problem on its side, such as maintenance or an overloaded system. Nothing is wrong with your settings. It usually clears on its own, so try again later.',
    engineerNote:
      'IMAP [UNAVAILABLE], POP3 [SYS/TEMP] and SMTP 4xx replies are temporary by definition: check the provider\'s status page and whether webmail works. On Exchange Online, "User is authenticated but not connected" means the sign-in worked but the mailbox could not be opened: check that the user has an Exchange Online licence and mailbox, that shared mailboxes are opened as user@domain\\shared, and that an app using OAuth was granted access to the mailbox. If one user is affected for hours, raise it with the provider with the exact server response.',
    fixes: [
      {
        text: 'Wait a while and try again; temporary errors usually clear without any change.',
      },
      {
        text: 'Check whether webmail works and look at the provider\'s status page (Google Workspace Status Dashboard, Microsoft 365 service health, or your host\'s status page).',
      },
      {
        text: 'For sending, leave the message in the Outbox; most apps retry on their own. If it bounces with a code starting with 4, send it again later.',
      },
      {
        text: 'If only one folder fails, it may be damaged on the server: copy its messages into a new folder in webmail and tell the helpdesk.',
      },
      {
        text: 'If it lasts more than a few hours, send the helpdesk the exact error text and the time it happened, so they can raise it with the provider.',
      },
    ],
    sources: [
      'RFC 5530 section 3 (IMAP UNAVAILABLE response code)',
      'RFC 3206 (POP3 SYS/TEMP response code)',
      'RFC 5321 section 4.2.1 (transient 4yz replies)',
    ],
  },
  {
    id: 'pop_removes_from_server',
    title: 'A POP app downloads mail and deletes it from the server',
    explanation:
      'At least one of your apps is set up with POP. POP downloads each new message to that one device and, unless told otherwise, deletes it from the server, so it vanishes from webmail, your phone and everyone else who reads the mailbox. The messages are not lost: they are in the app that downloaded them. Tell every POP app to leave a copy on the server, or better, switch it to IMAP.',
    engineerNote:
      'Find the POP client (check each device\'s account type, or the server\'s POP login log); the missing messages sit in its local store (PST, mbox) and can be moved back once it uses IMAP. Outlook (classic) keeps a server copy only with "Leave a copy of messages on the server" ticked, and "Remove from server after 14 days" still deletes later; when Gmail is the server, its own "When messages are accessed with POP" setting decides what happens. On a shared mailbox move every user to IMAP: one POP client with default settings empties the inbox for all.',
    fixes: [
      {
        text: 'Lasting fix: set every device up with IMAP instead of POP (port 993, SSL/TLS). Add the account again as IMAP, drag the messages from the old POP inbox into the IMAP inbox so they are back on the server, then remove the POP account and keep its local data file until you have checked everything is there.',
      },
      {
        client: 'outlook',
        text: 'Outlook (classic): File → Account Settings → Account Settings → select the account → Change → More Settings → Advanced → tick "Leave a copy of messages on the server" and untick "Remove from server after 14 days" (or set enough days for everyone else). Leave "Remove from server when deleted from \'Deleted Items\'" ticked only if this PC is the only one reading the mailbox.',
      },
      {
        client: 'thunderbird',
        text: 'Thunderbird: Account Settings → Server Settings → tick "Leave messages on server" and untick "For at most … days" and "Until I delete them".',
      },
      {
        client: 'apple_mail',
        text: 'Apple Mail: Mail → Settings → Accounts → select the POP account → Account Information → untick "Remove copy from server after retrieving a message" (on older macOS it is on the Advanced tab).',
      },
      {
        client: 'ios_mail',
        text: 'iPhone/iPad (POP account): Settings → Apps → Mail → Mail Accounts → the account → Account (iOS 17: Settings → Mail → Accounts) → Advanced → "Delete from server" → "Never".',
      },
      {
        client: 'android',
        text: 'Android: Gmail app: account settings → Incoming settings → "Delete email from server" → "Never"; K-9 Mail / Thunderbird for Android: account settings → Incoming server → "When I delete a message" → "Do not delete on server".',
      },
      {
        client: 'gmail',
        text: 'Gmail "Check mail from other accounts": Settings → See all settings → Accounts and Import → Check mail from other accounts → edit info → tick "Leave a copy of retrieved message on the server". Google is retiring this POP fetching in 2026; forwarding at the other provider, or adding the account by IMAP in the Gmail app, replaces it.',
      },
      {
        text: 'If the mailbox itself is Gmail and a POP app reads it: Gmail Settings → See all settings → Forwarding and POP/IMAP → "When messages are accessed with POP" → "keep Gmail\'s copy in the Inbox" → Save Changes.',
      },
    ],
    sources: [
      'RFC 1939 section 6 (POP3 UPDATE state removes messages marked with DELE)',
      'RFC 1939 section 5 (DELE command)',
      'https://support.google.com/mail/answer/7104828',
      'https://support.google.com/mail/answer/21289',
    ],
  },
  {
    id: 'folder_sync',
    title: 'Folders, Sent or Drafts do not match between devices',
    explanation:
      'With IMAP all your folders live on the server, but each app decides which folders it shows and where it saves sent messages and drafts. If an app hides some folders, or saves sent mail in a folder that exists only on that device, your other devices will not see them. Mixing POP and IMAP on the same account causes missing messages and duplicates too.',
    engineerNote:
      'Check three things: subscriptions (clients that show only subscribed folders; RFC 3501 section 6.3.6), special-use mapping (\\Sent, \\Drafts, \\Trash per RFC 6154; without SPECIAL-USE, clients create their own "Sent Items" or Outlook keeps a local "(This computer only)" folder), and whether the client saves sent mail to the server at all. Also check the namespace (an INBOX. prefix on Courier and older cPanel servers needs Outlook\'s "Root folder path") and any POP client on the same mailbox.',
    fixes: [
      {
        text: 'Check that every device uses IMAP, not POP, for this account; a POP device takes messages away from the others (run emailhelp explain pop-vs-imap).',
      },
      {
        client: 'ios_mail',
        text: 'iPhone/iPad: Settings → Apps → Mail → Mail Accounts → the account → Account (iOS 17: Settings → Mail → Accounts) → Advanced → Mailbox Behaviors → set "Drafts Mailbox", "Sent Mailbox" and "Deleted Mailbox" to the folders listed under "On the Server".',
      },
      {
        client: 'apple_mail',
        text: 'Apple Mail: Mail → Settings → Accounts → select the account → Mailbox Behaviors → choose the server\'s Drafts, Sent, Junk and Trash folders; or select the folder in the sidebar → Mailbox → Use This Mailbox For → Sent.',
      },
      {
        client: 'thunderbird',
        text: 'Thunderbird: Account Settings → Copies & Folders → "Place a copy in" → "Sent" folder on this account, and "Keep message drafts in" → "Drafts" folder on this account; for hidden folders, right-click the account → Subscribe, or untick Server Settings → Advanced → "Show only subscribed folders".',
      },
      {
        client: 'outlook',
        text: 'Outlook (classic): right-click the account in the folder list → IMAP Folders → Query → select the missing folders → Subscribe, or untick "When displaying hierarchy in Outlook, show only subscribed folders". If folders appear only under Inbox, set File → Account Settings → Account Settings → Change → More Settings → Advanced → "Root folder path" to INBOX, if your provider says so.',
      },
      {
        client: 'android',
        text: 'K-9 Mail / Thunderbird for Android: account settings → Folders → "Sent folder", "Drafts folder" and "Trash folder" → pick the server\'s folders.',
      },
      {
        text: 'If the mailbox is Gmail: Settings → See all settings → Labels → tick "Show in IMAP" for every label you want to see as a folder in mail apps.',
      },
    ],
    sources: [
      'RFC 6154 section 2 (IMAP special-use mailboxes)',
      'RFC 3501 sections 6.3.6 and 6.3.9 (SUBSCRIBE and LSUB)',
      'RFC 2342 (IMAP NAMESPACE)',
      'https://support.google.com/mail/answer/7126229',
    ],
  },
  {
    id: 'smtp_auth_required',
    title: 'The outgoing server wants you to sign in before sending',
    explanation:
      'Receiving mail works, but sending was refused because your app did not sign in to the outgoing (SMTP) server. Mail servers only pass on mail for people who sign in, so that strangers cannot use them to send spam; "relay access denied" means exactly that. Turn on sign-in for the outgoing server, with the same user name and password as for incoming mail.',
    engineerNote:
      '530 5.7.0 "Authentication required" (RFC 4954 section 6) or 554/550 5.7.1 "Relay access denied" means the client sent MAIL/RCPT without AUTH; a client pointed at the provider\'s MX on port 25 instead of its submission host gets the same answer. Confirm port 587 with STARTTLS (or 465) and AUTH with the mailbox credentials; on Microsoft 365, SMTP AUTH must also be allowed for the tenant and the mailbox, and "535 5.7.139 … SmtpClientAuthentication is disabled" is an admin setting, not a user error.',
    fixes: [
      {
        client: 'outlook',
        text: 'Outlook (classic): File → Account Settings → Account Settings → select the account → Change → More Settings → Outgoing Server → tick "My outgoing server (SMTP) requires authentication" → "Use same settings as my incoming mail server"; then Advanced → "Outgoing server (SMTP)" 587 with "STARTTLS" (or 465 with "SSL/TLS").',
      },
      {
        client: 'apple_mail',
        text: 'Apple Mail: Mail → Settings → Accounts → select the account → Server Settings → Outgoing Mail Server: fill in "User Name" and "Password" (the same as incoming), untick "Automatically manage connection settings", "Port" 587 (or 465), tick "Use TLS/SSL", "Authentication" → "Password".',
      },
      {
        client: 'ios_mail',
        text: 'iPhone/iPad: Settings → Apps → Mail → Mail Accounts → the account → Account (iOS 17: Settings → Mail → Accounts) → Outgoing Mail Server → SMTP → Primary Server → fill in "User Name" and "Password", "Use SSL" on, "Authentication" → "Password", "Server Port" 587 (or 465).',
      },
      {
        client: 'thunderbird',
        text: 'Thunderbird: Account Settings → Outgoing Server (SMTP) → select the server → Edit → "Port" 587 with "Connection security" STARTTLS (or 465 with SSL/TLS), "Authentication method" → "Normal password" (or "OAuth2" for Gmail and Microsoft), "User Name" = your full email address; then check that the account\'s own "Outgoing Server (SMTP)" choice points to this server.',
      },
      {
        client: 'windows_mail',
        text: 'Windows Mail: Settings → Manage accounts → the account → Change mailbox sync settings → Advanced mailbox settings → tick "Outgoing server requires authentication", "Use the same user name and password for sending email" and "Require SSL for outgoing email".',
      },
      {
        client: 'android',
        text: 'Android (Gmail app / K-9 / Thunderbird for Android): account settings → Outgoing server → turn on "Require sign-in" with the same user name and password as incoming, "Security" STARTTLS with port 587 (or SSL/TLS with 465).',
      },
      {
        text: 'Use your email provider\'s outgoing server, not your internet provider\'s or one left over from a previous provider, and do not use port 25 from a laptop or phone.',
      },
      {
        text: 'Microsoft 365: if the app is set up right and still gets 5.7.139, the administrator must allow it in the Microsoft 365 admin center → Users → Active users → the user → Mail → Manage email apps → "Authenticated SMTP", or move the app to OAuth.',
      },
    ],
    sources: [
      'RFC 4954 section 6 (530 5.7.0 Authentication required)',
      'RFC 6409 section 4.3 (submission requires authentication)',
      'RFC 5321 section 3.6 (relaying)',
      'RFC 8314 section 3.3 (implicit TLS submission on port 465)',
      'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
    ],
  },
  {
    id: 'recipient_rejected',
    title: 'The recipient\'s address was refused',
    explanation:
      'Your message reached the recipient\'s mail server, which refused it because that address does not exist there or does not accept mail. Your own settings are fine: sending works. Usually the address is misspelt, out of date (the person left or changed address), or saved wrongly in your contacts or autocomplete.',
    engineerNote:
      '550 5.1.1 ("bad destination mailbox address", RFC 3463 section 3.2) comes from the recipient\'s domain; the bounce names the server that answered and its exact text. A 5.7.x rejection at RCPT is a policy block (reputation, blocklist, SPF/DKIM/DMARC), not a missing mailbox, and needs the full bounce. Outlook autocomplete keeps offering an old or malformed entry until it is deleted.',
    fixes: [
      {
        text: 'Check the address letter by letter in the bounce message (it is usually shown next to "550" or "5.1.1"), correct it and send again.',
      },
      {
        client: 'outlook',
        text: 'Outlook (classic): the autocomplete list may hold an old or wrong address: start typing the name in To, point at the suggestion, click the X next to it, then type the address in full.',
      },
      {
        text: 'Ask the recipient, by phone or another channel, for their current address; people change address when they change jobs or providers.',
      },
      {
        text: 'Update the address in your contacts and in any group or distribution list you send to, so the wrong one is not picked again.',
      },
      {
        text: 'If the bounce mentions spam, policy or a code starting with 5.7 rather than "user unknown", the recipient\'s server refused your message for another reason: send the full bounce to the helpdesk.',
      },
    ],
    sources: [
      'RFC 3463 section 3.2 (X.1.1 Bad destination mailbox address)',
      'RFC 5321 section 4.2.3 (reply codes in numeric order)',
      'RFC 3464 (delivery status notifications)',
    ],
  },
  {
    id: 'unknown',
    title: 'No clear match',
    explanation:
      'This error does not match a known cause closely enough to name one. That is common: many apps show vague messages. With a few more details the helpdesk can usually tell quickly what is going on.',
    engineerNote:
      'Collect the full error text (including any code such as 0x800CCC0E, 535 5.7.8 or AUTHENTICATIONFAILED), the client and version, the server names and ports, and when it started; then probe the servers and compare the settings with the provider\'s published ones. Run emailhelp diagnose again on the full text once you have it.',
    fixes: [
      {
        text: 'Send the helpdesk the full error text exactly as shown (copy it or take a screenshot), including any code such as 0x800CCC0E, 535 or AUTHENTICATIONFAILED.',
      },
      {
        text: 'Say which app and version you use (for example Outlook for Microsoft 365, Mail on iOS 18, Thunderbird 128) and on which device.',
      },
      {
        text: 'Give the incoming and outgoing server names and ports from your account settings, and say whether the account is IMAP or POP.',
      },
      {
        text: 'Say when it started and what changed around then (new password, new phone, new network, new provider), and whether webmail still works.',
      },
      {
        text: 'Check the servers yourself: emailhelp probe <server> shows whether each mail port answers and whether its certificate is valid.',
      },
      {
        text: 'Compare your settings with the recommended ones: emailhelp settings <your address>.',
      },
    ],
    sources: [
      'RFC 5530 section 3 (IMAP response codes)',
      'RFC 3463 (SMTP enhanced status codes)',
      'RFC 8314 section 3 (standard mail ports and encryption)',
    ],
  },
];
