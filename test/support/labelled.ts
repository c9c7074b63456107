import { fileURLToPath } from 'node:url';
import { readJsonl, type CorpusRow } from '../../scripts/build-examples.js';

/** A labelled message, as in the development sample, the corpus and the held-out sets. */
export type LabelledRow = CorpusRow;

export function readLabelled(relativePath: string): LabelledRow[] {
  return readJsonl(fileURLToPath(new URL(`../fixtures/${relativePath}`, import.meta.url)));
}

export interface Scorecard {
  n: number;
  top1: number;
  top3: number;
  mistakes: string[];
}

/** Ranks each row with `rank` and counts how often the labelled cause is first, or in the first three. */
export function score(rows: LabelledRow[], rank: (text: string) => string[]): Scorecard {
  let top1 = 0;
  let top3 = 0;
  const mistakes: string[] = [];
  for (const row of rows) {
    const ids = rank(row.text);
    if (ids[0] === row.label) top1++;
    else mistakes.push(`want ${row.label}, got ${ids.slice(0, 3).join(' > ')} | ${row.text.slice(0, 100).replace(/\s+/g, ' ')}`);
    if (ids.slice(0, 3).includes(row.label)) top3++;
  }
  return { n: rows.length, top1: top1 / rows.length, top3: top3 / rows.length, mistakes };
}

export const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
