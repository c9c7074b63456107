import type { CauseId, ClientId, Lang, PhraseEvidence, Protocol } from '../types.js';

/** Shorthand for the evidence tables: one line per entry keeps them readable. */
export function phrasesFor(lang: Lang) {
  return (
    cause: CauseId,
    weight: number,
    phrases: string | string[],
    source: string,
    extra: { client?: ClientId; protocol?: Protocol; note?: string } = {},
  ): PhraseEvidence => ({
    cause,
    weight,
    phrases: Array.isArray(phrases) ? phrases : [phrases],
    lang,
    source,
    ...extra,
  });
}
