import type { Lexicon } from './lexicon.js';
import { scanWords, WordBuffer } from './normalize.js';

/**
 * One text's words as the engine reads them: each word's lexicon id, and for each known word
 * whether the text holds it and where it occurs. One instance serves every call, so reading a text
 * allocates nothing once the buffers have grown to the largest text seen.
 */
export class Tokens {
  readonly words = new WordBuffer();
  /** Lexicon id of each word, -1 for a word the lexicon lacks. */
  ids = new Int32Array(1024);
  /** Position of the next occurrence of the same known word, -1 after the last. */
  next = new Int32Array(1024);
  /** Per lexicon id: the call that last saw it, its first and (while reading) last position. */
  #seen = new Uint32Array(0);
  #first = new Int32Array(0);
  #last = new Int32Array(0);
  #call = 0;
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
    if (this.#seen.length < lexicon.size) {
      this.#seen = new Uint32Array(lexicon.size);
      this.#first = new Int32Array(lexicon.size);
      this.#last = new Int32Array(lexicon.size);
    }
    if (this.ids.length < words.count) {
      this.ids = new Int32Array(words.starts.length);
      this.next = new Int32Array(words.starts.length);
    }
    // Marks compare against the call number; before it wraps around, every mark is cleared.
    if (this.#call === 0xffffffff) {
      this.#seen.fill(0);
      this.#call = 0;
    }
    const call = ++this.#call;
    const seen = this.#seen;
    const first = this.#first;
    const last = this.#last;
    const ids = this.ids;
    const next = this.next;
    const starts = words.starts;
    const ends = words.ends;
    for (let i = 0; i < words.count; i++) {
      const id = lexicon.find(words, starts[i] as number, ends[i] as number);
      ids[i] = id;
      next[i] = -1;
      if (id < 0) continue;
      if (seen[id] !== call) {
        seen[id] = call;
        first[id] = i;
      } else {
        next[last[id] as number] = i;
      }
      last[id] = i;
    }
  }

  /** Whether the text holds the known word `id`. */
  has(id: number): boolean {
    return this.#seen[id] === this.#call;
  }

  /** The first position of a known word the text holds (see has). */
  first(id: number): number {
    return this.#first[id] as number;
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

  /** A view for code that asks about words by name (the extractor). */
  readonly wordSet = { has: (word: string): boolean => this.hasWord(word) };
}
