import { CAUSE_IDS } from '../../content/types.js';
import type { Lexicon } from './lexicon.js';
import type { PhraseTables } from './phrase-matcher.js';
import type { WordTables } from './word-model.js';

/**
 * The engine's knowledge compiled to numbers over one lexicon — what building the engine from
 * src/content works out (phrase programs, anchors, the word model's rows) — so that a fresh
 * process reads it instead of computing it. scripts/build-engine-tables.ts writes it, packed, to
 * src/content/engine-tables.generated.ts; a test fails when that file is stale.
 */
export interface EngineTables {
  /** Lexicon words in id order, and their hashes (Lexicon.hashes). */
  lexicon: readonly string[];
  hashes: Int32Array;
  phrases: PhraseTables;
  words: WordTables;
}

/**
 * The layout of the tables; raised whenever the engine reads them differently, so that tables
 * generated for another layout are refused rather than misread.
 */
export const TABLES_FORMAT = 3;

/** EngineTables as a few strings: small in the source, and decoded by native code (base64). */
export interface PackedTables {
  /** TABLES_FORMAT when generated. */
  format: number;
  /** CAUSE_IDS when packed: the word model's cause order. */
  causes: string;
  lexicon: string;
  prefixes: string;
  /** PhraseTables.phrases. */
  phrases: string;
  termsPerCause: number[];
  /** Each integer array by name: its element type ("u8", "i16", …), length and base64 bytes. */
  arrays: Record<string, readonly [string, number, string]>;
}

type IntArrayName = keyof typeof ARRAY_NAMES;
/** Every integer array of the tables. */
const ARRAY_NAMES = {
  hashes: true,
  anchorStart: true,
  anchored: true,
  unanchored: true,
  programs: true,
  programStart: true,
  required: true,
  requiredStart: true,
  starts: true,
  startsStart: true,
  stemIds: true,
  pairStart: true,
  pairSecond: true,
  counts: true,
  countStart: true,
} as const;
/**
 * The phrase matcher's arrays, kept in the narrowest type their values fit (as packed): the
 * matcher reads a few of them per phrase tried, and half the bytes are half the cache lines.
 */
const PHRASE_ARRAYS = ['anchorStart', 'anchored', 'unanchored', 'programs', 'programStart', 'required', 'requiredStart', 'starts', 'startsStart'] as const;
type PhraseArrayName = (typeof PHRASE_ARRAYS)[number];
const IS_PHRASE_ARRAY: ReadonlySet<string> = new Set(PHRASE_ARRAYS);
export type IntArray = Uint8Array | Int8Array | Uint16Array | Int16Array | Int32Array;
type IntType = 'u8' | 'i8' | 'u16' | 'i16' | 'i32';
const TYPES: Record<IntType, new (values: ArrayBuffer | ArrayLike<number>) => IntArray> = {
  u8: Uint8Array,
  i8: Int8Array,
  u16: Uint16Array,
  i16: Int16Array,
  i32: Int32Array,
};
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The narrowest type that holds every one of `values`. */
function intTypeOf(values: ArrayLike<number>): IntType {
  let min = 0;
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min >= 0 && max < 256 ? 'u8' : min >= -128 && max < 128 ? 'i8' : min >= 0 && max < 65536 ? 'u16' : min >= -32768 && max < 32768 ? 'i16' : 'i32';
}

/** `values` in the type they are packed in, as unpackTables gives phrase arrays back. */
export function narrowInts(values: ArrayLike<number>): IntArray {
  return new TYPES[intTypeOf(values)](values);
}

function arraysOf(t: EngineTables): Record<IntArrayName, IntArray> {
  const { anchorStart, anchored, unanchored, programs, programStart, required, requiredStart, starts, startsStart } = t.phrases;
  const { stemIds, pairStart, pairSecond, counts, countStart } = t.words;
  const hashes = t.hashes;
  return { hashes, anchorStart, anchored, unanchored, programs, programStart, required, requiredStart, starts, startsStart, stemIds, pairStart, pairSecond, counts, countStart };
}

