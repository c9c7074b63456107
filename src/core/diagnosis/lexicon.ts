import type { WordBuffer } from './normalize.js';

/**
 * Every word the engine knows anything about — phrase words, word-model stems, stop words, the
 * extractor's keywords — under one number. A text's words are looked up once each, straight from
 * the bytes the scanner wrote (no string per word), and every part of the engine then reads what
 * it knows about a word from its own array indexed by that number.
 */

const EMPTY = -1;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

export class Lexicon {
  /** Open addressing: a slot holds a word's id or EMPTY. */
  #slots = new Int32Array(1 << 12).fill(EMPTY);
  #hashes = new Int32Array(1024);
  #offsets = new Int32Array(1024);
  #lengths = new Int32Array(1024);
  #pool = new Uint8Array(8192);
  #poolLength = 0;
  readonly #words: string[] = [];
  readonly #ids = new Map<string, number>();

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
    if (!/^[a-z0-9]+$/.test(word)) throw new Error(`lexicon words are normalised, not "${word}"`);
    const id = this.#words.length;
    if (id === this.#hashes.length) this.#growEntries();
    while (this.#poolLength + word.length > this.#pool.length) this.#pool = grow(this.#pool, this.#pool.length * 2);
    let h = FNV_OFFSET;
    for (let k = 0; k < word.length; k++) {
      const b = word.charCodeAt(k);
      this.#pool[this.#poolLength + k] = b;
      h = Math.imul(h ^ b, FNV_PRIME);
    }
    this.#hashes[id] = h;
    this.#offsets[id] = this.#poolLength;
    this.#lengths[id] = word.length;
    this.#poolLength += word.length;
    this.#words.push(word);
    this.#ids.set(word, id);
    // Kept at most a quarter full, so a miss — most words of a text — ends at the first empty slot.
    if (this.#words.length * 4 > this.#slots.length) this.#rehash(this.#slots.length * 2);
    else this.#place(id);
    return id;
  }

  /** The id of the bytes [start, end) of `words.bytes`, or -1. */
  find(words: WordBuffer, start: number, end: number): number {
    const bytes = words.bytes;
    let h = FNV_OFFSET;
    for (let k = start; k < end; k++) h = Math.imul(h ^ (bytes[k] as number), FNV_PRIME);
    const mask = this.#slots.length - 1;
    const length = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.#slots[slot] as number;
      if (id === EMPTY) return -1;
      if (this.#hashes[id] !== h || this.#lengths[id] !== length) continue;
      const offset = (this.#offsets[id] as number) - start;
      let k = start;
      while (k < end && this.#pool[offset + k] === bytes[k]) k++;
      if (k === end) return id;
    }
  }

  #place(id: number): void {
    const mask = this.#slots.length - 1;
    let slot = (this.#hashes[id] as number) & mask;
    while (this.#slots[slot] !== EMPTY) slot = (slot + 1) & mask;
    this.#slots[slot] = id;
  }

  #rehash(size: number): void {
    this.#slots = new Int32Array(size).fill(EMPTY);
    for (let id = 0; id < this.#words.length; id++) this.#place(id);
  }

  #growEntries(): void {
    const size = this.#hashes.length * 2;
    this.#hashes = grow(this.#hashes, size);
    this.#offsets = grow(this.#offsets, size);
    this.#lengths = grow(this.#lengths, size);
  }
}

function grow<T extends Int32Array | Uint8Array>(array: T, size: number): T {
  const out = new (array.constructor as new (n: number) => T)(size);
  out.set(array);
  return out;
}
