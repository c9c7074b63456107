import type { ClientId, Protocol } from '../../content/types.js';
import { CLIENT_MENTIONS, CODE_PRIORITY, MAIL_HOST_LABELS } from '../../content/extraction.js';
import { normalizeWords } from './normalize.js';

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
/** A known reply code standing alone: every code the two patterns below keep is one. */
const SMTP_REPLY_GATE = new RegExp(`(?<!\\d)(?:${[...SMTP_REPLY_CODES].join('|')})(?!\\w)`);
const SMTP_REPLY =
  /(?:^|[\s"'`(:=[>-])([45]\d\d)(?=[ -][245]\.\d|-\S|\s+[A-Z<#]|\s+(?:sorry|error|relay|mailbox|recipient|sender|user|invalid|authentication|smtp|message|access|must|too|temporary|service|requested|5\.|4\.)|[\s"',.)]*$)/gim;
const SMTP_REPLY_AFTER_WORD =
  /\b(?:smtp|reply|response|responded|code|error|status|returned|failed|fehler|erreur|errore|erro|codigo|cod)\b[\s:=#"'(]*(?:code\s*:?\s*)?([45]\d\d)\b/gi;

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
// Outlook and Windows print Winsock numbers: "Socket Error: 10060".
const SOCKET_ERROR = /\bsocket\s*error\s*[:#]?\s*(100\d\d|110\d\d)\b/gi;

export function findCodes(text: string): FoundCode[] {
  const found: FoundCode[] = [];
  const add = (re: RegExp, kind: CodeKind, group = 0, transform?: (s: string) => string) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const raw = m[group];
      if (raw === undefined) continue;
      found.push({ text: transform ? transform(raw) : raw, kind, index: m.index + m[0].indexOf(raw) });
      if (m[0].length === 0) re.lastIndex++;
    }
  };
  // Cheap tests first: most texts hold no code of most kinds, and a skipped scan costs nothing.
  if (text.includes('0x') || text.includes('0X')) add(HEX_CODE, 'outlook');
  // Both reply patterns only keep a known code standing alone (no digit before, no letter or
  // digit after), so without one they add nothing, and most texts' numbers are not codes.
  if (SMTP_REPLY_GATE.test(text)) {
    add(SMTP_REPLY, 'smtp_reply', 1);
    add(SMTP_REPLY_AFTER_WORD, 'smtp_reply', 1);
  }
  if (/[245]\.\d/.test(text)) add(ENHANCED_CODE, 'smtp_enhanced', 1);
  if (text.includes('[')) {
    add(IMAP_CODE, 'imap', 1);
    add(POP3_CODE, 'pop3', 1, (s) => s.toUpperCase());
  }
  if (text.includes('LOGINDISABLED')) add(LOGINDISABLED, 'imap');
  if (/\b(?:E[A-Z]|WSA)/.test(text)) add(ERRNO_CODE, 'errno', 1);
  if (/[A-Z]_[A-Z]/.test(text)) add(TLS_CODE, 'tls', 1);
  if (/socket/i.test(text)) add(SOCKET_ERROR, 'socket', 1);

  const seen = new Set<string>();
  return found
    .filter((c) => c.kind !== 'smtp_reply' || SMTP_REPLY_CODES.has(c.text))
    .sort((a, b) => a.index - b.index)
    .filter((c) => {
      const key = c.text.toUpperCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
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

// A host name: labels of letters, digits and hyphens, ending in an alphabetic TLD. Matched only
// against single tokens (never across the text), so a hostile paste cannot make it backtrack.
const HOST_TOKEN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$/i;
const MAX_HOST_LENGTH = 253;
// Words that introduce the server the user connects to, in the languages we meet.
const HOST_CONTEXT =
  /(?:server|host|hostname|servidor|serveur|hote|hôte|rechner|to|for|at|zu|mit|con|avec|au|a|connect(?:ing)?(?: to)?|resolving(?: host)?)\s*["'“„«(]?\s*$/i;
const SOCKET_URL = /^(?:tcp|ssl|tls|imaps?|pop3?s?|smtps?):\/\/$/i;
// File names and code identifiers look like host names; they never are.
const NOT_A_TLD = /\.(?:js|ts|py|rb|php|java|cs|go|rs|eml|msg|log|txt|xml|json|properties|ftl|exe|dll|html?|conf|cfg|ini|yml|yaml|md|sh|pem|crt|key|lock|zip|png|jpg)$/i;

interface Token {
  text: string;
  index: number;
}

type HostToken = Token & { port: number | null; prefix: string };

// Characters that end a token: blanks, quotes, brackets and list punctuation.
const SEPARATOR = new Uint8Array(128);
for (const ch of ' \t\n\r\f\v"\'`<>()[]{},;|') SEPARATOR[ch.charCodeAt(0)] = 1;
/** Characters hostToken strips from a token's end. */
const TRAILING = new Uint8Array(128);
for (const ch of '.:!?') TRAILING[ch.charCodeAt(0)] = 1;
const LOCALHOST = /localhost/i;
/** A dot or colon with a character after it that hostToken does not strip: an inner one. */
const INNER_MARK = /[.:][.:!?]*[^ \t\n\r\f\v"'`<>()[\]{},;|“”„«»‘’\u00a0.:!?]/g;

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
 * found by a regular expression rather than a walk over every character.
 */
function hostTokens(text: string): HostToken[] {
  const out: HostToken[] = [];
  if (LOCALHOST.test(text)) {
    let start = -1;
    for (let i = 0; i <= text.length; i++) {
      if (i < text.length && !isSeparator(text.charCodeAt(i))) {
        if (start < 0) start = i;
        continue;
      }
      if (start >= 0) addHostToken(text, start, i, out);
      start = -1;
    }
    return out;
  }
  INNER_MARK.lastIndex = 0;
  while (INNER_MARK.test(text)) {
    // The match ends on a character of the token that holds it; the token is read from there.
    let start = INNER_MARK.lastIndex - 1;
    while (start > 0 && !isSeparator(text.charCodeAt(start - 1))) start--;
    let end = INNER_MARK.lastIndex;
    while (end < text.length && !isSeparator(text.charCodeAt(end))) end++;
    addHostToken(text, start, end, out);
    INNER_MARK.lastIndex = end;
  }
  return out;
}

/** Adds the token text[start, end) when it can be a host or carry a port. */
function addHostToken(text: string, start: number, end: number, out: HostToken[]): void {
  // A dot (not the first character) or a colon seen; one of them followed by a character that is
  // not stripped from the end; where the stripped end begins.
  let pending = false;
  let inner = false;
  let solidEnd = start;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 128 && TRAILING[code] === 1) {
      if ((code === 46 && i > start && i + 1 < text.length) || code === 58) pending = true;
    } else {
      if (pending) inner = true;
      solidEnd = i + 1;
    }
  }
  if (!inner && end - start !== 9 && !(pending && solidEnd - start === 9)) return;
  const token = hostToken(text.slice(start, end), start);
  if (token) out.push(token);
}

function hostToken(raw: string, at: number): HostToken | null {
  let token = raw;
  let index = at;
  let prefix = '';
  const scheme = /^[a-z0-9+]{2,10}:\/\//i.exec(token);
  if (scheme) {
    prefix = scheme[0];
    token = token.slice(prefix.length);
    index += prefix.length;
    const slash = token.indexOf('/');
    if (slash >= 0) token = token.slice(0, slash);
  }
  if (token.includes('@')) return null; // an email address: its domain is not a server name
  if (token.includes('=')) return null; // "[Hostname=AM6PR04MB….outlook.com]" and key=value noise
  let port: number | null = null;
  const withPort = /^(.*):(\d{2,5})$/.exec(token);
  if (withPort) {
    token = withPort[1] ?? '';
    port = Number(withPort[2]);
  }
  token = token.replace(/[.:!?]+$/, '');
  if (token.length === 0 || token.length > MAX_HOST_LENGTH) return null;
  return { text: token, index, port, prefix };
}

interface HostCandidate {
  host: string;
  index: number;
  strength: number;
}

export function findHost(text: string, tokens: HostToken[] = hostTokens(text)): string | null {
  const candidates: HostCandidate[] = [];
  for (const t of tokens) {
    if (/^localhost$/i.test(t.text)) {
      candidates.push({ host: t.text, index: t.index, strength: 1 });
      continue;
    }
    if (!HOST_TOKEN.test(t.text) || NOT_A_TLD.test(t.text)) continue;
    if (t.prefix && !SOCKET_URL.test(t.prefix)) continue; // the host of a web link is not a mail server
    const labels = t.text.toLowerCase().split('.');
    const before = text.slice(Math.max(0, t.index - 24), t.index);
    const mailish = labels.length >= 3 && MAIL_HOST_LABELS.test(labels[0] ?? '');
    const after = text.slice(t.index + t.text.length, t.index + t.text.length + 10);
    const withPort = t.port !== null || /^["']?\s*,\s*\d{2,5}\b/.test(after) || t.prefix !== '';
    const inContext = labels.length >= 3 && HOST_CONTEXT.test(before);
    const strength = mailish ? 3 : withPort ? 2 : inContext ? 1 : 0;
    if (strength > 0) candidates.push({ host: t.text, index: t.index, strength });
  }
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => b.strength - a.strength || a.index - b.index);
  return candidates[0]?.host ?? null;
}

const MAIL_PORT = /\b(?:25|110|143|465|587|993|995|2525)\b/;
/** Each pattern with a cheap test that must pass before the pattern is worth running. */
const PORT_PATTERNS: [RegExp, RegExp][] = [
  // "port 993", "Port: 995", "port=587", "Porta 993", "puerto 465", "(port 993)"
  [/\b(?:port|porta|puerto|porte|portnummer)\s?(?:number|nr\.?|n[º°o]\.?)?\s?[:=#]?\s?(\d{2,5})\b/gi, /port/i],
  // `Connect("pop.gmail.com", 995, true)`, "(outlook.office365.com, 993, SSL)"
  [/[a-z0-9-]\.[a-z]{2,24}["']?\s?,\s?(\d{2,5})\b/gi, /,\s?\d/],
  // "993/SSL", "587 (TLS)", "465 with SSL"
  [/\b(25|110|143|465|587|993|995|2525)\s?(?:\/|\(|with\b|mit\b|con\b|avec\b|using\b)?\s?(?:ssl|tls|starttls)\b/gi, MAIL_PORT],
  [/\b(?:ssl|tls|starttls|imap|pop3?|smtp)\s?(?:on|auf|en|sur|na|su|:|\/)?\s?(25|110|143|465|587|993|995|2525)\b/gi, MAIL_PORT],
];

export function findPort(text: string, tokens: HostToken[] = hostTokens(text)): number | null {
  let best: { port: number; index: number } | null = null;
  const consider = (port: number, index: number) => {
    if (port < 1 || port > 65535) return;
    if (!best || index < best.index) best = { port, index };
  };
  for (const t of tokens) {
    if (t.port !== null && (HOST_TOKEN.test(t.text) || /^localhost$/i.test(t.text) || /^[\d.]+$/.test(t.text))) {
      consider(t.port, t.index + t.text.length);
    }
  }
  for (const [re, worthTrying] of PORT_PATTERNS) {
    if (!worthTrying.test(text)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      consider(Number(m[1]), m.index + m[0].lastIndexOf(m[1] ?? ''));
    }
  }
  return (best as { port: number } | null)?.port ?? null;
}

const PORT_PROTOCOL: Record<number, Protocol> = { 993: 'imap', 143: 'imap', 995: 'pop3', 110: 'pop3', 465: 'smtp', 587: 'smtp', 25: 'smtp', 2525: 'smtp' };

/**
 * Each pattern with the normalised words one of which its matches contain (empty: always run),
 * and for the case-sensitive wire forms the strings one of which they contain: "from", "data",
 * "ok" and "no" are common words, "MAIL FROM" and "+OK" are not.
 */
const PROTOCOL_WORDS: [Protocol, RegExp, number, string[], string[]?][] = [
  ['imap', /\bimaps?\d?(?:rev1)?\b/gi, 2, ['imap', 'imaps', 'imap4', 'imap4rev1']],
  ['pop3', /\bpop3?s?\b/gi, 2, ['pop', 'pop3', 'pops', 'pop3s']],
  ['smtp', /\b(?:e?smtps?|outgoing (?:mail )?server|postausgangsserver|servidor de salida|serveur sortant|server di posta in uscita|servidor de saida|send(?:ing)?|senden|enviar|envoyer|inviare|submission)\b/gi, 2,
    ['smtp', 'esmtp', 'smtps', 'outgoing', 'postausgangsserver', 'salida', 'sortant', 'uscita', 'saida', 'send', 'sending', 'senden', 'enviar', 'envoyer', 'inviare', 'submission']],
  // Wire forms: IMAP untagged/tagged replies, POP3 status indicators.
  ['imap', /^[ \t]?(?:\*|[a-z]{1,8}\d{1,6}) (?:OK|NO|BAD|BYE|CAPABILITY)\b/gim, 2, ['ok', 'no', 'bad', 'bye', 'capability']],
  ['pop3', /(?:^|\s)[-+](?:ERR|OK)\b/g, 3, ['err', 'ok'], ['-ERR', '+ERR', '-OK', '+OK']],
  ['smtp', /\b(?:EHLO|HELO|MAIL FROM|RCPT TO|DATA|STARTTLS command)\b/g, 2, ['ehlo', 'helo', 'from', 'rcpt', 'data', 'starttls'], ['EHLO', 'HELO', 'MAIL FROM', 'RCPT TO', 'DATA', 'STARTTLS command']],
  ['pop3', /\bfetch(?:ed|er)? (?:accounts?|mail from other)/gi, 1, ['fetch', 'fetched', 'fetcher']],
];

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
  const vote = (protocol: Protocol, n: number) => {
    if (protocol === 'imap') imap += n;
    else if (protocol === 'pop3') pop3 += n;
    else smtp += n;
  };
  for (const [protocol, re, weight, keywords, literals] of PROTOCOL_WORDS) {
    if (!words.hasAny(keywords) || (literals && !includesAny(text, literals))) continue;
    re.lastIndex = 0;
    let n = 0;
    while (n < 5 && re.test(text)) n++;
    vote(protocol, n * weight);
  }
  if (port !== null && PORT_PROTOCOL[port]) vote(PORT_PROTOCOL[port], 2);
  if (host !== null) {
    const first = host.toLowerCase().split(/[.-]/)[0] ?? '';
    if (/^imaps?$/.test(first)) imap += 3;
    else if (/^pop3?s?$/.test(first)) pop3 += 3;
    else if (/^(?:smtp|smtps|securesmtp|submission|mailout|relay)$/.test(first)) smtp += 3;
  }
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


/**
 * The mail app that showed the error. A user often names a second app that works ("it works in
 * Thunderbird"), so a mention in a sentence that says it works counts for little.
 */
export function findClient(text: string, codes: FoundCode[], words: WordSet = wordSet(text)): ClientId | null {
  let best: { client: ClientId; score: number; index: number } | null = null;
  // The patterns ignore case, but only for ASCII letters, which toLowerCase maps alike.
  let lower: string | null = null;
  for (const { client, pattern, keywords, literals } of CLIENT_MENTIONS) {
    if (!words.hasAny(keywords)) continue;
    lower ??= text.toLowerCase();
    if (!includesAny(lower, literals)) continue;
    pattern.lastIndex = 0;
    const m = pattern.exec(text);
    if (!m) continue;
    const sentence = sentenceAround(text, m.index);
    const works = /\b(?:works?|working|fine|can always|no problems?|without problems?|funktionier\w*|funciona\w*|fonctionne\w*|marche|ok)\b/i.test(sentence);
    const score = works ? 1 : 3;
    if (!best || score > best.score || (score === best.score && m.index < best.index)) best = { client, score, index: m.index };
  }
  if (best) return best.client;
  if (codes.some((c) => c.kind === 'outlook')) return 'outlook';
  // A bare server reply ("-ERR …", "451 4.7.0 …") shows no app at all.
  if (/^\s*(?:[-+](?:ERR|OK)\b|[245]\d\d[ -]|\* (?:OK|NO|BAD|BYE)\b)/.test(text)) return null;
  return 'other';
}

function includesAny(text: string, literals: readonly string[]): boolean {
  for (let i = 0; i < literals.length; i++) if (text.includes(literals[i] as string)) return true;
  return false;
}

function sentenceAround(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf('.', index), text.lastIndexOf('\n', index), 0);
  const endDot = text.indexOf('.', index);
  const endNl = text.indexOf('\n', index);
  const ends = [endDot, endNl].filter((i) => i >= 0);
  const end = ends.length ? Math.min(...ends) : text.length;
  return text.slice(start, end);
}

/**
 * Runs of blanks become one (a newline when the run holds one), so no pattern here can be made to
 * backtrack over a long run of them. One pass; only runs that change are cut out and put back, so
 * a text with single spaces and newlines is returned as it is, and any other is a few pieces.
 */
function collapseWhitespace(text: string): string {
  let out = '';
  let from = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const code = text.charCodeAt(i);
    if ((code > 32 && code < 128) || !isSpace(code)) {
      i++;
      continue;
    }
    const start = i;
    let newline = false;
    for (; i < n && isSpace(text.charCodeAt(i)); i++) if (text.charCodeAt(i) === 10) newline = true;
    const blank = newline ? 10 : 32;
    if (i - start === 1 && code === blank) continue;
    out += text.slice(from, start) + (newline ? '\n' : ' ');
    from = i;
  }
  return from === 0 ? text : out + text.slice(from);
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
  ...PROTOCOL_WORDS.flatMap(([, , , keywords]) => keywords),
  ...CLIENT_MENTIONS.flatMap((m) => m.keywords),
];

/** `words`: the normalised words of `raw`, when the caller has them already. */
export function extract(raw: string, words: WordSet = wordSet(raw)): Extracted & { found: FoundCode[] } {
  const text = words.blankRuns === false ? raw : collapseWhitespace(raw);
  const found = findCodes(text);
  const tokens = hostTokens(text);
  const host = findHost(text, tokens);
  const port = findPort(text, tokens);
  return {
    host,
    port,
    protocol: findProtocol(text, host, port, found, words),
    client: findClient(text, found, words),
    code: mostTellingCode(found),
    codes: found.map((c) => c.text),
    found,
  };
}
