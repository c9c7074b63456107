/**
 * Strings one of which every match of a regular expression contains, read from its source: a
 * substring search for them is far cheaper than running the pattern over a whole text, and when
 * none is there the pattern cannot match. The context rules' patterns (content/context-rules.ts)
 * are tested this way first; most texts hold no "://" or "socketType=".
 *
 * Conservative by construction: anything not understood (Unicode mode, a construct not handled
 * below) gives no strings, and so no test. What is dropped from a pattern (lookarounds, classes,
 * optional parts) only ever makes the requirement weaker, never wrong.
 */

/** A requirement: one of these strings is in every match; null when nothing can be required. */
type Need = string[] | null;

/** Strings shorter than this are in most texts: a test for them would cost more than it saves. */
const MIN_LENGTH = 3;
/**
 * Each string is a search of the whole text (~0.1 µs for 500 characters): past a few, the test
 * costs about what the pattern does.
 */
const MAX_STRINGS = 4;

/**
 * A test that is false only when `pattern` cannot match the text (so the pattern need not run),
 * or null when its source gives nothing useful to look for. Under the `i` flag the test expects
 * the text lower-cased (`lowerCase`): without the `u` flag a pattern's ASCII letters match only
 * ASCII letters, which toLowerCase maps alike. Strings without letters ("://", "465") are
 * preferred: they are looked for in the text as it is, and lower-casing a 500-character text
 * costs about as much as running a context pattern over it.
 */
export function literalTest(pattern: RegExp): { lowerCase: boolean; test: (text: string) => boolean } | null {
  const asWritten = worthTesting(pattern, true);
  const strings = asWritten ?? worthTesting(pattern, false);
  if (strings === null) return null;
  return {
    lowerCase: asWritten === null && pattern.flags.includes('i'),
    test: (text: string) => {
      for (let i = 0; i < strings.length; i++) if (text.includes(strings[i] as string)) return true;
      return false;
    },
  };
}

/**
 * The strings (lower-cased under the `i` flag) one of which every match of `pattern` contains,
 * or null when nothing worth looking for can be read from its source. `asWritten`: only strings
 * that every match holds exactly so, whatever its case: under the `i` flag, none with a letter.
 */
export function requiredStrings(pattern: RegExp, asWritten = false): string[] | null {
  if (/[uv]/.test(pattern.flags)) return null;
  let need: Need;
  try {
    const parser = new Parser(pattern.source, pattern.flags.includes('i'), asWritten);
    need = parser.alternation();
    if (!parser.done) return null;
  } catch {
    return null;
  }
  if (need === null || need.length === 0 || need.some((s) => s.length < MIN_LENGTH)) return null;
  // A string that holds another adds nothing: wherever it is, so is the other.
  const strings = [...new Set(need)];
  return strings.filter((s) => !strings.some((t) => t !== s && s.includes(t)));
}

/** requiredStrings, when few enough to be worth looking for first. */
function worthTesting(pattern: RegExp, asWritten: boolean): string[] | null {
  const strings = requiredStrings(pattern, asWritten);
  return strings !== null && strings.length <= MAX_STRINGS ? strings : null;
}

/** The better of two requirements: longer shortest string first (rarer), then fewer strings. */
function better(a: Need, b: Need): Need {
  if (a === null) return b;
  if (b === null) return a;
  const shortest = (n: string[]) => Math.min(...n.map((s) => s.length));
  const d = shortest(a) - shortest(b);
  if (d !== 0) return d > 0 ? a : b;
  return a.length <= b.length ? a : b;
}

const UNSUPPORTED = new Error('unsupported pattern');

class Parser {
  #i = 0;
  readonly #source: string;
  readonly #ignoreCase: boolean;
  readonly #asWritten: boolean;

  /** Whether the whole source was read (a stray ")" stops the reading early). */
  get done(): boolean {
    return this.#i === this.#source.length;
  }

  constructor(source: string, ignoreCase: boolean, asWritten: boolean) {
    this.#source = source;
    this.#ignoreCase = ignoreCase;
    this.#asWritten = asWritten;
  }

