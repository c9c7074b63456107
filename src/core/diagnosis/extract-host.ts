import { MAIL_HOST_LABELS } from '../../content/extraction.js';
import { codeUnits } from './normalize.js';
import { isDigit } from './extract-chars.js';
import { LITERALS } from './literal-finder.js';

/** The mail server a text names, read token by token (see hostTokens). */

// A host name: labels of letters, digits and hyphens, ending in an alphabetic TLD
// (/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$/i), checked character by character
// on single tokens (never across the text), so a hostile paste cannot make it backtrack.
const MAX_HOST_LENGTH = 253;
// Words that introduce the server the user connects to, in the languages we meet.
const HOST_CONTEXT =
  /(?:server|host|hostname|servidor|serveur|hote|hôte|rechner|to|for|at|zu|mit|con|avec|au|a|connect(?:ing)?(?: to)?|resolving(?: host)?)\s*["'“„«(]?\s*$/i;
const SOCKET_URL = /^(?:tcp|ssl|tls|imaps?|pop3?s?|smtps?):\/\/$/i;
// File names and code identifiers look like host names; they never are.
// Sticky at the host's last dot: an extension holds none, so a match can start nowhere else.
const NOT_A_TLD = /\.(?:js|ts|py|rb|php|java|cs|go|rs|eml|msg|log|txt|xml|json|properties|ftl|exe|dll|html?|conf|cfg|ini|yml|yaml|md|sh|pem|crt|key|lock|zip|png|jpg)$/iy;
// A port written after the host, as in `Connect("pop.gmail.com", 995, true)`; read on the ten characters after it.
const COMMA_PORT = /^["']?\s*,\s*\d{2,5}\b/;

/**
 * A token that can name a host or carry a port: text[index, end) once a URL scheme (kept as
 * `prefix`), a path, a :port and trailing punctuation are cut off.
 */
export interface HostToken {
  index: number;
  end: number;
  port: number | null;
  prefix: string;
  /** The number of labels of text[index, end) as a host name, 0 when it is not one (hostLabels). */
  labels: number;
  /** Whether text[index, end) is "localhost", in any case. */
  localhost: boolean;
}

// Characters that end a token: blanks, quotes, brackets and list punctuation.
const SEPARATOR = new Uint8Array(128);
for (const ch of ' \t\n\r\f\v"\'`<>()[]{},;|') SEPARATOR[ch.charCodeAt(0)] = 1;
/** Characters hostToken strips from a token's end. */
const TRAILING = new Uint8Array(128);
for (const ch of '.:!?') TRAILING[ch.charCodeAt(0)] = 1;

function isSeparator(code: number): boolean {
  if (code < 128) return SEPARATOR[code] === 1;
  // “ ” „ « » ‘ ’ and the no-break space
  return code === 0x201c || code === 0x201d || code === 0x201e || code === 0xab || code === 0xbb || code === 0x2018 || code === 0x2019 || code === 0xa0;
}

/**
 * Host-like tokens with their position, split off from a URL scheme, a user@ or a :port. Only
 * tokens that still hold an inner dot or a colon once hostToken has stripped their end can name a
 * host or a port — a sentence's last word ("done.") cannot — and, besides them, "localhost". So
 * unless the text says "localhost", only the tokens around such inner dots and colons are read,
 * found from the dots and colons rather than by a walk over every character.
 */
export function hostTokens(text: string): HostToken[] {
  const out: HostToken[] = [];
  // The tokens' characters are read from a typed array: charCodeAt on the sliced strings texts
  // arrive as costs more. Nothing below reads past text.length, where the shared buffer holds stale units.
  const units = codeUnits(text);
  // The literal finder reads ASCII letters in either case, as /localhost/i does, from the one pass
  // it makes over the text for all its strings, which the extractor makes anyway.
  if (LITERALS.holdsAny(text, LOCALHOST_ID)) {
    for (let i = 0; i < text.length; i++) if (!isSeparator(units[i] as number)) i = readToken(text, units, i, out);
    return out;
  }
  const marks = MARKS;
  marks.dot = text.indexOf('.');
  marks.colon = text.indexOf(':');
  for (let at = nextInnerMark(text, units, 0, marks); at >= 0; ) {
    // The character that makes a mark inner belongs to the token that holds it; the token is read from its start.
    let start = at;
    while (start > 0 && !isSeparator(units[start - 1] as number)) start--;
    const end = readToken(text, units, start, out);
    at = nextInnerMark(text, units, end, marks);
  }
  return out;
}

const LOCALHOST_ID = LITERALS.idsOf(['localhost']);

/** The next dot and colon at or after where the search for inner marks has got to (-1: none left). */
const MARKS = { dot: -1, colon: -1 };

/**
 * Where the next inner mark from `from` on is made inner: for a dot or colon, the first character
 * after it that is not one of . : ! ?, when that is not a separator (what
 * /[.:][.:!?]*[^ \t\n….:!?]/g would end on). Dots and colons are found by substring search, which
 * skips the text between them faster than a regular expression tests each character.
 */
function nextInnerMark(text: string, units: Uint16Array, from: number, marks: { dot: number; colon: number }): number {
  for (;;) {
    if (marks.dot >= 0 && marks.dot < from) marks.dot = text.indexOf('.', from);
    if (marks.colon >= 0 && marks.colon < from) marks.colon = text.indexOf(':', from);
    const mark = marks.dot < 0 ? marks.colon : marks.colon < 0 ? marks.dot : Math.min(marks.dot, marks.colon);
    if (mark < 0) return -1;
    let next = mark + 1;
    while (next < text.length && isTrailing(units[next] as number)) next++;
    if (next < text.length && !isSeparator(units[next] as number)) return next;
    // Every dot and colon up to `next` ends its run of . : ! ? there too: none of them is inner.
    from = next;
  }
}

/**
 * Reads the token that starts at `start`, adds it when it can be a host or carry a port, and
 * returns where it ends. One pass over its characters notes all that decides it.
 */
function readToken(text: string, units: Uint16Array, start: number, out: HostToken[]): number {
  // A dot (not the first character) or a colon seen; one of them followed by a character that is
  // not stripped from the end; where the stripped end begins; the first "@" or "=".
  let pending = false;
  let inner = false;
  let solidEnd = start;
  let atOrEquals = -1;
  let end = start;
  for (; end < text.length; end++) {
    const code = units[end] as number;
    if (isSeparator(code)) break;
    if (code < 128 && TRAILING[code] === 1) {
      if ((code === 46 && end > start && end + 1 < text.length) || code === 58) pending = true;
      continue;
    }
    if (pending) inner = true;
    solidEnd = end + 1;
    if ((code === 64 || code === 61) && atOrEquals < 0) atOrEquals = end;
  }
  if (!inner && end - start !== 9 && !(pending && solidEnd - start === 9)) return end;
  const token = hostToken(text, units, start, end, atOrEquals);
  if (token) out.push(token);
  return end;
}

/** The token text[start, end) with its scheme, path, port and trailing punctuation cut off; `atOrEquals`: its first "@" or "=", -1 if none. */
function hostToken(text: string, units: Uint16Array, start: number, end: number, atOrEquals: number): HostToken | null {
  let index = start;
  let stop = end;
  let prefix = '';
  const afterScheme = schemeEnd(units, start, end);
  if (afterScheme > 0) {
    prefix = text.slice(start, afterScheme);
    index = afterScheme;
    for (let i = index; i < end; i++) {
      if ((units[i] as number) === 47) {
        stop = i;
        break;
      }
    }
  }
  // "@": an email address, whose domain is not a server name. "=": "[Hostname=AM6PR04MB….outlook.com]" and key=value noise.
  // A scheme holds neither, so the first one is in what is left unless a path was cut off with it.
  if (atOrEquals >= 0 && (stop === end || hasAtOrEquals(units, index, stop))) return null;
  let port: number | null = null;
  // ":" and two to five digits at the end, with no line break before them (/^(.*):(\d{2,5})$/).
  let digits = stop;
  while (digits > index && isDigit(units[digits - 1] as number)) digits--;
  if (stop - digits >= 2 && stop - digits <= 5 && digits > index && (units[digits - 1] as number) === 58 && !hasLineBreak(units, index, digits - 1)) {
    port = Number(text.slice(digits, stop));
    stop = digits - 1;
  }
  while (stop > index && isTrailing(units[stop - 1] as number)) stop--;
  if (stop === index || stop - index > MAX_HOST_LENGTH) return null;
  // Read here from the code units, faster than charCodeAt on the sliced strings texts arrive as.
  return { index, end: stop, port, prefix, labels: hostLabels(units, index, stop), localhost: isLocalhost(units, index, stop) };
}

function hasAtOrEquals(units: Uint16Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = units[i] as number;
    if (code === 64 || code === 61) return true;
  }
  return false;
}

/** Where a URL scheme (/^[a-z0-9+]{2,10}:\/\//i) at the token's start ends, 0 if it has none. */
function schemeEnd(units: Uint16Array, start: number, end: number): number {
  let i = start;
  while (i < end && i - start <= 10 && isSchemeChar(units[i] as number)) i++;
  if (i - start < 2 || i - start > 10 || i + 3 > end) return 0;
  return (units[i] as number) === 58 && (units[i + 1] as number) === 47 && (units[i + 2] as number) === 47 ? i + 3 : 0;
}

function isSchemeChar(code: number): boolean {
  return isAlnum(code) || code === 43;
}

function isTrailing(code: number): boolean {
  return code < 128 && TRAILING[code] === 1;
}

/** What a regular expression's `.` does not match. */
function hasLineBreak(units: Uint16Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = units[i] as number;
    if (code === 10 || code === 13 || code === 0x2028 || code === 0x2029) return true;
  }
  return false;
}

