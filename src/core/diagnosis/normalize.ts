/**
 * Text normalisation shared by evidence matching and example similarity. Users paste the same
 * error with curly quotes, accents stripped or not, wrapped lines, upper case and punctuation noise;
 * all of that must compare equal. Work is bounded: diagnosis only ever reads MAX_CHARS.
 */

/** Error messages are short; a 1 MB paste is a log, and the error is near its start or end. */
export const MAX_CHARS = 20_000;

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const WORD = /[a-z0-9]+/g;
const NON_ASCII = /[^\x00-\x7f]/;

/** Limits a huge paste to its head and tail, where clients put the error and its code. */
export function clip(text: string): string {
  if (text.length <= MAX_CHARS) return text;
  const half = MAX_CHARS / 2;
  return `${text.slice(0, half)}\n…\n${text.slice(-half)}`;
}

/** Lower case, no accents, ß → ss, one space between words, punctuation dropped. */
export function normalize(text: string): string {
  return normalizeWords(text).join(' ');
}

// An address or a server name stands for one thing, but splits into many words ("anna smith
// example firm com"), which pushes the words around it out of reach of the phrases.
// Bounded like real names (RFC 5321 §4.5.3.1, RFC 1035 §2.3.4), so a run of "a.a.a.…" or a
// 20,000-character word cannot make either pattern backtrack across the whole text.
const EMAIL = /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}/g;
const SERVER_NAME = /\b[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){2,8}\b/gi;

/** The words of normalize(), as a list. */
export function normalizeWords(raw: string): string[] {
  let text = raw;
  if (text.includes('@')) text = text.replace(EMAIL, ' emailaddress ');
  if (text.includes('.')) text = text.replace(SERVER_NAME, ' servername ');
  // Most pasted errors are plain ASCII: folding accents is only needed otherwise.
  const folded = NON_ASCII.test(text)
    ? text
        .normalize('NFKD')
        .replace(COMBINING_MARKS, '')
        .toLowerCase()
        .replace(/ß/g, 'ss')
    : text.toLowerCase();
  return folded.match(WORD) ?? [];
}

/**
 * A light stem for similarity: long words are cut to their first 7 letters, which merges the
 * inflections users type ("connect", "connecting", "connection"; "verbindung", "verbindungen";
 * "conexion", "conexiones") without a stemmer per language.
 */
export function stem(word: string): string {
  return word.length > 7 ? word.slice(0, 7) : word;
}
