import type { PhraseEvidence } from '../../content/types.js';
import type { Lexicon } from './lexicon.js';
import type { Tokens } from './tokens.js';

/**
 * Compiles evidence phrases once into small programs over a text's word ids (the pattern language
 * is described at PhraseEvidence). A phrase is only tried when one of its anchor words is in the
 * text and every part can find its plain words there, so hundreds of phrases cost a few array
 * reads per text; the few that are tried walk the positions of their first word. The meaning is
 * that of the regular expression `phraseSource` gives over the normalised text, which the tests
 * hold the walk to.
 */

interface CompiledPhrase {
  evidence: PhraseEvidence;
  /** Positions given by the matcher: this phrase among all, its evidence among all. */
  index: number;
  evidenceIndex: number;
  phrase: string;
  /** Per part (the pieces between " .. "), its alternatives as written. */
  parts: string[][];
  /** Plain words of which the text must contain at least one; empty when none can be required. */
  anchors: string[];
  /**
   * For each part of the phrase, its alternatives' plain words: for the phrase to match, every
   * part needs one alternative whose plain words are all in the text.
   */
  required: string[][][];
}

/**
 * A word of a program: a lexicon id (≥ 0), or -1 - k for the k-th prefix ("refus*").
 * An element is a choice of word sequences ("(could not|unable to)"); a plain word is a choice
 * of one. An alternative is a sequence of elements; a part, a choice of alternatives.
 */
type Element = number[][];
type Alternative = Element[];
type Program = Alternative[][];

interface Runnable {
  compiled: CompiledPhrase;
  /** What a match reports: one object per phrase, made once. */
  match: PhraseMatch;
  /**
   * Built on first use (with `required` and `starts`): a text tries a few dozen of the hundreds
   * of phrases, and building them all would cost every start of the program.
   */
  program: Program | null;
  /**
   * What the text must hold for a match, flat: for each part, the number of its alternatives,
   * then per alternative the number of its words and those words (ids or prefixes, as in
   * Program). A part is possible when one of its alternatives has all its words in the text.
   */
  required: Int32Array;
  /** The words (ids or prefixes) a match can start with, or null when it can start anywhere. */
  starts: number[] | null;
}

export interface PhraseMatch {
  evidence: PhraseEvidence;
  phrase: string;
}

export class PhraseSyntaxError extends Error {
  readonly code = 'PHRASE_SYNTAX';
}

const NOTHING = new Int32Array(0);
/** The words of a (valid) phrase, prefixes with their "*": what elementsOf splits it into. */
const PHRASE_WORD = /[a-z0-9]+\*?/g;

/** Up to this many other words may sit where a phrase says " .. ". */
const GAP_WORDS = 4;

export class PhraseMatcher {
  /** Per lexicon id, the phrases it anchors (flat: `#anchored[#anchorStart[id] .. #anchorStart[id + 1]]`). */
  readonly #anchorStart: Int32Array;
  readonly #anchored: Runnable[] = [];
  readonly #unanchored: Runnable[] = [];
  readonly #prefixes: string[] = [];
  /** Per phrase and per evidence entry, the last call that tried or matched it: no Set per call. */
  readonly #tried: Uint32Array;
  readonly #matched: Uint32Array;
  /** Per prefix: the last call that looked for it, how many words had it, and where. */
  readonly #prefixCall: Uint32Array;
  readonly #prefixFound: Int32Array;
  readonly #prefixAt: Int32Array[];
  readonly #prefixIndex = new Map<string, number>();
  readonly #lexicon: Lexicon;
  #call = 0;
  /** The text being matched, for the walk. */
  #tokens: Tokens | null = null;

  constructor(evidence: readonly PhraseEvidence[], lexicon: Lexicon, options: { validate?: boolean } = {}) {
    this.#lexicon = lexicon;
    let phrases = 0;
    const byAnchor = new Map<number, Runnable[]>();
    evidence.forEach((ev, evidenceIndex) => {
      for (const phrase of ev.phrases) {
        const compiled = compilePhrase(ev, phrase, options.validate ?? true);
        compiled.index = phrases++;
        compiled.evidenceIndex = evidenceIndex;
        // Every word of the phrase gets its id now, so that texts read before a phrase is
        // first tried already carry them.
        for (const w of phrase.match(PHRASE_WORD) ?? []) this.#word(w, lexicon);
        const runnable: Runnable = { compiled, match: { evidence: ev, phrase }, program: null, required: NOTHING, starts: null };
        if (compiled.anchors.length === 0) {
          this.#unanchored.push(runnable);
          continue;
        }
        for (const anchor of compiled.anchors) {
          const id = lexicon.add(anchor);
          const list = byAnchor.get(id) ?? [];
          list.push(runnable);
          byAnchor.set(id, list);
        }
      }
    });
    this.#anchorStart = new Int32Array(lexicon.size + 1);
    for (let id = 0; id < lexicon.size; id++) {
      this.#anchorStart[id] = this.#anchored.length;
      for (const r of byAnchor.get(id) ?? []) this.#anchored.push(r);
    }
    this.#anchorStart[lexicon.size] = this.#anchored.length;
    this.#tried = new Uint32Array(phrases);
    this.#matched = new Uint32Array(evidence.length);
    this.#prefixCall = new Uint32Array(this.#prefixes.length);
    this.#prefixFound = new Int32Array(this.#prefixes.length);
    this.#prefixAt = this.#prefixes.map(() => new Int32Array(16));
  }

