import { CAUSES } from '../../content/causes.js';
import { CONTEXT_RULES } from '../../content/context-rules.js';
import { CODE_EVIDENCE, PHRASE_EVIDENCE } from '../../content/evidence/index.js';
import { WORD_COUNTS } from '../../content/word-counts.js';
import { DiagnosisEngine, type Diagnosis, type Knowledge } from './engine.js';

export type { Diagnosis, RankedCause } from './engine.js';
export type { Extracted } from './extract.js';

export const KNOWLEDGE: Knowledge = {
  causes: CAUSES,
  phrases: PHRASE_EVIDENCE,
  codes: CODE_EVIDENCE,
  words: WORD_COUNTS,
  rules: CONTEXT_RULES,
};

let engine: DiagnosisEngine | null = null;

/** Diagnoses pasted error text with emailhelp's own knowledge. The engine is built on first use. */
export function diagnose(text: string): Diagnosis {
  engine ??= new DiagnosisEngine(KNOWLEDGE);
  return engine.diagnose(text);
}
