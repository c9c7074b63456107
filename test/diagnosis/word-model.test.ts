import { describe, expect, it } from 'vitest';
import { CAUSE_IDS, type Example, type WordCounts } from '../../src/content/types.js';
import { WORD_COUNTS } from '../../src/content/word-counts.js';
import { Lexicon } from '../../src/core/diagnosis/lexicon.js';
import { normalize } from '../../src/core/diagnosis/normalize.js';
import { Tokens } from '../../src/core/diagnosis/tokens.js';
import { countWords, terms, WordModel } from '../../src/core/diagnosis/word-model.js';

/**
 * Naive Bayes as the textbook writes it, with none of the model's arrangement: for each cause,
 * the sum over the text's distinct known terms of
 *   log((n + ½) / (Tc + ½V)) − log((all − n + ½) / (Total − Tc + ½V)),
 * divided by √(number of terms).
 */
function textbook(counted: WordCounts, text: string): number[] | null {
  const rows = new Map<string, number[]>();
  counted.stems.forEach((t, r) => rows.set(t, counted.counts[r] ?? []));
  for (let k = 0; k + 1 < counted.pairs.length; k += 2) {
    const name = `${counted.stems[counted.pairs[k] ?? -1]}_${counted.stems[counted.pairs[k + 1] ?? -1]}`;
    rows.set(name, counted.counts[counted.stems.length + k / 2] ?? []);
  }
  const v = counted.counts.length;
  const total = counted.termsPerCause.reduce((a, b) => a + b, 0);
  const found = [...new Set(terms(normalize(text)))].filter((t) => rows.has(t));
  if (found.length === 0) return null;
  const sums = CAUSE_IDS.map(() => 0);
  for (const t of found) {
    const row = rows.get(t) ?? [];
    const byCause = new Map<number, number>();
    for (let k = 0; k + 1 < row.length; k += 2) byCause.set(row[k] ?? -1, row[k + 1] ?? 0);
    const all = [...byCause.values()].reduce((a, b) => a + b, 0);
    CAUSE_IDS.forEach((_, c) => {
      const n = byCause.get(c) ?? 0;
      const tc = counted.termsPerCause[c] ?? 0;
      sums[c] = (sums[c] ?? 0) + Math.log((n + 0.5) / (tc + 0.5 * v)) - Math.log((all - n + 0.5) / (total - tc + 0.5 * v));
    });
  }
  return sums.map((s) => s / Math.sqrt(found.length));
}

function modelScores(model: WordModel, tokens: Tokens, text: string): number[] | null {
  const out = new Float64Array(CAUSE_IDS.length);
  tokens.read(text);
  return model.score(tokens, out) ? Array.from(out) : null;
}

function expectClose(got: number[] | null, want: number[] | null): void {
  if (want === null) {
    expect(got).toBeNull();
    return;
  }
  expect(got).not.toBeNull();
  got?.forEach((x, c) => expect(Math.abs(x - (want[c] as number))).toBeLessThan(1e-9 * Math.max(1, Math.abs(want[c] as number))));
}

describe('WordModel: the sums are naive Bayes as the textbook writes it', () => {
  const texts = [
    'Authentication failed for user anna@example.com: wrong password',
    'Cannot connect to server imap.example.com on port 993, connection timed out',
    'Die Verbindung zum Server ist fehlgeschlagen. Das Passwort wurde abgelehnt.',
    'Outlook 0x800CCC0E: the connection to the server was interrupted, interrupted again',
    'my iphone says cannot verify server identity and the certificate is not trusted',
    'the the the and of',
    'zzqx wibble',
  ];

  it('on the catalog the program ships, word for word and pair for pair', () => {
    const lexicon = new Lexicon();
    const model = new WordModel(WORD_COUNTS, lexicon);
    const tokens = new Tokens(lexicon);
    for (const text of texts) expectClose(modelScores(model, tokens, text), textbook(WORD_COUNTS, text));
  });

  it('on a small catalog, where a term seen with every cause and one seen once sit side by side', () => {
    const example = (text: string, c: number): Example => ({ text, cause: CAUSE_IDS[c] as Example['cause'], client: null, lang: 'en', source: 'test' });
    const examples = [
      example('password rejected by server', 0),
      example('password expired on server', 1),
      example('certificate expired server', 2),
      example('connection refused server port', 3),
    ];
    const counted = countWords(examples);
    const lexicon = new Lexicon();
    const model = new WordModel(counted, lexicon);
    const tokens = new Tokens(lexicon);
    for (const text of ['server password expired', 'certificate expired; password rejected', 'port refused server port', 'nothing known']) {
      expectClose(modelScores(model, tokens, text), textbook(counted, text));
    }
  });
});
