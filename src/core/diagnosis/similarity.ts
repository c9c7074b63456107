import type { Example } from '../../content/types.js';
import { normalize, stem } from './normalize.js';

/**
 * Nearest real examples. Users describe one problem in endless ways; exact patterns miss most of
 * them, while a labelled catalog of real messages, compared word by word (TF-IDF over light stems
 * and stem pairs, cosine similarity), carries over to wordings nobody wrote a pattern for.
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

export interface Neighbour {
  example: Example;
  similarity: number;
}

interface Indexed {
  example: Example;
  norm: number;
}

export class ExampleIndex {
  readonly #examples: Indexed[] = [];
  readonly #postings = new Map<string, { doc: number; weight: number }[]>();
  readonly #idf = new Map<string, number>();

  constructor(examples: readonly Example[]) {
    const termLists = examples.map((e) => terms(normalize(e.text)));
    const df = new Map<string, number>();
    for (const list of termLists) for (const t of new Set(list)) df.set(t, (df.get(t) ?? 0) + 1);
    const n = examples.length;
    for (const [t, count] of df) this.#idf.set(t, Math.log(1 + n / count));
    termLists.forEach((list, doc) => {
      const vector = this.#weigh(list);
      let sum = 0;
      for (const [t, w] of vector) {
        sum += w * w;
        const p = this.#postings.get(t) ?? [];
        p.push({ doc, weight: w });
        this.#postings.set(t, p);
      }
      this.#examples.push({ example: examples[doc] as Example, norm: Math.sqrt(sum) || 1 });
    });
  }

  get size(): number {
    return this.#examples.length;
  }

  /** The k most similar examples, most similar first. */
  nearest(normalizedText: string, k: number): Neighbour[] {
    const query = this.#weigh(terms(normalizedText));
    let qNorm = 0;
    for (const w of query.values()) qNorm += w * w;
    qNorm = Math.sqrt(qNorm);
    if (qNorm === 0) return [];
    const scores = new Map<number, number>();
    for (const [t, qw] of query) {
      const postings = this.#postings.get(t);
      if (!postings) continue;
      for (const { doc, weight } of postings) scores.set(doc, (scores.get(doc) ?? 0) + qw * weight);
    }
    const top: Neighbour[] = [];
    for (const [doc, dot] of scores) {
      const indexed = this.#examples[doc] as Indexed;
      const similarity = dot / (qNorm * indexed.norm);
      if (top.length < k || similarity > (top[top.length - 1] as Neighbour).similarity) {
        top.push({ example: indexed.example, similarity });
        top.sort((a, b) => b.similarity - a.similarity);
        if (top.length > k) top.pop();
      }
    }
    return top;
  }

  /** Sub-linear term frequency × IDF; terms never seen in the catalog carry no signal. */
  #weigh(list: string[]): Map<string, number> {
    const tf = new Map<string, number>();
    for (const t of list) if (this.#idf.has(t)) tf.set(t, (tf.get(t) ?? 0) + 1);
    const vector = new Map<string, number>();
    for (const [t, count] of tf) vector.set(t, (1 + Math.log(count)) * (this.#idf.get(t) ?? 1));
    return vector;
  }
}

/** Stems and adjacent stem pairs of a normalised text, stop words left out. */
export function terms(normalizedText: string): string[] {
  const out: string[] = [];
  let previous: string | null = null;
  for (const word of normalizedText.split(' ')) {
    if (word === '' || STOP_WORDS.has(word) || (/^\d+$/.test(word) && word.length > 4)) {
      continue;
    }
    const s = stem(word);
    out.push(s);
    if (previous !== null) out.push(`${previous}_${s}`);
    previous = s;
  }
  return out;
}

