import type { PhraseEvidence } from '../../content/types.js';
import type { Lexicon } from './lexicon.js';
import { grown } from './grown.js';
import { narrowInts, type IntArray } from './tables.js';
import type { Tokens } from './tokens.js';

/**
 * Compiles evidence phrases once into small programs over a text's word ids (the pattern language
 * is described at PhraseEvidence). A phrase is only tried when one of its anchor words is in the
 * text and every part can find its plain words there, so hundreds of phrases cost a few array
 * reads per text; the few that are tried walk the positions of their first word. The meaning is
 * that of the regular expression `phraseSource` gives over the normalised text, which the tests
 * hold the walk to.
 */

interface CompiledPhrase {
  evidence: PhraseEvidence;
  /** Positions given by the matcher: this phrase among all, its evidence among all. */
  index: number;
  evidenceIndex: number;
  phrase: string;
  /** Per part (the pieces between " .. "), its alternatives as written. */
  parts: string[][];
  /** Plain words of which the text must contain at least one; empty when none can be required. */
  anchors: string[];
  /**
   * For each part of the phrase, its alternatives' plain words: for the phrase to match, every
   * part needs one alternative whose plain words are all in the text.
   */
  required: string[][][];
}

/**
 * A word of a program: a lexicon id (≥ 0), or -1 - k for the k-th prefix ("refus*").
 * An element is a choice of word sequences ("(could not|unable to)"); a plain word is a choice
 * of one. An alternative is a sequence of elements; a part, a choice of alternatives.
 */
type Element = number[][];
type Alternative = Element[];
type Program = Alternative[][];

/**
 * Everything the matcher knows once its phrases are compiled, as plain numbers over one lexicon:
 * what scripts/build-engine-tables.ts ships, so that starting the program compiles no phrase.
 */
export interface PhraseTables {
  // Every array is in the narrowest type its values fit (narrowInts), as the packed tables hold it.
  /** Every phrase of the evidence, in order, joined by "\n": the tables hold for these only. */
  phrases: string;
  /**
   * Per lexicon id, the phrases it anchors: `anchored[anchorStart[id] .. anchorStart[id + 1]]`.
   * Each is the phrase, then a count and that many words one of which the text must hold for the
   * phrase to match, given it holds the anchor (entryGate): the test that rules out most phrases
   * tried, read in the same pass as the phrases.
   */
  anchorStart: IntArray;
  anchored: IntArray;
  /** Phrases with no anchor word, tried on every text. */
  unanchored: IntArray;
  /** The prefixes ("refus" of "refus*") programs name as -1 - k. */
  prefixes: string[];
  /**
   * Each phrase's program, flat: parts, then per part its alternatives, per alternative its
   * elements, per element its choices, per choice its words, each list preceded by its length.
   * Phrase p's program is `programs[programStart[p] .. programStart[p + 1]]`.
   */
  programs: IntArray;
  programStart: IntArray;
  /**
   * What a text must hold for each phrase to match, flat. First the gate: the number of words,
   * then the words (ids) every match needs, the rarest first, the phrase's only anchor left out
   * (it is in the text whenever the phrase is tried). Then the parts the gate does not settle:
   * per part the number of its alternatives and how many numbers follow for them; per
   * alternative the number of its clauses and how many numbers follow for them; per clause the
   * number of its words and those words (ids or prefixes, as in programs), one of which the text
   * must hold. A plain word is a clause of one; a choice ("(nicht verfugbar|ausgefallen)") is a
   * clause of each choice's first word. A part is possible when one of its alternatives has
   * every clause met; a part of one alternative keeps only the clauses the gate lacks.
   * Phrase p's is `required[requiredStart[p] .. requiredStart[p + 1]]`.
   */
  required: IntArray;
  requiredStart: IntArray;
  /**
   * The words (ids or prefixes) a match of each phrase can start with: their number, then the
   * words; -1 alone when a match can start anywhere. Phrase p's begin at `starts[startsStart[p]]`.
   */
  starts: IntArray;
  startsStart: IntArray;
}

export interface PhraseMatch {
  evidence: PhraseEvidence;
  phrase: string;
}

export class PhraseSyntaxError extends Error {
  readonly code = 'PHRASE_SYNTAX';
}

/** The words of a (valid) phrase, prefixes with their "*": what elementsOf splits it into. */
const PHRASE_WORD = /[a-z0-9]+\*?/g;

/** Up to this many other words may sit where a phrase says " .. ". */
const GAP_WORDS = 4;

