import type { ClientId, Protocol } from '../../content/types.js';
import { CLIENT_MENTIONS, CODE_PRIORITY, MAIL_HOST_LABELS, type ClientMention } from '../../content/extraction.js';
import { codeUnits, normalizeWords } from './normalize.js';

/**
 * Pulls the facts a helpdesk engineer looks for first out of pasted text: which server, which
 * port, which protocol, which mail app, and every error code. Pure and bounded: linear regular
 * expressions over text already clipped by the caller.
 */

export interface Extracted {
  host: string | null;
  port: number | null;
  protocol: Protocol | null;
  client: ClientId | null;
  code: string | null;
  codes: string[];
}

/** The normalised words of the text. */
export interface WordSet {
  has(word: string): boolean;
  /** Whether any of `words` is there; callers pass the same constant lists, so they may be indexed. */
  hasAny(words: readonly string[]): boolean;
  /** False when the text is known to hold no run of blanks to collapse (see WordBuffer.blankRuns). */
  blankRuns?: boolean;
}

export type CodeKind = 'outlook' | 'smtp_reply' | 'smtp_enhanced' | 'imap' | 'pop3' | 'errno' | 'tls' | 'socket';

export interface FoundCode {
  text: string;
  kind: CodeKind;
  index: number;
}

// Outlook / Windows HRESULTs: 0x800CCC0E, 0x8004210A, 0x80004005.
const HEX_CODE = /\b0x[0-9a-f]{8}\b/gi;

// RFC 3463 enhanced status codes. Not inside a dotted quad or a version number ("2.3.19.1", "v5.1.1").
const ENHANCED_CODE = /(?<![\w./])(?<![a-z]-)(?<!version )(?<!v)([245]\.\d{1,3}\.\d{1,3})(?![\w.]*\d)(?!\.\d)/gi;

// RFC 5321 reply codes, written the way servers and clients show them. A bare three-digit number is
// too often a port (465, 587), a count or a year, so it needs the reply's own shape: at the start of
// a line, followed by an enhanced code, a hyphen continuation, or a word like "error"/"code" before it.
const SMTP_REPLY_CODES = new Set([
  '421', '450', '451', '452', '454', '455', '500', '501', '502', '503', '504', '521', '523', '530', '534', '535',
  '538', '541', '550', '551', '552', '553', '554', '555', '556',
]);
/** By value, for the numbers the digit scan finds. */
const IS_REPLY_CODE = new Uint8Array(1000);
for (const code of SMTP_REPLY_CODES) IS_REPLY_CODE[Number(code)] = 1;
/**
 * What may stand before a reply code at a line's start or after a blank or quote (the `^` of the
 * multiline pattern is covered too: every line terminator is a blank). Both shapes below were once
 * global patterns over the whole text; each match holds exactly one code, and no match can use up
 * what another needs, so testing each standing-alone code on its own finds the same codes.
 */
