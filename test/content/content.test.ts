import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildExamples, EXAMPLES_PATH, HOLDOUT_PATH, splitKey, WORD_COUNTS_PATH } from '../../scripts/build-examples.js';
import { CAUSES } from '../../src/content/causes.js';
import { CONTEXT_RULES } from '../../src/content/context-rules.js';
import { CODE_EVIDENCE, PHRASE_EVIDENCE } from '../../src/content/evidence/index.js';
import { EXAMPLES } from '../../src/content/examples.js';
import { TOPICS } from '../../src/content/topics.js';
import { CAUSE_IDS } from '../../src/content/types.js';

// The spec sits beside the project in the development workspace, not in a clean clone.
const SPEC = new URL('../../../shared/spec/causes.md', import.meta.url);
const specCauseIds = existsSync(SPEC) ? [...readFileSync(SPEC, 'utf8').matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]) : [];

describe('cause content', () => {
  it('has exactly one entry per cause id, in order', () => {
    expect(CAUSES.map((c) => c.id)).toEqual([...CAUSE_IDS]);
  });

  it('uses the cause ids of the spec', () => {
    // The spec lives beside the project; the list is also pinned here so the test runs from a clean clone.
    const pinned = [...CAUSE_IDS];
    if (specCauseIds.length > 0) expect(pinned).toEqual(specCauseIds);
    expect(pinned).toHaveLength(19);
  });

  it.each(CAUSES.map((c) => [c.id, c] as const))('%s: title, explanation, note, fixes and sources', (_id, c) => {
    expect(c.title.length).toBeGreaterThan(10);
    expect(c.title.length).toBeLessThanOrEqual(80);
    expect(c.explanation.split(/[.!?](\s|$)/).length).toBeGreaterThan(2);
    expect(c.engineerNote.length).toBeGreaterThan(40);
    expect(c.fixes.length).toBeGreaterThanOrEqual(2);
    expect(c.fixes.some((f) => f.client === undefined)).toBe(true);
    expect(c.sources.length).toBeGreaterThan(0);
    // Slack section text is capped at 3000 characters; a fix must fit with room to spare.
    for (const f of c.fixes) expect(f.text.length).toBeLessThan(1000);
  });

  it('names the exact Outlook menu path for leaving mail on the server', () => {
    const pop = CAUSES.find((c) => c.id === 'pop_removes_from_server');
    expect(pop?.fixes.find((f) => f.client === 'outlook')?.text).toMatch(/File → Account Settings.*More Settings → Advanced.*Leave a copy of messages on the server/);
  });
});

describe('evidence', () => {
  it('every phrase and code points at a real cause', () => {
    for (const e of PHRASE_EVIDENCE) expect(CAUSE_IDS).toContain(e.cause);
    for (const c of CODE_EVIDENCE) for (const id of Object.keys(c.causes)) expect(CAUSE_IDS).toContain(id);
    for (const r of CONTEXT_RULES) for (const id of [...r.from, ...Object.keys(r.to)]) expect(CAUSE_IDS).toContain(id);
  });

  it('every cause but unknown has phrase evidence in all six languages', () => {
    for (const id of CAUSE_IDS.filter((c) => c !== 'unknown')) {
      const langs = new Set(PHRASE_EVIDENCE.filter((e) => e.cause === id && e.weight > 0).map((e) => e.lang));
      expect([...langs].sort(), id).toEqual(['de', 'en', 'es', 'fr', 'it', 'pt']);
    }
  });

  it('codes are unique and every entry says where it comes from', () => {
    const codes = CODE_EVIDENCE.map((c) => c.code.toUpperCase());
    expect(new Set(codes).size).toBe(codes.length);
    for (const e of [...PHRASE_EVIDENCE, ...CODE_EVIDENCE]) expect(e.source.length).toBeGreaterThan(2);
    expect(new Set(CONTEXT_RULES.map((r) => r.id)).size).toBe(CONTEXT_RULES.length);
  });

  it('covers Outlook\'s 0x800CCCxx family and the codes named in the issue', () => {
    const codes = new Set(CODE_EVIDENCE.map((c) => c.code.toUpperCase()));
    for (const code of ['0x800CCC0D', '0x800CCC0E', '0x800CCC0F', '0x800CCC19', '0x800CCC1A', '0x800CCC90', '0x800CCC92', '0x8004210A', '0x8004210B',
      'ECONNREFUSED', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT',
      'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_TLS_CERT_ALTNAME_INVALID', 'AUTHENTICATIONFAILED', 'IN-USE', 'SYS/TEMP']) {
      expect(codes.has(code.toUpperCase()), code).toBe(true);
    }
  });
});

describe('topics', () => {
  it('has the topics of the spec', () => {
    const ids = TOPICS.map((t) => t.id);
    for (const id of ['pop-vs-imap', 'ports', 'encryption', 'app-passwords', 'oauth', 'leave-on-server']) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
    const aliases = TOPICS.flatMap((t) => t.aliases.map((a) => a.toLowerCase()));
    expect(new Set(aliases).size).toBe(aliases.length);
  });

  it('explains the POP trap with the worked example', () => {
    const text = TOPICS.find((t) => t.id === 'pop-vs-imap')?.text ?? '';
    for (const fact of ['4 POP', '8 IMAP', '11 messages', '37 client emails', 'invoices']) expect(text).toContain(fact);
  });
});

describe('examples catalog', () => {
  it('is generated from the corpus and up to date', () => {
    const built = buildExamples();
    expect(readFileSync(EXAMPLES_PATH, 'utf8')).toBe(built.examplesModule);
    expect(readFileSync(HOLDOUT_PATH, 'utf8')).toBe(built.holdoutJsonl);
    expect(readFileSync(WORD_COUNTS_PATH, 'utf8')).toBe(built.wordCountsModule);
    expect(EXAMPLES.length).toBe(built.catalogSize);
    expect(built.holdoutSize).toBeGreaterThan(300);
  });

  it('holds no message of the development sample', () => {
    const dev = new Set(
      readFileSync(new URL('../fixtures/errors-dev.jsonl', import.meta.url), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => splitKey((JSON.parse(l) as { text: string }).text)),
    );
    // The same message, not merely the same catalog template with another server name filled in.
    const leaked = EXAMPLES.filter((e) => dev.has(splitKey(e.text)));
    expect(leaked).toEqual([]);
  });
});
