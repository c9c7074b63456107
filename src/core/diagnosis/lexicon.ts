import { FNV_OFFSET, FNV_PRIME, type WordBuffer } from './normalize.js';
import { grown } from './grown.js';

/**
 * Every word the engine knows anything about — phrase words, word-model stems, stop words, the
 * extractor's keywords — under one number. A text's words are looked up once each, straight from
 * the bytes the scanner wrote (no string per word), and every part of the engine then reads what
 * it knows about a word from its own array indexed by that number.
 *
 * The table is kept at most half full (four numbers a slot), so a miss — most words of a
 * text — ends at the first empty slot. Built from its word list in one loop (`fromWords`, what the
 * generated engine tables ship) or word by word (`add`, for knowledge given at run time).
 */

const EMPTY = -1;
/** A value no slot holds. */
const TOUCHED = -2;
const NORMALISED = /^[a-z0-9]+$/;
const ALL_NORMALISED = /^[a-z0-9]*$/;
// Local copies: optimised code reads an imported constant from its module cell on every use.
const OFFSET = FNV_OFFSET;
const PRIME = FNV_PRIME;

export class Lexicon {
  /**
   * Open addressing: a slot is a word's hash, id (EMPTY when free) and first 8 letters (packed,
   * packOf), side by side, so a probe reads one cache line, most misses end there, and a word of
   * up to 8 letters is told apart there too, with no read of the entries or letters of the word.
   */
  #slots = new Int32Array(4 << 13).fill(EMPTY);
  #hashes = new Int32Array(4096);
  /** Per id: where its bytes start in the pool, and how many. */
  #entries = new Int32Array(8192);
  #pool = new Uint8Array(32768);
  #poolLength = 0;
  readonly #words: string[];
  /** Words added since the table was last brought up to date, by spelling. */
  readonly #pending = new Map<string, number>();
  /** Words below this id are in the table. */
  #indexed = 0;
  /** lookUp's view of the words' bytes, which reads 4 of them in one load where 4 loads and shifts did. */
  #view: DataView = new DataView(new ArrayBuffer(0));
  #viewBytes: Uint8Array | null = null;

  constructor(words: readonly string[] = []) {
    // lookUp tells words apart by their first letters packed with 0s past the end, which needs
    // letters that are never 0: words of [a-z0-9].
    if (!ALL_NORMALISED.test(words.join(''))) throw new Error('lexicon words are normalised: [a-z0-9]+');
    this.#words = words.slice();
  }

  /**
   * A lexicon of `words`, ids in their order, in one loop and no map. `hashes`: the words' hashes
   * as `hashes()` gave them, which spares hashing every letter at start-up.
   */
  static fromWords(words: readonly string[], hashes?: Int32Array): Lexicon {
    const lexicon = new Lexicon(words);
    if (hashes?.length === words.length) lexicon.#indexKnown(hashes);
    else lexicon.#index();
    return lexicon;
  }

