import { describe, expect, it } from 'vitest';
import { FNV_OFFSET, FNV_PRIME, WordBuffer, scanWords } from '../../src/core/diagnosis/normalize.js';
import { Lexicon, SHORT } from '../../src/core/diagnosis/lexicon.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';

describe('Lexicon', () => {
  it('can tell words of up to SHORT letters apart by hash, as lookUp does', () => {
    for (let length = 1; length <= SHORT; length++) {
      const seen = new Set<number>();
      const total = LETTERS.length ** length;
      for (let n = 0; n < total; n++) {
        let h = FNV_OFFSET;
        for (let k = 0, rest = n; k < length; k++, rest = Math.floor(rest / LETTERS.length)) {
          h = Math.imul(h ^ LETTERS.charCodeAt(rest % LETTERS.length), FNV_PRIME);
        }
        seen.add(h);
      }
      expect(seen.size).toBe(total);
    }
  });

  it('looks up short and long words, known or not', () => {
    const lexicon = Lexicon.fromWords(['to', 'smtp', 'a', 'authentication', '535']);
    const words = new WordBuffer();
    scanWords('To B smtp 535 536 authentication authenticatio a', words);
    const ids = new Int32Array(words.count);
    lexicon.lookUp(words, ids);
    expect(Array.from(ids)).toEqual([0, -1, 1, 4, -1, 3, -1, 2]);
  });

  it('takes normalised words only', () => {
    expect(() => Lexicon.fromWords(['ok', 'Not'])).toThrow();
    expect(() => new Lexicon(['a b'])).toThrow();
  });
});
