/**
 * Every string the pattern gates look for (literals.ts), found in one pass over a text, ASCII
 * letters in either case.
 * A pattern runs only when the text holds one of the strings its matches must contain; one
 * Aho–Corasick automaton over all of them reads each character once, where a search per string
 * (or a pattern per gate) passes over the whole text again and again.
 *
 * The automaton is worked out as texts need it: at start only the trie of the strings is built
 * (a few thousand steps), and a transition is computed the first time a text takes it. A full
 * table (~1,600 states by ~40 characters) would cost a fresh process milliseconds before its first
 * diagnosis, and most of it is never read.
 */

import { gateStrings } from './literals.js';
import { codeUnits } from './normalize.js';
import { grown } from './grown.js';

/**
 * The table's entries are where the next row starts (its number times BLOCK, so the low bits are
 * free), with STOP set when strings end in its state: a step needs no multiplication, and one
 * test tells the common step from the rest.
 */
const STOP = 1;
/**
 * A transition not worked out yet: stopping like one where strings end. No transition is stored
 * as the root's start with STOP: no string ends at the root (none is empty).
 */
const UNKNOWN = STOP;

/** Classes a block of the table holds (see Automaton): 64 bytes, a cache line, a row. */
const BLOCK = 32;
/** Characters by how often texts hold them: the first 31 the strings use get the first block. */
const FREQUENT = ' etaoinsrhldcumfpgwybvk.x0125:-/jqz';

/**
 * The automaton. A step goes from row to row of the transition table: one addition and one read;
 * a transition to a state where strings end has STOP set, so the common step (none ends) costs
 * one test more.
 *
 * The step is a cache miss more often than not (in a diagnosis the other stages push the table out
 * of the cache between texts), so the table is laid out for few cache lines: two bytes an entry,
 * and the classes in blocks of 32 (BLOCK), each block a table of its own. The characters texts
 * hold most are in the first block, which holds most steps in a quarter of the space.
 */
interface Automaton {
  /** Per ASCII character, its class: 0 for characters in no string. */
  classOf: Uint8Array;
  classes: number;
  /** Per class, where its column starts: its block's table, then its place in the block. */
  columns: Int32Array;
  /** Per ASCII character, its class's column (what a step adds to its row's start). */
  columnOf: Int32Array;
  /**
   * Per row and class, the next row's start with STOP where strings end, as found in the text so
   * far (else UNKNOWN): at the row's start (its number times BLOCK) plus the class's column. A state gets its row the first time a text reaches it, so the
   * states texts keep visiting sit together in memory, not spread over the table in trie order.
   */
  next: Uint16Array | Int32Array;
  /** Per state, its row, -1 before it has one. */
  rowOf: Int32Array;
  /** Per row, its state. */
  stateOf: Int32Array;
  /** Rows given out so far. */
  rows: number;
  /** Per row, the strings that end in its state (endsAt), read without going through the state. */
  rowEnds: Int32Array[];
  /** Per string, its length. */
  lengths: Int32Array;
  /** Per state (not multiplied) times classes plus class, the trie's child. */
  child: Map<number, number>;
  /** Per state (not multiplied), its parent in the trie and the class that led there. */
  parent: Int32Array;
  via: Uint8Array;
  /** Per state: its fallback, the longest proper suffix of its string in the trie (-1: not known yet). */
  fallback: Int32Array;
  /** Per state: the strings that end there, own and its fallbacks' (null: not known yet). */
  ends: (Int32Array | null)[];
  /** Per state: the strings that end exactly there, if any. */
  own: Map<number, number[]>;
}