  /** A word of a program: its lexicon id, or -1 - k for the k-th prefix. */
  #word(w: string, lexicon: Lexicon): number {
    if (!w.endsWith('*')) return lexicon.add(w);
    const prefix = w.slice(0, -1);
    let k = this.#prefixIndex.get(prefix);
    if (k === undefined) this.#prefixIndex.set(prefix, (k = this.#prefixes.push(prefix) - 1));
    return -1 - k;
  }

  #resolve(r: Runnable): void {
    const lexicon = this.#lexicon;
    const compiled = r.compiled;
    const word = (w: string) => this.#word(w, lexicon);
    const program = compiled.parts.map((alternatives) =>
      alternatives.map((alternative) => elementsOf(alternative).map((choices) => choices.map((choice) => choice.map(word)))),
    );
    let starts: number[] | null = [];
    for (const alternative of program[0] ?? []) {
      for (const choice of alternative[0] ?? []) {
        const first = choice[0];
        if (first === undefined) starts = null;
        else if (starts && !starts.includes(first)) starts.push(first);
      }
    }
    // Every word outside a choice of several is needed: plain words and prefixes alike.
    const required: number[] = [];
    for (const part of program) {
      required.push(part.length);
      for (const alternative of part) {
        const needed = alternative.filter((element) => element.length === 1).flatMap((element) => element[0] ?? []);
        required.push(needed.length, ...needed);
      }
    }
    r.program = program;
    r.required = Int32Array.from(required);
    r.starts = starts;
  }

  /**
   * Every evidence entry with at least one phrase in the text; each entry once. The matches are
   * the matcher's own objects, the same for every text: read them, never change them.
   */
  match(tokens: Tokens): PhraseMatch[] {
    if (this.#call === 0xffffffff) {
      this.#tried.fill(0);
      this.#matched.fill(0);
      this.#prefixCall.fill(0);
      this.#call = 0;
    }
    this.#call++;
    this.#tokens = tokens;
    const out: PhraseMatch[] = [];
    // Anchors are visited in the order their words first occur in the text, which decides
    // which phrase of an entry is reported.
    const ids = tokens.ids;
    const anchorStart = this.#anchorStart;
    const limit = anchorStart.length - 1;
    for (let i = 0; i < tokens.count; i++) {
      const id = ids[i] as number;
      if (id < 0 || id >= limit || tokens.first(id) !== i) continue;
      const end = anchorStart[id + 1] as number;
      for (let k = anchorStart[id] as number; k < end; k++) this.#test(this.#anchored[k] as Runnable, out);
    }
    for (const r of this.#unanchored) this.#test(r, out);
    this.#tokens = null;
    return out;
  }

  #test(r: Runnable, out: PhraseMatch[]): void {
    const c = r.compiled;
    const call = this.#call;
    if (this.#tried[c.index] === call || this.#matched[c.evidenceIndex] === call) return;
    this.#tried[c.index] = call;
    if (r.program === null) this.#resolve(r);
    if (!this.#mayMatch(r.required) || !this.#matches(r)) return;
    this.#matched[c.evidenceIndex] = call;
    out.push(r.match);
  }

  /**
   * Whether every part has an alternative whose needed words are all in the text. Known words
   * are checked first, prefixes (a walk over the text's words) only for phrases that pass.
   */
  #mayMatch(required: Int32Array): boolean {
    return this.#possible(required, false) && this.#possible(required, true);
  }

  /** `prefixes`: whether prefixes are checked too; otherwise they are taken as present. */
  #possible(required: Int32Array, prefixes: boolean): boolean {
    const tokens = this.#tokens as Tokens;
    let i = 0;
    while (i < required.length) {
      let alternatives = required[i++] as number;
      let possible = false;
      for (; alternatives > 0; alternatives--) {
        const n = required[i++] as number;
        const end = i + n;
        if (!possible) {
          let all = true;
          for (let k = i; k < end && all; k++) {
            const word = required[k] as number;
            if (word >= 0) all = tokens.has(word);
            else if (prefixes) all = this.#prefixCount(-1 - word) > 0;
          }
          possible = all;
        }
        i = end;
      }
      if (!possible) return false;
    }
    return true;
  }

  /** How many of the text's words begin with prefix `k`; their positions are worked out once per text. */
  #prefixCount(k: number): number {
    if (this.#prefixCall[k] === this.#call) return this.#prefixFound[k] as number;
    const tokens = this.#tokens as Tokens;
    const prefix = this.#prefixes[k] as string;
    const firstByte = prefix.charCodeAt(0);
    const { bytes, starts } = tokens.words;
    let positions = this.#prefixAt[k] as Int32Array;
    let found = 0;
    for (let i = 0; i < tokens.count; i++) {
      if (bytes[starts[i] as number] !== firstByte || !tokens.startsWith(i, prefix)) continue;
      if (found === positions.length) {
        const grown = new Int32Array(found * 2);
        grown.set(positions);
        this.#prefixAt[k] = positions = grown;
      }
      positions[found++] = i;
    }
    this.#prefixCall[k] = this.#call;
    this.#prefixFound[k] = found;
    return found;
  }

  #matches(r: Runnable): boolean {
    const tokens = this.#tokens as Tokens;
    const program = r.program as Program;
    if (r.starts === null) {
      for (let p = 0; p < tokens.count; p++) if (this.#part(program, 0, p)) return true;
      return false;
    }
    for (const word of r.starts) {
      if (word >= 0) {
        if (!tokens.has(word)) continue;
        for (let p = tokens.first(word); p >= 0; p = tokens.next[p] as number) if (this.#part(program, 0, p)) return true;
      } else {
        const found = this.#prefixCount(-1 - word);
        const positions = this.#prefixAt[-1 - word] as Int32Array;
        for (let j = 0; j < found; j++) if (this.#part(program, 0, positions[j] as number)) return true;
      }
    }
    return false;
  }

  /** Whether part `k` and all after it match with part `k` starting at word `pos`. */
  #part(program: Program, k: number, pos: number): boolean {
    const alternatives = program[k] as Alternative[];
    for (let a = 0; a < alternatives.length; a++) if (this.#element(program, k, alternatives[a] as Alternative, 0, pos)) return true;
    return false;
  }

  #element(program: Program, k: number, alternative: Alternative, e: number, pos: number): boolean {
    if (e === alternative.length) {
      if (k + 1 === program.length) return true;
      const last = Math.min(pos + GAP_WORDS, (this.#tokens as Tokens).count - 1);
      for (let q = pos; q <= last; q++) if (this.#part(program, k + 1, q)) return true;
      return false;
    }
    const choices = alternative[e] as Element;
    for (let c = 0; c < choices.length; c++) {
      const end = this.#sequence(choices[c] as number[], pos);
      if (end >= 0 && this.#element(program, k, alternative, e + 1, end)) return true;
    }
    return false;
  }

  /** The position after `words` when they are the text's words from `pos` on, else -1. */
  #sequence(words: number[], pos: number): number {
    const tokens = this.#tokens as Tokens;
    if (pos + words.length > tokens.count) return -1;
    const ids = tokens.ids;
    for (let w = 0; w < words.length; w++) {
      const word = words[w] as number;
      if (word >= 0 ? ids[pos + w] !== word : !tokens.startsWith(pos + w, this.#prefixes[-1 - word] as string)) return -1;
    }
    return pos + words.length;
  }
}

/**
 * An alternative as elements, each a choice of word sequences: "(could not|unable to) connect"
 * → [[["could", "not"], ["unable", "to"]], [["connect"]]]. Words split as alternativeToRegex splits them.
 */
function elementsOf(alternative: string): string[][][] {
  const out: string[][][] = [];
  let i = 0;
  while (i < alternative.length) {
    const ch = alternative[i];
    if (ch === ' ') {
      i++;
      continue;
    }
    if (ch === '(') {
      const end = alternative.indexOf(')', i);
      const inner = alternative.slice(i + 1, end);
      out.push(inner.split('|').map((choice) => choice.trim().split(' ').filter((w) => w !== '')));
      i = end + 1;
      continue;
    }
    let j = i;
    while (j < alternative.length && alternative[j] !== ' ' && alternative[j] !== '(') j++;
    out.push([[alternative.slice(i, j)]]);
    i = j;
  }
  return out;
}

const VALID = /^[a-z0-9 *|()]+$/;
const GAP = '(?: [a-z0-9]+){0,4}';

/**
 * `validate`: check every word's spelling too. The engine skips that at start-up (every phrase in
 * src/content is validated by the test suite); a phrase from anywhere else should be validated.
 */
export function compilePhrase(evidence: PhraseEvidence, phrase: string, validate = true): CompiledPhrase {
  const fail = (why: string) => new PhraseSyntaxError(`evidence phrase "${phrase}" (${evidence.source}): ${why}`);
  const trimmed = phrase.trim().replace(/\s+/g, ' ');
  if (!VALID.test(trimmed.replace(/ \.\. /g, ' '))) throw fail('only normalised words, "*", "|", "(", ")" and " .. " may appear');
  const segments = trimmed.split(' .. ');
  let best: string[] | null = null;
  const required: string[][][] = [];
  const parts = segments.map((segment) => {
    const alternatives = splitTopLevel(segment, fail);
    const anchors = alternatives.map(anchorsOf);
    if (anchors.every((a): a is string[] => a !== null)) {
      const unique = [...new Set(anchors.flat())];
      if (!best || score(unique) > score(best)) best = unique;
    }
    required.push(alternatives.map(plainWords));
    if (validate) for (const a of alternatives) checkWords(a, fail);
    return alternatives;
  });
  return { evidence, index: 0, evidenceIndex: 0, phrase, parts, anchors: best ?? [], required };
}

/**
 * The meaning of a compiled phrase as a regular expression over the normalised text with a leading
 * space (every word is preceded by a space): the reference the word walk is tested against.
 */
export function phraseSource(c: { parts: string[][] }): string {
  return `${c.parts.map((alternatives) => `(?:${alternatives.map(alternativeToRegex).join('|')})`).join(GAP)}(?![a-z0-9])`;
}

/** Words must already be normalised; groups may not nest. */
function checkWords(alternative: string, fail: (why: string) => Error): void {
  const flat = alternative.replace(/[()]/g, (ch) => ` ${ch} `);
  let depth = 0;
  for (const token of flat.split(/[\s|]+/)) {
    if (token === '(') {
      if (++depth > 1) throw fail('groups cannot nest');
    } else if (token === ')') depth--;
    else if (token !== '' && !/^[a-z0-9]+\*?$/.test(token)) throw fail(`"${token}" is not a normalised word`);
  }
  if (/\(\s*\||\|\s*\)|\|\s*\|/.test(alternative)) throw fail('empty choice in a group');
}

/** Prefer few, long anchor words: they rule a phrase out for more texts. */
function score(anchors: string[]): number {
  return Math.min(...anchors.map((a) => a.length)) - anchors.length;
}

function splitTopLevel(segment: string, fail: (why: string) => Error): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of segment) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth < 0) throw fail('unbalanced ")"');
    if (ch === '|' && depth === 0) {
      out.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (depth !== 0) throw fail('unbalanced "("');
  out.push(current.trim());
  if (out.some((a) => a === '')) throw fail('empty alternative');
  return out;
}

/** Words outside any group and without "*": a text lacking one of them cannot match. */
function plainWords(alternative: string): string[] {
  return alternative
    .replace(/\([^()]*\)/g, ' ')
    .split(' ')
    .filter((w) => w !== '' && !w.includes('*'));
}

/**
 * Words one of which a text must hold for this alternative to match: its longest plain word, or,
 * when it has none, the longest plain word of each choice of one of its groups. Null when every
 * word is a prefix ("refus*"): such a phrase is tried on every text.
 */
function anchorsOf(alternative: string): string[] | null {
  const words = plainWords(alternative);
  if (words.length > 0) return [words.reduce((a, b) => (b.length > a.length ? b : a))];
  for (const group of alternative.match(/\(([^()]*)\)/g) ?? []) {
    const choices = group.slice(1, -1).split('|').map((choice) => plainWords(choice));
    if (choices.every((c) => c.length > 0)) return choices.map((c) => c.reduce((a, b) => (b.length > a.length ? b : a)));
  }
  return null;
}

function alternativeToRegex(alternative: string): string {
  // Words become " word"; a group "(a b|c)" becomes "(?: a b| c)" so each choice brings its spaces.
  let out = '';
  let i = 0;
  while (i < alternative.length) {
    const ch = alternative[i];
    if (ch === ' ') {
      i++;
      continue;
    }
    if (ch === '(') {
      const end = alternative.indexOf(')', i);
      const inner = alternative.slice(i + 1, end);
      out += `(?:${inner.split('|').map((choice) => wordsToRegex(choice.trim())).join('|')})`;
      i = end + 1;
      continue;
    }
    let j = i;
    while (j < alternative.length && alternative[j] !== ' ' && alternative[j] !== '(') j++;
    out += wordsToRegex(alternative.slice(i, j));
    i = j;
  }
  return out;
}

function wordsToRegex(words: string): string {
  return words
    .split(' ')
    .map((w) => ` ${w.endsWith('*') ? `${w.slice(0, -1)}[a-z0-9]*` : w}`)
    .join('');
}
