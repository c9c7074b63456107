import { CAUSE_IDS, type CauseId, type Example, type WordCounts } from '../../content/types.js';

export type { WordCounts };
import { normalize, stem } from './normalize.js';

/**
 * What the words of a text say, learned from the catalog of real, labelled messages. Users
 * describe one problem in endless ways; hand-written phrases miss most of them, while word
 * statistics over real messages carry over to wordings nobody wrote a phrase for.
 *
 * The model is naive Bayes in one-vs-rest form: for each cause, the log-odds that a message with
 * this word belongs to the cause rather than to another. It is counted from the catalog when the
 * engine is built (a few milliseconds), so adding an example needs no training step.
 */

// Words in every language's error text that say nothing about the cause.
const STOP_WORDS = new Set(
  (
    'the a an and or of to in on at for with is are was were be been it this that i my me we our you your ' +
    'has have had not no do does did can could would will from by as but if so when then there their they ' +
    'error message mail email e mail please again any all just get got also very still now what how ' +
    'der die das und oder ist sind ein eine einen mit von zu im in den dem des nicht ich mein meine sie es ' +
    'el la los las un una y o de del en con por para que se es no mi mis su lo al ' +
    'le la les un une et ou de du des en avec pour que qui est pas je mon ma mes il ce ' +
    'o a os as um uma e ou de do da dos das em com por para que nao meu minha ' +
    'il lo la gli le un una e o di del della in con per che non mio mia'
  ).split(' '),
);

/** Additive smoothing: a word seen once for a cause is a hint, not proof. */
const SMOOTHING = 0.5;
/**
 * Terms must appear in this many catalog messages to be kept. Dropping the terms of a single
 * message shrinks the model fourfold but cost 1–2 points of held-out accuracy, so all are kept.
 */
const MIN_MESSAGES = 1;
/** Rows stay below this, so two rows make one safe integer key. */
const PAIR_KEY = 1 << 16;
const MAX_CACHED_WORDS = 50_000;

