/**
 * Text normalisation shared by evidence matching, the word model and the example catalog. Users
 * paste the same error with curly quotes, accents stripped or not, wrapped lines, upper case and
 * punctuation noise; all of that must compare equal. Work is bounded: diagnosis only ever reads
 * MAX_CHARS.
 *
 * The rules: an email address becomes the word "emailaddress" and a server name "servername"; the
 * text is decomposed (NFKD), accents dropped, lower-cased, "ß" becomes "ss"; the words are the runs
 * of [a-z0-9]. `scanWords` applies them in one pass over the characters into reusable buffers, so
 * diagnosing a text allocates no string per word.
 */

import { grown } from './grown.js';

/** Error messages are short; a 1 MB paste is a log, and the error is near its start or end. */
export const MAX_CHARS = 20_000;

/** Limits a huge paste to its head and tail, where clients put the error and its code. */
export function clip(text: string): string {
  if (text.length <= MAX_CHARS) return text;
  const half = MAX_CHARS / 2;
  return `${text.slice(0, half)}\n…\n${text.slice(-half)}`;
}

// An address or a server name stands for one thing, but splits into many words ("anna smith
// example firm com"), which pushes the words around it out of reach of the phrases.
// Bounded like real names (RFC 5321 §4.5.3.1, RFC 1035 §2.3.4), so a run of "a.a.a.…" or a
// 20,000-character word cannot make either pattern backtrack across the whole text.
const EMAIL = /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}/g;
const SERVER_NAME = /\b[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){2,8}\b/gi;

// Both patterns match only characters of [A-Za-z0-9_.+@-], and their edges (`\b`) look only at
// word characters, which are all in that set. So a maximal run of these characters can be
// rewritten on its own with the same result as a rewrite of the whole text, and only runs holding
// an "@" or two dots need the patterns at all: most runs are plain words.

/**
 * What each ASCII character is to the scanner, in one table so the hot loop reads one byte per
 * character: the lower-case letter or digit it stands for in a word (≥ WORD), or its kind.
 * Kinds below NAME end a name run; NAME and up are the name characters that are no word bytes.
 */
const OTHER = 0;
/** Space and line feed: a blank that counts as a run only after another blank. */
const BLANK = 1;
/** Tab, vertical tab, form feed, carriage return: blanks the extractor always collapses. */
const ODD_BLANK = 2;
const NAME = 3;
const DOT = 4;
const AT = 5;
const WORD = 48;
const CLASS = new Uint8Array(128);
for (const ch of 'abcdefghijklmnopqrstuvwxyz0123456789') CLASS[ch.charCodeAt(0)] = ch.charCodeAt(0);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') CLASS[ch.charCodeAt(0)] = ch.toLowerCase().charCodeAt(0);
for (const ch of '_+-') CLASS[ch.charCodeAt(0)] = NAME;
CLASS[46] = DOT;
CLASS[64] = AT;
CLASS[32] = CLASS[10] = BLANK;
CLASS[9] = CLASS[11] = CLASS[12] = CLASS[13] = ODD_BLANK;
/**
 * CLASS for every code unit, OTHER past ASCII: the letters loop reads a word's next character's
 * kind in one load, where a test for ASCII first cost it a compare and a select per letter.
 */
const UNIT_CLASS = new Uint8Array(0x10000);
UNIT_CLASS.set(CLASS);

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const MAX_FOLDS = 4096;
/**
 * What each non-ASCII character becomes. Folding is per character: NFKD decomposes each one on its
 * own (reordering only the accents that are then dropped), and lower-casing and "ß" → "ss" are per
 * character too, so the fold of a text is the folds of its characters put together.
 */
const folds = new Map<number, string>();