function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** The number of labels of the host name units[start, end), 0 when it is not one. */
function hostLabels(units: Uint16Array, start: number, end: number): number {
  let labels = 1;
  let label = start;
  for (let i = start; i < end; i++) {
    const code = units[i] as number;
    if (code === 46) {
      if (!isLabel(units, label, i)) return 0;
      labels++;
      label = i + 1;
    } else if (!isAlnum(code) && code !== 45) {
      return 0;
    }
  }
  if (labels < 2 || end - label < 2 || end - label > 24) return 0;
  for (let i = label; i < end; i++) if (!isLetter(units[i] as number)) return 0;
  return labels;
}

/** A label before a dot: 1 to 63 letters, digits and hyphens, not starting or ending with a hyphen. */
function isLabel(units: Uint16Array, start: number, end: number): boolean {
  return end > start && end - start <= 63 && isAlnum(units[start] as number) && isAlnum(units[end - 1] as number);
}

/** Whether units[start, end) is "localhost", in any case. */
function isLocalhost(units: Uint16Array, start: number, end: number): boolean {
  if (end - start !== 9) return false;
  for (let i = 0; i < 9; i++) if (((units[start + i] as number) | 0x20) !== LOCALHOST.charCodeAt(i)) return false;
  return true;
}

const LOCALHOST = 'localhost';

