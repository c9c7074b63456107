import { describe, expect, it } from 'vitest';
import { compilePhrase, phraseSource, PhraseMatcher, PhraseSyntaxError } from '../../src/core/diagnosis/phrase-matcher.js';
import { normalize } from '../../src/core/diagnosis/normalize.js';
import type { PhraseEvidence } from '../../src/content/types.js';
import { PHRASE_EVIDENCE } from '../../src/content/evidence/index.js';

const ev = (phrase: string): PhraseEvidence => ({ cause: 'timeout', weight: 1, phrases: [phrase], lang: 'en', source: 'test' });

function matches(phrase: string, text: string): boolean {
  const n = normalize(text);
  return new PhraseMatcher([ev(phrase)]).match(` ${n}`, new Set(n.split(' '))).length === 1;
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
  ])('%s ~ %s → %s', (phrase, text, expected) => {
    expect(matches(phrase, text)).toBe(expected);
  });

  it.each(['a (b', 'a b)', 'a || b', 'Connection', 'a-b', '(a (b|c))', 'a ... b'])('rejects malformed phrase %s', (phrase) => {
    expect(() => compilePhrase(ev(phrase), phrase)).toThrow(PhraseSyntaxError);
  });

  it('anchors on a plain word so most phrases are never run', () => {
    expect(compilePhrase(ev('connection .. refused'), 'connection .. refused').anchors).toEqual(['connection']);
    expect(compilePhrase(ev('refus* (ab|cd ef)'), 'refus* (ab|cd ef)').anchors).toEqual(['ab', 'cd']);
    expect(compilePhrase(ev('refus*'), 'refus*').anchors).toEqual([]);
  });

  it('compiles every evidence phrase in src/content', () => {
    expect(() => new PhraseMatcher(PHRASE_EVIDENCE)).not.toThrow();
    // Regexes are built lazily at run time; build them all here so a bad one fails the suite.
    for (const e of PHRASE_EVIDENCE) for (const p of e.phrases) expect(() => new RegExp(phraseSource(compilePhrase(e, p)))).not.toThrow();
    expect(PHRASE_EVIDENCE.length).toBeGreaterThan(100);
  });
});