function fold(codePoint: number): string {
  let out = folds.get(codePoint);
  if (out === undefined) {
    out = String.fromCodePoint(codePoint).normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase().replace(/ß/g, 'ss');
    // Bounded: a paste of every Unicode character must not grow memory without limit.
    if (folds.size >= MAX_FOLDS) folds.clear();
    folds.set(codePoint, out);
    if (codePoint < FOLDED.length && !isUnicodeBlank(codePoint)) FOLDED[codePoint] = foldedKind(out);
  }
  return out;
}

/**
 * What scanPlain may do with a non-ASCII character itself, by what it folds to: most of those in
 * texts are accented letters ("é" → "e") and quotes, and leaving the loop for each cost more than
 * the rest of its word. 0: leave it to scanInto (not folded yet, a blank, or a fold that is empty or
 * longer than one word byte); SEPARATOR: a fold of no word bytes, which only ends a word; else the
 * one word byte it folds to. Below the surrogates, so a character is one code unit.
 */
const FOLDED = new Uint8Array(0x3000);
const SEPARATOR = 1;

function foldedKind(folded: string): number {
  if (folded.length === 0) return 0;
  let words = 0;
  for (let k = 0; k < folded.length; k++) {
    const c = folded.charCodeAt(k);
    if (c < 128 && (CLASS[c] as number) >= WORD) words++;
  }
  if (words === 0) return SEPARATOR;
  return folded.length === 1 ? (CLASS[folded.charCodeAt(0)] as number) : 0;
}

/** FNV-1a over a word's bytes: the scanner hashes words as it writes them, the lexicon looks them up by it. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;
// The loops read these copies: optimised code reads an exported constant from its module cell,
// checked for the uninitialised hole, on every use, and a local one not at all.
const OFFSET = FNV_OFFSET;
const PRIME = FNV_PRIME;

/** The words of one text: their lower-case ASCII bytes back to back, where each starts and ends, and its hash. */
export class WordBuffer {
  count = 0;
  bytes = new Uint8Array(4096);
  starts = new Int32Array(1024);
  ends = new Int32Array(1024);
  hashes = new Int32Array(1024);
  /**
   * Whether the text has two blanks in a row or a tab, CR, FF, VT or no-break space (what
   * /\s\s|[\t\r\f\v\u00a0]/ finds): the extractor collapses blanks only then. Noted while
   * scanning, which visits every blank anyway.
   */
  blankRuns = false;
  /**
   * The blanks the extractor's collapse replaces, as [start, end) pairs in text order: runs of two
   * or more blanks, and single ones but a space or line feed. Noted where the scanner meets them.
   */
  blanks = new Int32Array(32);
  blankCount = 0;
  /** The text the buffer holds the words of (scanWords). */
  text: string | null = null;
  /** Bytes in use. */
  length = 0;
  /**
   * The scanner's state between its loops: the current word started at `wordStart` when it is
   * ≥ 0, and hashes to `hash` so far; where the last blank was; the run of name characters to
   * rewrite (from `runStart` when ≥ 0, with its "@" and "." counted).
   */
  wordStart = -1;
  hash = OFFSET;
  lastBlank = -2;
  runStart = -1;
  runAts = 0;
  runDots = 0;
  /** The state when the current run started. */
  runCount = 0;
  runLength = 0;
  runWordStart = -1;
  runHash = 0;

  reset(): void {
    this.blankRuns = false;
    this.blankCount = 0;
    this.count = 0;
    this.length = 0;
    this.wordStart = -1;
    this.lastBlank = -2;
    this.runStart = -1;
  }

  word(i: number): string {
    let s = '';
    const end = this.ends[i] as number;
    for (let k = this.starts[i] as number; k < end; k++) s += String.fromCharCode(this.bytes[k] as number);
    return s;
  }

  /**
   * Notes a blank at `at` that the collapse replaces: one that follows another (`joined`), or one
   * that is not a space or a line feed. A run of blanks is one pair.
   */
  noteBlank(at: number, joined: boolean): void {
    const k = this.blankCount;
    if (k > 0 && this.blanks[k - 1] === at) {
      this.blanks[k - 1] = at + 1;
      return;
    }
    if (k + 2 > this.blanks.length) this.blanks = grown(this.blanks, this.blanks.length * 2);
    this.blanks[k] = joined ? at - 1 : at;
    this.blanks[k + 1] = at + 1;
    this.blankCount = k + 2;
  }

