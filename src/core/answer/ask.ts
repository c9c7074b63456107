import type { MailProtocol } from '../../probes/types.js';
import type { ClientId } from '../../content/types.js';

/**
 * What someone asked emailhelp in a chat surface — a Slack slash command, an @mention, the local
 * console — parsed from one line of text. The words are the command line's (`diagnose`,
 * `settings`, `probe`, `explain`, `help`); a bare email address or domain means settings, any
 * other text is an error message to diagnose, and nothing at all opens the guided questions.
 * Pure: text in, a request or a usage problem out.
 */

export type ProtocolChoice = MailProtocol | 'all';

export type Ask =
  | { kind: 'diagnose'; text: string }
  | { kind: 'settings'; input: string; offline: boolean }
  | { kind: 'probe'; input: string; protocol?: ProtocolChoice; port?: number }
  | { kind: 'explain'; topic: string }
  | { kind: 'help'; topic: string | null }
  | { kind: 'guided' }
  | { kind: 'guided_answer'; errorText: string; address: string; client: ClientId | null; device: string | null };

export const CHAT_COMMANDS = ['diagnose', 'settings', 'probe', 'explain', 'help'] as const;
export type ChatCommand = (typeof CHAT_COMMANDS)[number];

/** A request that cannot be carried out as typed; the message says how to type it. */
export class AskError extends Error {
  readonly code = 'BAD_REQUEST';
  constructor(
    message: string,
    readonly command: ChatCommand | null = null,
  ) {
    super(message);
    this.name = 'AskError';
  }
}

const PROTOCOLS: readonly ProtocolChoice[] = ['imap', 'pop3', 'smtp', 'all'];

// The same shapes the settings lookup accepts; anything else typed alone is an error message.
const EMAIL = /^[^\s@]{1,64}@[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)+\.?$/i;
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}[a-z0-9]\.?$/i;

/** An email address or a domain name, alone: the settings question. */
export function isAddressOrDomain(text: string): boolean {
  return text.length <= 320 && (EMAIL.test(text) || DOMAIN.test(text));
}

/**
 * Parses what follows `/emailhelp` (or a console line, or a mention with the bot's name removed).
 * `prefix` names the command in usage messages.
 */
export function parseAsk(line: string): Ask {
  const text = line.trim();
  if (text === '') return { kind: 'guided' };
  const firstSpace = text.search(/\s/);
  const first = (firstSpace < 0 ? text : text.slice(0, firstSpace)).toLowerCase();
  const rest = firstSpace < 0 ? '' : text.slice(firstSpace).trim();
  switch (first) {
    case 'diagnose':
      if (rest === '') throw new AskError('diagnose needs the error text: diagnose "the message your mail app shows"', 'diagnose');
      return { kind: 'diagnose', text: rest };
    case 'settings':
      return parseSettings(rest);
    case 'probe':
      return parseProbe(rest);
    case 'explain':
      if (rest === '') throw new AskError('explain needs a topic, e.g. explain pop-vs-imap', 'explain');
      return { kind: 'explain', topic: rest };
    case 'help':
    case '?':
      return { kind: 'help', topic: rest === '' ? null : rest.toLowerCase() };
  }
  if (isAddressOrDomain(text)) return { kind: 'settings', input: text, offline: false };
  return { kind: 'diagnose', text };
}

function words(text: string): string[] {
  return text === '' ? [] : text.split(/\s+/);
}

function parseSettings(rest: string): Ask {
  let offline = false;
  const inputs: string[] = [];
  for (const word of words(rest)) {
    if (word === '--offline') offline = true;
    else if (word.startsWith('--')) throw new AskError(`unknown option ${word.slice(0, 40)} for settings (it takes --offline)`, 'settings');
    else inputs.push(word);
  }
  const [input] = inputs;
  if (input === undefined) throw new AskError('settings needs an email address or a domain, e.g. settings someone@example.com', 'settings');
  if (inputs.length > 1) throw new AskError(`settings takes one email address or domain, not ${inputs.length}`, 'settings');
  return { kind: 'settings', input, offline };
}

function parseProbe(rest: string): Ask {
  const list = words(rest);
  const inputs: string[] = [];
  let protocol: ProtocolChoice | undefined;
  let port: number | undefined;
  for (let i = 0; i < list.length; i++) {
    const word = list[i] ?? '';
    const [name, inline] = word.split(/=(.*)/s);
    if (name === '--protocol' || name === '--port') {
      const value = inline ?? list[++i];
      if (value === undefined || value === '') throw new AskError(`${name} needs a value`, 'probe');
      if (name === '--protocol') {
        const wanted = value.toLowerCase() as ProtocolChoice;
        if (!PROTOCOLS.includes(wanted)) throw new AskError(`--protocol must be ${PROTOCOLS.join(', ')}`, 'probe');
        protocol = wanted;
      } else {
        const n = Number(value);
        if (!/^\d{1,5}$/.test(value) || n < 1 || n > 65535) throw new AskError('--port must be a port number from 1 to 65535', 'probe');
        port = n;
      }
    } else if (name === '--login') {
      // A password must never travel in a chat message: the login test asks for it in a private form.
      throw new AskError('the login test is not typed: probe the server, then use the answer\'s "Test login" button, which asks for the password in a private form', 'probe');
    } else if (word.startsWith('--')) {
      throw new AskError(`unknown option ${word.slice(0, 40)} for probe (it takes --protocol and --port)`, 'probe');
    } else {
      inputs.push(word);
    }
  }
  const [input] = inputs;
  if (input === undefined) throw new AskError('probe needs a server name or an email address, e.g. probe imap.example.com', 'probe');
  if (inputs.length > 1) throw new AskError(`probe takes one server or address, not ${inputs.length}`, 'probe');
  const ask: Ask = { kind: 'probe', input };
  if (protocol !== undefined) ask.protocol = protocol;
  if (port !== undefined) ask.port = port;
  return ask;
}
