import { CAUSE_IDS, type Example, type WordCounts } from '../../content/types.js';
import type { Lexicon } from './lexicon.js';
import { normalize, stem } from './normalize.js';
import type { Tokens } from './tokens.js';

export type { WordCounts };

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
/** Row marks of a word: not worked out yet; left out like a stop word; unknown (breaks a pair). */
const UNSET = -3;
const SKIP = -2;
const UNKNOWN = -1;
/** The fields of a row in WordModel's `#info`: where its counts start, and how many it has + 1. */
const START = 0;
const HEAD = 1;
const INFO = 2;
/** A free slot of the pairs' hash table, and the multiplier that spreads keys over it (⌊2³²/φ⌋). */
const FREE = -1;
const HASH = 0x9e3779b1 | 0;
/** A value no slot of the pairs' table holds. */
const TOUCHED = -2;

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
  // Stems first, then stem pairs as two stem indexes: numbers, so loading needs no string work.
  const stems = kept.filter(([t]) => !t.includes('_'));
  const index = new Map(stems.map(([t], i) => [t, i]));
  const pairs = kept.filter(([t]) => t.includes('_') && t.split('_').every((part) => index.has(part)));
  const sparse = (row: number[]) => row.flatMap((n, c) => (n > 0 ? [c, n] : []));
  return {
    causes: CAUSE_IDS,
    termsPerCause,
    stems: stems.map(([t]) => t),
    pairs: pairs.flatMap(([t]) => t.split('_').map((part) => index.get(part) ?? -1)),
    counts: [...stems, ...pairs].map(([, row]) => sparse(row)),
  };
}

/**
 * The word model over one lexicon, as plain numbers: what scripts/build-engine-tables.ts ships, so
 * that starting the program adds no stem to the lexicon and parses no counts.
 */
export interface WordTables {
  /** Per stem row, the stem's lexicon id; stem pairs follow the stems in the rows. */
  stemIds: Int32Array;
  /**
   * Stem pairs, sorted by first stem, then second: the pairs starting with stem row a are
   * `pairStart[a] .. pairStart[a + 1]`, pair k's second stem row is `pairSecond[k]`, and its own
   * row is (number of stems) + k.
   */
  pairStart: Int32Array;
  pairSecond: Int32Array;
  /** Per row, [cause (CAUSE_IDS order), number of messages, …]: `counts[countStart[r] .. countStart[r + 1]]`. */
  counts: Int32Array;
  countStart: Int32Array;
  /** Terms counted per cause (CAUSE_IDS order). */
  termsPerCause: number[];
}

/** WordCounts as WordTables over `lexicon`, adding the stems and stop words to it. */
export function wordTables(counted: WordCounts, lexicon: Lexicon): WordTables {
  // Counts made under another cause order (an old generated file) are mapped by id.
  const causeIndex = counted.causes.map((id) => CAUSE_IDS.indexOf(id));
  const termsPerCause = CAUSE_IDS.map(() => 0);
  counted.termsPerCause.forEach((n, i) => {
    const c = causeIndex[i] ?? -1;
    if (c >= 0) termsPerCause[c] = n;
  });
  const stems = counted.stems.length;
  const stemIds = Int32Array.from(counted.stems, (t) => lexicon.add(t));
  // Pairs sorted so that a pair is found by its first stem with no hash table to build.
  const pairs: [number, number, number][] = [];
  // A pair of unknown stems can never be found, but its row still counts in the vocabulary.
  const unreachable: number[] = [];
  for (let k = 0; k + 1 < counted.pairs.length; k += 2) {
    const a = counted.pairs[k] ?? -1;
    const b = counted.pairs[k + 1] ?? -1;
    if (a >= 0 && b >= 0 && a < stems && b < stems) pairs.push([a, b, stems + k / 2]);
    else unreachable.push(stems + k / 2);
  }
  for (let r = stems + counted.pairs.length / 2; r < counted.counts.length; r++) unreachable.push(r);
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const pairStart = new Int32Array(stems + 1);
  for (const [a] of pairs) pairStart[a + 1] = (pairStart[a + 1] as number) + 1;
  for (let a = 0; a < stems; a++) pairStart[a + 1] = (pairStart[a + 1] as number) + (pairStart[a] as number);
  const pairSecond = Int32Array.from(pairs, ([, b]) => b);
  // Rows: the stems', then the pairs' in their sorted order.
  const rowCounts = [...counted.counts.slice(0, stems), ...pairs.map(([, , r]) => counted.counts[r] ?? []), ...unreachable.map((r) => counted.counts[r] ?? [])];
  const counts: number[] = [];
  const countStart = new Int32Array(rowCounts.length + 1);
  rowCounts.forEach((row, r) => {
    countStart[r] = counts.length;
    const byCause: number[] = CAUSE_IDS.map(() => 0);
    for (let k = 0; k + 1 < row.length; k += 2) {
      const c = causeIndex[row[k] ?? -1] ?? -1;
      if (c >= 0) byCause[c] = row[k + 1] ?? 0;
    }
    byCause.forEach((n, c) => {
      if (n > 0) counts.push(c, n);
    });
  });
  countStart[rowCounts.length] = counts.length;
  for (const w of STOP_WORDS) lexicon.add(w);
  return { stemIds, pairStart, pairSecond, counts: Int32Array.from(counts), countStart, termsPerCause };
}

