import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildEngineTables, ENGINE_TABLES_PATH, SOURCE_KNOWLEDGE } from '../../scripts/build-engine-tables.js';
import { ENGINE_TABLES } from '../../src/content/engine-tables.generated.js';
import { DiagnosisEngine } from '../../src/core/diagnosis/engine.js';
import { diagnose, KNOWLEDGE } from '../../src/core/diagnosis/index.js';
import { packTables, unpackTables } from '../../src/core/diagnosis/tables.js';
import { readLabelled } from '../support/labelled.js';

/**
 * The engine a fresh process starts from generated tables (src/content/engine-tables.generated.ts)
 * must be the engine src/content describes: the file is current, and an engine read from it
 * answers exactly as one that compiles the knowledge itself.
 */

const CORPUS = ['catalogs', 'localized', 'reports', 'threads', 'vendors'].map((f) => `corpus/${f}.jsonl`);

function texts(): string[] {
  const rows = ['errors-dev.jsonl', ...CORPUS].flatMap((f) => readLabelled(f).map((r) => r.text));
  // Also as the benchmark reads them: messages run together to 500 characters.
  const joined = rows.map((t, i) => {
    let s = t;
    for (let j = 1; s.length < 500; j++) s += `\n${rows[(i + j) % rows.length]}`;
    return s.slice(0, 500);
  });
  return [...rows, ...joined];
}

describe('generated engine tables', () => {
  it('are up to date with src/content (else run: npx tsx scripts/build-engine-tables.ts)', () => {
    const current = readFileSync(ENGINE_TABLES_PATH, 'utf8') === buildEngineTables();
    expect(current, 'src/content/engine-tables.generated.ts is stale: run npx tsx scripts/build-engine-tables.ts').toBe(true);
  });

  it('give the same answers as an engine that compiles src/content itself', () => {
    const compiled = new DiagnosisEngine(SOURCE_KNOWLEDGE);
    const all = texts();
    const differ = all.filter((t) => JSON.stringify(compiled.diagnose(t)) !== JSON.stringify(diagnose(t)));
    expect(differ.map((t) => t.slice(0, 80))).toEqual([]);
    expect(all.length).toBeGreaterThan(2000);
  });

  it('pack and unpack without loss', () => {
    const tables = new DiagnosisEngine(SOURCE_KNOWLEDGE).tables();
    const back = unpackTables(packTables(tables));
    expect(back).toEqual(tables);
    expect(unpackTables(ENGINE_TABLES).lexicon.length).toBeGreaterThan(1000);
  });

  it('give scripts the word counts back: an engine built from KNOWLEDGE.words answers the same', () => {
    const rebuilt = new DiagnosisEngine({ ...KNOWLEDGE, words: KNOWLEDGE.words });
    for (const row of readLabelled('errors-dev.jsonl')) expect(rebuilt.diagnose(row.text)).toEqual(diagnose(row.text));
  });

  it('are not used for phrases they were not made from: a changed phrase is compiled at start', () => {
    const tables = new DiagnosisEngine(SOURCE_KNOWLEDGE).tables();
    const extra = { cause: 'quota_exceeded' as const, weight: 4, phrases: ['zyxwv quux'], lang: 'en' as const, source: 'test' };
    const engine = new DiagnosisEngine({ ...SOURCE_KNOWLEDGE, phrases: [...SOURCE_KNOWLEDGE.phrases, extra] }, {}, tables);
    expect(engine.diagnose('zyxwv quux').causes[0]?.id).toBe('quota_exceeded');
    expect(engine.diagnose('Connection refused').causes[0]?.id).toBe(diagnose('Connection refused').causes[0]?.id);
  });
});
