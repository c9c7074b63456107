import { CAUSES } from '../../content/causes.js';
import { CONTEXT_RULES } from '../../content/context-rules.js';
import { ENGINE_TABLES } from '../../content/engine-tables.generated.js';
import { CODE_EVIDENCE, PHRASE_EVIDENCE } from '../../content/evidence/index.js';
import { DiagnosisEngine, type Diagnosis, type Knowledge } from './engine.js';
import { Lexicon } from './lexicon.js';
import { unpackTables, type EngineTables } from './tables.js';
import { wordCountsOf, type WordCounts } from './word-model.js';

export type { Diagnosis, RankedCause } from './engine.js';
export type { Extracted } from './extract.js';

let tables: EngineTables | null = null;
function engineTables(): EngineTables {
  tables ??= unpackTables(ENGINE_TABLES);
  return tables;
}

let words: WordCounts | null = null;

/**
 * emailhelp's own knowledge. The word counts come from the generated engine tables rather than
 * src/content/word-counts.ts: the diagnosis never needs them as counts, and that module alone took
 * ~18 ms of every start to load. They are rebuilt from the tables when asked for (scripts).
 */
export const KNOWLEDGE: Knowledge = {
  causes: CAUSES,
  phrases: PHRASE_EVIDENCE,
  codes: CODE_EVIDENCE,
  get words(): WordCounts {
    const t = engineTables();
    words ??= wordCountsOf(t.words, Lexicon.fromWords(t.lexicon, t.hashes));
    return words;
  },
  rules: CONTEXT_RULES,
};

let engine: DiagnosisEngine | null = null;

/** Diagnoses pasted error text with emailhelp's own knowledge. The engine is built on first use. */
export function diagnose(text: string): Diagnosis {
  engine ??= new DiagnosisEngine(KNOWLEDGE, {}, engineTables());
  return engine.diagnose(text);
}