export class LiteralFinder {
  readonly #ids = new Map<string, number>();
  readonly #strings: string[] = [];
  #automaton: Automaton | null = null;
  /** Per string, the scan that last found it: nothing to clear between texts. */
  #foundIn = new Uint32Array(0);
  #scan = 0;
  #scanned: string | null = null;
  /**
   * Where the last scan's strings ended, in text order: pairs of where the row reached starts and the index
   * after the last character. The scan only notes them; which strings end there is looked up
   * afterwards (#found), off its path.
   */
  #hits = new Int32Array(64);
  /** The last scan's strings, in text order: pairs of the string's id and the index after its end. */
  #found = new Int32Array(64);
  #foundCount = 0;
  /** startsOf's answer, overwritten by each call. */
  readonly #starts = { positions: new Int32Array(16), count: 0 };

  /** The ids of `strings` (lower-case), which from now on are looked for. */
  idsOf(strings: readonly string[]): Int32Array {
    const ids = new Int32Array(strings.length);
    strings.forEach((s, k) => {
      // Upper-case letters are read as their lower-case ones: a string holding one could never be found.
      if (/[A-Z]/.test(s)) throw new Error(`literal strings are lower-case: ${s}`);
      let id = this.#ids.get(s);
      if (id === undefined) {
        id = this.#strings.push(s) - 1;
        this.#ids.set(s, id);
        // Built again at the next scan; the last scan did not look for it.
        this.#automaton = null;
        this.#scanned = null;
      }
      ids[k] = id;
    });
    return ids;
  }

