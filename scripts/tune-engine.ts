/**
 * Chooses the engine's tuning by 5-fold cross-validation over the similarity catalog: each fold's
 * examples are diagnosed by an engine whose catalog lacks them. The development sample and the
 * held-out set play no part, so the numbers they give stay honest.
 *
 * Run: npx tsx scripts/tune-engine.ts
 */
import { KNOWLEDGE } from '../src/core/diagnosis/index.js';
import { countWords } from '../src/core/diagnosis/word-model.js';
import { EXAMPLES } from '../src/content/examples.js';
import { DEFAULT_TUNING, DiagnosisEngine, type Tuning } from '../src/core/diagnosis/engine.js';

const FOLDS = 5;

export function crossValidate(tuning: Partial<Tuning>): { top1: number; top3: number } {
  const examples = EXAMPLES;
  let top1 = 0;
  let top3 = 0;
  for (let fold = 0; fold < FOLDS; fold++) {
    const train = examples.filter((_, i) => i % FOLDS !== fold);
    const engine = new DiagnosisEngine({ ...KNOWLEDGE, words: countWords(train) }, tuning);
    examples.forEach((e, i) => {
      if (i % FOLDS !== fold) return;
      const ids = engine.diagnose(e.text).causes.map((c) => c.id);
      if (ids[0] === e.cause) top1++;
      if (ids.slice(0, 3).includes(e.cause)) top3++;
    });
  }
  return { top1: top1 / examples.length, top3: top3 / examples.length };
}

function main(): void {
  const grid: Partial<Tuning>[] = [];
  for (const wordWeight of [0.35, 0.5, 0.75])
    for (const noEvidencePenalty of [0, 1])
      for (const unknownBaseline of [-1, 0, 1])
        for (const wordsOnlyMinimum of [0, 1, 2])
          grid.push({ wordWeight, noEvidencePenalty, unknownBaseline, wordsOnlyMinimum });
  const results = grid.map((t) => ({ t, ...crossValidate(t) }));
  results.sort((a, b) => b.top1 + b.top3 * 0.5 - (a.top1 + a.top3 * 0.5));
  console.log('current', DEFAULT_TUNING, crossValidate({}));
  for (const r of results.slice(0, 8)) console.log(JSON.stringify(r.t), `top1 ${(r.top1 * 100).toFixed(1)}% top3 ${(r.top3 * 100).toFixed(1)}%`);
}

if (process.argv[1]?.endsWith("tune-engine.ts")) main();
