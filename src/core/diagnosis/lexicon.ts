import { FNV_OFFSET, FNV_PRIME, type WordBuffer } from './normalize.js';

/**
 * Every word the engine knows anything about — phrase words, word-model stems, stop words, the
 * extractor's keywords — under one number. A text's words are looked up once each, straight from
 * the bytes the scanner wrote (no string per word), and every part of the engine then reads what
 * it knows about a word from its own array indexed by that number.
 *
 * Sized from the start for the engine's ~4,000 words: growing is built in, but every rehash is
 * paid at start-up. The table is kept at most a quarter full (two numbers a slot), so a miss —
 * most words of a text — ends at the first empty slot.
 */

const EMPTY = -1;
const NORMALISED = /^[a-z0-9]+$/;

export class Lexicon {
  /**
   * Open addressing: a slot is a word's hash and id (EMPTY when free), side by side, so a probe
   * reads one cache line and most misses end there.
   */
  #slots = new Int32Array(2 << 14).fill(EMPTY);
  #hashes = new Int32Array(4096);
  /** Per id: where its bytes start in the pool, and how many. */
  #entries = new Int32Array(8192);
  #pool = new Uint8Array(32768);
  #poolLength = 0;
  readonly #words: string[] = [];
  readonly #ids = new Map<string, number>();
  /** Words below this id are in the table. */
  #indexed = 0;

  get size(): number {
    return this.#words.length;
  }

  word(id: number): string {
    return this.#words[id] ?? '';
  }

  /** The word's id, or -1 when it is not in the lexicon. */
  idOf(word: string): number {
    return this.#ids.get(word) ?? -1;
  }

  /** The word's id, adding it when new. Words are normalised: [a-z0-9]+. */
  add(word: string): number {
    const known = this.#ids.get(word);
    if (known !== undefined) return known;
    if (!NORMALISED.test(word)) throw new Error(`lexicon words are normalised, not "${word}"`);
    const id = this.#words.length;
    this.#words.push(word);
    this.#ids.set(word, id);
    return id;
  }

  /**
   * Hashes the words added since the last call into the table. Done in one loop on the first
   * lookup rather than word by word as they are added: start-up adds thousands of words, and one
   * hot loop is compiled where thousands of short calls stay slow.
   */
  #index(): void {
    const size = this.#words.length;
    while (size > this.#hashes.length) this.#growEntries();
    let slots = this.#slots.length;
    while (size * 8 > slots) slots *= 2;
    const rehash = slots !== this.#slots.length;
    if (rehash) this.#slots = new Int32Array(slots).fill(EMPTY);
    for (let id = this.#indexed; id < size; id++) {
      const word = this.#words[id] as string;
      while (this.#poolLength + word.length > this.#pool.length) this.#pool = grow(this.#pool, this.#pool.length * 2);
      let h = FNV_OFFSET;
      for (let k = 0; k < word.length; k++) {
        const b = word.charCodeAt(k);
        this.#pool[this.#poolLength + k] = b;
        h = Math.imul(h ^ b, FNV_PRIME);
      }
      this.#hashes[id] = h;
      this.#entries[id * 2] = this.#poolLength;
      this.#entries[id * 2 + 1] = word.length;
      this.#poolLength += word.length;
    }
    if (rehash) for (let id = 0; id < size; id++) this.#place(id);
    else for (let id = this.#indexed; id < size; id++) this.#place(id);
    this.#indexed = size;
  }

  /** The id of the bytes [start, end) of `words.bytes`, or -1. */
  find(words: WordBuffer, start: number, end: number): number {
    const bytes = words.bytes;
    let h = FNV_OFFSET;
    for (let k = start; k < end; k++) h = Math.imul(h ^ (bytes[k] as number), FNV_PRIME);
    return this.findHashed(words, start, end, h);
  }

  /** find(), given the bytes' hash (WordBuffer.hashes). */
  findHashed(words: WordBuffer, start: number, end: number, h: number): number {
    if (this.#indexed !== this.#words.length) this.#index();
    const bytes = words.bytes;
    const slots = this.#slots;
    const mask = (slots.length >> 1) - 1;
    const length = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = slots[slot * 2 + 1] as number;
      if (id === EMPTY) return -1;
      if (slots[slot * 2] !== h || this.#entries[id * 2 + 1] !== length) continue;
      const offset = (this.#entries[id * 2] as number) - start;
      let k = start;
      while (k < end && this.#pool[offset + k] === bytes[k]) k++;
      if (k === end) return id;
    }
  }

  #place(id: number): void {
    const mask = (this.#slots.length >> 1) - 1;
    const h = this.#hashes[id] as number;
    let slot = h & mask;
    while (this.#slots[slot * 2 + 1] !== EMPTY) slot = (slot + 1) & mask;
    this.#slots[slot * 2] = h;
    this.#slots[slot * 2 + 1] = id;
  }

  #growEntries(): void {
    const size = this.#hashes.length * 2;
    this.#hashes = grow(this.#hashes, size);
    this.#entries = grow(this.#entries, size * 2);
  }
}

function grow<T extends Int32Array | Uint8Array>(array: T, size: number): T {
  const out = new (array.constructor as new (n: number) => T)(size);
  out.set(array);
  return out;
}
