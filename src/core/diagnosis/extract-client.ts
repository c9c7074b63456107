import type { ClientId } from '../../content/types.js';
import { CLIENT_MENTIONS, type ClientMention } from '../../content/extraction.js';
import type { FoundCode } from './extract-codes.js';
import { wordSet, type WordSet } from './extract-words.js';
import { gateIds, LITERALS } from './literal-finder.js';

/** The mail app that showed the error. */

/**
 * Per app, the strings one of which its every mention holds, read from its pattern (null: none can
 * be, and the pattern always runs). Common words ("mail", "app", "os") pass the keyword test on
 * most texts; the literal finder's pass, made anyway, rules most apps out before their pattern runs.
 */
const CLIENT_STRINGS = CLIENT_MENTIONS.map((m) => gateIds(m.pattern));
/** A text that opens with a server's reply; one instance, where a literal in the function is a new object per call. */
const BARE_REPLY = /^\s*(?:[-+](?:ERR|OK)\b|[245]\d\d[ -]|\* (?:OK|NO|BAD|BYE)\b)/;
// A user who names a second app often says it works there.
const WORKS = /\b(?:works?|working|fine|can always|no problems?|without problems?|funktionier\w*|funciona\w*|fonctionne\w*|marche|ok)\b/i;

/**
 * The mail app that showed the error. A user often names a second app that works ("it works in
 * Thunderbird"), so a mention in a sentence that says it works counts for little.
 */
export function findClient(text: string, codes: FoundCode[], words: WordSet = wordSet(text)): ClientId | null {
  let best: ClientId | null = null;
  let bestScore = 0;
  let bestIndex = 0;
  // The patterns ignore case, but only for ASCII letters, as the literal finder does.
  for (let k = 0; k < CLIENT_MENTIONS.length; k++) {
    const { client, pattern, keywords } = CLIENT_MENTIONS[k] as ClientMention;
    // Both tests must pass; the finder's flags answer for less than the word lookup, so first.
    const strings = CLIENT_STRINGS[k] as Int32Array | null;
    if (strings !== null && !LITERALS.holdsAny(text, strings)) continue;
    if (!words.hasAny(keywords)) continue;
    const m = pattern.exec(text);
    if (!m) continue;
    const score = WORKS.test(sentenceAround(text, m.index)) ? 1 : 3;
    if (best === null || score > bestScore || (score === bestScore && m.index < bestIndex)) {
      best = client;
      bestScore = score;
      bestIndex = m.index;
    }
  }
  if (best) return best;
  if (codes.some((c) => c.kind === 'outlook')) return 'outlook';
  // A bare server reply ("-ERR …", "451 4.7.0 …") shows no app at all.
  if (BARE_REPLY.test(text)) return null;
  return 'other';
}

/** From the last "." or line feed at or before `index` to the first at or after it (no array per call). */
function sentenceAround(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf('.', index), text.lastIndexOf('\n', index), 0);
  const endDot = text.indexOf('.', index);
  const endNl = text.indexOf('\n', index);
  const end = endDot < 0 ? (endNl < 0 ? text.length : endNl) : endNl < 0 ? endDot : Math.min(endDot, endNl);
  return text.slice(start, end);
}
