/**
 * Strings one of which every match of a regular expression contains, read from its source: when a
 * text holds none of them the pattern cannot match, and looking for all the strings of all the
 * patterns at once (LiteralFinder) costs far less than running the patterns over the text. The
 * context rules' patterns (content/context-rules.ts) and the app-name patterns are tested this way.
 *
 * The strings are looked for with ASCII letters in either case (LiteralFinder), and after runs of
 * blanks were collapsed (extract.ts), so they are what such a text holds wherever the pattern
 * matches its original:
 * - Under the `i` flag without `u`, an ASCII letter matches only its two ASCII cases, which the
 *   finder reads alike; a non-ASCII character may match characters other than itself (µ and μ),
 *   so it is never part of a string.
 * - Collapsing blanks leaves a single space or line feed between two other characters as it was;
 *   any other blank in a string is a cut, and the longest piece stands for the string.
 *
 * Finite parts are spelt out in full ("g ?mail" is "gmail" or "g mail", "e?smtps?" holds "smtp"),
 * which names far rarer strings than their longest fixed run. Conservative by construction:
 * anything not understood (the `u` or `v` flag, a construct not handled below) gives no strings,
 * and what is dropped from a pattern (lookarounds, classes too large to spell out, optional and
 * repeated parts) only ever makes the requirement weaker, never wrong.
 */

import { isSpace } from './extract-chars.js';
import { LITERAL_STRINGS } from './literal-strings.generated.js';

/** Strings one of which is in every match; null when nothing can be required. */
type Need = string[] | null;

/** What a part of a pattern matches, as far as the strings go. */
interface Reading {
  /** Every string it can match (lower-cased), when all are known and few; null otherwise. */
  exact: string[] | null;
  /** Strings one of which every match holds, when not `exact`. */
  need: Need;
  /** Of a sequence, every requirement of its parts, `need` the best of them: each holds as well. */
  also?: Need[];
}

/** Beyond this many spelt-out strings a part counts as unknown: its strings would cost more than they tell. */
const MOST_STRINGS = 64;

const UNKNOWN: Reading = { exact: null, need: null };
const EMPTY: Reading = { exact: [''], need: null };

/**
 * The strings (lower-case) one of which every match of `pattern` contains, fit to be looked for
 * with ASCII letters in either case, in the text with its blank runs collapsed; null when none
 * can be named.
 */
export function requiredStrings(pattern: RegExp): string[] | null {
  if (/[uv]/.test(pattern.flags)) return null;
  try {
    const parser = new Parser(pattern.source);
    const reading = parser.alternation();
    if (!parser.done) return null;
    const need = needOf(reading);
    return need === null || need.length === 0 ? null : fewest(need);
  } catch {
    return null;
  }
}

/** How the generated table (scripts/build-literal-strings.ts) names a pattern. */
export function patternKey(pattern: RegExp): string {
  return `/${pattern.source}/${pattern.flags}`;
}

/** requiredStrings, as generated for emailhelp's own patterns: a fresh process parses none of them. */
export function gateStrings(pattern: RegExp): readonly string[] | null {
  const known = LITERAL_STRINGS.get(patternKey(pattern));
  return known !== undefined ? known : requiredStrings(pattern);
}

/** What every match of a reading holds: its own need, or its strings when it has no empty one. */
function needOf(r: Reading): Need {
  if (r.exact === null) return r.need;
  if (r.exact.includes('')) return null;
  return unique(r.exact.map(safePiece));
}

/**
 * The longest piece of `s` that survives the collapse of blank runs as it is: cut at every blank
 * but a single space or line feed between two other characters.
 */
function safePiece(s: string): string {
  let best = '';
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    const blank = i < s.length && isSpace(s.charCodeAt(i));
    const kept = blank && i > start && i + 1 < s.length && (s[i] === ' ' || s[i] === '\n') && !isSpace(s.charCodeAt(i + 1));
    if (i === s.length || (blank && !kept)) {
      if (i - start > best.length) best = s.slice(start, i);
      start = i + 1;
    }
  }
  return best;
}

/** The strings once each; none may be empty (an empty string is in every text). */
function unique(strings: string[]): Need {
  return strings.includes('') ? null : [...new Set(strings)];
}

/**
 * The same requirement in the fewest strings: one that holds another adds nothing. Done once per
 * pattern, at the end, as comparing every pair is the costliest step of the reading.
 */
function fewest(strings: string[]): string[] {
  const byLength = [...strings].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const s of byLength) if (!kept.some((t) => s.includes(t))) kept.push(s);
  return strings.filter((s) => kept.includes(s));
}

