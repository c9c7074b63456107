import type { ClientId, Protocol } from '../../content/types.js';
import { CLIENT_MENTIONS } from '../../content/extraction.js';
import { findClient } from './extract-client.js';
import { digitRuns, findCodes, mostTellingCode, type FoundCode } from './extract-codes.js';
import { findHost, hostTokens } from './extract-host.js';
import { findPort } from './extract-port.js';
import { findProtocol, PROTOCOL_WORDS } from './extract-protocol.js';
import { wordSet, type WordSet } from './extract-words.js';
import { blanksOf, codeUnits } from './normalize.js';

export { findCodes, mostTellingCode, type CodeKind, type FoundCode } from './extract-codes.js';
export { findHost } from './extract-host.js';
export { findPort } from './extract-port.js';
export type { WordSet } from './extract-words.js';

/**
 * Pulls the facts a helpdesk engineer looks for first out of pasted text: which server, which
 * port, which protocol, which mail app, and every error code. Pure and bounded: linear regular
 * expressions over text already clipped by the caller.
 */

export interface Extracted {
  host: string | null;
  port: number | null;
  protocol: Protocol | null;
  client: ClientId | null;
  code: string | null;
  codes: string[];
}


/**
 * Runs of blanks become one (a newline when the run holds one), so no pattern here can be made to
 * backtrack over a long run of them. Only runs that change are replaced: two blanks or more, or one
 * that is neither a space nor a newline. The scanner has noted them as it read the words
 * (WordBuffer.blanks); for a text it did not read last, the regular expression finds them faster
 * than a walk would.
 */
const BLANK_RUN = /\s{2,}|[^\S \n]/g;

function collapseWhitespace(text: string): string {
  const scanned = blanksOf(text);
  if (scanned === null) return text.replace(BLANK_RUN, collapsedRun);
  // Put together from the pieces between the runs: a third of the replace's time, which searches
  // the whole text for them again.
  const { blanks, blankCount } = scanned;
  const units = codeUnits(text);
  let out = '';
  let from = 0;
  for (let k = 0; k < blankCount; k += 2) {
    const start = blanks[k] as number;
    const end = blanks[k + 1] as number;
    let newline = false;
    for (let i = start; i < end; i++) if (units[i] === 10) newline = true;
    out += text.slice(from, start) + (newline ? '\n' : ' ');
    from = end;
  }
  return out + text.slice(from);
}

function collapsedRun(run: string): string {
  return run.includes('\n') ? '\n' : ' ';
}



/** The words the extractor asks `WordSet.has` about: a caller's word set must know them. */
export const EXTRACTION_WORDS: readonly string[] = [
  ...PROTOCOL_WORDS.flatMap((p) => p.keywords),
  ...CLIENT_MENTIONS.flatMap((m) => m.keywords),
];

/**
 * `words`: the normalised words of `raw`, when the caller has them already. Beside the facts, the
 * codes as found and the text as read, its blank runs collapsed (`read`): the literal finder has
 * been through it for the gates of the context rules too (literal-finder.ts).
 */
export function extract(raw: string, words: WordSet = wordSet(raw)): Extracted & { found: FoundCode[]; read: string } {
  const text = words.blankRuns === false ? raw : collapseWhitespace(raw);
  const runs = digitRuns(text);
  const found = findCodes(text, runs);
  const tokens = hostTokens(text);
  const host = findHost(text, tokens);
  const port = findPort(text, tokens, runs);
  return {
    host,
    port,
    protocol: findProtocol(text, host, port, found, words),
    client: findClient(text, found, words),
    code: mostTellingCode(found),
    codes: found.map((c) => c.text),
    found,
    read: text,
  };
}