  /** Notes the state at the start of a run of name characters, which may be taken back to it. */
  saveRun(count: number, length: number, wordStart: number, hash: number): void {
    this.runCount = count;
    this.runLength = length;
    this.runWordStart = wordStart;
    this.runHash = hash;
    this.runAts = 0;
    this.runDots = 0;
  }

  /** Takes the words of the run out again. */
  restoreRun(): void {
    this.count = this.runCount;
    this.length = this.runLength;
    this.wordStart = this.runWordStart;
    this.hash = this.runHash;
  }

  endWord(): void {
    if (this.wordStart < 0) return;
    this.starts[this.count] = this.wordStart;
    this.ends[this.count] = this.length;
    this.hashes[this.count++] = this.hash;
    this.wordStart = -1;
  }

  /** Adds folded or rewritten text, which has room: letters and digits join words, the rest ends them. */
  pushText(text: string): void {
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      const b = c < 128 ? (CLASS[c] as number) : OTHER;
      if (b < WORD) {
        this.endWord();
        continue;
      }
      if (this.wordStart < 0) {
        this.wordStart = this.length;
        this.hash = OFFSET;
      }
      this.bytes[this.length++] = b;
      this.hash = Math.imul(this.hash ^ b, PRIME);
    }
  }

  /** pushText of a blank, one word's bytes (with their hash) and a blank, in one go. */
  pushWord(word: Uint8Array, hash: number): void {
    this.endWord();
    const start = this.length;
    for (let k = 0; k < word.length; k++) this.bytes[start + k] = word[k] as number;
    this.length = start + word.length;
    this.starts[this.count] = start;
    this.ends[this.count] = this.length;
    this.hashes[this.count++] = hash;
  }

  /** Makes room for `extra` more bytes and as many more words. */
  reserve(extra: number): void {
    if (this.length + extra > this.bytes.length) {
      const bytes = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
      bytes.set(this.bytes);
      this.bytes = bytes;
    }
    if (this.count + extra + 1 > this.starts.length) {
      const size = Math.max(this.starts.length * 2, this.count + extra + 1);
      const starts = new Int32Array(size);
      starts.set(this.starts);
      this.starts = starts;
      const ends = new Int32Array(size);
      ends.set(this.ends);
      this.ends = ends;
      const hashes = new Int32Array(size);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
  }
}

/**
 * The text's UTF-16 code units, copied by native code: reading a typed array costs a third of
 * charCodeAt on the sliced and joined strings texts arrive as. Texts up to a clipped text's length
 * share one buffer; a longer one (normalize() of a whole catalog entry) gets its own. The shared
 * buffer holds the last text copied until the next call, so a caller reads it before calling
 * anything that may copy another (the scanner and the extractor's token reader both do); past
 * `text.length` it holds what earlier texts left. Either has room for a unit past the text.
 */
const UNITS = new Uint16Array(MAX_CHARS + 64);
const UNIT_BYTES = Buffer.from(UNITS.buffer);

export function codeUnits(text: string): Uint16Array {
  // The scanner and then the extractor ask for the same text: the copy is made once.
  if (text === copied) return UNITS;
  if (text.length < UNITS.length) {
    UNIT_BYTES.write(text, 0, 'utf16le');
    copied = text;
    return UNITS;
  }
  const units = new Uint16Array(text.length + 1);
  Buffer.from(units.buffer).write(text, 0, 'utf16le');
  return units;
}

/**
 * The text the shared buffer holds below its length (nothing else writes there; the scanner's NUL
 * goes after it). Kept until the next text is copied, which holds on to one text at most.
 */
let copied: string | null = null;

