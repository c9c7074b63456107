import type { IspdbSecurity } from './ispdb.generated.js';

/**
 * Hand-kept additions to the bundled ISPDB data (ispdb.generated.ts), for what ISPDB does not say:
 * a provider's caveats (OAuth only, app passwords, "switch IMAP on first"), its own help page,
 * friendlier names, providers the ISPDB snapshot lacks, and MX patterns for custom domains.
 *
 * Policy: ISPDB stays the base. An entry adds and annotates; it never replaces ISPDB's servers
 * (servers appear here only for providers ISPDB lacks). Every entry, note and rule names the page
 * its fact comes from in `source`, the provider's own page wherever one could be read.
 * The text goes to a terminal and to Slack alike, so it is plain text without Markdown.
 */

export type OverlayNoteKind = 'oauth' | 'app-password' | 'enable' | 'no-direct-access' | 'other';

export interface OverlayNote {
  readonly kind: OverlayNoteKind;
  readonly text: string;
  readonly source: string;
}

export interface OverlayServer {
  readonly protocol: 'imap' | 'pop3' | 'smtp';
  /** May hold {region}, filled from the MX host by the rule that found the provider. */
  readonly host: string;
  readonly port: number;
  readonly security: IspdbSecurity;
  readonly username: string;
}

export interface ProviderOverlay {
  /** The provider id in answers. */
  readonly id: string;
  readonly name: string;
  /** The ISPDB provider (file name without .xml) whose servers and domains this entry annotates. */
  readonly ispdb?: string;
  /** Mail domains ISPDB does not list for this provider. */
  readonly domains?: readonly string[];
  /** Only for providers that ISPDB lacks. */
  readonly incoming?: readonly OverlayServer[];
  readonly outgoing?: readonly OverlayServer[];
  readonly notes?: readonly OverlayNote[];
  /** The provider's own help page for mail-app settings. */
  readonly help?: string;
  readonly source: string;
}

/**
 * A custom domain's MX host pattern. `*.example.com` matches any name under example.com; a `*`
 * elsewhere stands for one or more labels (`*.ionos.*`), and `{region}` for one label whose value
 * fills {region} in the provider's server names.
 */
export interface MxRule {
  readonly pattern: string;
  /** A provider id (overlay id, or ISPDB id for providers without an overlay entry). */
  readonly provider?: string;
  /** A filtering gateway in front of the mailbox provider. */
  readonly gateway?: string;
  /** Said with every match, for what the pattern alone cannot tell. */
  readonly note?: string;
  readonly source: string;
}

const MICROSOFT_OAUTH_DEPRECATION = 'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/deprecation-of-basic-authentication-exchange-online';

function zohoNotes(region: string): readonly OverlayNote[] {
  const help = 'https://www.zoho.com/mail/help/imap-access.html';
  return [
    {
      kind: 'enable',
      text: `IMAP and POP access are switched on per account in Zoho Mail on the web (${region}): Settings > Mail Accounts > IMAP/POP Access.`,
      source: help,
    },
    {
      kind: 'app-password',
      text: 'With two-factor authentication on, mail apps need an application-specific password from Zoho Accounts (Security > App Passwords) instead of the account password.',
      source: help,
    },
  ];
}

/** FairEmail's curated provider list (M66B/FairEmail), pinned to the commit the servers were read at. */
const FAIREMAIL_PROVIDERS = 'https://github.com/M66B/FairEmail/blob/3374c2dc4b9fe403ffb055841e475b8a0b1b23f8/app/src/main/res/xml/providers.xml';

const NETEASE_NOTE: OverlayNote = {
  kind: 'app-password',
  text: 'Switch on IMAP/SMTP in the web mail settings (POP3/SMTP/IMAP). That also turns on the client authorization code (客户端授权码): mail apps sign in with that code, not with the web password.',
  source: 'https://help-w.com/renwu/1518473143_zh.html',
};

