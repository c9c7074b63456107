import { CODE_PRIORITY } from '../../content/extraction.js';
import { isDigit, isSpace, isWordChar, lowerAscii } from './extract-chars.js';
import { LITERALS } from './literal-finder.js';

/**
 * Every error code in pasted text: Outlook HRESULTs, SMTP reply and enhanced status codes, IMAP and
 * POP3 response codes, Node/OpenSSL/Winsock names and numbers; and which one says most.
 */

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
  /\[(ALERT|AUTHENTICATIONFAILED|AUTHORIZATIONFAILED|EXPIRED|PRIVACYREQUIRED|CONTACTADMIN|NOPERM|INUSE|EXPUNGEISSUED|CORRUPTION|SERVERBUG|CLIENTBUG|CANNOT|LIMIT|OVERQUOTA|ALREADYEXISTS|NONEXISTENT|UNAVAILABLE|TEMPFAIL|THROTTLED|WEBALERT|LOGINDISABLED)\b/y;
// IMAP capability LOGINDISABLED (RFC 3501 §6.2.3) is written bare, not in brackets.
const LOGINDISABLED = /\bLOGINDISABLED\b/g;
// RFC 2449 / RFC 3206 POP3 response codes.
const POP3_CODE = /\[(IN-USE|LOGIN-DELAY|SYS\/TEMP|SYS\/PERM|AUTH|UTF8)\]/iy;
/** Their first letters, lower-cased: without the u flag, the i flag folds ASCII letters only. */
const POP3_FIRST = new Uint8Array(128);
for (const ch of 'ilsau') POP3_FIRST[ch.charCodeAt(0)] = 1;
// Node.js errno and TLS codes, Winsock names.
const ERRNO_NAMES = [
  'ECONNREFUSED', 'ETIMEDOUT', 'ETIMEOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME',
  'EAI_FAIL', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED', 'EPIPE',
  'EPROTO', 'ESOCKET', 'EAUTH', 'ECONNECTION', 'EDNS', 'EENVELOPE',
  'WSAETIMEDOUT', 'WSAECONNREFUSED', 'WSAECONNRESET', 'WSAEHOSTUNREACH', 'WSAHOST_NOT_FOUND',
];
const ERRNO_CODE = new RegExp(`\\b(${ERRNO_NAMES.join('|')})\\b`, 'g');
const TLS_CODE =
  /\b(CERT_HAS_EXPIRED|CERT_NOT_YET_VALID|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|UNABLE_TO_GET_ISSUER_CERT|CERT_UNTRUSTED|CERT_REVOKED|HOSTNAME_MISMATCH|ERR_TLS_CERT_ALTNAME_INVALID|ERR_SSL_[A-Z0-9_]+|ERR_TLS_[A-Z0-9_]+|CERTIFICATE_VERIFY_FAILED|WRONG_VERSION_NUMBER)\b/g;
// Outlook and Windows print Winsock numbers: "Socket Error: 10060". Sticky at the number; a match
// cannot start inside another's number, so each number is tested on its own.
const SOCKET_ERROR = /(?<=\bsocket\s*error\s*[:#]?\s*)(?:100\d\d|110\d\d)\b/iy;

/** Where each kind goes among codes at one index, as the patterns once ran: the sort is by index, then this. */
const KIND_ORDER: Record<CodeKind, number> = { outlook: 0, smtp_reply: 1, smtp_enhanced: 2, imap: 3, pop3: 4, errno: 5, tls: 6, socket: 7 };

/**
 * Strings one of which every match of a pattern holds, asked of the literal finder (ASCII letters
 * in either case, a superset of what the case-sensitive patterns take): its one pass over the text,
 * made for the app names and the context rules anyway, answers for all of them, where a pattern or
 * a substring search each would pass over the whole text again.
 */
const HEX_GATE = LITERALS.idsOf(['0x']);
const ENHANCED_GATE = LITERALS.idsOf(['2.', '4.', '5.']);
const LOGINDISABLED_GATE = LITERALS.idsOf(['logindisabled']);
const ERRNO_GATE = LITERALS.idsOf(ERRNO_NAMES.map((name) => name.toLowerCase()));
// Every TLS code has an underscore; few texts do.
const TLS_GATE = LITERALS.idsOf(['_']);

export function findCodes(text: string, runs: DigitRuns = digitRuns(text)): FoundCode[] {
  const found: FoundCode[] = [];
  if (LITERALS.holdsAny(text, HEX_GATE)) addMatches(HEX_CODE, text, 'outlook', 0, found);
  addReplyCodes(text, runs, found);
  if (LITERALS.holdsAny(text, ENHANCED_GATE)) addMatches(ENHANCED_CODE, text, 'smtp_enhanced', 1, found);
  addBracketCodes(text, found);
  if (LITERALS.holdsAny(text, LOGINDISABLED_GATE)) addMatches(LOGINDISABLED, text, 'imap', 0, found);
  if (LITERALS.holdsAny(text, ERRNO_GATE)) addMatches(ERRNO_CODE, text, 'errno', 1, found);
  if (LITERALS.holdsAny(text, TLS_GATE)) addMatches(TLS_CODE, text, 'tls', 1, found);
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

/**
 * IMAP and POP3 codes, tested at each "[" (sticky patterns): a match holds one "[", its first
 * character, so the global patterns found exactly the matches that start at some "[".
 */
function addBracketCodes(text: string, found: FoundCode[]): void {
  for (let at = text.indexOf('['); at >= 0; at = text.indexOf('[', at + 1)) {
    const next = text.charCodeAt(at + 1);
    // Every IMAP code is upper-case; each POP3 code starts with one of POP3_FIRST, in either case.
    if (next >= 65 && next <= 90) addStickyMatch(IMAP_CODE, text, at, 'imap', found);
    if (next < 128 && POP3_FIRST[next | 0x20] === 1) addStickyMatch(POP3_CODE, text, at, 'pop3', found);
  }
}

/** Adds the match of sticky `re` at the "[" at `at`: its group 1 starts after it. */
function addStickyMatch(re: RegExp, text: string, at: number, kind: 'imap' | 'pop3', found: FoundCode[]): void {
  re.lastIndex = at;
  const m = re.exec(text);
  if (m === null) return;
  const raw = m[1] as string;
  found.push({ text: kind === 'pop3' ? raw.toUpperCase() : raw, kind, index: at + 1 });
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
  // A few codes (the usual case) are sorted and compared in place; many (a hostile paste) through
  // the library sort and a set.
  if (found.length > 16) return sortedUniqueMany(found);
  sortFew(found);
  let kept = 0;
  for (let i = 0; i < found.length; i++) {
    const c = found[i] as FoundCode;
    let seen = false;
    for (let j = 0; j < kept && !seen; j++) seen = sameCode((found[j] as FoundCode).text, c.text);
    if (!seen) found[kept++] = c;
  }
  if (kept < found.length) found.length = kept;
  return found;
}

/** Insertion sort by byIndex: stable, as the library sort is. */
function sortFew(found: FoundCode[]): void {
  for (let i = 1; i < found.length; i++) {
    const c = found[i] as FoundCode;
    let j = i;
    for (; j > 0 && byIndex(found[j - 1] as FoundCode, c) > 0; j--) found[j] = found[j - 1] as FoundCode;
    found[j] = c;
  }
}

/**
 * Whether two codes are the same upper-cased. Every pattern above matches ASCII only (none has the
 * u flag, so the i flag folds no other character into ASCII), and upper-casing ASCII changes a-z only.
 */
function sameCode(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y && lowerAscii(x) !== lowerAscii(y)) return false;
  }
  return true;
}

function sortedUniqueMany(found: FoundCode[]): FoundCode[] {
  found.sort(byIndex);
  const seen = new Set<string>();
  let kept = 0;
  for (const c of found) {
    const key = c.text.toUpperCase();
    if (seen.has(key)) continue;
    seen.add(key);
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

export function digitRuns(text: string): DigitRuns {
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

// One instance: a literal in the function would be a new object at every call.
const GENERIC_CODE = /^(ALERT|0x80004005|0x800ccc0f|0x8004010f)$/i;

/** Codes that say only "something failed": a more specific code beside them tells more. */
function isGenericCode(code: string): boolean {
  return GENERIC_CODE.test(code);
}
