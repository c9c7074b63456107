import { describe, expect, it } from 'vitest';
import { WordBuffer, scanWords } from '../../src/core/diagnosis/normalize.js';
import { Lexicon } from '../../src/core/diagnosis/lexicon.js';

describe('Lexicon', () => {
  it('looks up short and long words, known or not', () => {
    const lexicon = Lexicon.fromWords(['to', 'smtp', 'a', 'authentication', '535']);
    const words = new WordBuffer();
    scanWords('To B smtp 535 536 authentication authenticatio a', words);
    const ids = new Int32Array(words.count);
    lexicon.lookUp(words, ids);
    expect(Array.from(ids)).toEqual([0, -1, 1, 4, -1, 3, -1, 2]);
  });

  it('tells apart words that share their first eight letters, the part a slot holds', () => {
    const known = ['authenti', 'authentic', 'authentication', 'password', 'passwords', 'ab', 'abc'];
    const lexicon = Lexicon.fromWords(known);
    const words = new WordBuffer();
    scanWords('authenti authentic authenticat authentication password passwords passwordz a ab abc abcd', words);
    const ids = new Int32Array(words.count);
    lexicon.lookUp(words, ids);
    expect(Array.from(ids)).toEqual([0, 1, -1, 2, 3, 4, -1, -1, 5, 6, -1]);
  });

  it('takes normalised words only', () => {
    expect(() => Lexicon.fromWords(['ok', 'Not'])).toThrow();
    expect(() => new Lexicon(['a b'])).toThrow();
  });
});