  /** Branches separated by "|", up to ")" or the end: one of them matched, so one of their needs. */
  alternation(): Need {
    const branches: Need[] = [this.#sequence()];
    while (this.#source[this.#i] === '|') {
      this.#i++;
      branches.push(this.#sequence());
    }
    if (branches.some((b) => b === null)) return null;
    return branches.flatMap((b) => b ?? []);
  }

  /** Atoms one after another: runs of plain characters join into strings; the best need wins. */
  #sequence(): Need {
    const s = this.#source;
    let best: Need = null;
    let run = '';
    const endRun = () => {
      if (run !== '') best = better(best, [run]);
      run = '';
    };
    while (this.#i < s.length && s[this.#i] !== '|' && s[this.#i] !== ')') {
      const atom = this.#atom();
      const quantifier = this.#quantifier();
      if (quantifier === 'none' && atom.char !== null) {
        run += atom.char;
        continue;
      }
      endRun();
      // An optional atom needs nothing; a repeated one needs what it needs once.
      if (quantifier !== 'optional' && atom.need !== null) best = better(best, atom.need);
      else if (quantifier !== 'optional' && atom.char !== null) best = better(best, [atom.char]);
    }
    endRun();
    return best;
  }

  /** 'none', 'optional' (may be absent) or 'repeat' (one or more), with any lazy "?" read too. */
  #quantifier(): 'none' | 'optional' | 'repeat' {
    const s = this.#source;
    const ch = s[this.#i];
    let kind: 'none' | 'optional' | 'repeat' = 'none';
    if (ch === '?' || ch === '*') kind = 'optional';
    else if (ch === '+') kind = 'repeat';
    else if (ch === '{') {
      const m = /^\{(\d+)(,\d*)?\}/.exec(s.slice(this.#i));
      if (m) {
        this.#i += m[0].length - 1;
        kind = Number(m[1]) === 0 ? 'optional' : 'repeat';
      }
    }
    if (kind === 'none') return kind;
    this.#i++;
    if (s[this.#i] === '?') this.#i++;
    return kind;
  }

  /**
   * One atom: a plain character (`char`, lower-cased under `i`), or what a group needs (`need`),
   * or neither (a class, ".", an assertion, a lookaround).
   */
  #atom(): { char: string | null; need: Need } {
    const s = this.#source;
    const ch = s[this.#i++] as string;
    if (ch === '(') {
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
      const need = this.alternation();
      if (s[this.#i] !== ')') throw UNSUPPORTED;
      this.#i++;
      return { char: null, need: lookaround ? null : need };
    }
    if (ch === '[') {
      // A class: skipped whole (escapes and "]" inside included).
      if (s[this.#i] === ']') this.#i++;
      while (this.#i < s.length && s[this.#i] !== ']') this.#i += s[this.#i] === '\\' ? 2 : 1;
      if (s[this.#i] !== ']') throw UNSUPPORTED;
      this.#i++;
      return { char: null, need: null };
    }
    if (ch === '.' || ch === '^' || ch === '$') return { char: null, need: null };
    if (ch === '\\') return this.#escape();
    if ('*+?{}'.includes(ch) && ch !== '{' && ch !== '}') throw UNSUPPORTED;
    return { char: this.#plain(ch), need: null };
  }

  #escape(): { char: string | null; need: Need } {
    const s = this.#source;
    const ch = s[this.#i++];
    if (ch === undefined) throw UNSUPPORTED;
    if ('dDwWsSbB'.includes(ch)) return { char: null, need: null };
    if (/[1-9]/.test(ch)) {
      // A back-reference: all its digits.
      while (/[0-9]/.test(s[this.#i] ?? '')) this.#i++;
      return { char: null, need: null };
    }
    const controls: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };
    if (ch in controls) return { char: controls[ch] as string, need: null };
    if (ch === 'x' || ch === 'u') {
      const digits = ch === 'x' ? 2 : 4;
      const hex = s.slice(this.#i, this.#i + digits);
      if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) throw UNSUPPORTED;
      this.#i += digits;
      return { char: this.#plain(String.fromCharCode(parseInt(hex, 16))), need: null };
    }
    if (ch === 'c' || /[A-Za-z]/.test(ch)) throw UNSUPPORTED;
    // An escaped punctuation character stands for itself.
    return { char: ch, need: null };
  }

  /** A plain character as the test looks for it; null when it cannot be looked for safely. */
  #plain(ch: string): string | null {
    if (!this.#ignoreCase) return ch;
    // Under `i`, only ASCII compares safely after toLowerCase, and only what has no case as written.
    if (ch.charCodeAt(0) >= 128 || (this.#asWritten && ch.toLowerCase() !== ch.toUpperCase())) return null;
    return ch.toLowerCase();
  }
}
