import { CAUSE_IDS, type CauseId, type Example } from '../../content/types.js';
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

export class WordModel {
  /** For each known term, the log-odds it adds to each cause (indexed as CAUSE_IDS). */
  readonly #weights = new Map<string, Float64Array>();
  readonly #present: boolean[];

  constructor(examples: readonly Example[]) {
    const causes = CAUSE_IDS.length;
    const counts = new Map<string, Float64Array>();
    const termsPerCause = new Float64Array(causes);
    for (const e of examples) {
      const c = CAUSE_IDS.indexOf(e.cause);
      for (const t of new Set(terms(normalize(e.text)))) {
        let row = counts.get(t);
        if (!row) counts.set(t, (row = new Float64Array(causes)));
        row[c] = (row[c] ?? 0) + 1;
        termsPerCause[c] = (termsPerCause[c] ?? 0) + 1;
      }
    }
    const total = termsPerCause.reduce((a, b) => a + b, 0);
    const vocabulary = counts.size;
    this.#present = Array.from(termsPerCause, (n) => n > 0);
    for (const [t, row] of counts) {
      const all = row.reduce((a, b) => a + b, 0);
      const w = new Float64Array(causes);
      for (let c = 0; c < causes; c++) {
        const inCause = row[c] ?? 0;
        const inCauseTotal = termsPerCause[c] ?? 0;
        w[c] =
          Math.log((inCause + SMOOTHING) / (inCauseTotal + SMOOTHING * vocabulary)) -
          Math.log((all - inCause + SMOOTHING) / (total - inCauseTotal + SMOOTHING * vocabulary));
      }
      this.#weights.set(t, w);
    }
  }

  /** Log-odds per cause for a normalised text, scaled by 1/√(known terms); causes without examples are left out. */
  score(normalizedText: string): Map<CauseId, number> {
    const sums = new Float64Array(CAUSE_IDS.length);
    let known = 0;
    for (const t of new Set(terms(normalizedText))) {
      const w = this.#weights.get(t);
      if (!w) continue;
      known++;
      for (let c = 0; c < sums.length; c++) sums[c] = (sums[c] ?? 0) + (w[c] ?? 0);
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
