import type { Protocol } from '../../content/types.js';
import type { FoundCode } from './extract-codes.js';
import { wordSet, type WordSet } from './extract-words.js';
import { isDigit, lowerAscii } from './extract-chars.js';
import { LITERALS } from './literal-finder.js';
import { codeUnits } from './normalize.js';

/** IMAP, POP3 or SMTP, by vote: protocol words, wire forms, the port, the host's first label, the codes. */

/** First labels of hosts that name their protocol (/^imaps?$/, /^pop3?s?$/, and the SMTP names). */
const HOST_LABELS: readonly (readonly [string, Protocol])[] = [
  ['imap', 'imap'], ['imaps', 'imap'],
  ['pop', 'pop3'], ['pop3', 'pop3'], ['pops', 'pop3'], ['pop3s', 'pop3'],
  ['smtp', 'smtp'], ['smtps', 'smtp'], ['securesmtp', 'smtp'], ['submission', 'smtp'], ['mailout', 'smtp'], ['relay', 'smtp'],
];

/**
 * What HOST_LABELS says of the host's text up to its first "." or "-", lower-cased (what
 * `host.toLowerCase().split(/[.-]/)[0]` gave), compared in place: a new string per text to
 * lower-case and hash costs more than this. The labels are ASCII letters and digits, none a "k":
 * of the characters that lower-case to them only the ASCII ones and the Kelvin sign (to "k") do,
 * so the label must be one of them in ASCII, in either case.
 */
function hostProtocol(host: string): Protocol | undefined {
  let end = 0;
  while (end < host.length && host.charCodeAt(end) !== 46 && host.charCodeAt(end) !== 45) end++;
  for (const [label, protocol] of HOST_LABELS) if (label.length === end && isLabelAt(host, label)) return protocol;
  return undefined;
}

/** Whether `host` starts with `label` (lower-case ASCII), its ASCII letters in either case. */
function isLabelAt(host: string, label: string): boolean {
  for (let i = 0; i < label.length; i++) {
    if (lowerAscii(host.charCodeAt(i)) !== label.charCodeAt(i)) return false;
  }
  return true;
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
    // A pattern with no start in the text counts nothing whatever its words: the finder's flags
    // tell that for less than the word lookup.
    const starts = PROTOCOL_STARTS[k] as Int32Array | null;
    if (starts !== null && !LITERALS.holdsAny(text, starts)) continue;
    if (!words.hasAny(keywords)) continue;
    const n = protocolMatches(k, text, starts) * weight;
    if (protocol === 'imap') imap += n;
    else if (protocol === 'pop3') pop3 += n;
    else smtp += n;
  }
  const byPort = port !== null ? PORT_PROTOCOL[port] : undefined;
  if (byPort === 'imap') imap += 2;
  else if (byPort === 'pop3') pop3 += 2;
  else if (byPort === 'smtp') smtp += 2;
  const byHost = host !== null ? hostProtocol(host) : undefined;
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
function protocolMatches(k: number, text: string, starts: Int32Array | null): number {
  const { pattern, lineStart, lead } = PROTOCOL_WORDS[k] as ProtocolWords;
  // Lines start after "\n" only, unless the text holds a rarer line break; the pattern is tried at each.
  if (lineStart && !text.includes('\r') && !text.includes('\u2028') && !text.includes('\u2029')) {
    const sticky = PROTOCOL_STICKY[k] as RegExp;
    const units = codeUnits(text);
    let n = 0;
    for (let line = 0; line >= 0 && n < MOST_MATCHES; line = nextLine(text, line)) {
      if (!mayBeWireForm(units, line, text.length)) continue;
      sticky.lastIndex = line;
      if (sticky.test(text)) n++;
    }
    return n;
  }
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

/** Where the line after the one starting at `from` starts (-1: none). */
function nextLine(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline < 0 ? -1 : newline + 1;
}

/** The longest IMAP tag the wire form takes: eight letters and six digits. */
const LONGEST_TAG = 14;

/**
 * Whether the IMAP wire form (/^[ \t]?(?:\*|[a-z]{1,8}\d{1,6}) (?:OK|…)/im) can match at the line
 * starting at `line`: its tag, after at most one blank (the one that can open it: a tag holds
 * none), runs up to the first space, holds at most LONGEST_TAG characters and ends in "*" or a
 * digit. Most lines open with a word, which fails this within a few characters, for less than
 * a run of the pattern costs.
 */
function mayBeWireForm(units: Uint16Array, line: number, length: number): boolean {
  let tag = line;
  if (units[tag] === 32 || units[tag] === 9) tag++;
  let space = tag;
  while (space < length && space - tag <= LONGEST_TAG && units[space] !== 32) space++;
  if (space === tag || space === length || space - tag > LONGEST_TAG) return false;
  const last = units[space - 1] as number;
  return last === 42 || isDigit(last);
}