/** WordTables back as WordCounts (CAUSE_IDS order). */
export function wordCountsOf(tables: WordTables, lexicon: Lexicon): WordCounts {
  const counts: number[][] = [];
  for (let r = 0; r + 1 < tables.countStart.length; r++) {
    counts.push(Array.from(tables.counts.subarray(tables.countStart[r], tables.countStart[r + 1])));
  }
  return {
    causes: CAUSE_IDS,
    termsPerCause: [...tables.termsPerCause],
    stems: Array.from(tables.stemIds, (id) => lexicon.word(id)),
    pairs: Array.from(tables.pairSecond).flatMap((b, k) => [firstOf(tables.pairStart, k), b]),
    counts,
  };
}

/** The first stem row of pair k: the a with pairStart[a] ≤ k < pairStart[a + 1]. */
function firstOf(pairStart: Int32Array, k: number): number {
  let a = 0;
  while ((pairStart[a + 1] as number) <= k) a++;
  return a;
}


export class WordModel {
  readonly #tables: WordTables;
  readonly #stems: number;
  /**
   * Log-odds are one-vs-rest naive Bayes, and with additive smoothing a term's weight for a cause
   * it was never seen with splits into a part of the cause's alone (`#base`) less a part of the
   * term's alone (`#rowLog`: the log of its smoothed total). A text's sum for a cause is then
   * (number of terms) · base − Σ rowLog plus, for the few causes a term has counts for, what
   * those counts add over a zero count (`#deltas`, which depends only on the count and the
   * total). Most of a row is zero counts, so a sum reads a double per term and per count, where
   * a table of rows × causes (1.9 MB) did not stay in cache.
   */
  readonly #base: Float64Array;
  readonly #rowLog: Float64Array;
  /**
   * Per row, where its counts start in `#deltas` and `#causes` and how many it has + 1 (0 until
   * worked out): 8 bytes, which is all a sum reads of a row besides its log.
   */
  readonly #info: Int32Array;
  /** Per count (rows' counts back to back, as in `counts`), its cause and what it adds over a zero count. */
  readonly #causes: Uint8Array;
  readonly #deltas: Float64Array;
  readonly #termsPerCause: Float64Array;
  readonly #total: number;
  readonly #vocabulary: number;
  readonly #present: boolean[];
  /** Stem pairs by hash (#hashPairs): per slot, a pair's key and row. */
  #pairSlots: Int32Array | null = null;
  #pairShift = 0;
  /**
   * Per row, one bit: whether the text's list has it yet (so each term counts once without a
   * Set). Bits, so that the search for a text's rows reads a 2 KB array that stays in the
   * nearest cache, and the rows' own data are read in loops whose loads do not wait on each other.
   */
  readonly #seen: Int32Array;
  /** The text's rows, in the order found (which is the order their weights are added in). */
  #rows = new Int32Array(256);
  /** The rows of the text's words (#rows has twice the room). */
  #wordRows = new Int32Array(128);
  readonly #sums = new Float64Array(CAUSE_IDS.length);
  readonly #lexicon: Lexicon;
  /**
   * Per lexicon id: the row of the word's stem, SKIP or UNKNOWN (`#rowOfWord`, worked out on first
   * use), and the row of the word read as a stem itself (`#rowOfStemId`, UNKNOWN for words that
   * are no stem).
   */
  #rowOfWord = new Int32Array(0);
  readonly #rowOfStemId: Int32Array;

