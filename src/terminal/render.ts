import { CLIENT_NAMES } from '../content/clients.js';
import type { Diagnosis } from '../core/diagnosis/index.js';
import type { Explanation } from '../core/explain.js';
import type { LoginReport } from '../core/login/index.js';
import type { Check, ProbeReport } from '../core/probe/index.js';
import type { ServerSetting, SettingsAnswer } from '../core/settings/types.js';

/**
 * Terminal renderings: plain text a helpdesk engineer can paste into a ticket. Pure functions,
 * tested without a terminal.
 */

export function renderDiagnosis(d: Diagnosis): string {
  const lines: string[] = [];
  const e = d.extracted;
  const facts = [
    e.host && `server ${e.host}`,
    e.port !== null && `port ${e.port}`,
    e.protocol && e.protocol.toUpperCase(),
    e.client && e.client !== 'other' && `app ${CLIENT_NAMES[e.client]}`,
    e.codes.length > 0 && `codes ${e.codes.join(', ')}`,
  ].filter(Boolean);
  if (facts.length > 0) lines.push(`Seen in the text: ${facts.join(' · ')}`, '');

  d.causes.forEach((c, i) => {
    const percent = Math.round(c.confidence * 100);
    if (i === 0) {
      lines.push(`Most likely: ${c.title}  [${c.id}, ${percent}%]`, '');
      lines.push(wrap(c.explanation, 2), '');
      if (c.evidence.length > 0) lines.push(`  Why: ${c.evidence.join('; ')}`, '');
      lines.push('  What to do:');
      c.fixes.forEach((f, n) => lines.push(wrap(`${n + 1}. ${f}`, 2, 5)));
      lines.push('');
    } else {
      if (i === 1) lines.push('Also possible:');
      lines.push(`  - ${c.title}  [${c.id}, ${percent}%]`);
    }
  });
  if (d.causes.length > 1) lines.push('', 'Details for any cause: emailhelp diagnose --json …');
  return `${lines.join('\n').trimEnd()}\n`;
}

export function renderExplanation(x: Explanation): string {
  const body = x.text
    .split('\n')
    .map((line) => (line.startsWith('- ') ? wrap(line, 0, 2) : wrap(line, 0)))
    .join('\n');
  return `${x.title}\n${'='.repeat(Math.min(x.title.length, 72))}\n\n${body}\n`;
}

/** Wraps at 78 columns; `indent` for the first line, `hanging` for the rest. */
export function wrap(text: string, indent: number, hanging = indent, width = 78): string {
  const out: string[] = [];
  let line = ' '.repeat(indent);
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      out.push(line);
      line = ' '.repeat(hanging) + word;
    } else {
      line += (empty ? '' : ' ') + word;
    }
    empty = false;
  }
  out.push(line);
  return out.join('\n');
}

const MARK = { ok: '✓', warn: '⚠', fail: '✗' } as const;
const PROTOCOL_NAME = { imap: 'IMAP', pop3: 'POP3', smtp: 'SMTP' } as const;
const SECURITY_NAME = { tls: 'SSL/TLS', starttls: 'STARTTLS', none: 'plain' } as const;

/** The probe as a checklist to paste into a ticket: one block per check, then the summary. */
export function renderProbe(report: ProbeReport): string {
  const lines: string[] = [];
  const addresses = report.addresses.length > 0 ? ` (${report.addresses.join(', ')})` : '';
  lines.push(`Probe of ${report.target}${addresses} — no login attempted`, '');
  for (const c of report.checks) lines.push(...renderCheck(c, report.target), '');
  lines.push(wrap(report.summary, 0));
  return `${lines.join('\n').trimEnd()}\n`;
}

function renderCheck(c: Check, target: string): string[] {
  const host = c.host !== target ? ` ${c.host}` : '';
  const out = [`${MARK[c.status]} ${PROTOCOL_NAME[c.protocol]} ${c.port} ${SECURITY_NAME[c.security]}${host}`];
  if (c.error) out.push(wrap(`${c.failedStage ?? 'failed'}: ${c.error.code} — ${c.error.message}`, 4, 6));
  for (const w of c.warnings) out.push(wrap(`warning: ${w}`, 4, 6));
  const cert = c.tls?.certificate;
  if (c.tls) out.push(`    TLS: ${c.tls.version ?? '?'}, ${c.tls.cipher ?? '?'}${c.tls.authorized ? ', certificate trusted' : ''}`);
  if (cert) {
    out.push(wrap(`certificate: ${cert.subject}; issuer ${cert.issuer}; valid ${cert.validFrom.slice(0, 10)} to ${cert.validTo.slice(0, 10)} (${cert.daysLeft} days left)${cert.selfSigned ? '; self-signed' : ''}`, 4, 6));
    if (!cert.hostnameMatch) out.push(wrap(`valid for: ${cert.names.join(', ')}`, 4, 6));
  }
  if (c.greeting) out.push(wrap(`greeting: ${c.greeting}`, 4, 6));
  if (c.starttls) out.push(`    STARTTLS: ${c.starttls.offered ? 'offered' : 'not offered'}`);
  if (c.authMechanisms.length > 0) out.push(`    sign-in methods: ${c.authMechanisms.join(' ')}`);
  const t = c.timingsMs;
  const timing = (['dns', 'connect', 'tls', 'greeting', 'capability', 'starttls'] as const)
    .filter((k) => t[k] !== undefined)
    .map((k) => `${k} ${t[k]} ms`);
  out.push(`    time: ${[...timing, `total ${t.total} ms`].join(' · ')}`);
  return out;
}

