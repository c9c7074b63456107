import type { PhraseEvidence } from '../types.js';
import { EVIDENCE_DE } from './de.js';
import { EVIDENCE_EN } from './en.js';
import { EVIDENCE_ES } from './es.js';
import { EVIDENCE_FR } from './fr.js';
import { EVIDENCE_IT } from './it.js';
import { EVIDENCE_PT } from './pt.js';

export { CODE_EVIDENCE } from './codes.js';

export const PHRASE_EVIDENCE: readonly PhraseEvidence[] = [
  ...EVIDENCE_EN,
  ...EVIDENCE_DE,
  ...EVIDENCE_ES,
  ...EVIDENCE_FR,
  ...EVIDENCE_PT,
  ...EVIDENCE_IT,
];