export const PROVIDER_OVERLAY: readonly ProviderOverlay[] = [
  {
    id: 'google',
    name: 'Google Workspace / Gmail',
    ispdb: 'googlemail.com',
    help: 'https://support.google.com/mail/answer/7126229',
    source: 'https://developers.google.com/gmail/imap/imap-smtp',
    notes: [
      {
        kind: 'app-password',
        text: 'Apps that cannot open Google\'s own sign-in window need an app password (Google Account > Security > 2-Step Verification > App passwords); app passwords exist only while 2-Step Verification is on. Google Workspace admins can also switch IMAP off for their users.',
        source: 'https://support.google.com/accounts/answer/185833',
      },
    ],
  },
  {
    id: 'outlook',
    name: 'Outlook.com (Hotmail, Live, MSN)',
    ispdb: 'hotmail.com',
    help: 'https://support.microsoft.com/en-us/office/pop-imap-and-smtp-settings-for-outlook-com-d088b986-291d-42b8-9564-9c414e2aa040',
    source: 'https://support.microsoft.com/en-us/office/pop-imap-and-smtp-settings-8361e398-8af4-4e97-b147-6c6c4ac95353',
    notes: [
      {
        kind: 'oauth',
        text: 'Outlook.com requires modern sign-in (OAuth2): use a mail app that opens Microsoft\'s own sign-in window. A password typed into an app that only knows basic authentication is refused.',
        source: 'https://support.microsoft.com/en-us/office/pop-imap-and-smtp-settings-8361e398-8af4-4e97-b147-6c6c4ac95353',
      },
      {
        kind: 'enable',
        text: 'POP and IMAP access are off by default. In Outlook.com go to Settings > Mail > Forwarding and IMAP and switch on "Let devices and apps use POP" (or IMAP), then Save.',
        source: 'https://support.microsoft.com/en-us/office/pop-imap-and-smtp-settings-8361e398-8af4-4e97-b147-6c6c4ac95353',
      },
    ],
  },
  {
    id: 'microsoft365',
    name: 'Microsoft 365 (Exchange Online)',
    ispdb: 'office365.com',
    help: 'https://support.microsoft.com/en-us/office/pop-imap-and-smtp-settings-8361e398-8af4-4e97-b147-6c6c4ac95353',
    source: MICROSOFT_OAUTH_DEPRECATION,
    notes: [
      {
        kind: 'oauth',
        text: 'Exchange Online has retired basic authentication (user name and password) for IMAP and POP, and is retiring it for sending (SMTP AUTH): mail apps must sign in with OAuth2 (modern authentication).',
        source: MICROSOFT_OAUTH_DEPRECATION,
      },
      {
        kind: 'enable',
        text: 'An administrator can switch IMAP, POP and authenticated SMTP off per mailbox (Microsoft 365 admin center > Users > Mail > Manage email apps); ask IT if the settings are right and sign-in still fails.',
        source: 'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
      },
    ],
  },
  {
    id: 'yahoo',
    name: 'Yahoo Mail',
    ispdb: 'yahoo.com',
    source: 'https://help.yahoo.com/kb/generate-manage-rd-party-passwords-sln15241.html',
    help: 'https://help.yahoo.com/kb/generate-manage-rd-party-passwords-sln15241.html',
    notes: [
      {
        kind: 'app-password',
        text: 'Mail apps that do not use Yahoo\'s own sign-in page need an app password: Yahoo Account Security > Generate app password. It stays valid when the account password changes; delete it to revoke it.',
        source: 'https://help.yahoo.com/kb/generate-manage-rd-party-passwords-sln15241.html',
      },
    ],
  },
  {
    id: 'aol',
    name: 'AOL Mail',
    ispdb: 'aol.com',
    source: 'https://help.aol.com/articles/Create-and-manage-app-password',
    help: 'https://help.aol.com/articles/Create-and-manage-app-password',
    notes: [
      {
        kind: 'app-password',
        text: 'Mail apps that do not use AOL\'s own sign-in page need an app password: AOL Account Security > Generate and manage app passwords.',
        source: 'https://help.aol.com/articles/Create-and-manage-app-password',
      },
    ],
  },
  {
    id: 'icloud',
    name: 'iCloud Mail',
    ispdb: 'me.com',
    help: 'https://support.apple.com/en-us/102525',
    source: 'https://support.apple.com/en-us/102525',
    notes: [
      {
        kind: 'app-password',
        text: 'Mail apps other than Apple\'s need an app-specific password (account.apple.com > Sign-In and Security > App-Specific Passwords), not the Apple Account password.',
        source: 'https://support.apple.com/en-us/102525',
      },
      {
        kind: 'other',
        text: 'iCloud Mail has no POP. The IMAP user name is usually the part before @; if the app cannot connect with it, try the full address. Sending uses the full address.',
        source: 'https://support.apple.com/en-us/102525',
      },
    ],
  },
  {
    id: 'fastmail',
    name: 'Fastmail',
    ispdb: 'messagingengine.com',
    domains: ['fastmail.com', 'fastmail.fm'],
    help: 'https://www.fastmail.com/help/technical/servernamesandports.html',
    source: 'https://www.fastmail.com/help/technical/servernamesandports.html',
    notes: [
      {
        kind: 'app-password',
        text: 'Every IMAP, POP and SMTP connection needs its own app password (Settings > Privacy & Security > Manage app passwords); the normal Fastmail password does not work in mail apps.',
        source: 'https://www.fastmail.com/help/technical/servernamesandports.html',
      },
    ],
  },
  { id: 'zoho', name: 'Zoho Mail', ispdb: 'zoho.com', help: 'https://www.zoho.com/mail/help/imap-access.html', source: 'https://www.zoho.com/mail/help/imap-access.html', notes: zohoNotes('mail.zoho.com') },
  { id: 'zoho-eu', name: 'Zoho Mail (EU)', ispdb: 'zoho.eu', help: 'https://www.zoho.com/mail/help/imap-access.html', source: 'https://www.zoho.com/mail/help/imap-access.html', notes: zohoNotes('mail.zoho.eu') },
  { id: 'zoho-in', name: 'Zoho Mail (India)', ispdb: 'zoho.in', help: 'https://www.zoho.com/mail/help/imap-access.html', source: 'https://www.zoho.com/mail/help/imap-access.html', notes: zohoNotes('mail.zoho.in') },
  { id: 'zoho-au', name: 'Zoho Mail (Australia)', ispdb: 'zoho.com.au', help: 'https://www.zoho.com/mail/help/imap-access.html', source: 'https://www.zoho.com/mail/help/imap-access.html', notes: zohoNotes('mail.zoho.com.au') },
  { id: 'zoho-jp', name: 'Zoho Mail (Japan)', ispdb: 'zoho.jp', help: 'https://www.zoho.com/mail/help/imap-access.html', source: 'https://www.zoho.com/mail/help/imap-access.html', notes: zohoNotes('mail.zoho.jp') },
  { id: 'zoho-ca', name: 'Zoho Mail (Canada)', ispdb: 'zohocloud.ca', help: 'https://www.zoho.com/mail/help/imap-access.html', source: 'https://www.zoho.com/mail/help/imap-access.html', notes: zohoNotes('mail.zohocloud.ca') },
  {
    id: 'yandex',
    name: 'Yandex Mail',
    ispdb: 'yandex.ru',
    help: 'https://yandex.com/support/mail/mail-clients/others.html',
    source: 'https://yandex.com/support/mail/mail-clients/others.html',
    notes: [
      {
        kind: 'app-password',
        text: 'Mail apps sign in with an app password for Mail (Yandex ID > Security > App passwords), not the Yandex password.',
        source: 'https://yandex.com/support/mail/mail-clients/others.html',
      },
    ],
  },
  {
    id: 'mailru',
    name: 'Mail.ru',
    ispdb: 'mail.ru',
    help: 'https://help.mail.ru/mail/security/protection/external',
    source: 'https://help.mail.ru/mail/security/protection/external',
    notes: [
      {
        kind: 'app-password',
        text: 'Mail apps need a "password for external applications" (Mail.ru settings > Password and security); the normal account password is refused over IMAP, POP and SMTP.',
        source: 'https://help.mail.ru/mail/security/protection/external',
      },
    ],
  },
  {
    id: 'qq',
    name: 'QQ Mail',
    ispdb: 'qq.com',
    source: 'https://ashea.com.cn/guandian/2022/1011/707174.html',
    notes: [
      {
        kind: 'app-password',
        text: 'Switch on the IMAP/SMTP service in QQ Mail on the web (Settings > Account) and generate an authorization code (授权码). Since 1 November 2022 mail apps can sign in only with that code, not with the QQ password.',
        source: 'https://ashea.com.cn/guandian/2022/1011/707174.html',
      },
    ],
  },
  { id: 'netease-163', name: 'NetEase Mail (163.com)', ispdb: '163.com', source: NETEASE_NOTE.source, notes: [NETEASE_NOTE] },
  { id: 'netease-126', name: 'NetEase Mail (126.com)', ispdb: '126.com', source: NETEASE_NOTE.source, notes: [NETEASE_NOTE] },
  { id: 'netease-yeah', name: 'NetEase Mail (yeah.net)', ispdb: 'yeah.net', source: NETEASE_NOTE.source, notes: [NETEASE_NOTE] },
  {
    id: 'ionos',
    name: 'IONOS (1&1)',
    ispdb: '1und1.de',
    source: 'https://ionos.fr/assistance/email/mise-en-place-demail-made-in-germany/serveur-entrant',
    notes: [
      {
        kind: 'other',
        text: 'IONOS\'s help pages also name country-specific servers, such as imap.ionos.fr and pop.ionos.fr in France; use the ones your IONOS contract names if these fail.',
        source: 'https://ionos.fr/assistance/email/mise-en-place-demail-made-in-germany/serveur-entrant',
      },
    ],
  },
  {
    id: 'proton',
    name: 'Proton Mail',
    domains: ['proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me'],
    source: 'https://github.com/ProtonMail/proton-bridge',
    help: 'https://proton.me/mail/bridge',
    notes: [
      {
        kind: 'no-direct-access',
        text: 'Proton Mail has no IMAP, POP or SMTP server a mail app can reach directly: messages are end-to-end encrypted. Install Proton Mail Bridge (paid plans) on the same computer; it runs IMAP and SMTP servers locally and shows the server (127.0.0.1), ports and password to enter in the mail app.',
        source: 'https://github.com/ProtonMail/proton-bridge',
      },
    ],
  },
  {
    id: 'mail.com',
    name: 'mail.com',
    ispdb: 'mail.com',
    source: 'https://github.com/chatmail/provider-db/blob/master/_providers/mail.com.md',
    help: 'https://support.mail.com/pop-imap/toggle.html',
    notes: [
      {
        kind: 'enable',
        text: 'POP3 and IMAP must be switched on in the mail.com settings first, and mail.com offers them only with mail.com Premium (older free accounts that already had them keep them).',
        source: 'https://github.com/chatmail/provider-db/blob/master/_providers/mail.com.md',
      },
    ],
  },
  // Common consumer domains that the ISPDB snapshot lacks. Each server list is what the cited page
  // says; where the provider's own page could not be read, the source is a named, curated copy
  // (chatmail/deltachat provider-db), and test/fixtures/common-domains.ts marks it "independent".
  {
    // chatmail/provider-db _providers/freenet.de.md (last checked 2024-08): mx.freenet.de IMAP 993
    // SSL and 143 STARTTLS, SMTP 465 SSL and 587 STARTTLS; "POP3/IMAP/SMTP" must be switched on first.
    id: 'freenet',
    name: 'freenet Mail',
    domains: ['freenet.de'],
    source: 'https://github.com/chatmail/provider-db/blob/master/_providers/freenet.de.md',
    incoming: [
      { protocol: 'imap', host: 'mx.freenet.de', port: 993, security: 'tls', username: 'email' },
      { protocol: 'imap', host: 'mx.freenet.de', port: 143, security: 'starttls', username: 'email' },
    ],
    outgoing: [
      { protocol: 'smtp', host: 'mx.freenet.de', port: 465, security: 'tls', username: 'email' },
      { protocol: 'smtp', host: 'mx.freenet.de', port: 587, security: 'starttls', username: 'email' },
    ],
    notes: [
      {
        kind: 'enable',
        text: 'Mail apps can connect only after POP3/IMAP/SMTP is switched on in freenet Mail on the web: Postfach-Einstellungen > POP3/IMAP/SMTP > Einrichtung POP3/IMAP, tick "Jetzt POP3, IMAP und SMTP aktivieren" and save.',
        source: 'https://github.com/chatmail/provider-db/blob/master/_providers/freenet.de.md',
      },
    ],
  },
  {
    // chatmail/provider-db _providers/ukr.net.md (last checked 2024-08): imap.ukr.net 993 SSL,
    // smtp.ukr.net 465 SSL; IMAP access must be allowed first, as ukr.net's own wiki page explains.
    id: 'ukrnet',
    name: 'UKR.NET',
    domains: ['ukr.net'],
    source: 'https://github.com/chatmail/provider-db/blob/master/_providers/ukr.net.md',
    help: 'https://wiki.ukr.net/ManageIMAPAccess',
    incoming: [{ protocol: 'imap', host: 'imap.ukr.net', port: 993, security: 'tls', username: 'email' }],
    outgoing: [{ protocol: 'smtp', host: 'smtp.ukr.net', port: 465, security: 'tls', username: 'email' }],
    notes: [
      {
        kind: 'enable',
        text: 'Access for mail apps (IMAP) is off until it is allowed in the UKR.NET mailbox settings; UKR.NET\'s help page "ManageIMAPAccess" shows where.',
        source: 'https://wiki.ukr.net/ManageIMAPAccess',
      },
    ],
  },
  {
    // Aruba's own guide for hosted mailboxes (POP3 page): pop3s.aruba.it, port 995, SSL on;
    // outgoing smtps.aruba.it. The IMAP name, imaps.aruba.it with SSL, is read off a customer's page
    // (anvvf.it); 993 and 465 are the implicit-TLS ports those names stand for. IMAP is a service
    // bought per domain (support.aruba.it kb a2490).
    id: 'aruba',
    name: 'Aruba.it Email',
    domains: ['aruba.it'],
    source: 'https://guide.hosting.aruba.it/email/configurazione-email-pc-dispositivi-mobili/configurazione-casella-dominio-pc-mac-pop.aspx',
    help: 'https://guide.hosting.aruba.it/email/configurazione-email-pc-dispositivi-mobili/configurazione-casella-dominio-pc-mac-pop.aspx',
    incoming: [
      { protocol: 'imap', host: 'imaps.aruba.it', port: 993, security: 'tls', username: 'email' },
      { protocol: 'pop3', host: 'pop3s.aruba.it', port: 995, security: 'tls', username: 'email' },
    ],
    outgoing: [{ protocol: 'smtp', host: 'smtps.aruba.it', port: 465, security: 'tls', username: 'email' }],
    notes: [
      {
        kind: 'other',
        text: 'A name@aruba.it user name is the Aruba customer account; mailboxes live on the customer\'s own domain and use these same servers, with the whole mailbox address as user name. IMAP is an extra service per domain: without it, use POP3. Certified mail (PEC) uses other servers (smtps.pec.aruba.it).',
        source: 'https://support.aruba.it/kb/a2490/expiration-of-the-imap-email-service-and-how-it-can-be-renewed.aspx',
      },
    ],
  },
  {
    // Rogers' own pages: rogers.com addresses are "Rogers Yahoo email", set up with the Yahoo option
    // of the mail app; app passwords can no longer be generated. The servers are Yahoo Mail's, as
    // in the bundled Yahoo entry (imap.mail.yahoo.com 993, smtp.mail.yahoo.com 465).
    id: 'rogers',
    name: 'Rogers Yahoo Mail',
    domains: ['rogers.com'],
    source: 'https://www.rogers.com/support/internet/updating-your-rogers-yahoo-email-settings',
    help: 'https://www.rogers.com/support/internet/updating-your-rogers-yahoo-email-settings',
    incoming: [{ protocol: 'imap', host: 'imap.mail.yahoo.com', port: 993, security: 'tls', username: 'email' }],
    outgoing: [{ protocol: 'smtp', host: 'smtp.mail.yahoo.com', port: 465, security: 'tls', username: 'email' }],
    notes: [
      {
        kind: 'oauth',
        text: 'rogers.com mail is hosted by Yahoo. Add it with the mail app\'s own Yahoo option, which opens Yahoo\'s sign-in page: Rogers no longer lets customers generate app passwords, so a typed password fails in apps without that sign-in.',
        source: 'https://rogers.com/support/internet/mfa-for-rogers-yahoo-email',
      },
    ],
  },
  {
    // HEY has no IMAP, POP or SMTP for mail apps (deltachat/provider-db: "hey.com does not offer
    // the standard IMAP e-mail protocol"); it is used through HEY's own apps.
    id: 'hey',
    name: 'HEY',
    domains: ['hey.com'],
    source: 'https://github.com/deltachat/provider-db/blob/master/_providers/hey.com.md',
    notes: [
      {
        kind: 'no-direct-access',
        text: 'HEY offers no IMAP, POP or SMTP: a hey.com mailbox cannot be added to Outlook, Apple Mail, Thunderbird or any other mail app. Use HEY\'s own apps or hey.com in a browser.',
        source: 'https://github.com/deltachat/provider-db/blob/master/_providers/hey.com.md',
      },
    ],
  },
  // ISP mail that the ISPDB snapshot lacks, read off FairEmail's curated providers.xml (FAIREMAIL_PROVIDERS,
  // pinned to a commit). FairEmail marks a provider whose user name is the local part with user="local";
  // none of these has it, so FairEmail signs in with the whole address. Each entry's `help` is the
  // provider's own page that FairEmail links; where that page was read here, the comment says so.
  {
    // FairEmail "TalkTalk": mail.talktalk.net 993 SSL, smtp.talktalk.net 587 STARTTLS, for talktalk.net,
    // tiscali.co.uk, lineone.net, pipex.com, tinyworld.co.uk and older Pipex/Tiscali domains (only the five
    // that a news report on the Everymail move also names are listed here). TalkTalk's own settings page
    // (community.talktalk.co.uk, FairEmail's link) could not be read here.
    id: 'talktalk',
    name: 'TalkTalk Mail',
    domains: ['talktalk.net', 'tiscali.co.uk', 'lineone.net', 'pipex.com', 'tinyworld.co.uk'],
    source: FAIREMAIL_PROVIDERS,
    help: 'https://community.talktalk.co.uk/t5/Articles/Email-settings-IMAP-amp-POP3/ta-p/2204399',
    incoming: [{ protocol: 'imap', host: 'mail.talktalk.net', port: 993, security: 'tls', username: 'email' }],
    outgoing: [{ protocol: 'smtp', host: 'smtp.talktalk.net', port: 587, security: 'starttls', username: 'email' }],
    notes: [
      {
        kind: 'other',
        text: 'The user name is the whole TalkTalk address (for example name@talktalk.net), for receiving and for sending.',
        source: FAIREMAIL_PROVIDERS,
      },
      {
        kind: 'other',
        text: 'TalkTalk has handed its email service to Everymail (Open-Xchange). TalkTalk broadband customers keep it free; since 31 October 2025 everyone else must pay Everymail to keep the address, or the mailbox is closed. If these servers stop working, check Everymail\'s support pages (everymail.com/support).',
        source: 'https://worldofsoftware.org/email-service-shutting-down-and-youll-be-cut-off-unless-you-pay-50-a-year/amp',
      },
    ],
  },
  {
    // FairEmail "Telenet": imap.telenet.be 993 SSL, smtp.telenet.be 587 STARTTLS (FairEmail's link is
    // www2.telenet.be/nl/klantenservice/e-mails-versturen/). Telenet's own mailbox page, read here, says a
    // mailbox assigned to a user has that user's login password, and points to Telenet's general settings.
    id: 'telenet',
    name: 'Telenet',
    domains: ['telenet.be'],
    source: FAIREMAIL_PROVIDERS,
    help: 'https://www2.telenet.be/residential/nl/klantenservice/internet/e-mail/mailbox-beheren-in-mijn-telenet/',
    incoming: [{ protocol: 'imap', host: 'imap.telenet.be', port: 993, security: 'tls', username: 'email' }],
    outgoing: [{ protocol: 'smtp', host: 'smtp.telenet.be', port: 587, security: 'starttls', username: 'email' }],
    notes: [
      {
        kind: 'other',
        text: 'The user name is the whole Telenet address (name@telenet.be), for receiving and for sending.',
        source: FAIREMAIL_PROVIDERS,
      },
      {
        kind: 'other',
        text: 'A Telenet mailbox assigned to a user has that user\'s Telenet login password; mailboxes are created, assigned and removed in Mijn Telenet (Beheer je mailbox).',
        source: 'https://www2.telenet.be/residential/nl/klantenservice/internet/e-mail/mailbox-beheren-in-mijn-telenet/',
      },
    ],
  },
  {
    // FairEmail "Interia": poczta.interia.pl, IMAP 993 SSL and SMTP 465 SSL, with the hint to check that
    // IMAP is switched on at Interia first, for interia.pl, interia.eu, poczta.fm and more (the three named
    // on a login guide too are listed here). FairEmail's link is Interia's own parameters page, not read
    // here. K-9 Mail's older providers.xml lists only POP3 on the same host with the local part as user
    // name; FairEmail's newer entry (IMAP, whole address) is the one followed.
    id: 'interia',
    name: 'Poczta Interia',
    domains: ['interia.pl', 'interia.eu', 'poczta.fm'],
    source: FAIREMAIL_PROVIDERS,
    help: 'https://pomoc.poczta.interia.pl/news-parametry-do-konfiguracji-programow-pocztowych,nId,2136275',
    incoming: [{ protocol: 'imap', host: 'poczta.interia.pl', port: 993, security: 'tls', username: 'email' }],
    outgoing: [{ protocol: 'smtp', host: 'poczta.interia.pl', port: 465, security: 'tls', username: 'email' }],
    notes: [
      {
        kind: 'enable',
        text: 'Check that IMAP access is switched on in the Interia mailbox settings on the web (Sprawdź, czy protokół IMAP jest włączony): a mail app cannot use IMAP while it is off.',
        source: FAIREMAIL_PROVIDERS,
      },
      {
        kind: 'other',
        text: 'The user name is the whole Interia address (for example name@interia.pl), for receiving and for sending.',
        source: FAIREMAIL_PROVIDERS,
      },
    ],
  },
  {
    // FairEmail "Telia": mailin.telia.com 993 SSL, mailout.telia.com 465 SSL for telia.com; FairEmail's
    // link is Telia Sweden's own set-up page (telia.se), not read here.
    id: 'telia',
    name: 'Telia (Sweden)',
    domains: ['telia.com'],
    source: FAIREMAIL_PROVIDERS,
    help: 'https://www.telia.se/privat/support/info/konfigurera-e-post-android',
    incoming: [{ protocol: 'imap', host: 'mailin.telia.com', port: 993, security: 'tls', username: 'email' }],
    outgoing: [{ protocol: 'smtp', host: 'mailout.telia.com', port: 465, security: 'tls', username: 'email' }],
    notes: [
      {
        kind: 'other',
        text: 'The user name is the whole Telia address (name@telia.com), for receiving and for sending.',
        source: FAIREMAIL_PROVIDERS,
      },
    ],
  },
  {
    // FairEmail "Shaw.ca/Rogers": imap.shaw.ca 993 SSL, mail.shaw.ca 587 STARTTLS; FairEmail's link is
    // Rogers' own "Shaw email: POP and IMAP email server settings" page, not read here. Rogers' Shaw email
    // pages that were read (password, troubleshooting) show the service is now run from MyRogers (Shaw).
    id: 'shaw',
    name: 'Shaw email (Rogers)',
    domains: ['shaw.ca'],
    source: FAIREMAIL_PROVIDERS,
    help: 'https://www.rogers.com/support/internet/shaw-email/pop-and-imap-email-server-settings',
    incoming: [{ protocol: 'imap', host: 'imap.shaw.ca', port: 993, security: 'tls', username: 'email' }],
    outgoing: [{ protocol: 'smtp', host: 'mail.shaw.ca', port: 587, security: 'starttls', username: 'email' }],
    notes: [
      {
        kind: 'other',
        text: 'The user name is the whole Shaw address (name@shaw.ca), for receiving and for sending.',
        source: FAIREMAIL_PROVIDERS,
      },
      {
        kind: 'other',
        text: 'Shaw email is now supported by Rogers. The email password is set per address in MyRogers (Shaw) > Manage Internet > Email Accounts, and can differ from the MyRogers (Shaw) sign-in password.',
        source: 'https://www.rogers.com/support/internet/shaw-email/changing-your-shaw-email-password',
      },
    ],
  },
  {
    id: 'workmail',
    name: 'Amazon WorkMail',
    source: 'https://docs.aws.amazon.com/workmail/latest/userguide/using_IMAP.html',
    help: 'https://docs.aws.amazon.com/workmail/latest/userguide/using_IMAP.html',
    incoming: [{ protocol: 'imap', host: 'imap.mail.{region}.awsapps.com', port: 993, security: 'tls', username: 'email' }],
    outgoing: [{ protocol: 'smtp', host: 'smtp.mail.{region}.awsapps.com', port: 465, security: 'tls', username: 'email' }],
    notes: [
      {
        kind: 'other',
        text: 'The server names depend on the AWS Region of the mailbox (us-east-1, us-west-2 or eu-west-1); WorkMail offers no STARTTLS. AWS ends support for Amazon WorkMail on 31 March 2027.',
        source: 'https://docs.aws.amazon.com/workmail/latest/userguide/using_IMAP.html',
      },
    ],
  },
];