function isDigits(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Stems and adjacent stem pairs of a normalised text, stop words and long numbers left out. */
export function terms(normalizedText: string): string[] {
  const out: string[] = [];
  let previous: string | null = null;
  for (const word of normalizedText.split(' ')) {
    if (word === '' || STOP_WORDS.has(word) || (word.length > 4 && isDigits(word))) continue;
    const s = stem(word);
    out.push(s);
    if (previous !== null) out.push(`${previous}_${s}`);
    previous = s;
  }
  return out;
}

export function countWords(examples: readonly Example[]): WordCounts {
  const causes = CAUSE_IDS.length;
  const rows = new Map<string, number[]>();
  const termsPerCause: number[] = new Array<number>(causes).fill(0);
  for (const e of examples) {
    const c = CAUSE_IDS.indexOf(e.cause);
    for (const t of new Set(terms(normalize(e.text)))) {
      let row = rows.get(t);
      if (!row) rows.set(t, (row = new Array<number>(causes).fill(0)));
      row[c] = (row[c] ?? 0) + 1;
      termsPerCause[c] = (termsPerCause[c] ?? 0) + 1;
    }
  }
  const kept = [...rows].filter(([, row]) => row.reduce((a, b) => a + b, 0) >= MIN_MESSAGES);
  // Stems first, then stem pairs as two stem indexes: numbers, so loading needs no string work.
  const stems = kept.filter(([t]) => !t.includes('_'));
  const index = new Map(stems.map(([t], i) => [t, i]));
  const pairs = kept.filter(([t]) => t.includes('_') && t.split('_').every((part) => index.has(part)));
  const sparse = (row: number[]) => row.flatMap((n, c) => (n > 0 ? [c, n] : []));
  return {
    causes: CAUSE_IDS,
    termsPerCause,
    stems: stems.map(([t]) => t),
    pairs: pairs.flatMap(([t]) => t.split('_').map((part) => index.get(part) ?? -1)),
    counts: [...stems, ...pairs].map(([, row]) => sparse(row)),
  };
}

export class WordModel {
  /** Row of each known stem; stem pairs follow the stems. */
  readonly #rowOfStem = new Map<string, number>();
  /** Stem pairs by their two stems' rows (first × PAIR_KEY + second): numbers hash faster than strings. */
  readonly #pairs = new Map<number, number>();
  /**
   * Log-odds each term adds to each cause (CAUSE_IDS order), one row per term, computed on first
   * use: a text touches a hundred of the thousands of rows, and start-up time counts.
   */
  readonly #weights: Float64Array;
  readonly #computed: Uint8Array;
  readonly #counts: number[][];
  readonly #causeIndex: number[];
  readonly #termsPerCause: Float64Array;
  readonly #total: number;
  readonly #vocabulary: number;
  readonly #present: boolean[];
  /** Per-term mark of the last scoring call that counted it, so each term counts once without a Set. */
  readonly #seen: Uint32Array;
  #call = 0;
  /**
   * Row of each word's stem, or -1, by the word as it appears: the word's string hash is already
   * computed by then, while slicing a stem would hash a new string for every long word.
   */
  readonly #rowOfWord = new Map<string, number>();

  constructor(counted: WordCounts) {
    const causes = CAUSE_IDS.length;
    // Counts made under another cause order (an old generated file) are mapped by id.
    this.#causeIndex = counted.causes.map((id) => CAUSE_IDS.indexOf(id));
    this.#termsPerCause = new Float64Array(causes);
    counted.termsPerCause.forEach((n, i) => {
      const c = this.#causeIndex[i] ?? -1;
      if (c >= 0) this.#termsPerCause[c] = n;
    });
    this.#total = this.#termsPerCause.reduce((a, b) => a + b, 0);
    this.#counts = counted.counts;
    this.#vocabulary = counted.counts.length;
    this.#present = Array.from(this.#termsPerCause, (n) => n > 0);
    this.#weights = new Float64Array(this.#vocabulary * causes);
    this.#computed = new Uint8Array(this.#vocabulary);
    this.#seen = new Uint32Array(this.#vocabulary);
    counted.stems.forEach((t, r) => this.#rowOfStem.set(t, r));
    const stems = counted.stems.length;
    for (let k = 0; k + 1 < counted.pairs.length; k += 2) {
      const a = counted.pairs[k] ?? -1;
      const b = counted.pairs[k + 1] ?? -1;
      if (a >= 0 && b >= 0) this.#pairs.set(a * PAIR_KEY + b, stems + k / 2);
    }
  }

  /** Fills a term's row of log-odds from its counts (one-vs-rest, smoothed). */
  #compute(r: number): void {
    const causes = CAUSE_IDS.length;
    const row = new Float64Array(causes);
    const counts = this.#counts[r] ?? [];
    for (let k = 0; k + 1 < counts.length; k += 2) {
      const c = this.#causeIndex[counts[k] ?? -1] ?? -1;
      if (c >= 0) row[c] = counts[k + 1] ?? 0;
    }
    const all = row.reduce((a, b) => a + b, 0);
    const v = this.#vocabulary;
    for (let c = 0; c < causes; c++) {
      const inCause = row[c] ?? 0;
      const inCauseTotal = this.#termsPerCause[c] ?? 0;
      this.#weights[r * causes + c] =
        Math.log((inCause + SMOOTHING) / (inCauseTotal + SMOOTHING * v)) -
        Math.log((all - inCause + SMOOTHING) / (this.#total - inCauseTotal + SMOOTHING * v));
    }
    this.#computed[r] = 1;
  }

  #rowOf(word: string): number {
    let row = this.#rowOfWord.get(word);
    if (row === undefined) {
      row = STOP_WORDS.has(word) || (word.length > 4 && isDigits(word)) ? -1 : (this.#rowOfStem.get(stem(word)) ?? -1);
      // Bounded: a flood of distinct junk words must not grow memory without limit.
      if (this.#rowOfWord.size > MAX_CACHED_WORDS) this.#rowOfWord.clear();
      this.#rowOfWord.set(word, row);
    }
    return row;
  }

  /**
   * Log-odds per cause for the words of a normalised text, scaled by 1/√(known terms); causes
   * without examples are left out.
   */
  score(words: readonly string[]): Map<CauseId, number> {
    const causes = CAUSE_IDS.length;
    const seen = this.#seen;
    const call = ++this.#call;
    // Rows of the terms found, summed afterwards in one tight loop.
    const rows: number[] = [];
    // The same walk as terms(), without building the list: a stem pair can only be known when
    // both its stems are, so unknown words skip the pair lookup.
    let previous = -1;
    for (const word of words) {
      const row = this.#rowOf(word);
      if (row < 0) {
        // Stop words and long numbers are skipped by terms() without breaking a pair.
        if (!STOP_WORDS.has(word) && !(word.length > 4 && isDigits(word))) previous = -1;
        continue;
      }
      if (seen[row] !== call) {
        seen[row] = call;
        rows.push(row);
      }
      if (previous >= 0) {
        const pair = this.#pairs.get(previous * PAIR_KEY + row);
        if (pair !== undefined && seen[pair] !== call) {
          seen[pair] = call;
          rows.push(pair);
        }
      }
      previous = row;
    }
    const known = rows.length;
    const sums = new Float64Array(causes);
    const weights = this.#weights;
    for (const row of rows) {
      if (this.#computed[row] !== 1) this.#compute(row);
      const offset = row * causes;
      for (let c = 0; c < causes; c++) sums[c] = (sums[c] as number) + (weights[offset + c] as number);
    }
    const out = new Map<CauseId, number>();
    if (known === 0) return out;
    // Naive Bayes grows overconfident with every word it adds up; dividing by √n keeps a long
    // report from drowning the hand-written evidence while a short message still counts.
    const scale = 1 / Math.sqrt(known);
    CAUSE_IDS.forEach((id, c) => {
      if (this.#present[c]) out.set(id, (sums[c] ?? 0) * scale);
    });
    return out;
  }
}
