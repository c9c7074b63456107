import { CAUSE_IDS, type Example, type WordCounts } from '../../content/types.js';
import type { Lexicon } from './lexicon.js';
import { normalize, stem } from './normalize.js';
import type { Tokens } from './tokens.js';

export type { WordCounts };

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
/** Row marks of a word: not worked out yet; left out like a stop word; unknown (breaks a pair). */
const UNSET = -3;
const SKIP = -2;
const UNKNOWN = -1;

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
  readonly #rows: number[] = [];
  readonly #sums = new Float64Array(CAUSE_IDS.length);
  readonly #lexicon: Lexicon;
  /**
   * Per lexicon id: the row of the word's stem, SKIP or UNKNOWN (`#rowOfWord`, worked out on first
   * use), and the row of the word read as a stem itself (`#rowOfStemId`, UNKNOWN for words that
   * are no stem; stem pairs follow the stems in the rows).
   */
  #rowOfWord = new Int32Array(0);
  #rowOfStemId: Int32Array;

  /** Stems and stop words join `lexicon`, so a text's words are looked up once for everything. */
  constructor(counted: WordCounts, lexicon: Lexicon) {
    this.#lexicon = lexicon;
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
    const stems = counted.stems.length;
    this.#rowOfStemId = new Int32Array(lexicon.size + stems).fill(UNKNOWN);
    counted.stems.forEach((t, r) => {
      const id = lexicon.add(t);
      if (id >= this.#rowOfStemId.length) this.#growStemRows(id + 1);
      this.#rowOfStemId[id] = r;
    });
    for (let k = 0; k + 1 < counted.pairs.length; k += 2) {
      const a = counted.pairs[k] ?? -1;
      const b = counted.pairs[k + 1] ?? -1;
      if (a >= 0 && b >= 0) this.#pairs.set(a * PAIR_KEY + b, stems + k / 2);
    }
    for (const w of STOP_WORDS) lexicon.add(w);
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

  #growStemRows(size: number): void {
    const rows = new Int32Array(Math.max(size, this.#rowOfStemId.length * 2)).fill(UNKNOWN);
    rows.set(this.#rowOfStemId);
    this.#rowOfStemId = rows;
  }

  #wordRow(id: number): number {
    if (id >= this.#rowOfWord.length) {
      // Grown when the lexicon has: ids come from it.
      const rows = new Int32Array(this.#lexicon.size).fill(UNSET);
      rows.set(this.#rowOfWord);
      this.#rowOfWord = rows;
    }
    let row = this.#rowOfWord[id] as number;
    if (row === UNSET) {
      const word = this.#lexicon.word(id);
      row = STOP_WORDS.has(word) || (word.length > 4 && isDigits(word)) ? SKIP : this.#stemRow(word.length > 7 ? this.#lexicon.idOf(stem(word)) : id);
      this.#rowOfWord[id] = row;
    }
    return row;
  }

  /** The row of the lexicon word `id` read as a stem (UNKNOWN for -1). */
  #stemRow(id: number): number {
    return id >= 0 && id < this.#rowOfStemId.length ? (this.#rowOfStemId[id] as number) : UNKNOWN;
  }

  /** The row of word `i` of the text: its stem's, SKIP for stop words and long numbers, or UNKNOWN. */
  #rowAt(tokens: Tokens, i: number): number {
    const id = tokens.ids[i] as number;
    if (id >= 0) return this.#wordRow(id);
    // Stop words are all in the lexicon: a word it lacks is unknown unless it is a long number
    // or longer than a stem, when its first 7 letters may be one.
    const words = tokens.words;
    const start = words.starts[i] as number;
    const end = words.ends[i] as number;
    if (end - start <= 4) return UNKNOWN;
    let digits = true;
    for (let k = start; k < end && digits; k++) {
      const b = words.bytes[k] as number;
      digits = b >= 48 && b <= 57;
    }
    if (digits) return SKIP;
    if (end - start <= 7) return UNKNOWN;
    const stemId = this.#lexicon.find(words, start, start + 7);
    return stemId < 0 ? UNKNOWN : this.#stemRow(stemId);
  }

  /** Whether the catalog has examples of cause `c` (CAUSE_IDS order): only those get a score. */
  knows(c: number): boolean {
    return this.#present[c] === true;
  }

  /**
   * Log-odds per cause (CAUSE_IDS order) for the text's words into `out`, scaled by
   * 1/√(known terms); false, with `out` untouched, when the text has no known term.
   */
  score(tokens: Tokens, out: Float64Array): boolean {
    const causes = CAUSE_IDS.length;
    const seen = this.#seen;
    if (this.#call === 0xffffffff) {
      seen.fill(0);
      this.#call = 0;
    }
    const call = ++this.#call;
    // Rows of the terms found, summed afterwards in one tight loop.
    const rows = this.#rows;
    rows.length = 0;
    // The same walk as terms(), without building the list: a stem pair can only be known when
    // both its stems are, so unknown words skip the pair lookup.
    let previous = -1;
    for (let i = 0; i < tokens.count; i++) {
      const row = this.#rowAt(tokens, i);
      if (row < 0) {
        // Stop words and long numbers are skipped by terms() without breaking a pair.
        if (row === UNKNOWN) previous = -1;
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
    if (known === 0) return false;
    const sums = this.#sums;
    sums.fill(0);
    const weights = this.#weights;
    for (const row of rows) {
      if (this.#computed[row] !== 1) this.#compute(row);
      const offset = row * causes;
      for (let c = 0; c < causes; c++) sums[c] = (sums[c] as number) + (weights[offset + c] as number);
    }
    // Naive Bayes grows overconfident with every word it adds up; dividing by √n keeps a long
    // report from drowning the hand-written evidence while a short message still counts.
    const scale = 1 / Math.sqrt(known);
    for (let c = 0; c < causes; c++) out[c] = (sums[c] as number) * scale;
    return true;
  }
}