  /**
   * `counted`: the catalog's counts (their stems and stop words join `lexicon`, so a text's words
   * are looked up once for everything), or the same already as tables over `lexicon`.
   */
  constructor(counted: WordCounts | WordTables, lexicon: Lexicon) {
    this.#lexicon = lexicon;
    const tables = 'stemIds' in counted ? counted : wordTables(counted, lexicon);
    this.#tables = tables;
    this.#termsPerCause = Float64Array.from(tables.termsPerCause);
    this.#total = this.#termsPerCause.reduce((a, b) => a + b, 0);
    this.#vocabulary = tables.countStart.length - 1;
    this.#present = Array.from(this.#termsPerCause, (n) => n > 0);
    const stems = tables.stemIds.length;
    this.#stems = stems;
    this.#rowOfStemId = new Int32Array(lexicon.size).fill(UNKNOWN);
    for (let r = 0; r < stems; r++) this.#rowOfStemId[tables.stemIds[r] as number] = r;

    // Worked out per row on first use: a text touches a hundred of the thousands of rows, and
    // start-up time counts.
    this.#info = new Int32Array(this.#vocabulary * INFO);
    this.#seen = new Int32Array((this.#vocabulary >> 5) + 1);
    this.#causes = new Uint8Array(tables.counts.length >> 1);
    this.#deltas = new Float64Array(tables.counts.length >> 1);
    this.#rowLog = new Float64Array(this.#vocabulary);
    // log(s / (Tc + sV)) + log(Total − Tc + sV): the part of a zero count's weight that is the cause's.
    const v = this.#vocabulary;
    this.#base = this.#termsPerCause.map((inCause) => Math.log(SMOOTHING / (inCause + SMOOTHING * v)) + Math.log(this.#total - inCause + SMOOTHING * v));
    this.#hashPairs();
  }

