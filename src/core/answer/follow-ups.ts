import type { CauseId } from '../../content/types.js';
import type { Ask } from './ask.js';
import type { Answer, FollowUp } from './model.js';

/**
 * What to offer next, from what the answer already says: never a button for something the answer
 * already shows, at most a few, the most useful first.
 */

const MAX_ASK_FOLLOW_UPS = 4;

/** Causes that a plain explanation helps with, and the topic that explains them. */
const TOPIC_FOR_CAUSE: Partial<Record<CauseId, { topic: string; label: string }>> = {
  pop_removes_from_server: { topic: 'pop-vs-imap', label: 'POP or IMAP?' },
  folder_sync: { topic: 'pop-vs-imap', label: 'POP or IMAP?' },
  app_password_required: { topic: 'app-passwords', label: 'App passwords' },
  oauth_required: { topic: 'oauth', label: 'What is OAuth?' },
  tls_mismatch: { topic: 'encryption', label: 'SSL/TLS or STARTTLS?' },
  connection_refused: { topic: 'ports', label: 'Which port?' },
  plaintext_auth_disabled: { topic: 'encryption', label: 'SSL/TLS or STARTTLS?' },
  certificate_problem: { topic: 'certificates', label: 'About certificates' },
};

export interface FollowUpOptions {
  /** The opt-in login test is enabled (ALLOW_LOGIN_TEST). */
  loginTest: boolean;
}

export function followUpsFor(answer: Answer, options: FollowUpOptions): FollowUp[] {
  const asks: { label: string; ask: Ask }[] = [];
  const add = (label: string, ask: Ask) => {
    if (!asks.some((a) => a.label === label)) asks.push({ label, ask });
  };

  const host = answer.diagnosis?.extracted.host ?? null;
  if (host !== null && answer.probe === null) add(`Probe ${host}`, probeAsk(host, answer));
  if (answer.settings !== null && answer.probe === null && answer.kind === 'settings') {
    const first = answer.settings.incoming[0];
    if (first) add(`Probe ${first.host}`, { kind: 'probe', input: first.host, protocol: first.protocol, port: first.port });
  }
  const domain = domainToLookUp(answer);
  if (domain !== null && answer.settings === null) add(`Settings for ${domain}`, { kind: 'settings', input: domain, offline: false });
  for (const cause of answer.diagnosis?.causes ?? []) {
    const topic = TOPIC_FOR_CAUSE[cause.id];
    if (topic) add(topic.label, { kind: 'explain', topic: topic.topic });
  }
  if (answer.kind === 'settings') add('POP or IMAP?', { kind: 'explain', topic: 'pop-vs-imap' });
  for (const cause of answer.probe?.causes ?? []) {
    const topic = TOPIC_FOR_CAUSE[cause];
    if (topic) add(topic.label, { kind: 'explain', topic: topic.topic });
  }

  const followUps: FollowUp[] = asks.slice(0, MAX_ASK_FOLLOW_UPS).map((a) => ({ kind: 'ask', ...a }));
  const login = options.loginTest ? loginTarget(answer) : null;
  if (login) followUps.push({ kind: 'login', label: `Test login at ${login.host}`, ...login });
  const help = helpLink(answer);
  if (help) followUps.push(help);
  const top = answer.diagnosis?.causes[0];
  if (top && top.id !== 'unknown') followUps.push({ kind: 'feedback', causeId: top.id });
  return followUps;
}

/** A help-page link only from the bundled data: an online source's URL could point anywhere. */
function helpLink(answer: Answer): FollowUp | null {
  const settings = answer.settings;
  if (!settings || settings.source !== 'bundled' || !settings.provider) return null;
  for (const note of settings.notes) {
    const found = /^(.{1,60}) help: (https:\/\/\S{1,500})$/.exec(note);
    if (found?.[2]) return { kind: 'link', label: `${settings.provider.name} help`, url: found[2] };
  }
  return null;
}

function probeAsk(host: string, answer: Answer): Ask {
  const { protocol, port } = answer.diagnosis?.extracted ?? { protocol: null, port: null };
  const ask: Ask = { kind: 'probe', input: host };
  if (protocol !== null) ask.protocol = protocol;
  if (port !== null) ask.port = port;
  return ask;
}

/** The mail domain behind a server name (imap.example.com → example.com), for a settings lookup. */
export function parentDomain(host: string): string | null {
  if (/^[\d.]+$/.test(host) || host.includes(':')) return null;
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  return labels.length > 2 ? labels.slice(1).join('.') : labels.length === 2 ? labels.join('.') : null;
}

function domainToLookUp(answer: Answer): string | null {
  const host = answer.diagnosis?.extracted.host ?? answer.probe?.checks[0]?.host ?? null;
  if (host === null || host.includes('@')) return null;
  return parentDomain(host);
}

/** A login test needs one server that can take a password safely: TLS from the start, or STARTTLS. */
function loginTarget(answer: Answer): { host: string; protocol: 'imap' | 'pop3' | 'smtp'; port: number } | null {
  const incoming = answer.settings?.incoming.find((s) => s.security !== 'none');
  if (incoming) return { host: incoming.host, protocol: incoming.protocol, port: incoming.port };
  const check = answer.probe?.checks.find((c) => c.status !== 'fail' && c.protocol !== 'smtp');
  if (check) return { host: check.host, protocol: check.protocol, port: check.port };
  return null;
}