  /**
   * #index for a new lexicon whose words' hashes are known: the copies are native, and one loop
   * (the interpreter's, at start-up) places the words.
   */
  #indexKnown(known: Int32Array): void {
    const words = this.#words;
    const size = words.length;
    // Latin-1 bytes are the characters' codes: words are [a-z0-9].
    const letters = Buffer.from(words.join(''), 'latin1');
    this.#pool = new Uint8Array(Math.max(letters.length, 1024));
    this.#pool.set(letters);
    this.#poolLength = letters.length;
    this.#hashes = new Int32Array(Math.max(size, 1024));
    this.#hashes.set(known);
    const entries = (this.#entries = new Int32Array(this.#hashes.length * 2));
    let slots = 2048;
    while (size * 8 > slots) slots *= 2;
    const table = (this.#slots = new Int32Array(slots).fill(EMPTY));
    let at = 0;
    for (let id = 0; id < size; id++) {
      const length = (words[id] as string).length;
      entries[id * 2] = at;
      entries[id * 2 + 1] = length;
      at += length;
      place(table, known[id] as number, id, letters, at - length, length);
    }
    this.#indexed = size;
  }

  /** Each word's hash, in id order. */
  hashes(): Int32Array {
    if (this.#indexed !== this.#words.length) this.#index();
    return this.#hashes.slice(0, this.#words.length);
  }

  get size(): number {
    return this.#words.length;
  }

  word(id: number): string {
    return this.#words[id] ?? '';
  }

  /** The words in id order (what fromWords takes back). */
  words(): readonly string[] {
    return this.#words;
  }

  /** The word's id, or -1 when it is not in the lexicon. */
  idOf(word: string): number {
    if (this.#indexed !== this.#words.length) this.#index();
    return this.#probe(word);
  }

  /** The word's id, adding it when new. Words are normalised: [a-z0-9]+. */
  add(word: string): number {
    const known = this.#pending.get(word) ?? this.#probe(word);
    if (known >= 0) return known;
    if (!NORMALISED.test(word)) throw new Error(`lexicon words are normalised, not "${word}"`);
    const id = this.#words.length;
    this.#words.push(word);
    this.#pending.set(word, id);
    return id;
  }

  /** The id of `word` among the words already in the table, or -1. */
  #probe(word: string): number {
    let h = OFFSET;
    for (let k = 0; k < word.length; k++) h = Math.imul(h ^ word.charCodeAt(k), PRIME);
    const slots = this.#slots;
    const mask = (slots.length >> 2) - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = slots[slot * 4 + 1] as number;
      if (id === EMPTY) return -1;
      if (slots[slot * 4] === h && this.#words[id] === word) return id;
    }
  }

  /**
   * Hashes the words added since the last call into the table. Done in one loop on the first
   * lookup rather than word by word as they are added: start-up adds thousands of words, and one
   * hot loop is compiled where thousands of short calls stay slow.
   */
  #index(known?: Int32Array): void {
    const size = this.#words.length;
    while (size > this.#hashes.length) this.#growEntries();
    let slots = this.#slots.length;
    while (size * 8 > slots) slots *= 2;
    const rehash = slots !== this.#slots.length;
    if (rehash) this.#slots = new Int32Array(slots).fill(EMPTY);
    let length = this.#poolLength;
    for (let id = this.#indexed; id < size; id++) length += (this.#words[id] as string).length;
    if (length > this.#pool.length) this.#pool = grown(this.#pool, Math.max(length, this.#pool.length * 2));
    const pool = this.#pool;
    const hashes = this.#hashes;
    const entries = this.#entries;
    const words = this.#words;
    // With the hashes known, the letters are copied by native code (Latin-1 bytes are the
    // characters' codes: words are [a-z0-9]) and no loop touches them.
    if (known) pool.set(Buffer.from(words.slice(this.#indexed).join(''), 'latin1'), this.#poolLength);
    let at = this.#poolLength;
    for (let id = this.#indexed; id < size; id++) {
      const word = words[id] as string;
      if (known) {
        hashes[id] = known[id] as number;
      } else {
        let h = OFFSET;
        for (let k = 0; k < word.length; k++) {
          const b = word.charCodeAt(k);
          pool[at + k] = b;
          h = Math.imul(h ^ b, PRIME);
        }
        hashes[id] = h;
      }
      entries[id * 2] = at;
      entries[id * 2 + 1] = word.length;
      at += word.length;
    }
    this.#poolLength = at;
    for (let id = rehash ? 0 : this.#indexed; id < size; id++) {
      place(this.#slots, hashes[id] as number, id, pool, entries[id * 2] as number, entries[id * 2 + 1] as number);
    }
    this.#indexed = size;
    this.#pending.clear();
  }

  /**
   * Every word's id (-1 for a word the lexicon lacks) into `ids`, in one loop: a text's words are
   * looked up here and nowhere else, and one loop keeps the table in locals where a call per word
   * read it from the instance each time.
   */
  lookUp(words: WordBuffer, ids: Int32Array): void {
    if (this.#indexed !== this.#words.length) this.#index();
    const { bytes, starts, ends, hashes, count } = words;
    const slots = this.#slots;
    const entries = this.#entries;
    const pool = this.#pool;
    const mask = (slots.length >> 2) - 1;
    // First each word's slot, in a loop of loads that do not depend on each other and a branch
    // never taken (no id is TOUCHED), so that their cache misses overlap; the probes below,
    // whose branches go one way or the other word by word, then find the slots in cache.
    for (let i = 0; i < count; i++) if (slots[(((hashes[i] as number) & mask) << 2) + 1] === TOUCHED) ids[i] = EMPTY;
    // Every word's first 8 bytes can be read at once while the buffer has 8 past the last start.
    const safe = bytes.length - 8;
    const view = this.#viewOf(bytes);
    for (let i = 0; i < count; i++) {
      const h = hashes[i] as number;
      const start = starts[i] as number;
      const end = ends[i] as number;
      const length = end - start;
      let low: number;
      let high: number;
      if (start <= safe) {
        // The bytes past the word (the next word's, or left over) are masked off, with no branch.
        low = view.getInt32(start, true) & (MASKS[Math.min(length, 4)] as number);
        high = view.getInt32(start + 4, true) & (MASKS[Math.max(Math.min(length - 4, 4), 0)] as number);
      } else {
        low = packOf(bytes, start, length, 0);
        high = packOf(bytes, start, length, 4);
      }
      let found = EMPTY;
      for (let slot = h & mask; ; slot = (slot + 1) & mask) {
        const id = slots[slot * 4 + 1] as number;
        if (id === EMPTY) break;
        if (slots[slot * 4] !== h || slots[slot * 4 + 2] !== low || slots[slot * 4 + 3] !== high) continue;
        // Letters are never 0, so the first 8 letters packed with 0s past the end name a word of
        // up to 8 letters, its length included: most words need nothing read past the slot.
        if (length <= 8) {
          found = id;
          break;
        }
        if (entries[id * 2 + 1] !== length) continue;
        const offset = (entries[id * 2] as number) - start;
        let k = start + 8;
        while (k < end && pool[offset + k] === bytes[k]) k++;
        if (k === end) {
          found = id;
          break;
        }
      }
      ids[i] = found;
    }
  }

  /** A view of `bytes` (kept while they are the same), for reading four of them at once. */
  #viewOf(bytes: Uint8Array): DataView {
    // The words' bytes are replaced only when they grow: one comparison tells the view is theirs.
    if (this.#viewBytes !== bytes) {
      this.#viewBytes = bytes;
      this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    return this.#view;
  }

  /** The id of the bytes [start, end) of `words.bytes`, or -1. */
  find(words: WordBuffer, start: number, end: number): number {
    const bytes = words.bytes;
    let h = OFFSET;
    for (let k = start; k < end; k++) h = Math.imul(h ^ (bytes[k] as number), PRIME);
    return this.findHashed(words, start, end, h);
  }

  /** find(), given the bytes' hash (WordBuffer.hashes). */
  findHashed(words: WordBuffer, start: number, end: number, h: number): number {
    if (this.#indexed !== this.#words.length) this.#index();
    const bytes = words.bytes;
    const slots = this.#slots;
    const mask = (slots.length >> 2) - 1;
    const length = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = slots[slot * 4 + 1] as number;
      if (id === EMPTY) return -1;
      if (slots[slot * 4] !== h || this.#entries[id * 2 + 1] !== length) continue;
      const offset = (this.#entries[id * 2] as number) - start;
      let k = start;
      while (k < end && this.#pool[offset + k] === bytes[k]) k++;
      if (k === end) return id;
    }
  }

  #growEntries(): void {
    const size = this.#hashes.length * 2;
    this.#hashes = grown(this.#hashes, size);
    this.#entries = grown(this.#entries, size * 2);
  }
}

/** Puts word `id` (hash `h`, letters `bytes[at, at + length)`) in the first free slot from its hash on. */
function place(table: Int32Array, h: number, id: number, bytes: Uint8Array, at: number, length: number): void {
  const mask = (table.length >> 2) - 1;
  let slot = h & mask;
  while (table[slot * 4 + 1] !== EMPTY) slot = (slot + 1) & mask;
  table[slot * 4] = h;
  table[slot * 4 + 1] = id;
  table[slot * 4 + 2] = packOf(bytes, at, length, 0);
  table[slot * 4 + 3] = packOf(bytes, at, length, 4);
}

/** Masks of the first 0 to 4 bytes of a packed 4. */
const MASKS = new Int32Array([0, 0xff, 0xffff, 0xffffff, -1]);

/** Bytes from..from+3 of the `length` bytes at `at` (0 past them), little-endian in one number. */
function packOf(bytes: Uint8Array, at: number, length: number, from: number): number {
  let packed = 0;
  for (let k = Math.min(length, from + 4) - 1; k >= from; k--) packed = (packed << 8) | (bytes[at + k] as number);
  return packed;
}