export function packTables(t: EngineTables): PackedTables {
  const arrays: Record<string, [string, number, string]> = {};
  for (const [name, array] of Object.entries(arraysOf(t)) as [IntArrayName, IntArray][]) {
    // Offsets are stored as they are, not as differences (which would fit in fewer bytes): a
    // loop to add them up costs more at start-up, in the interpreter, than the bytes do.
    const type = intTypeOf(array);
    const typed = new TYPES[type](array);
    if (!LITTLE_ENDIAN) throw new Error('tables are packed little-endian; pack them on a little-endian machine');
    arrays[name] = [type, array.length, Buffer.from(typed.buffer).toString('base64')];
  }
  const words = t.lexicon.join(' ');
  const prefixes = t.phrases.prefixes.join(' ');
  return { format: TABLES_FORMAT, causes: CAUSE_IDS.join(' '), lexicon: words, prefixes, phrases: t.phrases.phrases, termsPerCause: t.words.termsPerCause, arrays };
}

/** The tables a PackedTables holds; its word counts are put in CAUSE_IDS order. */
export function unpackTables(p: PackedTables): EngineTables {
  if (p.format !== TABLES_FORMAT) throw new Error('src/content/engine-tables.generated.ts is for another engine version: run npx tsx scripts/build-engine-tables.ts');
  const a = {} as Record<IntArrayName, Int32Array>;
  const phrase = {} as Record<PhraseArrayName, IntArray>;
  for (const name of [...Object.keys(ARRAY_NAMES)] as IntArrayName[]) {
    const packed = p.arrays[name];
    if (!packed || !(packed[0] in TYPES)) throw new Error(`engine tables: no array ${name}`);
    const [type, length, base64] = packed;
    const Type = TYPES[type as IntType];
    const bytes = Buffer.from(base64, 'base64');
    // Copied into an aligned buffer of its own: Buffer.from may hand out a slice of a shared pool.
    const buffer = new ArrayBuffer(length * Type.prototype.BYTES_PER_ELEMENT);
    const view = new Uint8Array(buffer);
    view.set(bytes);
    if (!LITTLE_ENDIAN) swapBytes(view, Type.prototype.BYTES_PER_ELEMENT);
    if (IS_PHRASE_ARRAY.has(name)) {
      phrase[name as PhraseArrayName] = new Type(buffer);
      continue;
    }
    // Widened by native code: Int32Array.from would walk an iterator in the interpreter.
    const values = new Int32Array(new Type(buffer));
    a[name] = values;
  }
  // Packed under another cause list (CAUSE_IDS changed since): the counts are mapped by cause id.
  let termsPerCause = p.termsPerCause;
  if (p.causes !== CAUSE_IDS.join(' ')) {
    const index = p.causes.split(' ').map((id) => (CAUSE_IDS as readonly string[]).indexOf(id));
    termsPerCause = CAUSE_IDS.map(() => 0);
    p.termsPerCause.forEach((n, i) => {
      const c = index[i] ?? -1;
      if (c >= 0) termsPerCause[c] = n;
    });
    // A count for a cause that no longer exists is dropped.
    const counts: number[] = [];
    const countStart = new Int32Array(a.countStart.length);
    for (let r = 0; r + 1 < a.countStart.length; r++) {
      countStart[r] = counts.length;
      for (let k = a.countStart[r] as number; k < (a.countStart[r + 1] as number); k += 2) {
        const c = index[a.counts[k] as number] ?? -1;
        if (c >= 0) counts.push(c, a.counts[k + 1] as number);
      }
    }
    countStart[countStart.length - 1] = counts.length;
    a.counts = Int32Array.from(counts);
    a.countStart = countStart;
  }
  return {
    lexicon: p.lexicon === '' ? [] : p.lexicon.split(' '),
    hashes: a.hashes,
    phrases: {
      phrases: p.phrases,
      anchorStart: phrase.anchorStart,
      anchored: phrase.anchored,
      unanchored: phrase.unanchored,
      prefixes: p.prefixes === '' ? [] : p.prefixes.split(' '),
      programs: phrase.programs,
      programStart: phrase.programStart,
      required: phrase.required,
      requiredStart: phrase.requiredStart,
      starts: phrase.starts,
      startsStart: phrase.startsStart,
    },
    words: { stemIds: a.stemIds, pairStart: a.pairStart, pairSecond: a.pairSecond, counts: a.counts, countStart: a.countStart, termsPerCause },
  };
}

function swapBytes(bytes: Uint8Array, width: number): void {
  for (let i = 0; i + width <= bytes.length; i += width) bytes.subarray(i, i + width).reverse();
}

/** The tables of an engine's parts, as the generator takes them. */
export function tablesOf(lexicon: Lexicon, phrases: PhraseTables, words: WordTables): EngineTables {
  return { lexicon: [...lexicon.words()], hashes: lexicon.hashes(), phrases, words };
}
