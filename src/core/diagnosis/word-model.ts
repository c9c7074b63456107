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

/** Stems and adjacent stem pairs of a normalised text, stop words and long numbers left out. */
export function terms(normalizedText: string): string[] {
  const out: string[] = [];
  let previous: string | null = null;
  for (const word of normalizedText.split(' ')) {
    if (word === '' || STOP_WORDS.has(word) || (word.length > 4 && /^\d+$/.test(word))) continue;
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
  }

  /**
   * Log-odds per cause for the words of a normalised text, scaled by 1/√(known terms); causes
   * without examples are left out.
   */
  score(words: readonly string[]): Map<CauseId, number> {
    const causes = CAUSE_IDS.length;
    const sums = new Float64Array(causes);
    const weights = this.#weights;
    const seen = this.#seen;
    const call = ++this.#call;
    let known = 0;
    const count = (offset: number | undefined) => {
      if (offset === undefined) return;
      const row = offset / causes;
      if (seen[row] === call) return;
      seen[row] = call;
      known++;
      for (let c = 0; c < causes; c++) sums[c] = (sums[c] ?? 0) + (weights[offset + c] ?? 0);
    };
    // The same walk as terms(), without building the list: a stem pair can only be known when
    // both its stems are, so unknown words skip the pair lookup.
    let previous: string | null = null;
    for (const word of words) {
      if (word === '' || STOP_WORDS.has(word) || (word.length > 4 && /^\d+$/.test(word))) continue;
      const s = stem(word);
      const offset = this.#offsets.get(s);
      count(offset);
      if (previous !== null && offset !== undefined) count(this.#offsets.get(`${previous}_${s}`));
      previous = offset === undefined ? null : s;
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
