import type { CommandName } from './args.js';

export const USAGE: Record<CommandName | 'general', string> = {
  general: `emailhelp — diagnose email errors and explain mail settings

Usage:
  emailhelp diagnose [--json] TEXT…     what the pasted error means and how to fix it
  emailhelp diagnose [--json] -          …reading the error text from stdin
  emailhelp explain [--json] TOPIC       plain explanations: pop-vs-imap, ports, encryption,
                                         app-passwords, oauth, leave-on-server, smtp-auth, certificates
  emailhelp settings [--json] [--offline] EMAIL_OR_DOMAIN
                                         the IMAP, POP3 and SMTP settings for an address: bundled
                                         data, then the domain's autoconfig, ISPDB, SRV, MX, probes
  emailhelp probe [--json] [--protocol imap|pop3|smtp|all] [--port N] HOST_OR_EMAIL
                                         checks a mail server safely: DNS, port, TLS and certificate,
                                         greeting, capabilities, STARTTLS (never logs in)
  emailhelp probe [--json] --login USER [--protocol imap|pop3|smtp] [--port N] HOST_OR_EMAIL
                                         opt-in read-only login test (ALLOW_LOGIN_TEST=true):
                                         one sign-in over TLS, the password from a prompt or stdin
  emailhelp help [COMMAND]               this help, or one command's

Every command takes --json for one JSON document on stdout.
Exit status: 0 when the command ran, 2 for bad usage or bad input.
`,
  diagnose: `Usage: emailhelp diagnose [--json] TEXT…
       emailhelp diagnose [--json] -        (read the text from stdin)

Paste the error exactly as the mail app shows it; quotes keep it one argument:
  emailhelp diagnose "Sending reported error (0x800CCC0F): The connection to the server was interrupted."
  pbpaste | emailhelp diagnose --json -
`,
  explain: `Usage: emailhelp explain [--json] TOPIC

Topics: pop-vs-imap, ports, encryption, app-passwords, oauth, leave-on-server, smtp-auth, certificates
(also what people type for them: pop, imap, ssl, starttls, app password, modern auth, …)
`,
  settings: `Usage: emailhelp settings [--json] [--offline] EMAIL_OR_DOMAIN

The server, port, encryption and user name to type into a mail app, with the provider's caveats
(app passwords, OAuth, switching IMAP on first, POP's leave-on-server). Domains in the bundled data
are answered at once; others are looked up online, all sources at once under PROBE_TIMEOUT_MS: the
domain's autoconfig file, Thunderbird's online ISPDB, SRV records, the MX records' provider, and
last the usual names (imap., mail., pop., smtp.) when a probe confirms them. The answer names its
source and says where sources disagree.
  emailhelp settings anna@gmail.com
  emailhelp settings --json example.com
  emailhelp settings --offline anna@example.com     (bundled data only: no network at all)
Only public addresses are contacted unless PROBE_ALLOW_NETWORKS allows more.
`,
  probe: `Usage: emailhelp probe [--json] [--protocol imap|pop3|smtp|all] [--port N] HOST_OR_EMAIL

Checks a mail server the way a mail app would connect, without logging in: the name resolves,
the port answers, TLS and the certificate (valid, for this name, days left), the greeting and
capabilities, STARTTLS. Default: IMAP 993 and 143, POP3 995 and 110; --protocol all adds SMTP
465 and 587. An email address probes the servers settings discovery finds for it, and
imap., pop. and smtp. of its domain when nothing is found.
  emailhelp probe imap.example.com
  emailhelp probe --protocol smtp --port 587 mail.example.com
Only public addresses are probed unless PROBE_ALLOW_NETWORKS allows more.

Login test (opt-in):
       emailhelp probe [--json] --login USER [--protocol imap|pop3|smtp] [--port N] HOST_OR_EMAIL

Signs in once, read-only, to confirm or explain "Authentication failed": IMAP logs in, asks
STATUS INBOX and logs out; POP3 (SSL/TLS only) sends USER, PASS, STAT, QUIT; SMTP sends AUTH after
STARTTLS or on 465, never MAIL FROM. Defaults: IMAP on 993, POP3 on 995, SMTP on 587 (an email
address uses its provider's servers). Only over TLS with a valid certificate: a server without
STARTTLS or with a bad certificate never gets the password. No retries. The password is asked
without echo on a terminal, or read from the first line of stdin; never from the command line,
never printed. Off unless ALLOW_LOGIN_TEST=true.
  emailhelp probe --login anna@example.com imap.example.com
  printf '%s\n' "$PW" | emailhelp probe --json --login anna@example.com --protocol smtp mail.example.com
`,
  help: `Usage: emailhelp help [COMMAND]
`,
};
