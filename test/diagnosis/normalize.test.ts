import { describe, expect, it } from 'vitest';
import { clip, normalizeWords } from '../../src/core/diagnosis/normalize.js';
import { readLabelled } from '../support/labelled.js';

/**
 * normalizeWords reads a text in one pass; this is the rule it implements, written the slow,
 * obvious way (the whole text rewritten by each pattern, then folded). The two must agree.
 */
function reference(text: string): string[] {
  let t = text;
  if (t.includes('@')) t = t.replace(/[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}/g, ' emailaddress ');
  if (t.includes('.')) t = t.replace(/\b[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){2,8}\b/gi, ' servername ');
  const folded = t.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/ß/g, 'ss');
  return folded.match(/[a-z0-9]+/g) ?? [];
}

/** 20,000 texts of up to `longest - 1` pieces, drawn by a seeded generator so a failure can be replayed. */
function randomTexts(pieces: readonly string[], seed: number, longest: number): string[] {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const texts: string[] = [];
  for (let n = 0; n < 20_000; n++) {
    let text = '';
    const length = Math.floor(random() * longest);
    for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
    texts.push(text);
  }
  return texts;
}

describe('normalizeWords', () => {
  it('agrees with the rule on every labelled message', () => {
    const files = ['errors-dev.jsonl', ...['catalogs', 'localized', 'reports', 'vendors'].map((f) => `corpus/${f}.jsonl`)];
    const texts = files.flatMap((f) => readLabelled(f).map((r) => r.text));
    expect(texts.length).toBeGreaterThan(1000);
    for (const text of texts) expect(normalizeWords(text), text).toEqual(reference(text));
  });

  it('agrees with the rule on generated text full of edge cases', () => {
    // Pieces where the one-pass reading could go wrong: addresses and names next to accents,
    // characters that fold into letters (ﬁ, Ａ, ①), lone accents, surrogates, "_" and "+".
    const pieces = ['a', 'B', '0', '.', '.', '@', '-', '_', '+', ' ', '\n', 'é', 'ß', 'ẞ', 'ﬁ', 'İ', '\u0301', 'Ａ', '😀', '\ud800', '\udc00', '①', '½', 'K', 'com', 'mail', '…', '“'];
    for (const text of randomTexts(pieces, 1, 30)) expect(normalizeWords(text), JSON.stringify(text)).toEqual(reference(text));
  });

  it('agrees with the rule on runs shaped like names', () => {
    // Runs with dots and "@" that the scanner recognises by shape (a whole server name or address,
    // trailing dots, no name at all) next to the ones that only the patterns can read.
    const pieces = ['mail', 'A', '5', '.', '.', '..', '@', '@', '-', '_', '+', 'x'.repeat(63), 'y'.repeat(64), 'z'.repeat(60), ' ', 'é', 'Com'];
    for (const text of randomTexts(pieces, 7, 16)) expect(normalizeWords(text), JSON.stringify(text)).toEqual(reference(text));
    const labels = (n: number, label: string) => Array.from({ length: n }, () => label).join('.');
    for (let n = 1; n <= 12; n++) {
      for (const text of [labels(n, 'a'), `${labels(n, 'b1')}.`, `${labels(n, 'c')}...`, `-${labels(n, 'd')}`, `${labels(n, 'e')}-`, `u@${labels(n, 'f')}`, `${'v'.repeat(64)}@${labels(n, 'g')}.`, `${'w'.repeat(65)}@${labels(n, 'h')}`, `x@_${labels(n, 'i')}`]) {
        expect(normalizeWords(text), text).toEqual(reference(text));
      }
    }
  });

  it('agrees with the rule on hostile text', () => {
    for (const text of ['a.'.repeat(50_000), `${'a.'.repeat(5_000)}@${'b.'.repeat(5_000)}`, 'x@y.z '.repeat(5_000), 'Ａｕｔｈ ß ﬁ İ ǅ'.repeat(500)]) {
      expect(normalizeWords(clip(text))).toEqual(reference(clip(text)));
    }
  });
});
