import type { PhraseEvidence } from '../../content/types.js';

/**
 * Compiles evidence phrases once into regular expressions over normalised text (the pattern
 * language is described at PhraseEvidence). Each pattern is only run when one of its anchor words
 * is among the text's words, so hundreds of phrases cost a few set lookups per text instead of
 * hundreds of regex scans.
 */

interface CompiledPhrase {
  evidence: PhraseEvidence;
  phrase: string;
  regex: RegExp;
  /** Plain words of which the text must contain at least one; empty when none can be required. */
  anchors: string[];
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

  constructor(evidence: readonly PhraseEvidence[]) {
    for (const ev of evidence) {
      for (const phrase of ev.phrases) {
        const compiled = compilePhrase(ev, phrase);
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
    }
  }

  /**
   * Every evidence entry with at least one phrase in the text; each entry once.
   * `spaced` is the normalised text with a leading space; `words` its set of words.
   */
  match(spaced: string, words: ReadonlySet<string>): PhraseMatch[] {
    const tried = new Set<CompiledPhrase>();
    const matched = new Map<PhraseEvidence, string>();
    const test = (c: CompiledPhrase) => {
      if (tried.has(c) || matched.has(c.evidence)) return;
      tried.add(c);
      if (c.regex.test(spaced)) matched.set(c.evidence, c.phrase);
    };
    for (const word of words) {
      const list = this.#byAnchor.get(word);
      if (list) for (const c of list) test(c);
    }
    for (const c of this.#unanchored) test(c);
    return [...matched].map(([evidence, phrase]) => ({ evidence, phrase }));
  }
}

const VALID = /^[a-z0-9 *|()]+$/;
const GAP = '(?: [a-z0-9]+){0,4}';

export function compilePhrase(evidence: PhraseEvidence, phrase: string): CompiledPhrase {
  const fail = (why: string) => new PhraseSyntaxError(`evidence phrase "${phrase}" (${evidence.source}): ${why}`);
  const trimmed = phrase.trim().replace(/\s+/g, ' ');
  if (!VALID.test(trimmed.replace(/ \.\. /g, ' '))) throw fail('only normalised words, "*", "|", "(", ")" and " .. " may appear');
  const segments = trimmed.split(' .. ');
  let best: string[] | null = null;
  const parts = segments.map((segment) => {
    const alternatives = splitTopLevel(segment, fail);
    const anchors = alternatives.map(anchorOf);
    if (anchors.every((a): a is string => a !== null)) {
      const unique = [...new Set(anchors)];
      if (!best || score(unique) > score(best)) best = unique;
    }
    return `(?:${alternatives.map((a) => alternativeToRegex(a, fail)).join('|')})`;
  });
  // Every word in the regex is preceded by a space; matched text gets a leading space for the first.
  const regex = new RegExp(`${parts.join(GAP)}(?![a-z0-9])`);
  return { evidence, phrase, regex, anchors: best ?? [] };
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

/** The longest plain word outside any group: a text without it cannot match this alternative. */
function anchorOf(alternative: string): string | null {
  const outside = alternative.replace(/\([^()]*\)/g, ' ');
  const words = outside.split(' ').filter((w) => w !== '' && !w.includes('*'));
  if (words.length === 0) return null;
  return words.reduce((a, b) => (b.length > a.length ? b : a));
}

function alternativeToRegex(alternative: string, fail: (why: string) => Error): string {
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
      if (inner.includes('(')) throw fail('groups cannot nest');
      out += `(?:${inner.split('|').map((choice) => wordsToRegex(choice.trim(), fail)).join('|')})`;
      i = end + 1;
      continue;
    }
    let j = i;
    while (j < alternative.length && alternative[j] !== ' ' && alternative[j] !== '(') j++;
    out += wordsToRegex(alternative.slice(i, j), fail);
    i = j;
  }
  return out;
}

function wordsToRegex(words: string, fail: (why: string) => Error): string {
  if (words === '') throw fail('empty choice in a group');
  return words
    .split(' ')
    .map((w) => {
      if (!/^[a-z0-9]+\*?$/.test(w)) throw fail(`"${w}" is not a normalised word`);
      return ` ${w.endsWith('*') ? `${w.slice(0, -1)}[a-z0-9]*` : w}`;
    })
    .join('');
}
