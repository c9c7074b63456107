import { topicIds } from '../explain.js';
import type { HelpPage } from './model.js';

/**
 * How to use emailhelp where one types to it: `/emailhelp …` in Slack, a line in the console.
 * `command` is what the user types first there ('/emailhelp' in Slack, '' in the console).
 */
export function helpPage(command: string, topic: string | null = null): HelpPage {
  const c = command === '' ? '' : `${command} `;
  const sections = [
    {
      heading: 'Ask',
      lines: [
        `${c}<the error message> — what is most likely wrong, and how to fix it`,
        `${c}someone@example.com — the IMAP, POP3 and SMTP settings for that address (a domain works too)`,
        `${c}probe imap.example.com — checks the server without logging in: DNS, port, TLS certificate, greeting, STARTTLS`,
        `${c}explain pop-vs-imap — plain explanations: ${topicIds().join(', ')}`,
        `${command === '' ? '/emailhelp' : command} alone — guided questions: the error, the address, the mail app`,
      ],
    },
    {
      heading: 'Options',
      lines: [
        `${c}probe --protocol imap|pop3|smtp|all --port 993 HOST — which checks to run (IMAP and POP3 by default)`,
        `${c}settings --offline example.com — bundled provider data only, no network`,
      ],
    },
    {
      heading: 'Ports at a glance',
      lines: PORTS_QUICK_REFERENCE,
    },
  ];
  const wanted = topic === null ? sections : sections.filter((s) => s.heading.toLowerCase().includes(topic) || s.lines.some((l) => l.includes(`${c}${topic}`)));
  return { title: 'emailhelp: email errors, server checks and settings', sections: wanted.length > 0 ? wanted : sections };
}

/** The ports and encryption every mail app asks about, as the App Home and help show them. */
export const PORTS_QUICK_REFERENCE: string[] = [
  'IMAP 993 SSL/TLS (recommended) · IMAP 143 STARTTLS',
  'POP3 995 SSL/TLS · POP3 110 STARTTLS',
  'SMTP 465 SSL/TLS · SMTP 587 STARTTLS (both send with your login) · SMTP 25 server-to-server only, often blocked',
  'SSL/TLS encrypts from the first byte; STARTTLS starts plain and switches on encryption; "None" sends the password readable',
];
