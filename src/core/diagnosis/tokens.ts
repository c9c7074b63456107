import type { WordSet } from './extract.js';
import type { Lexicon } from './lexicon.js';
import { scanWords, WordBuffer } from './normalize.js';

/**
 * One text's words as the engine reads them: each word's lexicon id, and for each known word
 * whether the text holds it and where it occurs. One instance serves every call, so reading a text
 * allocates nothing once the buffers have grown to the largest text seen.
 */
const MARKS = 2;

export class Tokens {
  readonly words = new WordBuffer();
  /** Lexicon id of each word, -1 for a word the lexicon lacks. */
  ids = new Int32Array(1024);
  /** Position of the next occurrence of the same known word, -1 after the last. */
  next = new Int32Array(1024);
  /**
   * Per lexicon id, side by side so one cache line serves both: its first and (while reading) last
   * position in the text, valid while its bit in #present is set. The bit, not a mark of the call,
   * tells a first occurrence: a first occurrence then only writes its marks, and the scattered
   * loads of marks no text had touched yet (a cache miss a word) are gone.
   */
  #marks = new Int32Array(0);
  /**
   * Per lexicon id, one bit: whether the text holds it. What has() reads, hundreds of times a
   * text: the bits of every word fit in a few cache lines where its marks take hundreds.
   */
  #present = new Int32Array(0);
  readonly #lexicon: Lexicon;

  constructor(lexicon: Lexicon) {
    this.#lexicon = lexicon;
  }

  get count(): number {
    return this.words.count;
  }

  read(text: string): void {
    const words = this.words;
    scanWords(text, words);
    const lexicon = this.#lexicon;
    if (this.#marks.length < lexicon.size * MARKS) this.#marks = new Int32Array(lexicon.size * MARKS);
    if (this.#present.length * 32 < lexicon.size) this.#present = new Int32Array((lexicon.size >> 5) + 1);
    const present = this.#present;
    present.fill(0);
    if (this.ids.length < words.count) {
      this.ids = new Int32Array(words.starts.length);
      this.next = new Int32Array(words.starts.length);
    }
    const marks = this.#marks;
    const ids = this.ids;
    const next = this.next;
    lexicon.lookUp(words, ids);
    for (let i = 0; i < words.count; i++) {
      const id = ids[i] as number;
      next[i] = -1;
      if (id < 0) continue;
      const bits = present[id >> 5] as number;
      const bit = 1 << (id & 31);
      const m = id * MARKS;
      if ((bits & bit) === 0) {
        present[id >> 5] = bits | bit;
        marks[m] = i;
      } else {
        next[marks[m + 1] as number] = i;
      }
      marks[m + 1] = i;
    }
  }

  /** Whether the text holds the known word `id`. */
  has(id: number): boolean {
    // An id the lexicon gained since the text was read is past the bits, and not in the text.
    return id >> 5 < this.#present.length && ((this.#present[id >> 5] as number) & (1 << (id & 31))) !== 0;
  }

  /** The first position of a known word the text holds (see has). */
  first(id: number): number {
    return this.#marks[id * MARKS] as number;
  }

  /** Whether the text holds `word`; words outside the lexicon are looked for one by one. */
  hasWord(word: string): boolean {
    const id = this.#lexicon.idOf(word);
    if (id >= 0) return this.has(id);
    for (let i = 0; i < this.words.count; i++) if (this.wordIs(i, word)) return true;
    return false;
  }

  wordIs(i: number, word: string): boolean {
    const start = this.words.starts[i] as number;
    return (this.words.ends[i] as number) - start === word.length && this.startsWith(i, word);
  }

  /** Whether word `i` begins with `prefix`. */
  startsWith(i: number, prefix: string): boolean {
    const bytes = this.words.bytes;
    const start = this.words.starts[i] as number;
    if ((this.words.ends[i] as number) - start < prefix.length) return false;
    for (let k = 0; k < prefix.length; k++) if (bytes[start + k] !== prefix.charCodeAt(k)) return false;
    return true;
  }

  /** Whether the text holds any of `words`; each list is looked up in the lexicon once. */
  hasAnyWord(words: readonly string[]): boolean {
    let ids = this.#lists.get(words);
    if (!ids) this.#lists.set(words, (ids = words.map((w) => this.#lexicon.idOf(w))));
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k] as number;
      if (id >= 0 ? this.has(id) : this.hasWord(words[k] as string)) return true;
    }
    return false;
  }

  readonly #lists = new Map<readonly string[], number[]>();

  /** A view for code that asks about words by name (the extractor). */
  readonly wordSet: WordSet = ((buffer: WordBuffer): WordSet => ({
    has: (word: string): boolean => this.hasWord(word),
    hasAny: (words: readonly string[]): boolean => this.hasAnyWord(words),
    get blankRuns(): boolean {
      return buffer.blankRuns;
    },
  }))(this.words);
}