const LOGIN_MARK = { ok: '✓', refused: '✗', error: '✗' } as const;

/** The login test as a ticket note: where, what happened, what was sent, then the summary. */
export function renderLogin(r: LoginReport): string {
  const address = r.address && r.address !== r.target ? `, ${r.address}` : '';
  const lines = [`Login test of ${r.user} at ${r.target}:${r.port} (${PROTOCOL_NAME[r.protocol]}, ${SECURITY_NAME[r.security]}${address}) — read-only, one attempt`, ''];
  if (r.outcome === 'ok') lines.push(`${LOGIN_MARK.ok} signed in${r.protocol === 'smtp' ? '' : '; the mailbox answered a read-only check'}`);
  else if (r.outcome === 'refused') lines.push(`${LOGIN_MARK.refused} refused at ${r.stage}${r.responseCode ? ` [${r.responseCode}]` : ''}`);
  else lines.push(wrap(`${LOGIN_MARK.error} not logged in (${r.stage}): ${r.error?.code ?? ''} — ${r.error?.message ?? ''}`, 0, 4));
  if (r.serverReply) lines.push(wrap(`server said: ${r.serverReply}`, 4, 6));
  lines.push(`    password sent: ${r.passwordSent ? 'yes, once, over TLS' : 'no'}`);
  if (r.commands.length > 0) lines.push(wrap(`commands: ${r.commands.join(' ')}`, 4, 6));
  const t = r.timingsMs;
  lines.push(`    time: ${[t.dns !== undefined && `dns ${t.dns} ms`, t.session !== undefined && `session ${t.session} ms`, `total ${t.total} ms`].filter(Boolean).join(' · ')}`);
  lines.push('', wrap(r.summary, 0));
  if (r.causes.length > 0) lines.push('', `Causes: ${r.causes.join(', ')} (for the fixes, give the server's reply to emailhelp diagnose)`);
  return `${lines.join('\n').trimEnd()}\n`;
}

const SOURCE_NAME: Record<SettingsAnswer['source'], string> = {
  bundled: "emailhelp's bundled provider data",
  ispdb: "Thunderbird's online ISP database",
  autoconfig: "the domain's own autoconfig file",
  srv: "the domain's DNS SRV records",
  mx: "the domain's MX records",
  guess: 'probing the usual server names',
};
const ENCRYPTION_NAME = { tls: 'SSL/TLS', starttls: 'STARTTLS', none: 'none (unencrypted)' } as const;

function usernameText(format: ServerSetting['username']): string {
  if (format === 'email') return 'whole email address';
  if (format === 'local-part') return 'part before the @';
  return format;
}

/** One table per direction: the columns a mail app's manual set-up screen asks for. */
function renderServers(title: string, servers: readonly ServerSetting[]): string[] {
  if (servers.length === 0) return [];
  const rows = servers.map((s) => [PROTOCOL_NAME[s.protocol], s.host, String(s.port), ENCRYPTION_NAME[s.security], usernameText(s.username)]);
  const header = ['protocol', 'server', 'port', 'encryption', 'user name'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd();
  return [title, line(header), ...rows.map(line), ''];
}

/** The settings as a helpdesk engineer reads them out: recommended server first, then the caveats. */
export function renderSettings(answer: SettingsAnswer): string {
  const lines: string[] = [];
  if (answer.provider === null) {
    lines.push(`No settings found for ${answer.domain}.`, '');
  } else {
    const name = answer.provider.name === answer.domain ? answer.domain : `${answer.domain} — ${answer.provider.name}`;
    lines.push(`Settings for ${name}`, `(from ${SOURCE_NAME[answer.source]})`, '');
    if (answer.incoming.length === 0 && answer.outgoing.length === 0) lines.push('No IMAP, POP3 or SMTP servers: see the notes.', '');
    const recommended = answer.incoming[0];
    lines.push(...renderServers(`Incoming mail${recommended ? ` (${PROTOCOL_NAME[recommended.protocol]} recommended: the first line)` : ''}`, answer.incoming));
    lines.push(...renderServers('Outgoing mail', answer.outgoing));
  }
  if (answer.notes.length > 0) {
    lines.push('Notes:');
    for (const note of answer.notes) lines.push(wrap(`- ${note}`, 2, 4));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