  /**
   * Fills row r's log and deltas. For a term in `all` messages, `n` of them of cause c, the
   * smoothed one-vs-rest log-odds are
   *   log((n + s) / (Tc + sV)) − log((all − n + s) / (Total − Tc + sV)),
   * which for n = 0 is base[c] − log(all + s), and for n > 0 adds
   *   log((n + s) / s) − log((all − n + s) / (all + s)),
   * which depends on n and all alone.
   */
  #compute(r: number): void {
    const { counts, countStart } = this.#tables;
    const start = countStart[r] as number;
    const end = countStart[r + 1] as number;
    let all = 0;
    for (let k = start; k < end; k += 2) all += counts[k + 1] as number;
    this.#rowLog[r] = Math.log(all + SMOOTHING);
    for (let k = start; k < end; k += 2) {
      const n = counts[k + 1] as number;
      this.#causes[k >> 1] = counts[k] as number;
      this.#deltas[k >> 1] = Math.log((n + SMOOTHING) / SMOOTHING) - Math.log((all - n + SMOOTHING) / (all + SMOOTHING));
    }
    const info = r * INFO;
    this.#info[info + START] = start >> 1;
    this.#info[info + HEAD] = ((end - start) >> 1) + 1;
  }

  /** The tables, for scripts/build-engine-tables.ts. */
  tables(): WordTables {
    return this.#tables;
  }

  /** The row of the pair of stem rows a, b, or -1. */
  #pairRow(a: number, b: number): number {
    const slots = this.#pairSlots;
    if (slots === null) return this.#searchPair(a, b);
    const key = a * this.#stems + b;
    const mask = (slots.length >> 1) - 1;
    for (let slot = Math.imul(key, HASH) >>> this.#pairShift; ; slot = (slot + 1) & mask) {
      const found = slots[slot * 2] as number;
      if (found === key) return slots[slot * 2 + 1] as number;
      if (found === FREE) return -1;
    }
  }

  /** #pairRow as a binary search among a's pairs. */
  #searchPair(a: number, b: number): number {
    const { pairStart, pairSecond } = this.#tables;
    let lo = pairStart[a] as number;
    let hi = (pairStart[a + 1] as number) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const second = pairSecond[mid] as number;
      if (second === b) return this.#stems + mid;
      if (second < b) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * The pairs in a hash table, at most three quarters full: a text looks up ~40 pairs, and a
   * binary search among the pairs of a common stem read several cache lines for each where a
   * probe reads one (a fuller table, smaller, keeps more of those lines in cache).
   * Left null, for the binary search, when a key (a · stems + b) would not fit an Int32Array.
   */
  #hashPairs(): void {
    const { pairStart, pairSecond } = this.#tables;
    const stems = this.#stems;
    if (stems * stems > 0x7fffffff) return;
    let bits = 1;
    while (3 << bits < pairSecond.length * 4) bits++;
    const slots = new Int32Array(2 << bits).fill(FREE);
    const shift = 32 - bits;
    const mask = (1 << bits) - 1;
    for (let a = 0; a < stems; a++) {
      const end = pairStart[a + 1] as number;
      for (let k = pairStart[a] as number; k < end; k++) {
        const key = a * stems + (pairSecond[k] as number);
        let slot = Math.imul(key, HASH) >>> shift;
        while (slots[slot * 2] !== FREE) slot = (slot + 1) & mask;
        slots[slot * 2] = key;
        slots[slot * 2 + 1] = stems + k;
      }
    }
    this.#pairSlots = slots;
    this.#pairShift = shift;
  }

  /**
   * Reads the first slot of every pair of known stems in `wordRows`, in a loop of loads that do
   * not depend on each other and a branch never taken (no slot holds TOUCHED; `scratch` is
   * written over afterwards anyway), so that their cache misses overlap: the lookups, whose
   * branches go one way or the other pair by pair, then find the slots in cache.
   */
  #touchPairs(wordRows: Int32Array, kept: number, scratch: Int32Array): void {
    const slots = this.#pairSlots;
    if (slots === null) return;
    const stems = this.#stems;
    const shift = this.#pairShift;
    for (let j = 1; j < kept; j++) {
      const a = wordRows[j - 1] as number;
      const b = wordRows[j] as number;
      if (a >= 0 && b >= 0 && slots[(Math.imul(a * stems + b, HASH) >>> shift) * 2] === TOUCHED) scratch[0] = 0;
    }
  }

  #wordRow(id: number): number {
    if (id >= this.#rowOfWord.length) {
      // Grown when the lexicon has: ids come from it.
      const rows = new Int32Array(this.#lexicon.size).fill(UNSET);
      rows.set(this.#rowOfWord);
      this.#rowOfWord = rows;
    }
    let row = this.#rowOfWord[id] as number;
    if (row === UNSET) {
      const word = this.#lexicon.word(id);
      row = STOP_WORDS.has(word) || (word.length > 4 && isDigits(word)) ? SKIP : this.#stemRow(word.length > 7 ? this.#lexicon.idOf(stem(word)) : id);
      this.#rowOfWord[id] = row;
    }
    return row;
  }

  /** The row of the lexicon word `id` read as a stem (UNKNOWN for -1). */
  #stemRow(id: number): number {
    return id >= 0 && id < this.#rowOfStemId.length ? (this.#rowOfStemId[id] as number) : UNKNOWN;
  }

  /** The row of word `i` of the text: its stem's, SKIP for stop words and long numbers, or UNKNOWN. */
  #rowAt(tokens: Tokens, i: number): number {
    const id = tokens.ids[i] as number;
    if (id >= 0) return this.#wordRow(id);
    // Stop words are all in the lexicon: a word it lacks is unknown unless it is a long number
    // or longer than a stem, when its first 7 letters may be one.
    const words = tokens.words;
    const start = words.starts[i] as number;
    const end = words.ends[i] as number;
    if (end - start <= 4) return UNKNOWN;
    let digits = true;
    for (let k = start; k < end && digits; k++) {
      const b = words.bytes[k] as number;
      digits = b >= 48 && b <= 57;
    }
    if (digits) return SKIP;
    if (end - start <= 7) return UNKNOWN;
    const stemId = this.#lexicon.find(words, start, start + 7);
    return stemId < 0 ? UNKNOWN : this.#stemRow(stemId);
  }

  /** Whether the catalog has examples of cause `c` (CAUSE_IDS order): only those get a score. */
  knows(c: number): boolean {
    return this.#present[c] === true;
  }

  /**
   * Log-odds per cause (CAUSE_IDS order) for the text's words into `out`, scaled by
   * 1/√(known terms); false, with `out` untouched, when the text has no known term.
   */
  score(tokens: Tokens, out: Float64Array): boolean {
    const causes = CAUSE_IDS.length;
    const info = this.#info;
    const seen = this.#seen;
    if (this.#rows.length < tokens.count * 2) {
      this.#rows = new Int32Array(tokens.count * 2);
      this.#wordRows = new Int32Array(tokens.count);
    }
    const rows = this.#rows;
    // The words' rows in the walk of terms(): stop words and long numbers are left out without
    // breaking a pair, unknown words (UNKNOWN) break it.
    const wordRows = this.#wordRows;
    let kept = 0;
    for (let i = 0; i < tokens.count; i++) {
      const row = this.#rowAt(tokens, i);
      if (row !== SKIP) wordRows[kept++] = row;
    }
    this.#touchPairs(wordRows, kept, rows);
    let found = 0;
    let previous = -1;
    for (let j = 0; j < kept; j++) {
      const row = wordRows[j] as number;
      if (row < 0) {
        previous = -1;
        continue;
      }
      if (((seen[row >> 5] as number) & (1 << (row & 31))) === 0) {
        seen[row >> 5] = (seen[row >> 5] as number) | (1 << (row & 31));
        rows[found++] = row;
      }
      if (previous >= 0) {
        const pair = this.#pairRow(previous, row);
        if (pair >= 0 && ((seen[pair >> 5] as number) & (1 << (pair & 31))) === 0) {
          seen[pair >> 5] = (seen[pair >> 5] as number) | (1 << (pair & 31));
          rows[found++] = pair;
        }
      }
      previous = row;
    }
    // Every bit set belongs to a row of the list: clearing their words clears them all.
    for (let j = 0; j < found; j++) seen[(rows[j] as number) >> 5] = 0;
    if (found === 0) return false;
    const sums = this.#sums;
    sums.fill(0);
    const deltas = this.#deltas;
    const rowLog = this.#rowLog;
    const causeOf = this.#causes;
    // First every row's head and log, in a loop of loads that do not depend on each other and a
    // branch that is all but never taken, so that their cache misses overlap; the counts' loop,
    // whose length varies row by row, then finds the heads in cache.
    let logs = 0;
    for (let j = 0; j < found; j++) {
      const row = rows[j] as number;
      if (info[row * INFO + HEAD] === 0) this.#compute(row);
      logs += rowLog[row] as number;
    }
    for (let j = 0; j < found; j++) {
      const at = (rows[j] as number) * INFO;
      const start = info[at + START] as number;
      const end = start + (info[at + HEAD] as number) - 1;
      for (let k = start; k < end; k++) {
        const c = causeOf[k] as number;
        sums[c] = (sums[c] as number) + (deltas[k] as number);
      }
    }
    const base = this.#base;
    for (let c = 0; c < causes; c++) sums[c] = found * (base[c] as number) - logs + (sums[c] as number);
    // Naive Bayes grows overconfident with every word it adds up; dividing by √n keeps a long
    // report from drowning the hand-written evidence while a short message still counts.
    const scale = 1 / Math.sqrt(found);
    for (let c = 0; c < causes; c++) out[c] = (sums[c] as number) * scale;
    return true;
  }
}
