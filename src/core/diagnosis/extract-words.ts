import { normalizeWords } from './normalize.js';

/** What the extractor knows of a text's words and strings, for its cheap "could this pattern match at all?" tests. */

/** The normalised words of the text. */
export interface WordSet {
  has(word: string): boolean;
  /** Whether any of `words` is there; callers pass the same constant lists, so they may be indexed. */
  hasAny(words: readonly string[]): boolean;
  /** False when the text is known to hold no run of blanks to collapse (see WordBuffer.blankRuns). */
  blankRuns?: boolean;
}

/** The normalised words of a text, for the cheap "could this pattern match at all?" tests. */
export function wordSet(text: string): WordSet {
  const words = new Set(normalizeWords(text));
  return { has: (word) => words.has(word), hasAny: (list) => list.some((word) => words.has(word)) };
}
