import { isDigit, isSpace, isWordChar } from './extract-chars.js';
import { digitRuns, type DigitRuns } from './extract-codes.js';
import { hostTokens, type HostToken } from './extract-host.js';
import { LITERALS } from './literal-finder.js';

/** The port a text names: after a host, after "port", beside SSL/TLS or a protocol name. */

/** Ports found by the digit scan are tested where they stand: each pattern, sticky at the number. */
const PORT_AFTER_WORD = /(?<=\b(?:port|porta|puerto|porte|portnummer)\s?(?:number|nr\.?|n[º°o]\.?)?\s?[:=#]?\s?)\d{2,5}\b/iy;
// `Connect("pop.gmail.com", 995, true)`, "(outlook.office365.com, 993, SSL)": a match may start
// on the last digit of one before it, so this one still runs as a global pattern.
const PORT_AFTER_HOST = /[a-z0-9-]\.[a-z]{2,24}["']?\s?,\s?(\d{2,5})\b/gi;
// "993/SSL", "587 (TLS)", "465 with SSL"
const PORT_BEFORE_TLS = /\b(?:25|110|143|465|587|993|995|2525)\s?(?:\/|\(|with\b|mit\b|con\b|avec\b|using\b)?\s?(?:ssl|tls|starttls)\b/iy;
// "SSL on 993", "imap: 143"
const PORT_AFTER_PROTOCOL = /(?<=\b(?:ssl|tls|starttls|imap|pop3?|smtp)\s?(?:on|auf|en|sur|na|su|:|\/)?\s?)(?:25|110|143|465|587|993|995|2525)\b/iy;
/** "port" in any case: the old cheap test of PORT_AFTER_WORD, answered by the literal finder's pass. */
const PORT_ID = LITERALS.idsOf(['port']);
const MAIL_PORTS = new Set([25, 110, 143, 465, 587, 993, 995, 2525]);

/**
 * The first port written: after a host name (host:993), or by the patterns above. Each pattern's
 * matches hold one port, a whole run of digits, and come in the order of their ports; so the
 * first run of digits any pattern accepts is the answer, unless a host's port comes before it.
 */
export function findPort(text: string, tokens: HostToken[] = hostTokens(text), runs: DigitRuns = digitRuns(text)): number | null {
  let port: number | null = null;
  let index = Infinity;
  for (const t of tokens) {
    if (t.port !== null && isPort(t.port) && (t.labels > 0 || t.localhost || isDigitsAndDots(text, t.index, t.end))) {
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
  // Both are asked only when a run needs them (most texts say neither), and "port" before the
  // pattern: the two are plain conditions of the same result, so their order changes nothing.
  let portWord: boolean | null = null;
  let mailPort: boolean | null = null;
  for (let r = 0; r < runs.count; r++) {
    const at = runs.starts[r] as number;
    if (at >= index) break;
    const value = runs.values[r] as number;
    if (!isPort(value)) continue;
    if (MAIL_PORTS.has(value) && (mailPort ??= hasMailPort(text, runs)) && (stickyAt(PORT_BEFORE_TLS, text, at) || stickyAt(PORT_AFTER_PROTOCOL, text, at))) return value;
    if ((portWord ??= LITERALS.holdsAny(text, PORT_ID)) && stickyAt(PORT_AFTER_WORD, text, at)) return value;
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