const POSH365_MX_TABLE = 'https://www.powershellgallery.com/packages/Posh365/0.9.88/Content/Private%5CSecurity%5CTest-MXHandler.ps1';

export const MX_RULES: readonly MxRule[] = [
  { pattern: '*.google.com', provider: 'google', source: 'https://support.google.com/a/answer/140034' },
  { pattern: '*.googlemail.com', provider: 'google', source: 'https://support.google.com/a/answer/140034' },
  { pattern: '*.mail.protection.outlook.com', provider: 'microsoft365', source: 'https://github.com/MicrosoftDocs/microsoft-365-docs/blob/public/microsoft-365/admin/get-help-with-domains/information-for-dns-records.md' },
  { pattern: '*.mail.icloud.com', provider: 'icloud', source: 'https://support.apple.com/kb/HT212514' },
  { pattern: '*.ionos.*', provider: 'ionos', source: 'https://pastebin.com/XcdA74rR' },
  { pattern: '*.1and1.*', provider: 'ionos', source: 'https://pastebin.com/XcdA74rR' },
  { pattern: '*.protonmail.ch', provider: 'proton', source: 'https://proton.me/support/custom-domain' },
  {
    pattern: 'inbound-smtp.{region}.amazonaws.com',
    provider: 'workmail',
    note: 'inbound-smtp.<region>.amazonaws.com is Amazon SES\'s receiving endpoint, which Amazon WorkMail uses; a domain can also receive there without WorkMail mailboxes.',
    source: POSH365_MX_TABLE,
  },
  { pattern: '*.mimecast.com', gateway: 'Mimecast', source: POSH365_MX_TABLE },
  { pattern: '*.barracudanetworks.com', gateway: 'Barracuda Email Security', source: POSH365_MX_TABLE },
  { pattern: '*.pphosted.com', gateway: 'Proofpoint', source: 'https://github.com/pect0ral/mail_recon' },
  { pattern: '*.ppe-hosted.com', gateway: 'Proofpoint Essentials', source: 'https://github.com/pect0ral/mail_recon' },
];
