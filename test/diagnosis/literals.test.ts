import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLiteralStrings, gatedPatterns, LITERAL_STRINGS_PATH } from '../../scripts/build-literal-strings.js';
import { LiteralFinder } from '../../src/core/diagnosis/literal-finder.js';
import { requiredStrings } from '../../src/core/diagnosis/literals.js';
import { readLabelled } from '../support/labelled.js';

/** The strings read from a pattern must be in every match: otherwise a context rule would be skipped wrongly. */

const CORPUS = ['errors-dev.jsonl', 'holdout.jsonl', ...['catalogs', 'localized', 'reports', 'threads', 'vendors'].map((f) => `corpus/${f}.jsonl`)];

/** As the extractor reads a text (extract.ts): blank runs collapsed, then lower-cased. */
function asExtracted(text: string): string {
  return text.replace(/\s{2,}|[^\S \n]/g, (run) => (run.includes('\n') ? '\n' : ' ')).toLowerCase();
}

describe('strings every match contains', () => {
  it.each([
    [/\b(?:ssl|tls):\/\/[\w.-]+:(?:587|25|143|110)\b|\bsocketType=3\b/i, ['ssl://', 'tls://', 'sockettype=3']],
    [/(?:does not support|doesn't support) the (?:selected|chosen) authentication method/i, ['does not support the selected authentication method', 'does not support the chosen authentication method', "doesn't support the selected authentication method", "doesn't support the chosen authentication method"]],
    // Not ASCII: "É" may be matched by what lower-cases otherwise; the blank after it is a cut.
    [/caf\u00e9 society/i, ['society']],
    [/\bfoo\d{2}bar/, ['foo']],
    [/works?|valid/, ['work', 'valid']],
    [/\bg ?mail\b|e?smtps?/i, ['gmail', 'g mail', 'smtp']],
    [/2[- ]?fa/i, ['2fa', '2-fa', '2 fa']],
    // A tab is collapsed to a space, and "a  b" to "a b": those blanks cut the string.
    [/abc\tdefg|wxyz {2}k/, ['defg', 'wxyz']],
    [/EHLO|MAIL FROM/, ['ehlo', 'mail from']],
    // Repeated, optional, looked-around and back-referenced parts add nothing, but break no string.
    [/ab+c?|xyz/, ['a', 'xyz']],
    [/x(?=abc)y/, ['xy']],
    [/(abc|de)?fg/, ['fg']],
    [/a(?<x>b)\k<x>c/, ['ab']],
  ])('%s → %o', (pattern, strings) => {
    expect(requiredStrings(pattern)).toEqual(strings);
  });

  it.each([/(?:ab|.)c?/, /(?:abc)?/, /abc|/, /\p{L}abc/u, /[a-z]+/, /\w+\s\w+/])(
    'reads nothing it cannot be sure of from %s',
    (pattern) => {
      expect(requiredStrings(pattern)).toBeNull();
    },
  );

  it('are generated for every gated pattern (else run: npx tsx scripts/build-literal-strings.ts)', () => {
    expect(readFileSync(LITERAL_STRINGS_PATH, 'utf8') === buildLiteralStrings(), 'literal-strings.generated.ts is stale').toBe(true);
  });

  it('hold for every gated pattern over the labelled messages and their variants', () => {
    const texts = CORPUS.flatMap((f) => readLabelled(f).map((r) => r.text)).flatMap((t) => [t, t.toUpperCase(), t.toLowerCase(), t.replace(/ /g, '\t  ')]);
    const wrong: string[] = [];
    let tested = 0;
    for (const pattern of gatedPatterns()) {
      const strings = requiredStrings(pattern);
      if (!strings) continue;
      tested++;
      for (const text of texts) {
        if (!pattern.test(text)) continue;
        for (const seen of [text.toLowerCase(), asExtracted(text)]) if (!strings.some((s) => seen.includes(s))) wrong.push(`${pattern.source.slice(0, 40)} | ${text.slice(0, 60)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(tested).toBeGreaterThanOrEqual(15);
  });
});

describe('LiteralFinder', () => {
  it('finds what a substring search finds, overlapping strings and suffixes included', () => {
    const strings = ['gmail', 'mail', 'ail.com', 'g mail', 'k9', 'k-9', 'sockettype=3', 'abcab', 'bca', 'c'];
    const finder = new LiteralFinder();
    const ids = strings.map((s) => finder.idsOf([s]));
    const texts = ['', 'my gmail.com', 'g mail k-9', 'sockettype=3 abcabcab', 'é k9 ɡmail', 'xxbcay', 'nothing here', 'ABCAB'.toLowerCase()];
    for (const text of texts) for (let k = 0; k < strings.length; k++) expect(finder.holdsAny(text, ids[k] as Int32Array), `${strings[k]} in ${text}`).toBe(text.includes(strings[k] as string));
  });

  it('reads ASCII letters in either case and nothing else as them, as the i flag without u does', () => {
    const finder = new LiteralFinder();
    const localhost = finder.idsOf(['localhost']);
    const port = finder.idsOf(['port']);
    const smtp = finder.idsOf(['smtp']);
    for (const text of ['LOCALHOST', 'LocalHost:993', 'x localhosT']) expect(finder.holdsAny(text, localhost), text).toBe(/localhost/i.test(text));
    for (const text of ['PORT 25', 'Port', 'pOrT', 'ſport', 'p\u00f3rt']) expect(finder.holdsAny(text, port), text).toBe(/port/i.test(text));
    // ſ upper-cases to S and the Kelvin sign lower-cases to k, İ to i and a dot: none of them is an ASCII letter to the pattern.
    for (const text of ['ſmtp', 'SMTP', '\u212a smtp', 'İsmtp', 'smtİp']) expect(finder.holdsAny(text, smtp), text).toBe(/smtp/i.test(text));
    expect(() => finder.idsOf(['Port'])).toThrow(/lower-case/);
  });

  it('looks for strings added after a scan', () => {
    const finder = new LiteralFinder();
    const first = finder.idsOf(['abc']);
    const text = 'xx abc def';
    expect(finder.holdsAny(text, first)).toBe(true);
    expect(finder.holdsAny(text, finder.idsOf(['def']))).toBe(true);
    expect(finder.holdsAny(text, finder.idsOf(['xyz']))).toBe(false);
  });

  it('says where strings start, moved back by a lead, in order and once each, however many there are', () => {
    const finder = new LiteralFinder();
    const ids = finder.idsOf(['smtp', 'esmtp', 'ok']);
    const other = finder.idsOf(['mail']);
    const starts = (text: string, lead: number) => {
      const found = finder.startsOf(text, ids, lead);
      return [...found.positions.subarray(0, found.count)];
    };
    const naive = (text: string, lead: number) => {
      const at = new Set<number>();
      for (const s of ['smtp', 'esmtp', 'ok']) for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) at.add(Math.max(0, i - lead));
      return [...at].sort((a, b) => a - b);
    };
    // The last one finds more strings than the scan first has room to note.
    for (const text of ['', 'esmtp ok', 'mail smtp', 'okok smtpesmtp', 'é esmtp', 'ok esmtp mail smtp '.repeat(200)]) {
      for (const lead of [0, 1]) expect(starts(text, lead), `${text.slice(0, 20)} lead ${lead}`).toEqual(naive(text, lead));
      expect(finder.holdsAny(text, other)).toBe(text.includes('mail'));
    }
  });

  it('finds strings over more characters than a block of the table, in a table too large for two-byte entries', () => {
    // Every printable ASCII character but upper-case letters: more classes than one block holds.
    const chars = [...Array(95).keys()].map((k) => String.fromCharCode(32 + k)).filter((ch) => !/[A-Z]/.test(ch));
    let seed = 7;
    const pick = () => chars[(seed = (seed * 1103515245 + 12345) % 2147483648) % chars.length] as string;
    // Over 2,048 trie states: the rows' starts (times 32) no longer fit two bytes, and take four.
    const strings = [...new Set([...Array(4000).keys()].map(() => Array.from({ length: 12 }, pick).join('')))];
    const finder = new LiteralFinder();
    const ids = strings.map((s) => finder.idsOf([s]));
    const texts = [strings.slice(0, 30).join(''), strings.slice(100, 140).join(' ').toUpperCase(), chars.join('').repeat(20), `é${strings[5]}é${(strings[6] as string).slice(1)}`];
    for (const text of texts) {
      const lower = text.toLowerCase();
      for (let k = 0; k < strings.length; k += 7) expect(finder.holdsAny(text, ids[k] as Int32Array), strings[k]).toBe(lower.includes(strings[k] as string));
    }
  });
});
