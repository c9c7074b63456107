import { describe, expect, it } from 'vitest';
import { CONTEXT_RULES } from '../../src/content/context-rules.js';
import { CLIENT_MENTIONS } from '../../src/content/extraction.js';
import { literalTest, requiredStrings } from '../../src/core/diagnosis/literals.js';
import { readLabelled } from '../support/labelled.js';

/** The strings read from a pattern must be in every match: otherwise a context rule would be skipped wrongly. */

const CORPUS = ['errors-dev.jsonl', 'holdout.jsonl', ...['catalogs', 'localized', 'reports', 'threads', 'vendors'].map((f) => `corpus/${f}.jsonl`)];

describe('strings every match contains', () => {
  it.each([
    [/\b(?:ssl|tls):\/\/[\w.-]+:(?:587|25|143|110)\b|\bsocketType=3\b/i, ['://', 'sockettype=3']],
    [/(?:does not support|doesn't support) the (?:selected|chosen) authentication method/i, [' authentication method']],
    [/caf\u00e9 society/i, [' society']],
    [/\bfoo\d{2}bar/, ['foo']],
    [/works?|valid/, ['work', 'valid']],
  ])('%s → %o', (pattern, strings) => {
    expect(requiredStrings(pattern)).toEqual(strings);
  });

  it.each([
    [/\b(?:ssl|tls):\/\/[\w.-]+:(?:587|25|143|110)\b|\bsocketType=3\b[^\n]{0,80}\b(?:587|143|110)\b/i, ['://', '587', '143', '110']],
    // ":465" holds "465", so it adds nothing.
    [/\btls:\/\/[\w.-]+:465\b|\bPort\s*=\s*465\b/i, ['465']],
    [/Port=465|SMTPSecure/, ['Port=465', 'SMTPSecure']],
  ])('%s → %o as written, whatever the case', (pattern, strings) => {
    expect(requiredStrings(pattern, true)).toEqual(strings);
  });

  it('reads no letters as written under the i flag', () => {
    expect(requiredStrings(/socketType|smtp:\/\//i, true)).toBeNull();
    expect(literalTest(/\bsmtp:\/\/\S+:465|\b465\b.{0,20}tls/i)?.lowerCase).toBe(false);
  });

  it.each([/ab+c/, /x(?=abc)y/, /(abc|de)f/, /a.b|ccc/, /a(?<x>b)\k<x>c/, /(?:abc)?/, /abc|/, /\p{L}abc/u])(
    'reads nothing it cannot be sure of from %s',
    (pattern) => {
      expect(requiredStrings(pattern)).toBeNull();
    },
  );

  it('holds for every context pattern and app-name pattern over the labelled messages and their variants', () => {
    const patterns = [...CONTEXT_RULES.flatMap((r) => [r.when.provider, r.when.text]), ...CLIENT_MENTIONS.map((m) => m.pattern)].filter(
      (p): p is RegExp => p !== undefined,
    );
    const texts = CORPUS.flatMap((f) => readLabelled(f).map((r) => r.text)).flatMap((t) => [t, t.toUpperCase(), t.toLowerCase()]);
    const wrong: string[] = [];
    let tested = 0;
    for (const pattern of patterns) {
      const test = literalTest(pattern);
      if (!test) continue;
      tested++;
      for (const text of texts) if (pattern.test(text) && !test.test(test.lowerCase ? text.toLowerCase() : text)) wrong.push(`${pattern.source.slice(0, 40)} | ${text.slice(0, 60)}`);
    }
    expect(wrong).toEqual([]);
    expect(tested).toBeGreaterThanOrEqual(2);
  });
});