export class PhraseMatcher {
  readonly #tables: PhraseTables;
  readonly #evidence: readonly PhraseEvidence[];
  /** Per phrase: its evidence entry's index, and its text. */
  readonly #phraseEvidence: Int32Array;
  readonly #phraseText: string[];
  /** Per phrase, made on first use: a text tries a few dozen of the hundreds of phrases. */
  readonly #reports: (PhraseMatch | undefined)[];
  /**
   * The walk reads the programs where the tables hold them. Per offset of a part, an alternative
   * or an element, the offset just after it (`#skip`), filled per phrase when it is first walked.
   */
  readonly #code: IntArray;
  readonly #skip: Uint16Array | Int32Array;
  /**
   * Per offset of a part, filled with `#skip`: one bit (wordBit) for each known word an alternative
   * of it can start with, every bit when one can start with a prefix or with nothing. Most words a
   * part is tried at after " .. " start none of its alternatives, and this tells so in one test.
   */
  readonly #firstWords: Int32Array;
  /** Per phrase, 0 until first walked, then WALKED or PLAIN. */
  readonly #indexed: Uint8Array;
  /** Per phrase and per evidence entry, the last call that tried or matched it: no Set per call. */
  readonly #tried: Uint32Array;
  readonly #matched: Uint32Array;
  /**
   * The prefixes' letters (`#prefixBytes[#prefixFrom[k] .. #prefixFrom[k + 1]]`), and per bucket
   * of their first two letters (bucketOf) the prefixes in it (`#byFirst[#firstFrom[b] .. #firstFrom[b + 1]]`).
   */
  readonly #prefixBytes: Uint8Array;
  readonly #prefixFrom: Int32Array;
  readonly #byFirst: Int32Array;
  readonly #firstFrom: Int32Array;
  /** One bit per bucket, whether it holds a prefix: all most words of a text need to look at. */
  readonly #occupied: Int32Array;
  /**
   * The text's words that begin with each prefix, found for all prefixes at once (#pass): per
   * prefix how many, and a list of positions (`#hitPosition` from `#prefixHead`, on by `#hitNext`).
   */
  readonly #prefixFound: Int32Array;
  readonly #prefixHead: Int32Array;
  readonly #prefixTail: Int32Array;
  /**
   * Per lexicon id, the prefixes its word begins with, learnt the first time a text holds it: 0 not
   * yet known, 1 none, else 2 + where its list (ended by -1) starts in `#idPrefixList`. A known
   * word is the same letters in every text, so after the first texts only unknown words are read.
   */
  #idPrefixes = new Int32Array(0);
  readonly #idPrefixList: number[] = [];
  /**
   * One bit per lexicon id, set once its word is known to begin with no prefix: what the pass asks
   * of nearly every known word, in a few cache lines where `#idPrefixes` takes dozens.
   */
  #plain = new Int32Array(0);
  /** One bit per lexicon id set in `#plain` that anchors no phrase: a word the pass can skip. */
  #quiet = new Int32Array(0);
  /** The anchors of the text, in the order their words first occur (#pass). */
  #visit = new Int32Array(64);
  #hitPosition = new Int32Array(64);
  #hitNext = new Int32Array(64);
  #call = 0;
  /**
   * One bit per lexicon id that anchors a phrase, and per text one per anchor visited so far: a
   * few hundred bytes that stay in the cache, where anchorStart and Tokens.first take kilobytes.
   */
  readonly #anchors: Int32Array;
  readonly #seen: Int32Array;
  /** The text being matched, for the walk. */
  #tokens: Tokens | null = null;
  #ids = new Int32Array(0);
  #count = 0;