/** The better of two requirements: longer shortest string first (rarer), then fewer strings. */
function better(a: Need, b: Need): Need {
  if (a === null) return b;
  if (b === null) return a;
  const d = shortest(a) - shortest(b);
  if (d !== 0) return d > 0 ? a : b;
  return a.length <= b.length ? a : b;
}

function shortest(strings: string[]): number {
  let n = Infinity;
  for (const s of strings) n = Math.min(n, s.length);
  return n;
}

/** Each of `a` followed by each of `b`, or null when that is too many. */
function product(a: string[], b: string[]): string[] | null {
  if (a.length * b.length > MOST_STRINGS) return null;
  return a.flatMap((x) => b.map((y) => x + y));
}

const UNSUPPORTED = new Error('unsupported pattern');

class Parser {
  #i = 0;
  readonly #source: string;

  /** Whether the whole source was read (a stray ")" stops the reading early). */
  get done(): boolean {
    return this.#i === this.#source.length;
  }

  constructor(source: string) {
    this.#source = source;
  }

  /** Branches separated by "|", up to ")" or the end: a match is one of theirs. */
  alternation(): Reading {
    const branches: Reading[] = [this.#sequence()];
    while (this.#source[this.#i] === '|') {
      this.#i++;
      branches.push(this.#sequence());
    }
    if (branches.length === 1) return branches[0] as Reading;
    let exact: string[] | null = [];
    for (const b of branches) exact = exact === null || b.exact === null ? null : [...exact, ...b.exact];
    if (exact !== null && new Set(exact).size <= MOST_STRINGS) return { exact: [...new Set(exact)], need: null };
    const needs = branches.map(needOf);
    // A branch that needs a string holding one of an exact sibling's adds nothing to the gate: the
    // sibling's strings are in it ("thunderbird for android|android" needs "android" alone).
    // Exact branches are never dropped, so no dropped branch relies on another dropped one.
    const fixed = branches.flatMap((b, k) => (b.exact !== null ? (needs[k] ?? []) : []));
    branches.forEach((b, k) => {
      if (b.also?.some((n) => n !== null && n.every((x) => fixed.some((t) => x.includes(t))))) needs[k] = [];
    });
    return { exact: null, need: needs.some((n) => n === null) ? null : unique(needs.flatMap((n) => n ?? [])) };
  }

  /**
   * Parts one after another: runs of spelt-out parts multiply into strings; the best requirement
   * of the runs and of the other parts wins.
   */
  #sequence(): Reading {
    const s = this.#source;
    let best: Need = null;
    const all: Need[] = [];
    let run: string[] = [''];
    // Single characters (most parts) are joined to the run only when it has to multiply or end.
    let tail = '';
    let exact = true;
    const flush = () => {
      if (tail !== '') run = run.map((x) => x + tail);
      tail = '';
    };
    const endRun = (next: string[]) => {
      flush();
      const need = needOf({ exact: run, need: null });
      all.push(need);
      best = better(best, need);
      run = next;
    };
    while (this.#i < s.length && s[this.#i] !== '|' && s[this.#i] !== ')') {
      const part = this.#quantified(this.#atom());
      if (part.exact !== null && part.exact.length === 1) {
        tail += part.exact[0] as string;
        continue;
      }
      if (part.exact !== null) {
        flush();
        const longer = product(run, part.exact);
        if (longer !== null) run = longer;
        else {
          exact = false;
          endRun(part.exact);
        }
        continue;
      }
      exact = false;
      endRun(['']);
      all.push(part.need);
      best = better(best, part.need);
    }
    if (exact) {
      flush();
      return { exact: run, need: null };
    }
    endRun(['']);
    return { exact: null, need: best, also: all };
  }

  /** `atom` with the quantifier that follows it, if any (a lazy "?" read too). */
  #quantified(atom: Reading): Reading {
    const s = this.#source;
    const ch = s[this.#i];
    let min = 1;
    let max = 1;
    if (ch === '?') [min, max] = [0, 1];
    else if (ch === '*') [min, max] = [0, Infinity];
    else if (ch === '+') [min, max] = [1, Infinity];
    else if (ch === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(s.slice(this.#i));
      if (!m) return atom;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.#i += m[0].length - 1;
    } else return atom;
    this.#i++;
    if (s[this.#i] === '?') this.#i++;
    if (min === 1 && max === 1) return atom;
    if (min === 0) return max === 1 && atom.exact !== null ? { exact: [...new Set(['', ...atom.exact])], need: null } : UNKNOWN;
    // Repeated at least once: a match holds what one repetition holds.
    return { exact: null, need: needOf(atom) };
  }

  /** One atom: a character, a class, a group, an escape or an assertion. */
  #atom(): Reading {
    const s = this.#source;
    const ch = s[this.#i++] as string;
    if (ch === '(') return this.#group();
    if (ch === '[') return this.#class();
    if (ch === '^' || ch === '$') return EMPTY;
    if (ch === '.') return UNKNOWN;
    if (ch === '\\') return this.#escape(false);
    if (ch === '*' || ch === '+' || ch === '?') throw UNSUPPORTED;
    // "{", "}" and "]" out of place stand for themselves, as without the `u` flag.
    return this.#char(ch);
  }

  #group(): Reading {
    const s = this.#source;
    let lookaround = false;
    if (s[this.#i] === '?') {
      const rest = s.slice(this.#i + 1);
      if (rest.startsWith(':')) this.#i += 2;
      else if (/^(?:=|!|<=|<!)/.test(rest)) {
        lookaround = true;
        this.#i += rest.startsWith('<') ? 3 : 2;
      } else if (/^<[A-Za-z_$][\w$]*>/.test(rest)) this.#i += 1 + (rest.indexOf('>') + 1);
      else throw UNSUPPORTED;
    }
    const inside = this.alternation();
    if (s[this.#i] !== ')') throw UNSUPPORTED;
    this.#i++;
    // A lookaround matches no characters: it adds nothing to a string either side of it.
    return lookaround ? EMPTY : inside;
  }

  /** A class of plain characters is spelt out; one with ranges, negation or escapes like \w is not. */
  #class(): Reading {
    const s = this.#source;
    const chars = new Set<string>();
    let known = s[this.#i] !== '^';
    if (s[this.#i] === ']') {
      // "[]" matches nothing, "[]…]" is not JavaScript's: neither is worth reading.
      throw UNSUPPORTED;
    }
    while (this.#i < s.length && s[this.#i] !== ']') {
      let ch = s[this.#i++] as string;
      if (ch === '\\') {
        const escaped = this.#escape(true);
        if (escaped.exact === null || escaped.exact.length !== 1) known = false;
        else ch = escaped.exact[0] as string;
        if (escaped.exact === null) continue;
      } else {
        const plain = this.#char(ch);
        if (plain.exact === null) known = false;
        else ch = plain.exact[0] as string;
      }
      // A range ("a-z", but not a "-" first or last) is not spelt out.
      if (s[this.#i] === '-' && s[this.#i + 1] !== ']') known = false;
      chars.add(ch);
    }
    if (s[this.#i] !== ']') throw UNSUPPORTED;
    this.#i++;
    return known && chars.size > 0 ? { exact: [...chars], need: null } : UNKNOWN;
  }

  /** After a "\": in a class, "\b" is a backspace and no assertion. */
  #escape(inClass: boolean): Reading {
    const s = this.#source;
    const ch = s[this.#i++];
    if (ch === undefined) throw UNSUPPORTED;
    if ((ch === 'b' || ch === 'B') && !inClass) return EMPTY;
    if (ch === 'b') return this.#char('\b');
    if ('dDwWsS'.includes(ch)) return UNKNOWN;
    if (/[1-9]/.test(ch) || ch === 'k') {
      // A back-reference: what it repeats is not read. Its digits or name are skipped.
      if (ch === 'k' && s[this.#i] === '<') this.#i = s.indexOf('>', this.#i) + 1 || s.length;
      else while (/[0-9]/.test(s[this.#i] ?? '')) this.#i++;
      return UNKNOWN;
    }
    const controls: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };
    if (ch in controls) return this.#char(controls[ch] as string);
    if (ch === 'x' || ch === 'u') {
      const digits = ch === 'x' ? 2 : 4;
      const hex = s.slice(this.#i, this.#i + digits);
      if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) throw UNSUPPORTED;
      this.#i += digits;
      return this.#char(String.fromCharCode(parseInt(hex, 16)));
    }
    if (/[A-Za-z]/.test(ch)) throw UNSUPPORTED;
    // An escaped punctuation character stands for itself.
    return this.#char(ch);
  }

  /** A character as the finder reads it (lower-case); unknown when that is not certain (non-ASCII). */
  #char(ch: string): Reading {
    if (ch.charCodeAt(0) >= 128) return UNKNOWN;
    // Lower-cased with or without the `i` flag: the finder reads ASCII letters in either case.
    return { exact: [ch.toLowerCase()], need: null };
  }
}
