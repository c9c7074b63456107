import { describe, expect, it } from 'vitest';
import { PHRASE_EVIDENCE } from '../../src/content/evidence/index.js';

/**
 * In the evidence pattern language (PhraseEvidence in src/content/types.ts) ` .. ` binds looser
 * than `|`: `'a|b c .. d'` means "(a or b c) .. d", never "a, or b c .. d". Round 1 found about
 * twenty phrases written in the second sense that silently never matched what they meant
 * (`'trycreate|no such folder|mailbox not found .. folder'` demanded "folder" after every
 * alternative). So a part of a phrase with a gap may offer several alternatives only when each is
 * one word (`'imap|pop .. disabled'`), or when they are written as one group, which says the
 * grouping out loud: `'(user name|username) .. or password'`. Anything else is either split into
 * separate phrases or grouped.
 */

/** Splits at `sep` outside parentheses. */
function topLevel(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === sep && depth === 0) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  out.push(current.trim());
  return out.filter((s) => s !== '');
}

/** The parts of `phrase` whose `|` alternatives include one of several words next to a ` .. `. */
export function ambiguousParts(phrase: string): string[] {
  const parts = phrase.trim().replace(/\s+/g, ' ').split(' .. ');
  if (parts.length < 2) return [];
  return parts.filter((part) => {
    const alternatives = topLevel(part, '|');
    return alternatives.length > 1 && alternatives.some((a) => topLevel(a, ' ').length > 1);
  });
}

describe('evidence phrase syntax', () => {
  it('recognises the ambiguous shape and its unambiguous spellings', () => {
    expect(ambiguousParts('a|b c .. d')).toEqual(['a|b c']);
    expect(ambiguousParts('d .. a b|c')).toEqual(['a b|c']);
    expect(ambiguousParts('x .. a|b c .. d')).toEqual(['a|b c']);
    expect(ambiguousParts('trycreate|no such folder|mailbox not found .. folder')).toHaveLength(1);
    expect(ambiguousParts('(a|b c) .. d')).toEqual([]);
    expect(ambiguousParts('imap|pop|pop3 .. disabled')).toEqual([]);
    expect(ambiguousParts('a b|c d')).toEqual([]); // no gap: alternatives of whole phrases
    expect(ambiguousParts('(could not|unable to) connect .. server')).toEqual([]);
  });

  it('no phrase offers multi-word `|` alternatives next to a ` .. ` outside a group', () => {
    const offenders = PHRASE_EVIDENCE.flatMap((evidence) =>
      evidence.phrases
        .filter((phrase) => ambiguousParts(phrase).length > 0)
        .map((phrase) => `${evidence.lang} ${evidence.cause}: '${phrase}' — write '(…|…)' for one place, or split into separate phrases`),
    );
    expect(offenders).toEqual([]);
  });
});
