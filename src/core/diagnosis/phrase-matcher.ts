import type { PhraseEvidence } from '../../content/types.js';

/**
 * Compiles evidence phrases once into regular expressions over normalised text (the pattern
 * language is described at PhraseEvidence). Each pattern is only run when one of its anchor words
 * is among the text's words, so hundreds of phrases cost a few set lookups per text instead of
 * hundreds of regex scans.
 */

interface CompiledPhrase {
  evidence: PhraseEvidence;
  /** Positions given by the matcher: this phrase among all, its evidence among all. */
  index: number;
  evidenceIndex: number;
  phrase: string;
  /** The parts' alternatives, turned into a regex on first use: most phrases never get past the word checks, and start-up counts. */
  parts: string[][];
  regex: RegExp | null;
  /** Plain words of which the text must contain at least one; empty when none can be required. */
  anchors: string[];
  /**
   * For each part of the phrase, its alternatives' plain words: for the phrase to match, every
   * part needs one alternative whose plain words are all in the text.
   */
  required: string[][][];
}

export interface PhraseMatch {
  evidence: PhraseEvidence;
  phrase: string;
}

export class PhraseSyntaxError extends Error {
  readonly code = 'PHRASE_SYNTAX';
}

export class PhraseMatcher {
  readonly #byAnchor = new Map<string, CompiledPhrase[]>();
  readonly #unanchored: CompiledPhrase[] = [];
  /** Per phrase and per evidence entry, the last call that tried or matched it: no Set per call. */
  readonly #tried: Uint32Array;
  readonly #matched: Uint32Array;
  #call = 0;

  constructor(evidence: readonly PhraseEvidence[], options: { validate?: boolean } = {}) {
    let phrases = 0;
    evidence.forEach((ev, evidenceIndex) => {
      for (const phrase of ev.phrases) {
        const compiled = compilePhrase(ev, phrase, options.validate ?? true);
        compiled.index = phrases++;
        compiled.evidenceIndex = evidenceIndex;
        if (compiled.anchors.length === 0) {
          this.#unanchored.push(compiled);
          continue;
        }
        for (const anchor of compiled.anchors) {
          const list = this.#byAnchor.get(anchor) ?? [];
          list.push(compiled);
          this.#byAnchor.set(anchor, list);
        }
      }
    });
    this.#tried = new Uint32Array(phrases);
    this.#matched = new Uint32Array(evidence.length);
  }

  /**
   * Every evidence entry with at least one phrase in the text; each entry once.
   * `spaced` is the normalised text with a leading space; `words` its set of words.
   */
  match(spaced: string, words: ReadonlySet<string>): PhraseMatch[] {
    const call = ++this.#call;
    const out: PhraseMatch[] = [];
    const tried = this.#tried;
    const matched = this.#matched;
    const test = (c: CompiledPhrase) => {
      if (tried[c.index] === call || matched[c.evidenceIndex] === call) return;
      tried[c.index] = call;
      if (!mayMatch(c.required, words)) return;
      c.regex ??= new RegExp(phraseSource(c));
      if (c.regex.test(spaced)) {
        matched[c.evidenceIndex] = call;
        out.push({ evidence: c.evidence, phrase: c.phrase });
      }
    };
    for (const word of words) {
      const list = this.#byAnchor.get(word);
      if (list) for (const c of list) test(c);
    }
    for (const c of this.#unanchored) test(c);
    return out;
  }
}

/** Every part must have an alternative whose plain words are all in the text. */
function mayMatch(required: string[][][], words: ReadonlySet<string>): boolean {
  for (const part of required) {
    let possible = false;
    for (const alternative of part) {
      let all = true;
      for (const w of alternative) {
        if (!words.has(w)) {
          all = false;
          break;
        }
      }
      if (all) {
        possible = true;
        break;
      }
    }
    if (!possible) return false;
  }
  return true;
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
  return { evidence, index: 0, evidenceIndex: 0, phrase, parts, regex: null, anchors: best ?? [], required };
}

/** The regex source of a compiled phrase; every word is preceded by a space, so is matched text. */
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