/**
 * MAIL_HOST_LABELS on the first label of a host name as it stands in the text (sticky at its
 * start), for what the label lower-cased was tested on: a host name's characters are ASCII
 * letters, digits, hyphens and dots (hostLabels), whose case the `i` flag folds as toLowerCase
 * does, and no alternative matches a dot, so the lookahead ends a match where the label ends.
 */
const MAIL_HOST_FIRST = new RegExp(`${MAIL_HOST_LABELS.source}(?=\\.)`, 'iy');

function stickyAt(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

export function findHost(text: string, tokens: HostToken[] = hostTokens(text)): string | null {
  let best: HostToken | null = null;
  let bestStrength = 0;
  for (const t of tokens) {
    const strength = hostStrength(text, t);
    // Tokens come in order, so the first of the strongest wins.
    if (strength > bestStrength) {
      best = t;
      bestStrength = strength;
    }
  }
  return best ? text.slice(best.index, best.end) : null;
}

/** How surely the token names the mail server: 3 a mail host name, 2 one with a port, 1 one in context; 0 not at all. */
function hostStrength(text: string, t: HostToken): number {
  if (t.localhost) return 1;
  const labels = t.labels;
  if (labels === 0) return 0;
  const host = text.slice(t.index, t.end);
  if (stickyAt(NOT_A_TLD, host, host.lastIndexOf('.'))) return 0;
  if (t.prefix && !SOCKET_URL.test(t.prefix)) return 0; // the host of a web link is not a mail server
  if (labels >= 3 && stickyAt(MAIL_HOST_FIRST, text, t.index)) return 3;
  if (t.port !== null || t.prefix !== '' || COMMA_PORT.test(text.slice(t.end, t.end + 10))) return 2;
  if (labels >= 3 && HOST_CONTEXT.test(text.slice(Math.max(0, t.index - 24), t.index))) return 1;
  return 0;
}
