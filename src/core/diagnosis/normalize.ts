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
const NAME_CHAR = new Uint8Array(128);
for (const ch of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.+-@') NAME_CHAR[ch.charCodeAt(0)] = 1;

/** For ASCII: the lower-case letter or digit a character stands for in a word, 0 if it ends one. */
const WORD_BYTE = new Uint8Array(128);
for (const ch of 'abcdefghijklmnopqrstuvwxyz0123456789') WORD_BYTE[ch.charCodeAt(0)] = ch.charCodeAt(0);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') WORD_BYTE[ch.charCodeAt(0)] = ch.toLowerCase().charCodeAt(0);

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
  }
  return out;
}

/** FNV-1a over a word's bytes: the scanner hashes words as it writes them, the lexicon looks them up by it. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

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
  /** Bytes in use; the current word started at `wordStart` when it is ≥ 0, and hashes to `hash` so far. */
  length = 0;
  wordStart = -1;
  hash = FNV_OFFSET;

  reset(): void {
    this.blankRuns = false;
    this.count = 0;
    this.length = 0;
    this.wordStart = -1;
  }

  word(i: number): string {
    let s = '';
    const end = this.ends[i] as number;
    for (let k = this.starts[i] as number; k < end; k++) s += String.fromCharCode(this.bytes[k] as number);
    return s;
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

  endWord(): void {
    if (this.wordStart < 0) return;
    this.starts[this.count] = this.wordStart;
    this.ends[this.count] = this.length;
    this.hashes[this.count++] = this.hash;
    this.wordStart = -1;
  }

  /** Adds already-rewritten ASCII or folded text: letters and digits join words, the rest ends them. */
  pushText(text: string): void {
    this.reserve(text.length);
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      const b = c < 128 ? (WORD_BYTE[c] as number) : 0;
      if (b === 0) {
        this.endWord();
        continue;
      }
      if (this.wordStart < 0) {
        this.wordStart = this.length;
        this.hash = FNV_OFFSET;
      }
      this.bytes[this.length++] = b;
      this.hash = Math.imul(this.hash ^ b, FNV_PRIME);
    }
  }
}

/** Fills `out` with the normalised words of `text`. */
export function scanWords(text: string, out: WordBuffer): void {
  out.reset();
  const n = text.length;
  let i = 0;
  /** Where the last blank was, to see two in a row. */
  let lastBlank = -2;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c >= 128) {
      if (isUnicodeBlank(c)) {
        if (c === 0xa0 || lastBlank === i - 1) out.blankRuns = true;
        lastBlank = i;
      }
      let codePoint = c;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) codePoint = ((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
      }
      i += codePoint > 0xffff ? 2 : 1;
      const folded = fold(codePoint);
      // A character that folds to nothing (a lone accent) leaves the word it sits in whole.
      if (folded.length > 0) out.pushText(folded);
      continue;
    }
    if (NAME_CHAR[c] === 0) {
      out.endWord();
      if (c === 32 || (c >= 9 && c <= 13)) {
        if ((c !== 32 && c !== 10) || lastBlank === i - 1) out.blankRuns = true;
        lastBlank = i;
      }
      i++;
      continue;
    }
    // A run of name characters: its words go in as they are read; a run that turns out to hold
    // an address or a server name is taken back out and put in rewritten. The loop keeps the
    // buffer's state in locals: it is where a text's time goes.
    out.reserve(n - i);
    const { bytes, starts, ends, hashes } = out;
    const count0 = out.count;
    const length0 = out.length;
    const wordStart0 = out.wordStart;
    const hash0 = out.hash;
    let count = count0;
    let length = length0;
    let wordStart = wordStart0;
    let hash = hash0;
    const start = i;
    let dots = 0;
    let ats = 0;
    for (; i < n; i++) {
      const d = text.charCodeAt(i);
      if (d >= 128 || NAME_CHAR[d] === 0) break;
      const b = WORD_BYTE[d] as number;
      if (b !== 0) {
        if (wordStart < 0) {
          wordStart = length;
          hash = FNV_OFFSET;
        }
        bytes[length++] = b;
        hash = Math.imul(hash ^ b, FNV_PRIME);
        continue;
      }
      if (wordStart >= 0) {
        starts[count] = wordStart;
        ends[count] = length;
        hashes[count++] = hash;
        wordStart = -1;
      }
      if (d === 46) dots++;
      else if (d === 64) ats++;
    }
    if (ats === 0 && dots < 2) {
      out.count = count;
      out.length = length;
      out.wordStart = wordStart;
      out.hash = hash;
      continue;
    }
    let run = text.slice(start, i);
    if (ats > 0) run = run.replace(EMAIL, ' emailaddress ');
    if (dots > 1) run = run.replace(SERVER_NAME, ' servername ');
    out.count = count0;
    out.length = length0;
    out.wordStart = wordStart0;
    out.hash = hash0;
    out.pushText(run);
  }
  out.endWord();
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