  /**
   * Where in `text` the strings `ids` occur (ASCII letters in either case), each start moved back
   * by `lead` characters (never before 0): in increasing order, once each. Overwritten by the next call.
   */
  startsOf(text: string, ids: Int32Array, lead: number): { positions: Int32Array; count: number } {
    const out = this.#starts;
    out.count = 0;
    // Most texts hold none of them: the flags of #find tell that without going through the strings found.
    if (!this.holdsAny(text, ids)) return out;
    const lengths = (this.#automaton as Automaton).lengths;
    const found = this.#found;
    for (let f = 0; f < this.#foundCount; f += 2) {
      const id = found[f] as number;
      for (let j = 0; j < ids.length; j++) {
        if (ids[j] === id) insertSorted(out, Math.max(0, (found[f + 1] as number) - (lengths[id] as number) - lead));
      }
    }
    return out;
  }

  /**
   * Whether `text` holds any of the strings `ids` stand for, its ASCII letters in either case: what
   * a substring search of the text lower-cased finds, but for the two characters that lower-case to
   * ASCII letters (the Kelvin sign, İ), which a pattern's `i` flag without `u` does not match either.
   */
  holdsAny(text: string, ids: Int32Array): boolean {
    if (text !== this.#scanned) this.#find(text);
    const found = this.#foundIn;
    const scan = this.#scan;
    for (let k = 0; k < ids.length; k++) if (found[ids[k] as number] === scan) return true;
    return false;
  }

  #find(text: string): void {
    const a = (this.#automaton ??= this.#build());
    if (this.#scan === 0xffffffff) {
      this.#foundIn.fill(0);
      this.#scan = 0;
    }
    const scan = ++this.#scan;
    this.#scanned = text;
    // From the code units the scanner copied: texts arrive as slices of longer strings, on which
    // charCodeAt costs more than reading an array.
    const units = codeUnits(text);
    const n = text.length;
    const h = walkFrom(a, units, 0, n, 0, this.#hits, 0);
    // More than fit: read again with room for all (the scan count moves on, nothing is left over).
    if (h > this.#hits.length) {
      this.#hits = new Int32Array(h);
      this.#find(text);
      return;
    }
    const hits = this.#hits;
    const foundIn = this.#foundIn;
    let found: Int32Array = this.#found;
    let f = 0;
    for (let k = 0; k < h; k += 2) {
      const ends = a.rowEnds[(hits[k] as number) / BLOCK] as Int32Array;
      const at = hits[k + 1] as number;
      if (f + 2 * ends.length > found.length) found = this.#growFound(f + 2 * ends.length);
      for (let e = 0; e < ends.length; e++) {
        const id = ends[e] as number;
        foundIn[id] = scan;
        found[f] = id;
        found[f + 1] = at;
        f += 2;
      }
    }
    this.#foundCount = f;
  }

  #growFound(size: number): Int32Array {
    return (this.#found = grown(this.#found, Math.max(size, this.#found.length * 2)));
  }

  #build(): Automaton {
    if (this.#foundIn.length < this.#strings.length) this.#foundIn = grown(this.#foundIn, this.#strings.length);
    return trieOf(this.#strings);
  }
}

/**
 * Where the row `run` stopped in starts. It steps only while no step has STOP and leaves the rest to stepOf:
 * in its loop, the code that works transitions out (inlined there) made every step ~30% slower.
 */
let stopped = 0;

/** Steps from the row starting at `row` over [i, n) until a step with STOP; returns where it stopped (its row's start in `stopped`). */
function run(columnOf: Int32Array, next: Uint16Array | Int32Array, units: Uint16Array, i: number, n: number, row: number): number {
  for (; i < n; i++) {
    const c = units[i] as number;
    // No string holds a character above 127: such a character ends every partial match.
    const to = next[row + (c < 128 ? (columnOf[c] as number) : 0)] as number;
    if ((to & STOP) !== 0) break;
    row = to;
  }
  stopped = row;
  return i;
}

/** The step from the row starting at `row` on the code unit `c`, worked out if need be. */
function stepOf(a: Automaton, row: number, c: number): number {
  const cls = c < 128 ? (a.classOf[c] as number) : 0;
  const to = a.next[row + (a.columns[cls] as number)] as number;
  return to === UNKNOWN ? transition(a, row, cls) : to;
}

/** One pass over [i, n) from the row starting at `row`, strings' ends noted in `hits` from `h` on; returns the new count. */
function walkFrom(a: Automaton, units: Uint16Array, i: number, n: number, row: number, hits: Int32Array, h: number): number {
  for (;;) {
    i = run(a.columnOf, a.next, units, i, n, row);
    if (i === n) return h;
    row = stepOf(a, stopped, units[i++] as number);
    if ((row & STOP) !== 0) {
      row ^= STOP;
      if (h < hits.length) {
        hits[h] = row;
        hits[h + 1] = i;
      }
      h += 2;
    }
  }
}

/** Adds `at` to the sorted positions unless there already; they come nearly in order, so the shift is short. */
function insertSorted(out: { positions: Int32Array; count: number }, at: number): void {
  let k = out.count;
  while (k > 0 && (out.positions[k - 1] as number) > at) k--;
  if (k > 0 && out.positions[k - 1] === at) return;
  if (out.count === out.positions.length) out.positions = grown(out.positions, out.count * 2);
  out.positions.copyWithin(k + 1, k, out.count);
  out.positions[k] = at;
  out.count++;
}

/** The trie of `strings` over the characters they use, with no transition worked out yet. */
function trieOf(strings: readonly string[]): Automaton {
  const classOf = new Uint8Array(128);
  let classes = 1;
  // The characters texts hold most first (see Automaton): a blank, then letters by how often English has them.
  for (const ch of FREQUENT) if (strings.some((s) => s.includes(ch))) classOf[ch.charCodeAt(0)] = classes++;
  for (const s of strings) for (let i = 0; i < s.length; i++) if (classOf[s.charCodeAt(i)] === 0) classOf[s.charCodeAt(i)] = classes++;
  // An upper-case letter steps as its lower-case one: the text need not be lower-cased first.
  for (let c = 65; c <= 90; c++) classOf[c] = classOf[c + 32] as number;
  // Children by state times classes plus class: most states have one, a table would be mostly empty.
  const child = new Map<number, number>();
  const parent: number[] = [0];
  const via: number[] = [0];
  const own = new Map<number, number[]>();
  strings.forEach((s, id) => {
    let state = 0;
    for (let i = 0; i < s.length; i++) {
      const cls = classOf[s.charCodeAt(i)] as number;
      let next = child.get(state * classes + cls);
      if (next === undefined) {
        next = parent.push(state) - 1;
        via.push(cls);
        child.set(state * classes + cls, next);
      }
      state = next;
    }
    const ends = own.get(state);
    if (ends) ends.push(id);
    else own.set(state, [id]);
  });
  const states = parent.length;
  const ends: (Int32Array | null)[] = new Array<Int32Array | null>(states).fill(null);
  ends[0] = new Int32Array(0);
  const rowOf = new Int32Array(states).fill(-1);
  rowOf[0] = 0;
  const size = states * BLOCK;
  const columns = new Int32Array(classes);
  for (let cls = 0; cls < classes; cls++) columns[cls] = Math.floor(cls / BLOCK) * size + (cls % BLOCK);
  const columnOf = new Int32Array(128);
  for (let c = 0; c < 128; c++) columnOf[c] = columns[classOf[c] as number] as number;
  const entries = size * Math.ceil(classes / BLOCK);
  // Rows' starts fit in two bytes but for a far larger set of strings.
  const next = size <= 0x10000 ? new Uint16Array(entries) : new Int32Array(entries);
  return {
    classOf,
    classes,
    columns,
    columnOf,
    next: next.fill(UNKNOWN),
    rowOf,
    stateOf: new Int32Array(states),
    rows: 1,
    rowEnds: [ends[0]],
    lengths: Int32Array.from(strings, (s) => s.length),
    child,
    parent: Int32Array.from(parent),
    via: Uint8Array.from(via),
    fallback: new Int32Array(states).fill(-1),
    ends,
    own,
  };
}

/** The transition from the row starting at `row` on `cls`, worked out and kept. */
function transition(a: Automaton, row: number, cls: number): number {
  const to = target(a, a.stateOf[row / BLOCK] as number, cls);
  let toRow = a.rowOf[to] as number;
  if (toRow < 0) {
    toRow = a.rows++;
    a.rowOf[to] = toRow;
    a.stateOf[toRow] = to;
    a.rowEnds[toRow] = endsAt(a, to);
  }
  const stored = endsAt(a, to).length > 0 ? (toRow * BLOCK) | STOP : toRow * BLOCK;
  a.next[row + (a.columns[cls] as number)] = stored;
  return stored;
}

/** The state (not multiplied) after `state` on `cls`: its child, else where its fallback goes. */
function target(a: Automaton, state: number, cls: number): number {
  if (cls === 0) return 0;
  const child = a.child.get(state * a.classes + cls);
  if (child !== undefined) return child;
  if (state === 0) return 0;
  const row = a.rowOf[state] as number;
  const known = row < 0 ? UNKNOWN : (a.next[row * BLOCK + (a.columns[cls] as number)] as number);
  if (known !== UNKNOWN) return a.stateOf[(known & ~STOP) / BLOCK] as number;
  return target(a, fallbackOf(a, state), cls);
}

function fallbackOf(a: Automaton, state: number): number {
  let back = a.fallback[state] as number;
  if (back < 0) {
    const parent = a.parent[state] as number;
    back = parent === 0 ? 0 : target(a, fallbackOf(a, parent), a.via[state] as number);
    a.fallback[state] = back;
  }
  return back;
}

/** The strings that end at `state`: its own and, through its fallback, those that are suffixes of them. */
function endsAt(a: Automaton, state: number): Int32Array {
  let ends = a.ends[state];
  if (ends === null || ends === undefined) {
    ends = Int32Array.from([...(a.own.get(state) ?? []), ...endsAt(a, fallbackOf(a, state))]);
    a.ends[state] = ends;
  }
  return ends;
}

/** The finder every gate shares, so a text is read once for all of them. */
export const LITERALS = new LiteralFinder();

/**
 * The ids in LITERALS of the strings one of which every match of `pattern` contains (gateStrings),
 * or null when none can be named and the pattern must always run.
 */
export function gateIds(pattern: RegExp): Int32Array | null {
  const strings = gateStrings(pattern);
  return strings === null ? null : LITERALS.idsOf(strings);
}