const REPLY_BEFORE = new Uint8Array(128);
for (const ch of '"\'`(:=[>-') REPLY_BEFORE[ch.charCodeAt(0)] = 1;
/** What follows a reply code at a line's start (sticky at the character after the code). */
const REPLY_AFTER =
  /(?:[ -][245]\.\d|-\S|\s+[A-Z<#]|\s+(?:sorry|error|relay|mailbox|recipient|sender|user|invalid|authentication|smtp|message|access|must|too|temporary|service|requested|5\.|4\.)|[\s"',.)]*$)/imy;
/** A word like "error" or "code" before a reply code (sticky at the code). */
const REPLY_AFTER_WORD =
  /(?<=\b(?:smtp|reply|response|responded|code|error|status|returned|failed|fehler|erreur|errore|erro|codigo|cod)\b[\s:=#"'(]*(?:code\s*:?\s*)?)[45]\d\d\b/iy;

// RFC 5530 IMAP response codes and the common server extensions (Dovecot, Gmail, Yahoo).
const IMAP_CODE =
  /\[(ALERT|AUTHENTICATIONFAILED|AUTHORIZATIONFAILED|EXPIRED|PRIVACYREQUIRED|CONTACTADMIN|NOPERM|INUSE|EXPUNGEISSUED|CORRUPTION|SERVERBUG|CLIENTBUG|CANNOT|LIMIT|OVERQUOTA|ALREADYEXISTS|NONEXISTENT|UNAVAILABLE|TEMPFAIL|THROTTLED|WEBALERT|LOGINDISABLED)\b/g;
// IMAP capability LOGINDISABLED (RFC 3501 §6.2.3) is written bare, not in brackets.
const LOGINDISABLED = /\bLOGINDISABLED\b/g;
// RFC 2449 / RFC 3206 POP3 response codes.
const POP3_CODE = /\[(IN-USE|LOGIN-DELAY|SYS\/TEMP|SYS\/PERM|AUTH|UTF8)\]/gi;
// Node.js errno and TLS codes, Winsock names.
const ERRNO_CODE =
  /\b(ECONNREFUSED|ETIMEDOUT|ETIMEOUT|ENOTFOUND|EAI_AGAIN|EAI_NONAME|EAI_FAIL|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ECONNABORTED|EPIPE|EPROTO|ESOCKET|EAUTH|ECONNECTION|EDNS|EENVELOPE|WSAETIMEDOUT|WSAECONNREFUSED|WSAECONNRESET|WSAEHOSTUNREACH|WSAHOST_NOT_FOUND)\b/g;
const TLS_CODE =
  /\b(CERT_HAS_EXPIRED|CERT_NOT_YET_VALID|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|UNABLE_TO_GET_ISSUER_CERT|CERT_UNTRUSTED|CERT_REVOKED|HOSTNAME_MISMATCH|ERR_TLS_CERT_ALTNAME_INVALID|ERR_SSL_[A-Z0-9_]+|ERR_TLS_[A-Z0-9_]+|CERTIFICATE_VERIFY_FAILED|WRONG_VERSION_NUMBER)\b/g;
// Outlook and Windows print Winsock numbers: "Socket Error: 10060". Sticky at the number; a match
// cannot start inside another's number, so each number is tested on its own.
const SOCKET_ERROR = /(?<=\bsocket\s*error\s*[:#]?\s*)(?:100\d\d|110\d\d)\b/iy;

/** Where each kind goes among codes at one index, as the patterns once ran: the sort is by index, then this. */
const KIND_ORDER: Record<CodeKind, number> = { outlook: 0, smtp_reply: 1, smtp_enhanced: 2, imap: 3, pop3: 4, errno: 5, tls: 6, socket: 7 };

export function findCodes(text: string, runs: DigitRuns = digitRuns(text)): FoundCode[] {
  const found: FoundCode[] = [];
  // Cheap tests first where a pattern's scan costs more than a substring search.
  if (text.includes('0x') || text.includes('0X')) addMatches(HEX_CODE, text, 'outlook', 0, found);
  addReplyCodes(text, runs, found);
  addMatches(ENHANCED_CODE, text, 'smtp_enhanced', 1, found);
  if (text.includes('[')) {
    addMatches(IMAP_CODE, text, 'imap', 1, found);
    addMatches(POP3_CODE, text, 'pop3', 1, found);
  }
  if (text.includes('LOGINDISABLED')) addMatches(LOGINDISABLED, text, 'imap', 0, found);
  addMatches(ERRNO_CODE, text, 'errno', 1, found);
  // Every TLS code has an underscore; few texts do.
  if (text.includes('_')) addMatches(TLS_CODE, text, 'tls', 1, found);
  addSocketErrors(text, runs, found);
  return sortedUnique(found);
}

/** Adds each match of global `re` (its group `group`: POP3 codes are written upper-case). */
function addMatches(re: RegExp, text: string, kind: CodeKind, group: number, found: FoundCode[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const raw = m[group];
    if (raw === undefined) continue;
    found.push({ text: kind === 'pop3' ? raw.toUpperCase() : raw, kind, index: m.index + m[0].indexOf(raw) });
  }
}

function addReplyCodes(text: string, runs: DigitRuns, found: FoundCode[]): void {
  for (let r = 0; r < runs.count; r++) {
    const at = runs.starts[r] as number;
    if (runs.lengths[r] !== 3 || IS_REPLY_CODE[runs.values[r] as number] !== 1 || isWordChar(text.charCodeAt(at + 3))) continue;
    if (replyAtLineStart(text, at) || replyAfterWord(text, at)) found.push({ text: text.slice(at, at + 3), kind: 'smtp_reply', index: at });
  }
}

function replyAtLineStart(text: string, at: number): boolean {
  if (at > 0) {
    const before = text.charCodeAt(at - 1);
    if (!(before < 128 ? REPLY_BEFORE[before] === 1 : false) && !isSpace(before)) return false;
  }
  REPLY_AFTER.lastIndex = at + 3;
  return REPLY_AFTER.test(text);
}

function replyAfterWord(text: string, at: number): boolean {
  REPLY_AFTER_WORD.lastIndex = at;
  return REPLY_AFTER_WORD.test(text);
}

function addSocketErrors(text: string, runs: DigitRuns, found: FoundCode[]): void {
  for (let r = 0; r < runs.count; r++) {
    const value = runs.values[r] as number;
    if (runs.lengths[r] !== 5 || !((value >= 10000 && value < 10100) || (value >= 11000 && value < 11100))) continue;
    const at = runs.starts[r] as number;
    SOCKET_ERROR.lastIndex = at;
    if (SOCKET_ERROR.test(text)) found.push({ text: text.slice(at, at + 5), kind: 'socket', index: at });
  }
}

/** By index, the first of each code (compared upper-case) kept. */
function sortedUnique(found: FoundCode[]): FoundCode[] {
  if (found.length < 2) return found;
  found.sort(byIndex);
  const keys: string[] = [];
  // A few codes are compared one by one; many (a hostile paste) through a set.
  const seen = found.length > 16 ? new Set<string>() : null;
  let kept = 0;
  for (const c of found) {
    const key = c.text.toUpperCase();
    if (seen ? seen.has(key) : keys.includes(key)) continue;
    if (seen) seen.add(key);
    else keys.push(key);
    found[kept++] = c;
  }
  found.length = kept;
  return found;
}

function byIndex(a: FoundCode, b: FoundCode): number {
  return a.index - b.index || KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
}

/**
 * The runs of two to five digits with no digit beside them: every reply code, socket error number
 * and port the patterns keep is one. Found by one scan, shared by the code and port finders.
 */
export interface DigitRuns {
  count: number;
  starts: Int32Array;
  lengths: Int32Array;
  values: Int32Array;
}

const DIGIT_RUN = /(?<!\d)\d{2,5}(?!\d)/g;
/** One instance serves every call; extraction is synchronous, so no two calls share it at once. */
const RUNS: DigitRuns = { count: 0, starts: new Int32Array(64), lengths: new Int32Array(64), values: new Int32Array(64) };

function digitRuns(text: string): DigitRuns {
  const runs = RUNS;
  runs.count = 0;
  DIGIT_RUN.lastIndex = 0;
  while (DIGIT_RUN.test(text)) {
    const end = DIGIT_RUN.lastIndex;
    let start = end - 2;
    while (start > 0 && isDigit(text.charCodeAt(start - 1))) start--;
    if (runs.count === runs.starts.length) growRuns(runs);
    let value = 0;
    for (let i = start; i < end; i++) value = value * 10 + text.charCodeAt(i) - 48;
    runs.starts[runs.count] = start;
    runs.lengths[runs.count] = end - start;
    runs.values[runs.count++] = value;
  }
  return runs;
}

function growRuns(runs: DigitRuns): void {
  const grow = (a: Int32Array) => {
    const b = new Int32Array(a.length * 2);
    b.set(a);
    return b;
  };
  runs.starts = grow(runs.starts);
  runs.lengths = grow(runs.lengths);
  runs.values = grow(runs.values);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The regular expressions' \w (NaN, past the end, is not one). */
function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** The code that says most about the cause: specific beats generic, then first written wins. */
export function mostTellingCode(codes: FoundCode[]): string | null {
  let best: FoundCode | null = null;
  let bestRank = Infinity;
  for (const c of codes) {
    const rank = CODE_PRIORITY[c.kind] * 10 + (isGenericCode(c.text) ? 5 : 0);
    if (rank < bestRank) {
      best = c;
      bestRank = rank;
    }
  }
  return best?.text ?? null;
}

/** Codes that say only "something failed": a more specific code beside them tells more. */
function isGenericCode(code: string): boolean {
  return /^(ALERT|0x80004005|0x800ccc0f|0x8004010f)$/i.test(code);
}

// A host name: labels of letters, digits and hyphens, ending in an alphabetic TLD
// (/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$/i), checked character by character
// on single tokens (never across the text), so a hostile paste cannot make it backtrack.
const MAX_HOST_LENGTH = 253;
// Words that introduce the server the user connects to, in the languages we meet.
const HOST_CONTEXT =
  /(?:server|host|hostname|servidor|serveur|hote|hôte|rechner|to|for|at|zu|mit|con|avec|au|a|connect(?:ing)?(?: to)?|resolving(?: host)?)\s*["'“„«(]?\s*$/i;
const SOCKET_URL = /^(?:tcp|ssl|tls|imaps?|pop3?s?|smtps?):\/\/$/i;
// File names and code identifiers look like host names; they never are.
const NOT_A_TLD = /\.(?:js|ts|py|rb|php|java|cs|go|rs|eml|msg|log|txt|xml|json|properties|ftl|exe|dll|html?|conf|cfg|ini|yml|yaml|md|sh|pem|crt|key|lock|zip|png|jpg)$/i;
// A port written after the host, as in `Connect("pop.gmail.com", 995, true)`; read on the ten characters after it.
const COMMA_PORT = /^["']?\s*,\s*\d{2,5}\b/;

/**
 * A token that can name a host or carry a port: text[index, end) once a URL scheme (kept as
 * `prefix`), a path, a :port and trailing punctuation are cut off.
 */
interface HostToken {
  index: number;
  end: number;
  port: number | null;
  prefix: string;
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
function hostTokens(text: string, lower: string = text.toLowerCase()): HostToken[] {
  const out: HostToken[] = [];
  // The tokens' characters are read from a typed array: charCodeAt on the sliced strings texts
  // arrive as costs more. Nothing below reads past text.length, where the shared buffer holds stale units.
  const units = codeUnits(text);
  // The lower-cased text holds "localhost" where /localhost/i finds it: no other character lower-cases to its letters.
  if (lower.includes('localhost')) {
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
  return { index, end: stop, port, prefix };
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

/** The number of labels of the host name text[start, end), 0 when it is not one. */
function hostLabels(text: string, start: number, end: number): number {
  let labels = 1;
  let label = start;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 46) {
      if (!isLabel(text, label, i)) return 0;
      labels++;
      label = i + 1;
    } else if (!isAlnum(code) && code !== 45) {
      return 0;
    }
  }
  if (labels < 2 || end - label < 2 || end - label > 24) return 0;
  for (let i = label; i < end; i++) if (!isLetter(text.charCodeAt(i))) return 0;
  return labels;
}

/** A label before a dot: 1 to 63 letters, digits and hyphens, not starting or ending with a hyphen. */
function isLabel(text: string, start: number, end: number): boolean {
  return end > start && end - start <= 63 && isAlnum(text.charCodeAt(start)) && isAlnum(text.charCodeAt(end - 1));
}

/** Whether text[start, end) is "localhost", in any case. */
function isLocalhost(text: string, start: number, end: number): boolean {
  if (end - start !== 9) return false;
  for (let i = 0; i < 9; i++) if ((text.charCodeAt(start + i) | 0x20) !== 'localhost'.charCodeAt(i)) return false;
  return true;
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
  if (isLocalhost(text, t.index, t.end)) return 1;
  const labels = hostLabels(text, t.index, t.end);
  if (labels === 0) return 0;
  const host = text.slice(t.index, t.end);
  if (NOT_A_TLD.test(host)) return 0;
  if (t.prefix && !SOCKET_URL.test(t.prefix)) return 0; // the host of a web link is not a mail server
  if (labels >= 3 && MAIL_HOST_LABELS.test(host.slice(0, host.indexOf('.')).toLowerCase())) return 3;
  if (t.port !== null || t.prefix !== '' || COMMA_PORT.test(text.slice(t.end, t.end + 10))) return 2;
  if (labels >= 3 && HOST_CONTEXT.test(text.slice(Math.max(0, t.index - 24), t.index))) return 1;
  return 0;
}

/** Ports found by the digit scan are tested where they stand: each pattern, sticky at the number. */
const PORT_AFTER_WORD = /(?<=\b(?:port|porta|puerto|porte|portnummer)\s?(?:number|nr\.?|n[º°o]\.?)?\s?[:=#]?\s?)\d{2,5}\b/iy;
// `Connect("pop.gmail.com", 995, true)`, "(outlook.office365.com, 993, SSL)": a match may start
// on the last digit of one before it, so this one still runs as a global pattern.
const PORT_AFTER_HOST = /[a-z0-9-]\.[a-z]{2,24}["']?\s?,\s?(\d{2,5})\b/gi;
// "993/SSL", "587 (TLS)", "465 with SSL"
const PORT_BEFORE_TLS = /\b(?:25|110|143|465|587|993|995|2525)\s?(?:\/|\(|with\b|mit\b|con\b|avec\b|using\b)?\s?(?:ssl|tls|starttls)\b/iy;
// "SSL on 993", "imap: 143"
const PORT_AFTER_PROTOCOL = /(?<=\b(?:ssl|tls|starttls|imap|pop3?|smtp)\s?(?:on|auf|en|sur|na|su|:|\/)?\s?)(?:25|110|143|465|587|993|995|2525)\b/iy;
const MAIL_PORTS = new Set([25, 110, 143, 465, 587, 993, 995, 2525]);

/**
 * The first port written: after a host name (host:993), or by the patterns above. Each pattern's
 * matches hold one port, a whole run of digits, and come in the order of their ports; so the
 * first run of digits any pattern accepts is the answer, unless a host's port comes before it.
 */
export function findPort(text: string, tokens: HostToken[] = hostTokens(text), runs: DigitRuns = digitRuns(text), lower: string = text.toLowerCase()): number | null {
  let port: number | null = null;
  let index = Infinity;
  for (const t of tokens) {
    if (t.port !== null && isPort(t.port) && (hostLabels(text, t.index, t.end) > 0 || isLocalhost(text, t.index, t.end) || isDigitsAndDots(text, t.index, t.end))) {
      port = t.port;
      index = t.end;
      break;
    }
  }
  if (hasCommaPort(text, runs)) {
    PORT_AFTER_HOST.lastIndex = 0;
    for (let m = PORT_AFTER_HOST.exec(text); m !== null && m.index < index; m = PORT_AFTER_HOST.exec(text)) {
      const digits = m[1] ?? '';
      const value = Number(digits);
      const at = m.index + m[0].length - digits.length;
      if (!isPort(value)) continue;
      if (at < index) {
        port = value;
        index = at;
      }
      break;
    }
  }
  // The old cheap tests decided whether a pattern ran at all, so they still do: "port" anywhere
  // lets "puerto 993" count, and a mail port standing alone lets "993ssl" count.
  let portWord: boolean | null = null;
  const mailPort = hasMailPort(text, runs);
  for (let r = 0; r < runs.count; r++) {
    const at = runs.starts[r] as number;
    if (at >= index) break;
    const value = runs.values[r] as number;
    if (!isPort(value)) continue;
    const mail = mailPort && MAIL_PORTS.has(value);
    if (mail && (stickyAt(PORT_BEFORE_TLS, text, at) || stickyAt(PORT_AFTER_PROTOCOL, text, at))) return value;
    if (stickyAt(PORT_AFTER_WORD, text, at) && (portWord ??= lower.includes('port'))) return value;
  }
  return port;
}

/** A run of digits after a comma (/,\s?\d/ where the digits can be a port): PORT_AFTER_HOST's cheap test. */
function hasCommaPort(text: string, runs: DigitRuns): boolean {
  for (let r = 0; r < runs.count; r++) {
    const at = runs.starts[r] as number;
    if (text.charCodeAt(at - 1) === 44 || (text.charCodeAt(at - 2) === 44 && isSpace(text.charCodeAt(at - 1)))) return true;
  }
  return false;
}

function isPort(value: number): boolean {
  return value >= 1 && value <= 65535;
}

function stickyAt(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

/** A mail port as a word of its own (/\b(?:25|110|143|465|587|993|995|2525)\b/). */
function hasMailPort(text: string, runs: DigitRuns): boolean {
  for (let r = 0; r < runs.count; r++) {
    const at = runs.starts[r] as number;
    // No leading zero: "0025" is not "25".
    if (MAIL_PORTS.has(runs.values[r] as number) && text.charCodeAt(at) !== 48 && !isWordChar(text.charCodeAt(at - 1)) && !isWordChar(text.charCodeAt(at + (runs.lengths[r] as number)))) return true;
  }
  return false;
}

function isDigitsAndDots(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 46 && !isDigit(code)) return false;
  }
  return end > start;
}

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
  /** For the case-sensitive wire forms, strings one of which they contain: "from", "data", "ok" and "no" are common words, "MAIL FROM" and "+OK" are not. */
  literals?: string[];
  /** Whether every match starts a line. */
  lineStart?: boolean;
}

const PROTOCOL_WORDS: ProtocolWords[] = [
  { protocol: 'imap', pattern: /\bimaps?\d?(?:rev1)?\b/gi, weight: 2, keywords: ['imap', 'imaps', 'imap4', 'imap4rev1'] },
  { protocol: 'pop3', pattern: /\bpop3?s?\b/gi, weight: 2, keywords: ['pop', 'pop3', 'pops', 'pop3s'] },
  {
    protocol: 'smtp',
    pattern: /\b(?:e?smtps?|outgoing (?:mail )?server|postausgangsserver|servidor de salida|serveur sortant|server di posta in uscita|servidor de saida|send(?:ing)?|senden|enviar|envoyer|inviare|submission)\b/gi,
    weight: 2,
    keywords: ['smtp', 'esmtp', 'smtps', 'outgoing', 'postausgangsserver', 'salida', 'sortant', 'uscita', 'saida', 'send', 'sending', 'senden', 'enviar', 'envoyer', 'inviare', 'submission'],
  },
  // Wire forms: IMAP untagged/tagged replies, POP3 status indicators.
  { protocol: 'imap', pattern: /^[ \t]?(?:\*|[a-z]{1,8}\d{1,6}) (?:OK|NO|BAD|BYE|CAPABILITY)\b/gim, weight: 2, keywords: ['ok', 'no', 'bad', 'bye', 'capability'], lineStart: true },
  { protocol: 'pop3', pattern: /(?:^|\s)[-+](?:ERR|OK)\b/g, weight: 3, keywords: ['err', 'ok'], literals: ['-ERR', '+ERR', '-OK', '+OK'] },
  {
    protocol: 'smtp',
    pattern: /\b(?:EHLO|HELO|MAIL FROM|RCPT TO|DATA|STARTTLS command)\b/g,
    weight: 2,
    keywords: ['ehlo', 'helo', 'from', 'rcpt', 'data', 'starttls'],
    literals: ['EHLO', 'HELO', 'MAIL FROM', 'RCPT TO', 'DATA', 'STARTTLS command'],
  },
  { protocol: 'pop3', pattern: /\bfetch(?:ed|er)? (?:accounts?|mail from other)/gi, weight: 1, keywords: ['fetch', 'fetched', 'fetcher'] },
];

/**
 * One search for any of a list of strings: a regular expression finds one of several in a single
 * pass, where a substring search per string passes over the text once for each.
 */
function anyOf(literals: readonly string[]): RegExp {
  return new RegExp(literals.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
}

const PROTOCOL_LITERALS = PROTOCOL_WORDS.map((p) => (p.literals ? anyOf(p.literals) : null));
/** Sticky copies, for the patterns whose every match starts a line. */
const PROTOCOL_AT_LINE = PROTOCOL_WORDS.map((p) => (p.lineStart ? new RegExp(p.pattern.source, p.pattern.flags.replace('g', '') + 'y') : null));

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
    if (!words.hasAny(keywords) || PROTOCOL_LITERALS[k]?.test(text) === false) continue;
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

/** How many matches (up to MOST_MATCHES) pattern `k` has in the text, as a global search would count them. */
function protocolMatches(k: number, text: string): number {
  const { pattern, lineStart } = PROTOCOL_WORDS[k] as ProtocolWords;
  // Lines start after "\n" only, unless the text holds a rarer line break; the pattern is tried at each.
  if (lineStart && !text.includes('\r') && !text.includes('\u2028') && !text.includes('\u2029')) {
    const lines = lineStarts(text);
    const sticky = PROTOCOL_AT_LINE[k] as RegExp;
    let n = 0;
    for (let line = 0; line < lines.count && n < MOST_MATCHES; line++) {
      sticky.lastIndex = lines.positions[line] as number;
      if (sticky.test(text)) n++;
    }
    return n;
  }
  pattern.lastIndex = 0;
  let n = 0;
  while (n < MOST_MATCHES && pattern.test(text)) n++;
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

const CLIENT_LITERALS = CLIENT_MENTIONS.map((m) => anyOf(m.literals));
// A user who names a second app often says it works there.
const WORKS = /\b(?:works?|working|fine|can always|no problems?|without problems?|funktionier\w*|funciona\w*|fonctionne\w*|marche|ok)\b/i;

/**
 * The mail app that showed the error. A user often names a second app that works ("it works in
 * Thunderbird"), so a mention in a sentence that says it works counts for little.
 */
export function findClient(text: string, codes: FoundCode[], words: WordSet = wordSet(text), lower: string = text.toLowerCase()): ClientId | null {
  let best: ClientId | null = null;
  let bestScore = 0;
  let bestIndex = 0;
  // The patterns ignore case, but only for ASCII letters, which toLowerCase maps alike.
  for (let k = 0; k < CLIENT_MENTIONS.length; k++) {
    const { client, pattern, keywords } = CLIENT_MENTIONS[k] as ClientMention;
    if (!words.hasAny(keywords)) continue;
    if (!(CLIENT_LITERALS[k] as RegExp).test(lower)) continue;
    const m = pattern.exec(text);
    if (!m) continue;
    const score = WORKS.test(sentenceAround(text, m.index)) ? 1 : 3;
    if (best === null || score > bestScore || (score === bestScore && m.index < bestIndex)) {
      best = client;
      bestScore = score;
      bestIndex = m.index;
    }
  }
  if (best) return best;
  if (codes.some((c) => c.kind === 'outlook')) return 'outlook';
  // A bare server reply ("-ERR …", "451 4.7.0 …") shows no app at all.
  if (/^\s*(?:[-+](?:ERR|OK)\b|[245]\d\d[ -]|\* (?:OK|NO|BAD|BYE)\b)/.test(text)) return null;
  return 'other';
}

/** From the last "." or line feed at or before `index` to the first at or after it (no array per call). */
function sentenceAround(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf('.', index), text.lastIndexOf('\n', index), 0);
  const endDot = text.indexOf('.', index);
  const endNl = text.indexOf('\n', index);
  const end = endDot < 0 ? (endNl < 0 ? text.length : endNl) : endNl < 0 ? endDot : Math.min(endDot, endNl);
  return text.slice(start, end);
}

/**
 * Runs of blanks become one (a newline when the run holds one), so no pattern here can be made to
 * backtrack over a long run of them. Only runs that change are replaced: two blanks or more, or one
 * that is neither a space nor a newline; the regular expression finds them faster than a walk.
 */
const BLANK_RUN = /\s{2,}|[^\S \n]/g;

function collapseWhitespace(text: string): string {
  return text.replace(BLANK_RUN, collapsedRun);
}

function collapsedRun(run: string): string {
  return run.includes('\n') ? '\n' : ' ';
}

/** JavaScript's \s. */
function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** The normalised words of a text, for the cheap "could this pattern match at all?" tests. */
function wordSet(text: string): WordSet {
  const words = new Set(normalizeWords(text));
  return { has: (word) => words.has(word), hasAny: (list) => list.some((word) => words.has(word)) };
}

/** The words the extractor asks `WordSet.has` about: a caller's word set must know them. */
export const EXTRACTION_WORDS: readonly string[] = [
  ...PROTOCOL_WORDS.flatMap((p) => p.keywords),
  ...CLIENT_MENTIONS.flatMap((m) => m.keywords),
];

/** `words`: the normalised words of `raw`, when the caller has them already. */
export function extract(raw: string, words: WordSet = wordSet(raw)): Extracted & { found: FoundCode[] } {
  const text = words.blankRuns === false ? raw : collapseWhitespace(raw);
  // Most texts need it: for "localhost", "port" and the app names.
  const lower = text.toLowerCase();
  const runs = digitRuns(text);
  const found = findCodes(text, runs);
  const tokens = hostTokens(text, lower);
  const host = findHost(text, tokens);
  const port = findPort(text, tokens, runs, lower);
  return {
    host,
    port,
    protocol: findProtocol(text, host, port, found, words),
    client: findClient(text, found, words, lower),
    code: mostTellingCode(found),
    codes: found.map((c) => c.text),
    found,
  };
}