  /**
   * `tables`: the compiled form of these phrases over `lexicon` (scripts/build-engine-tables.ts);
   * used only when it was made from exactly these phrases, else they are compiled here.
   */
  constructor(evidence: readonly PhraseEvidence[], lexicon: Lexicon, options: { validate?: boolean; tables?: PhraseTables } = {}) {
    this.#evidence = evidence;
    const phraseEvidence: number[] = [];
    const phraseText: string[] = [];
    for (let e = 0; e < evidence.length; e++) {
      for (const phrase of (evidence[e] as PhraseEvidence).phrases) {
        phraseEvidence.push(e);
        phraseText.push(phrase);
      }
    }
    this.#phraseEvidence = Int32Array.from(phraseEvidence);
    this.#phraseText = phraseText;
    const tables = options.tables;
    this.#tables = tables && tables.phrases === phraseText.join('\n') ? tables : compileTables(evidence, lexicon, options.validate ?? true);
    const phrases = phraseText.length;
    const prefixes = this.#tables.prefixes;
    this.#reports = new Array<PhraseMatch | undefined>(phrases);
    this.#code = this.#tables.programs;
    this.#skip = this.#code.length <= 0xffff ? new Uint16Array(this.#code.length) : new Int32Array(this.#code.length);
    this.#firstWords = new Int32Array(this.#code.length);
    this.#indexed = new Uint8Array(phrases);
    this.#tried = new Uint32Array(phrases);
    this.#matched = new Uint32Array(evidence.length);
    // Latin-1 bytes are the characters' codes: prefixes are [a-z0-9].
    this.#prefixBytes = Uint8Array.from(Buffer.from(prefixes.join(''), 'latin1'));
    this.#prefixFrom = new Int32Array(prefixes.length + 1);
    for (let k = 0; k < prefixes.length; k++) this.#prefixFrom[k + 1] = (this.#prefixFrom[k] as number) + (prefixes[k] as string).length;
    [this.#byFirst, this.#firstFrom] = byFirstLetters(prefixes);
    this.#occupied = nonEmptyBits(this.#firstFrom);
    this.#prefixFound = new Int32Array(prefixes.length);
    this.#prefixHead = new Int32Array(prefixes.length);
    this.#prefixTail = new Int32Array(prefixes.length);
    this.#anchors = nonEmptyBits(this.#tables.anchorStart);
    this.#seen = new Int32Array(this.#anchors.length);
  }

  /** The compiled phrases, for scripts/build-engine-tables.ts. */
  tables(): PhraseTables {
    return this.#tables;
  }

  #match(p: number): PhraseMatch {
    let m = this.#reports[p];
    if (m === undefined) {
      m = { evidence: this.#evidence[this.#phraseEvidence[p] as number] as PhraseEvidence, phrase: this.#phraseText[p] as string };
      this.#reports[p] = m;
    }
    return m;
  }

  /**
   * Every evidence entry with at least one phrase in the text; each entry once. The matches are
   * the matcher's own objects, the same for every text: read them, never change them.
   */
  match(tokens: Tokens): PhraseMatch[] {
    if (this.#call === 0xffffffff) {
      this.#tried.fill(0);
      this.#matched.fill(0);
      this.#call = 0;
    }
    this.#call++;
    this.#tokens = tokens;
    this.#ids = tokens.ids;
    this.#count = tokens.count;
    const out: PhraseMatch[] = [];
    // Anchors are visited in the order their words first occur in the text, which decides
    // which phrase of an entry is reported.
    const { anchorStart, anchored, unanchored } = this.#tables;
    const visits = this.#pass();
    const visit = this.#visit;
    for (let v = 0; v < visits; v++) {
      const id = visit[v] as number;
      const end = anchorStart[id + 1] as number;
      for (let k = anchorStart[id] as number; k < end; ) {
        const p = anchored[k] as number;
        let j = k + 2;
        k = j + (anchored[k + 1] as number);
        let any = j === k;
        for (; j < k && !any; j++) any = tokens.has(anchored[j] as number);
        if (any) this.#test(p, out);
      }
    }
    for (let k = 0; k < unanchored.length; k++) this.#test(unanchored[k] as number, out);
    this.#tokens = null;
    return out;
  }

  #test(p: number, out: PhraseMatch[]): void {
    const call = this.#call;
    const e = this.#phraseEvidence[p] as number;
    if (this.#tried[p] === call || this.#matched[e] === call) return;
    this.#tried[p] = call;
    const { required, requiredStart } = this.#tables;
    const tokens = this.#tokens as Tokens;
    let from = requiredStart[p] as number;
    const to = requiredStart[p + 1] as number;
    // The gate's words first: most phrases tried lack one of them, and it costs a bit test each.
    // (The first was asked already when the phrase is anchored; asking again costs less than
    // telling the cases apart.)
    for (let end = from + 1 + (required[from] as number), i = from + 1; i < end; i++) if (!tokens.has(required[i] as number)) return;
    from += 1 + (required[from] as number);
    if (from < to && !this.#possible(required, from, to)) return;
    if (!this.#matches(p)) return;
    this.#matched[e] = call;
    out.push(this.#match(p));
  }

  /**
   * Whether every part (`required[from .. to]`, past the gate) has an alternative whose clauses
   * are all met: a known word the text holds, or a prefix one of its words begins with (#pass
   * found them before any phrase is tried). A failed clause skips the rest of its alternative, a
   * met alternative the rest of its part.
   */
  #possible(required: IntArray, from: number, to: number): boolean {
    const tokens = this.#tokens as Tokens;
    const found = this.#prefixFound;
    let i = from;
    while (i < to) {
      const alternatives = required[i] as number;
      const partEnd = i + 2 + (required[i + 1] as number);
      i += 2;
      let possible = false;
      for (let a = 0; a < alternatives && !possible; a++) {
        const clauses = required[i] as number;
        const alternativeEnd = i + 2 + (required[i + 1] as number);
        i += 2;
        let all = true;
        for (let c = 0; c < clauses && all; c++) {
          const end = i + 1 + (required[i] as number);
          let any = false;
          for (let k = i + 1; k < end && !any; k++) {
            const word = required[k] as number;
            if (word >= 0) any = tokens.has(word);
            else any = (found[-1 - word] as number) > 0;
          }
          all = any;
          i = end;
        }
        possible = all;
        i = alternativeEnd;
      }
      if (!possible) return false;
      i = partEnd;
    }
    return true;
  }

  /**
   * One pass over the text's words: lists in `#visit` the anchors in the order their words first
   * occur, and returns how many, and finds the words that begin with each prefix (each word
   * compared only with the prefixes of its first two letters, a known word once in the process).
   * Nearly every text needs some prefix looked for, so both are found together: most known words
   * cost one bit test (`#quiet`) for both.
   */
  #pass(): number {
    this.#prefixFound.fill(0);
    this.#seen.fill(0);
    const { bytes, starts, ends } = (this.#tokens as Tokens).words;
    const ids = this.#ids;
    const occupied = this.#occupied;
    const anchors = this.#anchors;
    const seen = this.#seen;
    const limit = this.#tables.anchorStart.length - 1;
    if (this.#visit.length < this.#count) this.#visit = new Int32Array(this.#count);
    const visit = this.#visit;
    let visits = 0;
    let plain = this.#plain;
    let quiet = this.#quiet;
    let hits = 0;
    const short = ((occupied[SHORT >> 5] as number) & (1 << (SHORT & 31))) !== 0;
    for (let i = 0; i < this.#count; i++) {
      const id = ids[i] as number;
      if (id >= 0) {
        const w = id >> 5;
        const bit = 1 << (id & 31);
        if (w < quiet.length && ((quiet[w] as number) & bit) !== 0) continue;
        // An anchor is visited at its first occurrence only.
        if (id < limit) {
          const visited = seen[w] as number;
          if (((anchors[w] as number) & ~visited & bit) !== 0) {
            seen[w] = visited | bit;
            visit[visits++] = id;
          }
        }
        if (w < plain.length && ((plain[w] as number) & bit) !== 0) continue;
        const known = id < this.#idPrefixes.length ? (this.#idPrefixes[id] as number) : 0;
        hits = known === 0 ? this.#learnPrefixes(i, id, hits) : this.#noteList(known - 2, i, hits);
        plain = this.#plain;
        quiet = this.#quiet;
        continue;
      }
      const start = starts[i] as number;
      const length = (ends[i] as number) - start;
      if (length > 1) {
        const bucket = bucketOf(bytes[start] as number, bytes[start + 1] as number);
        if (((occupied[bucket >> 5] as number) & (1 << (bucket & 31))) !== 0) hits = this.#findPrefixesOf(i, start, length, bucket, hits);
      }
      if (short) hits = this.#findPrefixesOf(i, start, length, SHORT, hits);
    }
    return visits;
  }

  /** Notes word i ([start, start + length) of the text's bytes) for the prefixes of `bucket` it begins with. */
  #findPrefixesOf(i: number, start: number, length: number, bucket: number, hits: number): number {
    const last = this.#firstFrom[bucket + 1] as number;
    for (let j = this.#firstFrom[bucket] as number; j < last; j++) {
      const k = this.#byFirst[j] as number;
      if (this.#begins(start, length, k)) hits = this.#note(k, i, hits);
    }
    return hits;
  }

  /** Notes word i, whose lexicon id is `id`, for the prefixes it begins with, and keeps them for the id. */
  #learnPrefixes(i: number, id: number, hits: number): number {
    const { bytes, starts, ends } = (this.#tokens as Tokens).words;
    if (id >= this.#idPrefixes.length) {
      const grown = new Int32Array(Math.max(id + 1, this.#idPrefixes.length * 2, 1024));
      grown.set(this.#idPrefixes);
      this.#idPrefixes = grown;
      const bits = new Int32Array((grown.length >> 5) + 1);
      bits.set(this.#plain);
      this.#plain = bits;
      const quiet = new Int32Array(bits.length);
      quiet.set(this.#quiet);
      this.#quiet = quiet;
    }
    const list = this.#idPrefixList;
    const from = list.length;
    const start = starts[i] as number;
    const length = (ends[i] as number) - start;
    const buckets = length > 1 ? [bucketOf(bytes[start] as number, bytes[start + 1] as number), SHORT] : [SHORT];
    for (const bucket of buckets) {
      const last = this.#firstFrom[bucket + 1] as number;
      for (let j = this.#firstFrom[bucket] as number; j < last; j++) {
        const k = this.#byFirst[j] as number;
        if (this.#begins(start, length, k)) list.push(k);
      }
    }
    if (list.length === from) {
      this.#idPrefixes[id] = 1;
      this.#plain[id >> 5] = (this.#plain[id >> 5] as number) | (1 << (id & 31));
      if (!this.#anchorsPhrase(id)) this.#quiet[id >> 5] = (this.#quiet[id >> 5] as number) | (1 << (id & 31));
      return hits;
    }
    list.push(-1);
    this.#idPrefixes[id] = from + 2;
    return this.#noteList(from, i, hits);
  }

  #anchorsPhrase(id: number): boolean {
    return id < this.#tables.anchorStart.length - 1 && ((this.#anchors[id >> 5] as number) & (1 << (id & 31))) !== 0;
  }

  /** Notes word i for the prefixes of `#idPrefixList` from `at` on. */
  #noteList(at: number, i: number, hits: number): number {
    const list = this.#idPrefixList;
    for (let j = at; (list[j] as number) >= 0; j++) hits = this.#note(list[j] as number, i, hits);
    return hits;
  }

  /** Whether the text's letters [start, start + length) begin with prefix k. */
  #begins(start: number, length: number, k: number): boolean {
    const bytes = (this.#tokens as Tokens).words.bytes;
    const letters = this.#prefixBytes;
    const at = this.#prefixFrom[k] as number;
    const n = (this.#prefixFrom[k + 1] as number) - at;
    if (n > length) return false;
    for (let m = 0; m < n; m++) if (bytes[start + m] !== letters[at + m]) return false;
    return true;
  }

  /** Adds word i to the words found for prefix k; `hits` notes so far. */
  #note(k: number, i: number, hits: number): number {
    const found = this.#prefixFound;
    if (hits === this.#hitPosition.length) this.#growHits();
    this.#hitPosition[hits] = i;
    this.#hitNext[hits] = -1;
    if (found[k] === 0) this.#prefixHead[k] = hits;
    else this.#hitNext[this.#prefixTail[k] as number] = hits;
    this.#prefixTail[k] = hits;
    found[k] = (found[k] as number) + 1;
    return hits + 1;
  }

  #growHits(): void {
    const size = this.#hitPosition.length * 2;
    this.#hitPosition = grown(this.#hitPosition, size);
    this.#hitNext = grown(this.#hitNext, size);
  }

  /** Whether word `i` of the text begins with prefix `k`. */
  #hasPrefix(i: number, k: number): boolean {
    const { starts, ends } = (this.#tokens as Tokens).words;
    const start = starts[i] as number;
    return this.#begins(start, (ends[i] as number) - start, k);
  }

  #matches(p: number): boolean {
    const tokens = this.#tokens as Tokens;
    const at = this.#tables.programStart[p] as number;
    const end = this.#tables.programStart[p + 1] as number;
    let kind = this.#indexed[p] as number;
    if (kind === 0) {
      kind = plainSequences(this.#code, at) ? PLAIN : WALKED;
      if (kind === WALKED) this.#index(at);
      this.#indexed[p] = kind;
    }
    if (kind === PLAIN) return this.#anySequence(at);
    // The first part starts after the program's count of parts.
    const part = at + 1;
    const starts = this.#tables.starts;
    let s = this.#tables.startsStart[p] as number;
    const n = starts[s++] as number;
    if (n < 0) {
      for (let q = 0; q < this.#count; q++) if (this.#part(part, end, q)) return true;
      return false;
    }
    for (const last = s + n; s < last; s++) {
      const word = starts[s] as number;
      if (word >= 0) {
        if (!tokens.has(word)) continue;
        for (let q = tokens.first(word); q >= 0; q = tokens.next[q] as number) if (this.#part(part, end, q)) return true;
      } else {
        const k = -1 - word;
        if (this.#prefixFound[k] === 0) continue;
        for (let h = this.#prefixHead[k] as number; h >= 0; h = this.#hitNext[h] as number) if (this.#part(part, end, this.#hitPosition[h] as number)) return true;
      }
    }
    return false;
  }

  /**
   * Whether the text holds one of the word sequences of a PLAIN program at `at`: what most phrases
   * tried are ("server error", "ssl|tls|starttls"), compared here at their first word's positions
   * without the walk's steps per part, alternative and element.
   */
  #anySequence(at: number): boolean {
    const tokens = this.#tokens as Tokens;
    const code = this.#code;
    const count = this.#count;
    const next = tokens.next;
    // Past the counts of parts and alternatives, each alternative is 1 (element), 1 (choice), its words' count, its words.
    let a = at + 2;
    for (let alternatives = code[at + 1] as number; alternatives > 0; alternatives--) {
      const n = code[a + 2] as number;
      const words = a + 3;
      a = words + n;
      const first = code[words] as number;
      if (!tokens.has(first)) continue;
      for (let q = tokens.first(first); q >= 0 && q + n <= count; q = next[q] as number) {
        if (this.#sequence(words + 1, n - 1, q + 1) >= 0) return true;
      }
    }
    return false;
  }

  /** Fills `#skip` for the program at `at` (laid out as PhraseTables.programs says). */
  #index(at: number): void {
    const code = this.#code;
    const skip = this.#skip;
    let i = at + 1;
    for (let parts = code[at] as number; parts > 0; parts--) {
      const part = i++;
      let firstWords = 0;
      for (let alternatives = code[part] as number; alternatives > 0; alternatives--) {
        const alternative = i++;
        if ((code[alternative] as number) === 0) firstWords = -1;
        for (let elements = code[alternative] as number; elements > 0; elements--) {
          const element = i++;
          const first = element === alternative + 1;
          for (let choices = code[element] as number; choices > 0; choices--) {
            // A choice of no words, or one starting with a prefix, can start at any word.
            const word = (code[i] as number) > 0 ? (code[i + 1] as number) : -1;
            if (first) firstWords |= word >= 0 ? wordBit(word) : -1;
            i += 1 + (code[i] as number);
          }
          skip[element] = i;
        }
        skip[alternative] = i;
      }
      skip[part] = i;
      this.#firstWords[part] = firstWords;
    }
  }

  /** Whether the part at offset `at` and all after it (up to `end`) match with it starting at word `pos`. */
  #part(at: number, end: number, pos: number): boolean {
    const code = this.#code;
    const next = this.#skip[at] as number;
    // Parts are tried at words of the text only (pos < count), where some alternative can start:
    // the callers asked #firstWords (#elements), or start at a first word of the first part or
    // anywhere when it has none (#matches). Most alternatives still do not start with the word
    // there: one whose first element is one sequence of words starting with another known word
    // would fail at that word (#sequence), so it is passed over unwalked.
    const word = this.#ids[pos] as number;
    let alternative = at + 1;
    for (let n = code[at] as number; n > 0; n--) {
      const first = code[alternative + 3] as number;
      const other = code[alternative + 1] === 1 && (code[alternative + 2] as number) > 0 && first >= 0 && first !== word;
      if (!other && this.#elements(alternative + 1, code[alternative] as number, next, end, pos)) return true;
      alternative = this.#skip[alternative] as number;
    }
    return false;
  }

  /** Whether the `left` elements from offset `at`, then the parts from `next`, match from word `pos`. */
  #elements(at: number, left: number, next: number, end: number, pos: number): boolean {
    if (left === 0) {
      if (next === end) return true;
      const last = Math.min(pos + GAP_WORDS, this.#count - 1);
      // #part's first test, asked here: most words of the gap start none of the part's alternatives.
      const firstWords = this.#firstWords[next] as number;
      const ids = this.#ids;
      for (let q = pos; q <= last; q++) if ((firstWords & wordBit(ids[q] as number)) !== 0 && this.#part(next, end, q)) return true;
      return false;
    }
    const code = this.#code;
    const after = this.#skip[at] as number;
    let choice = at + 1;
    for (let n = code[at] as number; n > 0; n--) {
      const words = code[choice] as number;
      const to = this.#sequence(choice + 1, words, pos);
      if (to >= 0 && this.#elements(after, left - 1, next, end, to)) return true;
      choice += 1 + words;
    }
    return false;
  }

  /** The position after the `n` words at offset `at` when they are the text's words from `pos` on, else -1. */
  #sequence(at: number, n: number, pos: number): number {
    if (pos + n > this.#count) return -1;
    const code = this.#code;
    const ids = this.#ids;
    for (let w = 0; w < n; w++) {
      const word = code[at + w] as number;
      if (word >= 0 ? ids[pos + w] !== word : !this.#hasPrefix(pos + w, -1 - word)) return -1;
    }
    return pos + n;
  }
}

/** One bit per range of `start` (range i: start[i] .. start[i + 1]), set when the range is not empty. */
function nonEmptyBits(start: ArrayLike<number>): Int32Array {
  const bits = new Int32Array((start.length >> 5) + 1);
  for (let i = 0; i + 1 < start.length; i++) if (start[i] !== start[i + 1]) bits[i >> 5] = (bits[i >> 5] as number) | (1 << (i & 31));
  return bits;
}

/** A known word's bit in a part's `#firstWords`. */
function wordBit(word: number): number {
  return 1 << (word & 31);
}

/** What `#indexed` notes of a phrase once walked: its program is PLAIN (plainSequences), or the walk's offsets are filled. */
const WALKED = 1;
const PLAIN = 2;

/**
 * Whether the program at `at` is one part whose every alternative is one sequence of known words
 * (joinSequences makes a run of plain words one element of one choice): no group, prefix or gap.
 */
function plainSequences(code: IntArray, at: number): boolean {
  if (code[at] !== 1) return false;
  let a = at + 2;
  for (let alternatives = code[at + 1] as number; alternatives > 0; alternatives--) {
    const n = code[a + 2] as number;
    if (code[a] !== 1 || code[a + 1] !== 1 || n === 0) return false;
    for (let w = a + 3; w < a + 3 + n; w++) if ((code[w] as number) < 0) return false;
    a += 3 + n;
  }
  return true;
}

/** The indexes of `words` grouped by bucket (bucketOf), and where each bucket's group starts (BUCKETS + 1 of them). */
function byFirstLetters(words: readonly string[]): [Int32Array, Int32Array] {
  const from = new Int32Array(BUCKETS + 1);
  const bucket = (word: string) => (word.length < 2 ? SHORT : bucketOf(word.charCodeAt(0), word.charCodeAt(1)));
  for (const word of words) from[bucket(word) + 1] = (from[bucket(word) + 1] as number) + 1;
  for (let b = 0; b < BUCKETS; b++) from[b + 1] = (from[b + 1] as number) + (from[b] as number);
  const grouped = new Int32Array(words.length);
  const filled = from.slice(0, BUCKETS);
  words.forEach((word, k) => {
    const b = bucket(word);
    grouped[filled[b] as number] = k;
    filled[b] = (filled[b] as number) + 1;
  });
  return [grouped, from];
}

/**
 * Prefixes are grouped by their first two letters, five bits of each (letters and digits share
 * buckets only as "p".."y" and "0".."9" do): most words of a text find theirs empty. Prefixes of
 * one letter (none so far) share a bucket every word looks in.
 */
const SHORT = 1024;
const BUCKETS = SHORT + 1;

function bucketOf(first: number, second: number): number {
  return ((first & 31) << 5) | (second & 31);
}

/**
 * Compiles every phrase of `evidence` over `lexicon`, adding their words to it: the work the
 * generated tables save at start-up.
 */
function compileTables(evidence: readonly PhraseEvidence[], lexicon: Lexicon, validate: boolean): PhraseTables {
  const prefixes: string[] = [];
  const prefixIndex = new Map<string, number>();
  /** A word of a program: its lexicon id, or -1 - k for the k-th prefix. */
  const word = (w: string): number => {
    if (!w.endsWith('*')) return lexicon.add(w);
    const prefix = w.slice(0, -1);
    let k = prefixIndex.get(prefix);
    if (k === undefined) prefixIndex.set(prefix, (k = prefixes.push(prefix) - 1));
    return -1 - k;
  };
  const compiled: CompiledPhrase[] = [];
  const phraseText: string[] = [];
  const byAnchor = new Map<number, number[]>();
  const unanchored: number[] = [];
  evidence.forEach((ev, evidenceIndex) => {
    for (const phrase of ev.phrases) {
      const c = compilePhrase(ev, phrase, validate);
      c.index = compiled.length;
      c.evidenceIndex = evidenceIndex;
      compiled.push(c);
      phraseText.push(phrase);
      // Every word of the phrase gets its id now (ids follow the order words are first seen).
      for (const w of phrase.match(PHRASE_WORD) ?? []) word(w);
      if (c.anchors.length === 0) {
        unanchored.push(c.index);
        continue;
      }
      for (const anchor of c.anchors) {
        const id = lexicon.add(anchor);
        const list = byAnchor.get(id) ?? [];
        list.push(c.index);
        byAnchor.set(id, list);
      }
    }
  });
  const programs: number[] = [];
  const required: number[] = [];
  const starts: number[] = [];
  const programStart = new Int32Array(compiled.length + 1);
  const requiredStart = new Int32Array(compiled.length + 1);
  const startsStart = new Int32Array(compiled.length + 1);
  const programOf = (c: CompiledPhrase): Program =>
    c.parts.map((alternatives) => alternatives.map((alternative) => joinSequences(elementsOf(alternative).map((choices) => choices.map((choice) => choice.map(word))))));
  const compiledPrograms = compiled.map(programOf);
  const phrasesWith = phrasesPerWord(compiledPrograms);
  compiled.forEach((c, p) => {
    programStart[p] = programs.length;
    requiredStart[p] = required.length;
    startsStart[p] = starts.length;
    const program = compiledPrograms[p] as Program;
    encodeProgram(program, programs);
    const anchor = c.anchors.length === 1 ? lexicon.idOf(c.anchors[0] as string) : -1;
    const need = requiredOf(program, anchor, phrasesWith);
    required.push(...need.required);
    if (need.starts === null) starts.push(-1);
    else starts.push(need.starts.length, ...need.starts);
  });
  const anchorStart = new Int32Array(lexicon.size + 1);
  const anchored: number[] = [];
  for (let id = 0; id < lexicon.size; id++) {
    anchorStart[id] = anchored.length;
    for (const p of byAnchor.get(id) ?? []) {
      const gate = entryGate(compiledPrograms[p] as Program, id, phrasesWith);
      anchored.push(p, gate.length, ...gate);
    }
  }
  anchorStart[lexicon.size] = anchored.length;
  programStart[compiled.length] = programs.length;
  requiredStart[compiled.length] = required.length;
  startsStart[compiled.length] = starts.length;
  return {
    phrases: phraseText.join('\n'),
    anchorStart: narrowInts(anchorStart),
    anchored: narrowInts(anchored),
    unanchored: narrowInts(unanchored),
    prefixes,
    programs: narrowInts(programs),
    programStart: narrowInts(programStart),
    required: narrowInts(required),
    requiredStart: narrowInts(requiredStart),
    starts: narrowInts(starts),
    startsStart: narrowInts(startsStart),
  };
}

/**
 * Runs of plain words as one sequence: "can t send" is one element of one choice of three words
 * rather than three elements, the same words in the same order, which the walk compares in one
 * loop instead of a step of recursion per word.
 */
function joinSequences(alternative: Alternative): Alternative {
  const out: Alternative = [];
  for (const element of alternative) {
    const last = out[out.length - 1];
    if (element.length === 1 && last?.length === 1) last[0] = [...(last[0] as number[]), ...(element[0] as number[])];
    else out.push(element.length === 1 ? [[...(element[0] as number[])]] : element);
  }
  return out;
}

/** Appends a program to `out` as PhraseTables.programs lays it out. */
function encodeProgram(program: Program, out: number[]): void {
  out.push(program.length);
  for (const part of program) {
    out.push(part.length);
    for (const alternative of part) {
      out.push(alternative.length);
      for (const element of alternative) {
        out.push(element.length);
        for (const choice of element) out.push(choice.length, ...choice);
      }
    }
  }
}

/**
 * Per word id, in how many programs it is a word: what the gate goes by to test the rarest word
 * first, since a word many phrases name is one many texts hold ("server", "not").
 */
function phrasesPerWord(programs: readonly Program[]): Map<number, number> {
  const count = new Map<number, number>();
  for (const program of programs) {
    const words = new Set(program.flat(4));
    for (const w of words) count.set(w, (count.get(w) ?? 0) + 1);
  }
  return count;
}

/**
 * What an alternative needs, as clauses: every word outside a choice of several, plain words and
 * prefixes alike, is a clause of its own; of a choice of several, the first word of one of its
 * choices (a clause of several words, one of which the text must hold).
 */
function clausesOf(alternative: Alternative): number[][] {
  const clauses: number[][] = [];
  for (const element of alternative) {
    if (element.length === 1) for (const word of element[0] ?? []) clauses.push([word]);
    else clauses.push([...new Set(element.map((choice) => choice[0] as number))]);
  }
  return clauses;
}

/**
 * Words one of which a text that holds `anchor` must hold too for the program to match: for the
 * part where that rules out the most texts, one known word of each alternative other than the
 * anchor (the rarest). Empty when every part has an alternative needing no other known word. A
 * part of one alternative gives one word, which is then needed outright.
 */
function entryGate(program: Program, anchor: number, phrasesWith: ReadonlyMap<number, number>): number[] {
  const commonness = (w: number): number => phrasesWith.get(w) ?? 0;
  let best: number[] = [];
  let bestScore = Infinity;
  for (const part of program) {
    const gate = new Set<number>();
    for (const alternative of part) {
      const words = clausesOf(alternative)
        .filter((clause) => clause.length === 1 && (clause[0] as number) >= 0 && clause[0] !== anchor)
        .map((clause) => clause[0] as number);
      if (words.length === 0) {
        gate.clear();
        break;
      }
      gate.add(words.reduce((a, b) => (commonness(b) < commonness(a) ? b : a)));
    }
    // A text holds one of several words about as often as the phrases name them all together.
    const score = [...gate].reduce((sum, w) => sum + commonness(w), 0);
    if (gate.size > 0 && score < bestScore) {
      best = [...gate];
      bestScore = score;
    }
  }
  return best;
}

/**
 * What a text must hold for the program to match (PhraseTables.required), and the words a match
 * can start with. `anchor`: the phrase's only anchor word, -1 when it has none or several.
 */
function requiredOf(program: Program, anchor: number, phrasesWith: ReadonlyMap<number, number>): { required: number[]; starts: number[] | null } {
  let starts: number[] | null = [];
  for (const alternative of program[0] ?? []) {
    for (const choice of alternative[0] ?? []) {
      const first = choice[0];
      if (first === undefined) starts = null;
      else if (starts && !starts.includes(first)) starts.push(first);
    }
  }
  // A clause of one known word in a part of one alternative is needed by every match: the gate's.
  const gated = (clause: number[]): boolean => clause.length === 1 && (clause[0] as number) >= 0;
  const gate = new Set<number>();
  const rest: number[] = [];
  for (const part of program) {
    // The anchor is in the text whenever the phrase is tried: a clause naming it is always met.
    // One naming a prefix too is kept, so that a phrase starting with a prefix still requires one.
    const met = (clause: number[]): boolean => anchor >= 0 && clause.includes(anchor) && clause.every((w) => w >= 0);
    const alternatives = part.map((alternative) => clausesOf(alternative).filter((clause) => !met(clause)));
    if (alternatives.length === 1) {
      const clauses = alternatives[0] as number[][];
      for (const clause of clauses) if (gated(clause)) gate.add(clause[0] as number);
      alternatives[0] = clauses.filter((clause) => !gated(clause));
      if (alternatives[0].length === 0) continue;
    }
    const encoded: number[] = [];
    // Any order of alternatives means the same; those of fewer clauses are met (or not) sooner.
    for (const clauses of [...alternatives].sort((a, b) => a.length - b.length)) {
      // Any clause order means the same; the rarest first ends a failing alternative soonest.
      const rarity = (clause: number[]): number => Math.min(...clause.map((w) => (w < 0 ? Infinity : (phrasesWith.get(w) ?? 0))));
      const flat = [...clauses].sort((a, b) => rarity(a) - rarity(b)).flatMap((clause) => [clause.length, ...clause]);
      encoded.push(clauses.length, flat.length, ...flat);
    }
    rest.push(alternatives.length, encoded.length, ...encoded);
  }
  gate.delete(anchor);
  const rarestFirst = [...gate].sort((a, b) => (phrasesWith.get(a) ?? 0) - (phrasesWith.get(b) ?? 0));
  return { required: [rarestFirst.length, ...rarestFirst, ...rest], starts };
}

/**
 * An alternative as elements, each a choice of word sequences: "(could not|unable to) connect"
 * → [[["could", "not"], ["unable", "to"]], [["connect"]]]. alternativeToRegex reads phrases through it too.
 */
function elementsOf(alternative: string): string[][][] {
  const out: string[][][] = [];
  let i = 0;
  while (i < alternative.length) {
    const ch = alternative[i];
    if (ch === ' ') {
      i++;
      continue;
    }
    if (ch === '(') {
      const end = alternative.indexOf(')', i);
      const inner = alternative.slice(i + 1, end);
      out.push(inner.split('|').map((choice) => choice.trim().split(' ').filter((w) => w !== '')));
      i = end + 1;
      continue;
    }
    let j = i;
    while (j < alternative.length && alternative[j] !== ' ' && alternative[j] !== '(') j++;
    out.push([[alternative.slice(i, j)]]);
    i = j;
  }
  return out;
}

const VALID = /^[a-z0-9 *|()]+$/;
const GAP = '(?: [a-z0-9]+){0,4}';

/**
 * `validate`: check every word's spelling too. The engine skips that at start-up (every phrase in
 * src/content is validated by the test suite); a phrase from anywhere else should be validated.
 */
export function compilePhrase(evidence: PhraseEvidence, phrase: string, validate = true): CompiledPhrase {
  const fail = (why: string) => new PhraseSyntaxError(`evidence phrase "${phrase}" (${evidence.source}): ${why}`);
  const trimmed = phrase.trim().replace(/\s+/g, ' ');
  if (!VALID.test(trimmed.replace(/ \.\. /g, ' '))) throw fail('only normalised words, "*", "|", "(", ")" and " .. " may appear');
  const segments = trimmed.split(' .. ');
  let best: string[] | null = null;
  const required: string[][][] = [];
  const parts = segments.map((segment) => {
    const alternatives = splitTopLevel(segment, fail);
    const anchors = alternatives.map(anchorsOf);
    if (anchors.every((a): a is string[] => a !== null)) {
      const unique = [...new Set(anchors.flat())];
      if (!best || score(unique) > score(best)) best = unique;
    }
    required.push(alternatives.map(plainWords));
    if (validate) for (const a of alternatives) checkWords(a, fail);
    return alternatives;
  });
  return { evidence, index: 0, evidenceIndex: 0, phrase, parts, anchors: best ?? [], required };
}

/**
 * The meaning of a compiled phrase as a regular expression over the normalised text with a leading
 * space (every word is preceded by a space): the reference the word walk is tested against.
 */
export function phraseSource(c: { parts: string[][] }): string {
  return `${c.parts.map((alternatives) => `(?:${alternatives.map(alternativeToRegex).join('|')})`).join(GAP)}(?![a-z0-9])`;
}

/** Words must already be normalised; groups may not nest. */
function checkWords(alternative: string, fail: (why: string) => Error): void {
  const flat = alternative.replace(/[()]/g, (ch) => ` ${ch} `);
  let depth = 0;
  for (const token of flat.split(/[\s|]+/)) {
    if (token === '(') {
      if (++depth > 1) throw fail('groups cannot nest');
    } else if (token === ')') depth--;
    else if (token !== '' && !/^[a-z0-9]+\*?$/.test(token)) throw fail(`"${token}" is not a normalised word`);
  }
  if (/\(\s*\||\|\s*\)|\|\s*\|/.test(alternative)) throw fail('empty choice in a group');
}

/** Prefer few, long anchor words: they rule a phrase out for more texts. */
function score(anchors: string[]): number {
  return Math.min(...anchors.map((a) => a.length)) - anchors.length;
}

function splitTopLevel(segment: string, fail: (why: string) => Error): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of segment) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth < 0) throw fail('unbalanced ")"');
    if (ch === '|' && depth === 0) {
      out.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (depth !== 0) throw fail('unbalanced "("');
  out.push(current.trim());
  if (out.some((a) => a === '')) throw fail('empty alternative');
  return out;
}

/** Words outside any group and without "*": a text lacking one of them cannot match. */
function plainWords(alternative: string): string[] {
  return alternative
    .replace(/\([^()]*\)/g, ' ')
    .split(' ')
    .filter((w) => w !== '' && !w.includes('*'));
}

/**
 * Words one of which a text must hold for this alternative to match: its longest plain word, or,
 * when it has none, the longest plain word of each choice of one of its groups. Null when every
 * word is a prefix ("refus*"): such a phrase is tried on every text.
 */
function anchorsOf(alternative: string): string[] | null {
  const words = plainWords(alternative);
  if (words.length > 0) return [words.reduce((a, b) => (b.length > a.length ? b : a))];
  for (const group of alternative.match(/\(([^()]*)\)/g) ?? []) {
    const choices = group.slice(1, -1).split('|').map((choice) => plainWords(choice));
    if (choices.every((c) => c.length > 0)) return choices.map((c) => c.reduce((a, b) => (b.length > a.length ? b : a)));
  }
  return null;
}

function alternativeToRegex(alternative: string): string {
  // Words become " word"; a group "(a b|c)" becomes "(?: a b| c)" so each choice brings its spaces.
  // The same split as the phrase programs use (elementsOf), so the two can never read a phrase differently.
  return elementsOf(alternative)
    .map((choices) => (choices.length === 1 ? wordsToRegex((choices[0] ?? []).join(' ')) : `(?:${choices.map((c) => wordsToRegex(c.join(' '))).join('|')})`))
    .join('');
}

function wordsToRegex(words: string): string {
  return words
    .split(' ')
    .map((w) => ` ${w.endsWith('*') ? `${w.slice(0, -1)}[a-z0-9]*` : w}`)
    .join('');
}
