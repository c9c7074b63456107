import type { Protocol } from '../../content/types.js';
import type { FoundCode } from './extract-codes.js';
import { wordSet, type WordSet } from './extract-words.js';
import { LITERALS } from './literal-finder.js';

/** IMAP, POP3 or SMTP, by vote: protocol words, wire forms, the port, the host's first label, the codes. */

/** A host's first label that names its protocol (/^imaps?$/, /^pop3?s?$/, and the SMTP names). */
const HOST_PROTOCOL = new Map<string, Protocol>([
  ['imap', 'imap'], ['imaps', 'imap'],
  ['pop', 'pop3'], ['pop3', 'pop3'], ['pops', 'pop3'], ['pop3s', 'pop3'],
  ['smtp', 'smtp'], ['smtps', 'smtp'], ['securesmtp', 'smtp'], ['submission', 'smtp'], ['mailout', 'smtp'], ['relay', 'smtp'],
]);

/**
 * The host's text up to its first "." or "-", lower-cased (what `host.toLowerCase().split(/[.-]/)[0]`
 * gave, without the array and the pattern: no character lower-cases to a dot or a hyphen).
 */
function firstLabel(host: string): string {
  let end = 0;
  while (end < host.length && host.charCodeAt(end) !== 46 && host.charCodeAt(end) !== 45) end++;
  return host.slice(0, end).toLowerCase();
}

const PORT_PROTOCOL: Record<number, Protocol> = { 993: 'imap', 143: 'imap', 995: 'pop3', 110: 'pop3', 465: 'smtp', 587: 'smtp', 25: 'smtp', 2525: 'smtp' };

interface ProtocolWords {
  protocol: Protocol;
  /** Global, as the votes count its matches over the whole text. */
  pattern: RegExp;
  weight: number;
  /** Normalised words one of which its matches contain: the pattern runs only when one is there. */
  keywords: string[];
  /** Whether every match starts a line. */
  lineStart?: boolean;
  /**
   * Strings (lower-case) one of which every match begins with, after at most `lead` characters:
   * the pattern is tried only where they are (protocolMatches). Read off the pattern's branches
   * (test/diagnosis/extract.test.ts checks them against every match in the corpus).
   */
  starts?: string[];
  lead?: number;
}

export const PROTOCOL_WORDS: ProtocolWords[] = [
  { protocol: 'imap', pattern: /\bimaps?\d?(?:rev1)?\b/gi, weight: 2, keywords: ['imap', 'imaps', 'imap4', 'imap4rev1'], starts: ['imap'] },
  { protocol: 'pop3', pattern: /\bpop3?s?\b/gi, weight: 2, keywords: ['pop', 'pop3', 'pops', 'pop3s'], starts: ['pop'] },
  {
    protocol: 'smtp',
    pattern: /\b(?:e?smtps?|outgoing (?:mail )?server|postausgangsserver|servidor de salida|serveur sortant|server di posta in uscita|servidor de saida|send(?:ing)?|senden|enviar|envoyer|inviare|submission)\b/gi,
    weight: 2,
    keywords: ['smtp', 'esmtp', 'smtps', 'outgoing', 'postausgangsserver', 'salida', 'sortant', 'uscita', 'saida', 'send', 'sending', 'senden', 'enviar', 'envoyer', 'inviare', 'submission'],
    starts: ['esmtp', 'smtp', 'outgoing ', 'postausgangsserver', 'servidor de sa', 'serveur sortant', 'server di posta in uscita', 'send', 'enviar', 'envoyer', 'inviare', 'submission'],
  },
  // Wire forms: IMAP untagged/tagged replies, POP3 status indicators.
  { protocol: 'imap', pattern: /^[ \t]?(?:\*|[a-z]{1,8}\d{1,6}) (?:OK|NO|BAD|BYE|CAPABILITY)\b/gim, weight: 2, keywords: ['ok', 'no', 'bad', 'bye', 'capability'], lineStart: true },
  // A match starts at the blank before the sign, or at the sign when that opens the text.
  { protocol: 'pop3', pattern: /(?:^|\s)[-+](?:ERR|OK)\b/g, weight: 3, keywords: ['err', 'ok'], starts: ['-err', '+err', '-ok', '+ok'], lead: 1 },
  {
    protocol: 'smtp',
    pattern: /\b(?:EHLO|HELO|MAIL FROM|RCPT TO|DATA|STARTTLS command)\b/g,
    weight: 2,
    keywords: ['ehlo', 'helo', 'from', 'rcpt', 'data', 'starttls'],
    starts: ['ehlo', 'helo', 'mail from', 'rcpt to', 'data', 'starttls command'],
  },
  { protocol: 'pop3', pattern: /\bfetch(?:ed|er)? (?:accounts?|mail from other)/gi, weight: 1, keywords: ['fetch', 'fetched', 'fetcher'], starts: ['fetch'] },
];

