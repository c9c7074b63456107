import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/core/diagnosis/index.js';
import { percent, readLabelled, score } from '../support/labelled.js';

/**
 * How right the engine is. The development sample (real messages, labelled by the project) must
 * meet the bar; the held-out test split of our own corpus — messages the engine has never
 * seen, whose mistakes are never read to tune it — shows how it generalises and guards against
 * regressions. Mistakes are printed, so a failing run says what went wrong.
 */

const rank = (text: string) => diagnose(text).causes.map((c) => c.id);

describe('diagnosis accuracy', () => {
  it('development sample: top-1 ≥ 90%, top-3 ≥ 98%', () => {
    const card = score(readLabelled('errors-dev.jsonl'), rank);
    console.log(`errors-dev (${card.n}): top-1 ${percent(card.top1)}, top-3 ${percent(card.top3)}\n  ${card.mistakes.join('\n  ')}`);
    expect(card.top1).toBeGreaterThanOrEqual(0.9);
    expect(card.top3).toBeGreaterThanOrEqual(0.98);
  });

  it('development sample: every stated host, port and code is extracted exactly', () => {
    const misses: string[] = [];
    let stated = 0;
    for (const row of readLabelled('errors-dev.jsonl')) {
      const { extracted } = diagnose(row.text);
      for (const field of ['host', 'port', 'code'] as const) {
        if (row[field] === null) continue;
        stated++;
        if (extracted[field] !== row[field]) misses.push(`${field}: want ${row[field]}, got ${extracted[field]} | ${row.text.slice(0, 80)}`);
      }
    }
    console.log(`errors-dev extraction: ${stated - misses.length}/${stated} stated fields exact`);
    expect(stated).toBeGreaterThan(30);
    expect(misses).toEqual([]);
  });

  it('held-out test split: generalisation stays above its floor', () => {
    const rows = readLabelled('holdout.jsonl').filter((r) => r.split === 'test');
    const card = score(rows, rank);
    // Only the numbers are printed for this split: its mistakes are never read to tune the engine.
    console.log(`held-out test (${card.n}): top-1 ${percent(card.top1)}, top-3 ${percent(card.top3)}`);
    expect(card.n).toBeGreaterThan(150);
    // Floors a little under the measured 73.1% / 85.3% (docs/diagnosis.md, round 2): a regression guard.
    expect(card.top1).toBeGreaterThanOrEqual(0.71);
    expect(card.top3).toBeGreaterThanOrEqual(0.83);
  });

  it('held-out split by language: no language is left behind', () => {
    const rows = readLabelled('holdout.jsonl');
    const byLang = new Map<string, typeof rows>();
    for (const r of rows) byLang.set(r.lang ?? 'en', [...(byLang.get(r.lang ?? 'en') ?? []), r]);
    const report: string[] = [];
    for (const [lang, langRows] of [...byLang].sort()) {
      const card = score(langRows, rank);
      report.push(`${lang} (${card.n}): top-1 ${percent(card.top1)}, top-3 ${percent(card.top3)}`);
      if (card.n >= 15) expect(card.top3, lang).toBeGreaterThanOrEqual(0.7);
    }
    console.log(`held-out by language:\n  ${report.join('\n  ')}`);
    expect(byLang.size).toBe(6);
  });
});
