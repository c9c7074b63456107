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
  return {
    causes: CAUSE_IDS,
    termsPerCause,
    terms: kept.map(([t]) => t),
    counts: kept.map(([, row]) => row.flatMap((n, c) => (n > 0 ? [c, n] : []))),
  };
}

export class WordModel {
  /** Row offsets into #weights for each known term: a flat array keeps scoring to plain loads. */
  readonly #offsets = new Map<string, number>();
  /** For each known term, the log-odds it adds to each cause (CAUSE_IDS order), one row per term. */
  readonly #weights: Float64Array;
  readonly #present: boolean[];
  /** Per-term mark of the last scoring call that counted it, so each term counts once without a Set. */
  readonly #seen: Uint32Array;
  #call = 0;
  /** Stem pairs by their two stems' rows (first × PAIR_KEY + second): numbers hash faster than strings. */
  readonly #pairs = new Map<number, number>();
  /**
   * Row of each word's stem, or -1, by the word as it appears: the word's string hash is already
   * computed by then, while slicing a stem would hash a new string for every long word.
   */
  readonly #rowOfWord = new Map<string, number>();

  constructor(counted: WordCounts) {
    const causes = CAUSE_IDS.length;
    // Counts made under another cause order (an old generated file) are mapped by id.
    const index = counted.causes.map((id) => CAUSE_IDS.indexOf(id));
    const termsPerCause = new Float64Array(causes);
    counted.termsPerCause.forEach((n, i) => {
      const c = index[i] ?? -1;
      if (c >= 0) termsPerCause[c] = n;
    });
    const total = termsPerCause.reduce((a, b) => a + b, 0);
    const vocabulary = counted.terms.length;
    this.#present = Array.from(termsPerCause, (n) => n > 0);
    this.#weights = new Float64Array(vocabulary * causes);
    this.#seen = new Uint32Array(vocabulary);
    const row = new Float64Array(causes);
    counted.terms.forEach((t, r) => {
      row.fill(0);
      const pairs = counted.counts[r] ?? [];
      for (let k = 0; k + 1 < pairs.length; k += 2) {
        const c = index[pairs[k] ?? -1] ?? -1;
        if (c >= 0) row[c] = pairs[k + 1] ?? 0;
      }
      const all = row.reduce((a, b) => a + b, 0);
      const offset = r * causes;
      for (let c = 0; c < causes; c++) {
        const inCause = row[c] ?? 0;
        const inCauseTotal = termsPerCause[c] ?? 0;
        this.#weights[offset + c] =
          Math.log((inCause + SMOOTHING) / (inCauseTotal + SMOOTHING * vocabulary)) -
          Math.log((all - inCause + SMOOTHING) / (total - inCauseTotal + SMOOTHING * vocabulary));
      }
      this.#offsets.set(t, offset);
    });
    counted.terms.forEach((t, r) => {
      const [first, second] = t.split('_');
      if (second === undefined) return;
      const a = this.#offsets.get(first ?? '');
      const b = this.#offsets.get(second);
      if (a !== undefined && b !== undefined) this.#pairs.set((a / causes) * PAIR_KEY + b / causes, r * causes);
    });
  }

  #rowOf(word: string): number {
    let row = this.#rowOfWord.get(word);
    if (row === undefined) {
      const offset = STOP_WORDS.has(word) || (word.length > 4 && isDigits(word)) ? undefined : this.#offsets.get(stem(word));
      row = offset === undefined ? -1 : offset / CAUSE_IDS.length;
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
        rows.push(row * causes);
      }
      if (previous >= 0) {
        const pair = this.#pairs.get(previous * PAIR_KEY + row);
        if (pair !== undefined && seen[pair / causes] !== call) {
          seen[pair / causes] = call;
          rows.push(pair);
        }
      }
      previous = row;
    }
    const known = rows.length;
    const sums = new Float64Array(causes);
    const weights = this.#weights;
    for (const offset of rows) {
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