/** Sticky copies, tried at line starts or where a match can start. */
const PROTOCOL_STICKY = PROTOCOL_WORDS.map((p) => new RegExp(p.pattern.source, p.pattern.flags.replace('g', '') + 'y'));
/** Per pattern, the ids of its `starts` in the shared literal finder (null: none listed). */
const PROTOCOL_STARTS = PROTOCOL_WORDS.map((p) => (p.starts ? LITERALS.idsOf(p.starts) : null));

export function findProtocol(
  text: string,
  host: string | null,
  port: number | null,
  codes: FoundCode[],
  words: WordSet = wordSet(text),
): Protocol | null {
  let imap = 0;
  let pop3 = 0;
  let smtp = 0;
  for (let k = 0; k < PROTOCOL_WORDS.length; k++) {
    const { protocol, weight, keywords } = PROTOCOL_WORDS[k] as ProtocolWords;
    if (!words.hasAny(keywords)) continue;
    const n = protocolMatches(k, text) * weight;
    if (protocol === 'imap') imap += n;
    else if (protocol === 'pop3') pop3 += n;
    else smtp += n;
  }
  const byPort = port !== null ? PORT_PROTOCOL[port] : undefined;
  if (byPort === 'imap') imap += 2;
  else if (byPort === 'pop3') pop3 += 2;
  else if (byPort === 'smtp') smtp += 2;
  const byHost = host !== null ? HOST_PROTOCOL.get(firstLabel(host)) : undefined;
  if (byHost === 'imap') imap += 3;
  else if (byHost === 'pop3') pop3 += 3;
  else if (byHost === 'smtp') smtp += 3;
  for (const c of codes) {
    if (c.kind === 'smtp_reply' || c.kind === 'smtp_enhanced') smtp += 2;
    else if (c.kind === 'imap') imap += 2;
    else if (c.kind === 'pop3') pop3 += 2;
  }
  // The most votes wins; a tie for the most (or none at all) names no protocol.
  const best = Math.max(imap, pop3, smtp);
  if (best === 0 || (imap === best ? 1 : 0) + (pop3 === best ? 1 : 0) + (smtp === best ? 1 : 0) > 1) return null;
  return imap === best ? 'imap' : pop3 === best ? 'pop3' : 'smtp';
}

/** A vote counts at most this many matches of one pattern. */
const MOST_MATCHES = 5;

/**
 * How many matches (up to MOST_MATCHES) pattern `k` has in the text, as a global search would
 * count them.
 */
function protocolMatches(k: number, text: string): number {
  const { pattern, lineStart, lead } = PROTOCOL_WORDS[k] as ProtocolWords;
  // Lines start after "\n" only, unless the text holds a rarer line break; the pattern is tried at each.
  if (lineStart && !text.includes('\r') && !text.includes('\u2028') && !text.includes('\u2029')) {
    const lines = lineStarts(text);
    const sticky = PROTOCOL_STICKY[k] as RegExp;
    let n = 0;
    for (let line = 0; line < lines.count && n < MOST_MATCHES; line++) {
      sticky.lastIndex = lines.positions[line] as number;
      if (sticky.test(text)) n++;
    }
    return n;
  }
  const starts = PROTOCOL_STARTS[k] as Int32Array | null;
  // A match's ASCII letters are its strings' in either case, which is how the finder reads the text.
  if (starts !== null) return matchesAt(k, text, LITERALS.startsOf(text, starts, lead ?? 0));
  pattern.lastIndex = 0;
  let n = 0;
  while (n < MOST_MATCHES && pattern.test(text)) n++;
  return n;
}

/**
 * The count a global search makes, trying the pattern only at `places`, which hold every place a
 * match can start: the search finds the first match at or after where it stands and stands next
 * where that match ends (none is empty), so it skips the places before there, as this does.
 */
function matchesAt(k: number, text: string, places: { positions: Int32Array; count: number }): number {
  const sticky = PROTOCOL_STICKY[k] as RegExp;
  let n = 0;
  let from = 0;
  for (let p = 0; p < places.count && n < MOST_MATCHES; p++) {
    const at = places.positions[p] as number;
    if (at < from) continue;
    sticky.lastIndex = at;
    if (sticky.test(text)) {
      n++;
      from = sticky.lastIndex;
    }
  }
  return n;
}

const LINES = { positions: new Int32Array(64), count: 0 };

function lineStarts(text: string): { positions: Int32Array; count: number } {
  LINES.count = 0;
  addLine(0);
  for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', newline + 1)) addLine(newline + 1);
  return LINES;
}

function addLine(at: number): void {
  if (LINES.count === LINES.positions.length) {
    const grown = new Int32Array(LINES.count * 2);
    grown.set(LINES.positions);
    LINES.positions = grown;
  }
  LINES.positions[LINES.count++] = at;
}
