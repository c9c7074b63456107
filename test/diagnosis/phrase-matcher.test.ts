import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../src/core/diagnosis/lexicon.js';
import { compilePhrase, phraseSource, PhraseMatcher, PhraseSyntaxError } from '../../src/core/diagnosis/phrase-matcher.js';
import { normalize } from '../../src/core/diagnosis/normalize.js';
import { Tokens } from '../../src/core/diagnosis/tokens.js';
import type { PhraseEvidence } from '../../src/content/types.js';
import { PHRASE_EVIDENCE } from '../../src/content/evidence/index.js';
import { readLabelled } from '../support/labelled.js';

const CORPUS = ['catalogs', 'localized', 'reports', 'vendors'].map((f) => `corpus/${f}.jsonl`);
const ev = (phrase: string): PhraseEvidence => ({ cause: 'timeout', weight: 1, phrases: [phrase], lang: 'en', source: 'test' });

function matches(phrase: string, text: string): boolean {
  const lexicon = new Lexicon();
  const matcher = new PhraseMatcher([ev(phrase)], lexicon);
  const tokens = new Tokens(lexicon);
  tokens.read(text);
  return matcher.match(tokens).length === 1;
}

describe('phrase patterns', () => {
  it.each([
    ['connection refused', 'Connection refused', true],
    ['connection refused', 'connection was refused', false],
    ['connection .. refused', 'the connection was refused.', true],
    ['connection .. refused', 'connection a b c d e refused', false],
    ['refus*', 'la connexion a été refusée', true],
    ['password .. incorrect|not accepted', 'Password was not accepted', true],
    ['password .. incorrect|not accepted', 'Password was accepted', false],
    ['(could not|unable to) connect', 'Unable to connect', true],
    ['(could not|unable to) connect', 'could connect', false],
    ['time out|timed out', 'Operation TIMED-OUT', true],
    ['verbindung .. verweigert', 'Verbindung mit Server x.de fehlgeschlagen; die Verbindung wurde verweigert.', true],
    ['conexion rechazada', 'conexión rechazada', true],
    ['port', 'report', false],
    ['refus* .. (by|from) server', 'refused, by the server', false],
    ['refus* .. (by|from) server', 'refused by a b c d server', false],
    ['refus* .. (by|from) server', 'refused a b c from server', true],
    ['(a b|a) c', 'a b c', true],
    ['(a b|a) b c', 'a b c', true],
    ['x .. y .. z', 'x y q q q q z', true],
    ['x .. y .. z', 'x q q q q q y z', false],
    ['conn*', 'con', false],
    // Plain word sequences, compared without the walk: a sequence cut off by the end of the text,
    // a first word that repeats, a later alternative.
    ['cannot send|unable to send', 'I cannot', false],
    ['cannot send|unable to send', 'unable to unable to send', true],
    ['a a b', 'a a a b', true],
    ['a b', 'x a', false],
    ['a b|c d', 'c a d c d', true],
  ])('%s ~ %s → %s', (phrase, text, expected) => {
    expect(matches(phrase, text)).toBe(expected);
  });

  it.each(['a (b', 'a b)', 'a || b', 'Connection', 'a-b', '(a (b|c))', 'a ... b'])('rejects malformed phrase %s', (phrase) => {
    expect(() => compilePhrase(ev(phrase), phrase)).toThrow(PhraseSyntaxError);
  });

  it('finds prefixes for the phrases that name one, whatever phrases without were tried first', () => {
    // "server .. down" names no prefix, so its test skips the prefix search; the phrases after it
    // that do name one must still see the prefixes of this text, not of the one before.
    const phrases = ['server .. down', 'server .. refus*', 'refus* (by|from) server', 'mailbox .. full'];
    const evidence = phrases.map(ev);
    const lexicon = new Lexicon();
    const matcher = new PhraseMatcher(evidence, lexicon);
    const tokens = new Tokens(lexicon);
    const found = (text: string) => {
      tokens.read(text);
      return matcher.match(tokens).map((m) => m.phrase);
    };
    expect(found('server down, then server refused')).toEqual(['server .. down', 'server .. refus*']);
    expect(found('server down and mailbox full')).toEqual(['server .. down', 'mailbox .. full']);
    expect(found('refusal by server, server down')).toEqual(['server .. down', 'refus* (by|from) server']);
    expect(found('the server refuses')).toEqual(['server .. refus*']);
    expect(found('the server is down')).toEqual(['server .. down']);
  });

  it('reports the phrase of an entry whose anchor occurs first, and finds prefixes in anchor words', () => {
    const lexicon = new Lexicon();
    const entry: PhraseEvidence = { ...ev('mailbox full'), phrases: ['mailbox full', 'quota exceeded'] };
    // "folders" both anchors the second entry and begins with the third's prefix.
    const matcher = new PhraseMatcher([entry, ev('folders .. missing'), ev('folder* .. gone')], lexicon);
    const tokens = new Tokens(lexicon);
    const found = (text: string) => {
      tokens.read(text);
      return matcher.match(tokens).map((m) => m.phrase);
    };
    expect(found('quota exceeded, mailbox full')).toEqual(['quota exceeded']);
    expect(found('mailbox full, quota exceeded')).toEqual(['mailbox full']);
    expect(found('folders gone missing')).toEqual(['folders .. missing', 'folder* .. gone']);
    expect(found('gone: folders missing')).toEqual(['folders .. missing']);
  });

  it('anchors on a plain word so most phrases are never run', () => {
    expect(compilePhrase(ev('connection .. refused'), 'connection .. refused').anchors).toEqual(['connection']);
    expect(compilePhrase(ev('refus* (ab|cd ef)'), 'refus* (ab|cd ef)').anchors).toEqual(['ab', 'cd']);
    expect(compilePhrase(ev('refus*'), 'refus*').anchors).toEqual([]);
  });

  it('compiles every evidence phrase in src/content', () => {
    expect(() => new PhraseMatcher(PHRASE_EVIDENCE, new Lexicon())).not.toThrow();
    for (const e of PHRASE_EVIDENCE) for (const p of e.phrases) expect(() => new RegExp(phraseSource(compilePhrase(e, p)))).not.toThrow();
    expect(PHRASE_EVIDENCE.length).toBeGreaterThan(100);
  });

  it('walks the words exactly as the regular expression of each phrase reads the normalised text', () => {
    // Every content phrase, alone, against every labelled message: the walk and the reference
    // regular expression must agree on each pair.
    const texts = ['errors-dev.jsonl', ...CORPUS].flatMap((f) => readLabelled(f).map((r) => r.text));
    const lexicon = new Lexicon();
    const tokens = new Tokens(lexicon);
    const phrases = PHRASE_EVIDENCE.flatMap((e) => e.phrases.map((p) => ({ ...e, phrases: [p] })));
    const matcher = new PhraseMatcher(phrases, lexicon);
    const regexes = phrases.map((e) => new RegExp(phraseSource(compilePhrase(e, e.phrases[0] ?? ''))));
    const disagreements: string[] = [];
    for (const text of texts) {
      tokens.read(text);
      const found = new Set(matcher.match(tokens).map((m) => m.evidence));
      const spaced = ` ${normalize(text)}`;
      phrases.forEach((e, i) => {
        if (found.has(e) !== regexes[i]?.test(spaced)) disagreements.push(`${e.phrases[0]} | ${text.slice(0, 60)}`);
      });
    }
    expect(disagreements).toEqual([]);
    expect(texts.length).toBeGreaterThan(1000);
  });
});