/** The buffer scanWords filled last. */
let lastScanned: WordBuffer | null = null;

/**
 * The blanks the extractor collapses in `text` (WordBuffer.blanks), when the last text scanned was
 * it; else null. The collapse builds the text from the pieces between them, where a replace would
 * look for them all over again.
 */
export function blanksOf(text: string): WordBuffer | null {
  return lastScanned !== null && lastScanned.text === text ? lastScanned : null;
}

/** Fills `out` with the normalised words of `text`. */
export function scanWords(text: string, out: WordBuffer): void {
  // Room for a word per character; folds and rewrites that write more start over with more room.
  let room = text.length;
  for (;;) {
    out.reset();
    out.reserve(room);
    const units = codeUnits(text);
    // Room for it: codeUnits leaves at least one unit past the text.
    units[text.length] = 0;
    const more = scanInto(text, units, out);
    if (more === 0) {
      out.text = text;
      lastScanned = out;
      return;
    }
    room = Math.max(room * 2, more);
  }
}

/**
 * scanWords with room for `text.length` more bytes and words: 0 when done, else the room the text
 * needs at least. Plain ASCII goes through scanPlain; this loop handles what stops it: non-ASCII
 * characters, and runs that hold an address or a server name.
 */
function scanInto(text: string, units: Uint16Array, out: WordBuffer): number {
  const n = text.length;
  let i = 0;
  for (;;) {
    i = scanPlain(units, i, n, out);
    if (i === n && out.runStart < 0) break;
    let pushed: string;
    if (out.runStart >= 0) {
      const rewritten = rewriteRun(text, units, out.runStart, i, out.runAts, out.runDots);
      out.runStart = -1;
      // Most runs with dots hold no name after all ("...", "i.e."): their words stay as read.
      if (rewritten === null) continue;
      out.restoreRun();
      pushed = rewritten;
    } else {
      const c = units[i] as number;
      if (isUnicodeBlank(c)) {
        const joined = out.lastBlank === i - 1;
        if (c === 0xa0 || joined) out.blankRuns = true;
        out.noteBlank(i, joined);
        out.lastBlank = i;
      }
      let codePoint = c;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const low = units[i + 1] as number;
        if (low >= 0xdc00 && low <= 0xdfff) codePoint = ((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
      }
      i += codePoint > 0xffff ? 2 : 1;
      pushed = fold(codePoint);
    }
    // Folded or rewritten text may be longer than the characters it stands for.
    const need = pushed.length + n - i;
    if (out.length + need > out.bytes.length || out.count + need + 1 > out.starts.length) return Math.max(out.length, out.count + 1) + need;
    // A character that folds to nothing (a lone accent) leaves the word it sits in whole.
    if (pushed === SERVER_NAME_TEXT) out.pushWord(SERVER_NAME_WORD, SERVER_NAME_HASH);
    else if (pushed === ADDRESS_TEXT) out.pushWord(ADDRESS_WORD, ADDRESS_HASH);
    else out.pushText(pushed);
  }
  out.endWord();
  return 0;
}

/** What a name becomes: text for pushText, and the one word it makes for pushWord. */
const SERVER_NAME_TEXT = ' servername ';
const ADDRESS_TEXT = ' emailaddress ';
const SERVER_NAME_WORD = Buffer.from('servername', 'latin1');
const ADDRESS_WORD = Buffer.from('emailaddress', 'latin1');
const SERVER_NAME_HASH = hashOf(SERVER_NAME_WORD);
const ADDRESS_HASH = hashOf(ADDRESS_WORD);

function hashOf(word: Uint8Array): number {
  let h = OFFSET;
  for (const b of word) h = Math.imul(h ^ b, PRIME);
  return h;
}

/**
 * The run of name characters [start, end) with addresses and server names rewritten, or null when
 * neither pattern can match in it. Most runs are one name and nothing else ("mail.example.com",
 * "5.7.1", "anna.smith@example.com", the same ending a sentence) or none at all ("...", "i.e."):
 * those are recognised by their shape, which for them is what the patterns do, and only the rest
 * goes through the patterns.
 */
function rewriteRun(text: string, units: Uint16Array, start: number, end: number, ats: number, dots: number): string | null {
  const address = ats > 0 && mayHoldAddress(units, start, end);
  if (!address && namesDots(units, start, end) < 2) return null;
  // Dots after the last label are left over by either pattern, and make no word.
  let last = end;
  while (units[last - 1] === 46 && last > start) last--;
  if (ats === 0 && isServerName(units, start, last)) return SERVER_NAME_TEXT;
  if (ats === 1 && address && isAddress(units, start, last)) return ADDRESS_TEXT;
  let run = text.slice(start, end);
  if (ats > 0) run = run.replace(EMAIL, ADDRESS_TEXT);
  if (dots > 1) run = run.replace(SERVER_NAME, SERVER_NAME_TEXT);
  return run;
}

/** Whether an "@" has a character before it and one after it that EMAIL could take ([\w.+-] and [\w-]). */
function mayHoldAddress(units: Uint16Array, start: number, end: number): boolean {
  for (let k = start + 1; k + 1 < end; k++) {
    if (units[k] !== 64 || units[k - 1] === 64) continue;
    const next = units[k + 1] as number;
    if ((CLASS[next] as number) >= WORD || next === 95 || next === 45) return true;
  }
  return false;
}

/**
 * How many dots have a label character ([A-Za-z0-9-]) on both sides: a server name ("a.b.c")
 * holds two, so a run with fewer holds none.
 */
function namesDots(units: Uint16Array, start: number, end: number): number {
  let found = 0;
  for (let k = start + 1; k + 1 < end; k++) {
    if (units[k] === 46 && isLabelChar(units[k - 1] as number) && isLabelChar(units[k + 1] as number)) found++;
  }
  return found;
}

function isLabelChar(c: number): boolean {
  return c < 128 && ((CLASS[c] as number) >= WORD || c === 45);
}

/**
 * Whether SERVER_NAME matches the whole run at its first try: 3 to 9 labels of 1 to 63 letters,
 * digits and "-", a letter or digit at each end (for the `\b`s).
 */
function isServerName(units: Uint16Array, start: number, end: number): boolean {
  if ((CLASS[units[start] as number] as number) < WORD || (CLASS[units[end - 1] as number] as number) < WORD) return false;
  return labels(units, start, end, false, 3);
}

/**
 * Whether EMAIL matches the whole run (with one "@") at its first try: 1 to 64 characters before
 * the "@" (any name character but "@" is in [\w.+-]), then 2 to 9 labels of 1 to 63 of [\w-].
 */
function isAddress(units: Uint16Array, start: number, end: number): boolean {
  let at = start;
  while (units[at] !== 64) at++;
  return at > start && at - start <= 64 && labels(units, at + 1, end, true, 2);
}

/** Whether [start, end) is `least` to 9 dot-separated labels of 1 to 63 of [A-Za-z0-9-] (and "_" if `underscore`). */
function labels(units: Uint16Array, start: number, end: number, underscore: boolean, least: number): boolean {
  let count = 1;
  let label = 0;
  for (let k = start; k < end; k++) {
    const c = units[k] as number;
    const kind = CLASS[c] as number;
    if (kind === DOT) {
      if (label === 0) return false;
      count++;
      label = 0;
      continue;
    }
    if (kind < WORD && c !== 45 && !(underscore && c === 95)) return false;
    if (++label > 63) return false;
  }
  return label > 0 && count >= least && count <= 9;
}

/**
 * Reads plain ASCII text from `i` into `out` until the end, a non-ASCII character, or the end of a
 * run of name characters that may hold an address or a server name (`out.runStart` set; its words
 * can be taken back out with restoreRun); returns where it stopped. The hot loop of a text. Its letters loop keeps
 * only what it needs in locals; the rarely used state (blanks, the run) is kept in `out`, so that
 * it does not cost every letter a register.
 */
function scanPlain(units: Uint16Array, from: number, n: number, out: WordBuffer): number {
  const { bytes, starts, ends, hashes } = out;
  let count = out.count;
  let length = out.length;
  let wordStart = out.wordStart;
  let hash = out.hash | 0;
  let i = from;
  /** Where the current run of name characters started, -1 outside one. */
  let runStart = -1;
  while (i < n) {
    const c = units[i] as number;
    let kind: number;
    if (c < 128) {
      kind = CLASS[c] as number;
    } else {
      // What scanInto would do with a character that folds to one word byte or to none: it ends
      // the run (the patterns are ASCII), then pushText adds the byte to the word or ends it.
      kind = c < FOLDED.length ? (FOLDED[c] as number) : 0;
      if (kind === 0) break;
      if (runStart >= 0) {
        if (out.runAts > 0 || out.runDots > 1) break;
        runStart = -1;
      }
      i++;
      if (kind >= WORD) {
        if (wordStart < 0) {
          wordStart = length;
          hash = OFFSET;
        }
        bytes[length++] = kind;
        hash = Math.imul(hash ^ kind, PRIME);
      } else if (wordStart >= 0) {
        starts[count] = wordStart;
        ends[count] = length;
        hashes[count++] = hash;
        wordStart = -1;
      }
      continue;
    }
    if (kind >= NAME && runStart < 0) {
      // A run's words go in as they are read, and come back out if it is to be rewritten.
      runStart = i;
      out.saveRun(count, length, wordStart, hash);
    }
    if (kind >= WORD) {
      if (wordStart < 0) {
        wordStart = length;
        hash = OFFSET;
      }
      for (;;) {
        bytes[length++] = kind;
        hash = Math.imul(hash ^ kind, PRIME);
        // No test for the end: the unit after the text is a NUL (scanWords), which ends the word.
        kind = UNIT_CLASS[units[++i] as number] as number;
        if (kind < WORD) break;
      }
      continue;
    }
    if (wordStart >= 0) {
      starts[count] = wordStart;
      ends[count] = length;
      hashes[count++] = hash;
      wordStart = -1;
    }
    if (kind >= NAME) {
      if (kind === DOT) out.runDots++;
      else if (kind === AT) out.runAts++;
      i++;
      continue;
    }
    if (runStart >= 0) {
      if (out.runAts > 0 || out.runDots > 1) break;
      runStart = -1;
    }
    if (kind !== OTHER) {
      if (kind === ODD_BLANK || out.lastBlank === i - 1) {
        out.blankRuns = true;
        out.noteBlank(i, out.lastBlank === i - 1);
      }
      out.lastBlank = i;
    }
    i++;
  }
  if (runStart >= 0 && (out.runAts > 0 || out.runDots > 1)) out.runStart = runStart;
  out.count = count;
  out.length = length;
  out.wordStart = wordStart;
  out.hash = hash;
  return i;
}

/** JavaScript's \s beyond ASCII. */
function isUnicodeBlank(code: number): boolean {
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

const shared = new WordBuffer();

/** The normalised words of a text, as a list. */
export function normalizeWords(text: string): string[] {
  scanWords(text, shared);
  const words: string[] = [];
  for (let i = 0; i < shared.count; i++) words.push(shared.word(i));
  return words;
}

/** Lower case, no accents, ß → ss, one space between words, punctuation dropped. */
export function normalize(text: string): string {
  return normalizeWords(text).join(' ');
}

/**
 * A light stem for similarity: long words are cut to their first 7 letters, which merges the
 * inflections users type ("connect", "connecting", "connection"; "verbindung", "verbindungen";
 * "conexion", "conexiones") without a stemmer per language.
 */
export function stem(word: string): string {
  return word.length > 7 ? word.slice(0, 7) : word;
}
