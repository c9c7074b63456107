import {
  CAUSE_IDS,
  type CauseId,
  type CauseInfo,
  type ClientId,
  type CodeEvidence,
  type ContextRule,
  type PhraseEvidence,
} from '../../content/types.js';
import { EXTRACTION_WORDS, extract, type Extracted } from './extract.js';
import { Lexicon } from './lexicon.js';
import { literalTest } from './literals.js';
import { clip } from './normalize.js';
import { PhraseMatcher, type PhraseMatch } from './phrase-matcher.js';
import { tablesOf, type EngineTables } from './tables.js';
import { Tokens } from './tokens.js';
import { WordModel, type WordCounts } from './word-model.js';

/**
 * The diagnosis engine: hand-written evidence (phrases and codes) and context, plus what the words
 * of real, labelled messages say (WordModel), turned into ranked causes. It knows nothing about any
 * particular error: all of that lives in src/content and reaches it through `Knowledge`.
 *
 * Per text it reads the words once (Tokens, against one Lexicon shared by the phrases, the word
 * model and the extractor) and keeps its scores in arrays indexed by cause that every call reuses;
 * only the causes shown are put into words.
 */

export interface Knowledge {
  causes: readonly CauseInfo[];
  phrases: readonly PhraseEvidence[];
  codes: readonly CodeEvidence[];
  /** The word statistics of the example catalog (countWords over it). */
  words: WordCounts;
  rules: readonly ContextRule[];
}

export interface RankedCause {
  id: CauseId;
  confidence: number;
  title: string;
  explanation: string;
  fixes: string[];
  /** What pointed here, for the engineer who wants to know why. */
  evidence: string[];
}

export interface Diagnosis {
  causes: RankedCause[];
  extracted: Extracted;
}

// Tuned by cross-validation over the similarity catalog (scripts/tune-engine.ts), never on the
// development sample or the held-out test set; see docs/diagnosis.md.
export const DEFAULT_TUNING = {
  /** Each further piece of evidence for one cause adds less: the 2nd counts half, the 3rd a quarter. */
  evidenceDecay: 0.5,
  /** How much the word model's log-odds count beside hand-written evidence. */
  wordWeight: 0.5,
  /** A cause no hand-written evidence names must beat the others by this much on words alone. */
  noEvidencePenalty: 0,
  /** Softmax temperature over scores; higher spreads confidence over more causes. */
  temperature: 1.3,
  /** With no hand-written evidence at all, the word model must reach this to name a cause. */
  wordsOnlyMinimum: 1,
  /** The score "nothing fits" starts with; a cause must beat it to be named. */
  unknownBaseline: -1,
  maxCauses: 5,
  minConfidence: 0.04,
  wordsOnlyMinConfidence: 0.1,
};

export type Tuning = typeof DEFAULT_TUNING;

/** Why a cause scored, kept as references and put into words only for the causes shown. */
type Reason =
  | { kind: 'phrase'; match: PhraseMatch }
  | { kind: 'code'; code: string; meaning: string }
  | { kind: 'rule'; text: string };

const CAUSES = CAUSE_IDS.length;
const UNKNOWN = CAUSE_IDS.indexOf('unknown');
const CAUSE_INDEX = new Map<CauseId, number>(CAUSE_IDS.map((id, i) => [id, i]));

function causeIndex(id: CauseId): number {
  const i = CAUSE_INDEX.get(id);
  if (i === undefined) throw new Error(`unknown cause ${id}`);
  return i;
}

/** A code's evidence with its causes as indexes, so a text's codes cost no object walk. */
interface KnownCode {
  evidence: CodeEvidence;
  causes: [number, number][];
}

interface Rule {
  rule: ContextRule;
  from: number[];
  to: [number, number][];
}

export class DiagnosisEngine {
  readonly #lexicon: Lexicon;
  readonly #tokens: Tokens;
  readonly #matcher: PhraseMatcher;
  readonly #words: WordModel;
  readonly #codes: Map<string, KnownCode>;
  readonly #causes: (CauseInfo | undefined)[];
  readonly #rules: Rule[];
  readonly #tuning: Tuning;
  readonly #labels = new Map<PhraseMatch, string>();
  /** Fixes per cause and client, worked out once. */
  readonly #fixes = new Map<CauseInfo, Map<ClientId | null, string[]>>();

  // Scratch for one call, by cause index. A cause enters `#order` when first scored, and that
  // order breaks ties in the ranking.
  readonly #weights: number[][] = CAUSE_IDS.map(() => []);
  readonly #reasons: Reason[][] = CAUSE_IDS.map(() => []);
  readonly #score = new Float64Array(CAUSES);
  readonly #scored = new Uint8Array(CAUSES);
  readonly #order: number[] = [];
  readonly #final = new Float64Array(CAUSES);
  readonly #inFinal = new Uint8Array(CAUSES);
  readonly #finalOrder: number[] = [];
  readonly #wordScores = new Float64Array(CAUSES);
  readonly #sorted: number[] = [];
  readonly #boosts: [number, number, string][] = [];
  readonly #providerSeen = new Map<RegExp, boolean>();
  readonly #textSeen = new Map<RegExp, boolean>();
  /** Per context pattern, a cheap test that rules most texts out (see PatternTest). */
  readonly #patternTests = new Map<RegExp, PatternTest>();
  /** The text and host lower-cased, once per text. */
  readonly #lowered = new Map<string, string>();
  readonly #lower = (s: string): string => {
    let lower = this.#lowered.get(s);
    if (lower === undefined) this.#lowered.set(s, (lower = s.toLowerCase()));
    return lower;
  };

  /**
   * `tables`: `knowledge` already compiled (src/content/engine-tables.generated.ts), which spares a
   * fresh process the work. Its word model stands in for `knowledge.words`; its phrases are used
   * only when they are exactly `knowledge.phrases`, else those are compiled here.
   */
  constructor(knowledge: Knowledge, tuning: Partial<Tuning> = {}, tables?: EngineTables) {
    this.#tuning = { ...DEFAULT_TUNING, ...tuning };
    const lexicon = tables ? Lexicon.fromWords(tables.lexicon, tables.hashes) : new Lexicon();
    // Content phrases are validated by the test suite (test/diagnosis/phrase-matcher.test.ts).
    this.#matcher = new PhraseMatcher(knowledge.phrases, lexicon, { validate: false, tables: tables?.phrases });
    this.#words = new WordModel(tables ? tables.words : knowledge.words, lexicon);
    for (const w of EXTRACTION_WORDS) lexicon.add(w);
    this.#lexicon = lexicon;
    this.#tokens = new Tokens(lexicon);
    this.#codes = new Map(
      knowledge.codes.map((c) => [
        c.code.toUpperCase(),
        { evidence: c, causes: (Object.entries(c.causes) as [CauseId, number][]).map(([id, w]) => [causeIndex(id), w]) },
      ]),
    );
    this.#causes = CAUSE_IDS.map((id) => knowledge.causes.find((c) => c.id === id));
    this.#rules = knowledge.rules.map((rule) => ({
      rule,
      from: rule.from.map(causeIndex),
      to: (Object.entries(rule.to) as [CauseId, number][]).map(([id, share]) => [causeIndex(id), share]),
    }));
  }

  /** What this engine compiled its knowledge to, for scripts/build-engine-tables.ts. */
  tables(): EngineTables {
    return tablesOf(this.#lexicon, this.#matcher.tables(), this.#words.tables());
  }

  #add(cause: number, weight: number, reason: Reason | null): void {
    if (this.#scored[cause] === 0) {
      this.#scored[cause] = 1;
      this.#order.push(cause);
    }
    (this.#weights[cause] as number[]).push(weight);
    if (reason) (this.#reasons[cause] as Reason[]).push(reason);
  }

  #reset(): void {
    for (const c of this.#order) {
      (this.#weights[c] as number[]).length = 0;
      (this.#reasons[c] as Reason[]).length = 0;
      this.#scored[c] = 0;
      this.#score[c] = 0;
    }
    this.#order.length = 0;
    for (const c of this.#finalOrder) this.#inFinal[c] = 0;
    this.#finalOrder.length = 0;
  }

  #setFinal(cause: number, score: number): void {
    if (this.#inFinal[cause] === 0) {
      this.#inFinal[cause] = 1;
      this.#finalOrder.push(cause);
    }
    this.#final[cause] = score;
  }

  diagnose(input: string): Diagnosis {
    const text = clip(input);
    const tokens = this.#tokens;
    tokens.read(text);
    const facts = extract(text, tokens.wordSet);
    this.#reset();

    let evidenceClient: ClientId | null = null;
    for (const match of this.#matcher.match(tokens)) {
      const { evidence } = match;
      this.#add(causeIndex(evidence.cause), evidence.weight, evidence.weight > 0 ? { kind: 'phrase', match } : null);
      if (evidence.client && evidence.weight >= 3 && !evidenceClient) evidenceClient = evidence.client;
    }
    for (const code of facts.codes) {
      const known = this.#codes.get(code.toUpperCase());
      if (!known) continue;
      for (const [cause, weight] of known.causes) {
        this.#add(cause, weight, { kind: 'code', code, meaning: known.evidence.meaning });
      }
      if (known.evidence.client && !evidenceClient) evidenceClient = known.evidence.client;
    }

    const decay = this.#tuning.evidenceDecay;
    const sorted = this.#sorted;
    for (const c of this.#order) {
      // Counter-evidence ("sending quota" is not a full mailbox) subtracts in full.
      let score = 0;
      sorted.length = 0;
      for (const w of this.#weights[c] as number[]) {
        if (w < 0) score += w;
        else if (w > 0) sorted.push(w);
      }
      sorted.sort((a, b) => b - a);
      for (let i = 0; i < sorted.length; i++) score += (sorted[i] as number) * decay ** i;
      this.#score[c] = score;
    }

    this.#applyContext(facts, text);

    for (const c of this.#order) if ((this.#score[c] as number) > 0) this.#setFinal(c, this.#score[c] as number);
    const anyEvidence = this.#finalOrder.length > 0;
    const wordScores = this.#wordScores;
    if (this.#words.score(tokens, wordScores)) {
      for (let c = 0; c < CAUSES; c++) {
        // "Unknown" examples share no wording (anything that is not a settings problem), so word
        // statistics say nothing for it; only its own evidence (sending limits, …) counts.
        if (c === UNKNOWN || !this.#words.knows(c)) continue;
        const words = this.#tuning.wordWeight * (wordScores[c] as number);
        this.#setFinal(c, this.#inFinal[c] === 1 ? (this.#final[c] as number) + words : words - this.#tuning.noEvidencePenalty);
      }
    }

    const extracted: Extracted = {
      host: facts.host,
      port: facts.port,
      protocol: facts.protocol,
      client: facts.client === 'other' || facts.client === null ? (evidenceClient ?? facts.client) : facts.client,
      code: facts.code,
      codes: facts.codes,
    };
    return { causes: this.#rank(extracted, anyEvidence), extracted };
  }

  /** Whether `pattern` matches `subject`, worked out once per text and pattern. */
  #memoTest(seen: Map<RegExp, boolean>, pattern: RegExp, subject: string): boolean {
    let result = seen.get(pattern);
    if (result === undefined) {
      let test = this.#patternTests.get(pattern);
      if (!test) this.#patternTests.set(pattern, (test = new PatternTest(pattern)));
      result = test.mayMatch(subject, this.#lower) && pattern.test(subject);
      seen.set(pattern, result);
    }
    return result;
  }

  #applyContext(facts: Extracted, text: string): void {
    const boosts = this.#boosts;
    boosts.length = 0;
    this.#providerSeen.clear();
    this.#textSeen.clear();
    this.#lowered.clear();
    const score = this.#score;
    for (const { rule, from, to } of this.#rules) {
      let strongest = 0;
      for (const c of from) if ((score[c] as number) > strongest) strongest = score[c] as number;
      if (strongest === 0) continue;
      // The cheap conditions first; a pattern shared by rules is run once per text.
      const { provider, port, protocol, text: textPattern } = rule.when;
      if (port && (facts.port === null || !port.includes(facts.port))) continue;
      if (protocol && (facts.protocol === null || !protocol.includes(facts.protocol))) continue;
      if (provider && !this.#memoTest(this.#providerSeen, provider, facts.host ?? text)) continue;
      if (textPattern && !this.#memoTest(this.#textSeen, textPattern, text)) continue;
      for (const [cause, share] of to) boosts.push([cause, strongest * share, rule.reason]);
      if (rule.keep !== undefined) {
        for (const c of from) {
          if (this.#scored[c] === 1 && (score[c] as number) > 0) boosts.push([c, -(score[c] as number) * (1 - rule.keep), '']);
        }
      }
    }
    // Boosts are computed from the scores before any rule ran, so rule order never matters.
    for (const [cause, boost, reason] of boosts) {
      if (this.#scored[cause] === 0) {
        this.#scored[cause] = 1;
        this.#order.push(cause);
      }
      score[cause] = (score[cause] as number) + boost;
      if (reason) (this.#reasons[cause] as Reason[]).push({ kind: 'rule', text: reason });
    }
  }

  #rank(extracted: Extracted, anyEvidence: boolean): RankedCause[] {
    const t = this.#tuning;
    const final = this.#final;
    // With no evidence at all, word statistics alone must be clear before a cause is named.
    const baseline = anyEvidence ? t.unknownBaseline : Math.max(t.unknownBaseline, t.wordsOnlyMinimum);
    const unknownScore = Math.max(baseline, this.#inFinal[UNKNOWN] === 1 ? (final[UNKNOWN] as number) : -Infinity);
    // Stable: equal scores keep the order in which their causes were first scored.
    const ranked = this.#finalOrder.filter((c) => c !== UNKNOWN).sort((a, b) => (final[b] as number) - (final[a] as number));
    // Softmax over the named causes and "nothing fits"; scores are shifted for numeric safety.
    const best = ranked[0];
    const top = Math.max(unknownScore, best === undefined ? -Infinity : (final[best] as number));
    const exp = (score: number) => Math.exp((score - top) / t.temperature);
    let total = exp(unknownScore);
    for (const c of ranked) total += exp(final[c] as number);
    const confidence = (score: number) => exp(score) / total;

    const out: RankedCause[] = [];
    if (best === undefined || (final[best] as number) < unknownScore) {
      out.push(this.#present(UNKNOWN, confidence(unknownScore), extracted.client));
    }
    // When nothing in the text points anywhere, word statistics must stand out to be listed at all.
    const floor = anyEvidence ? t.minConfidence : t.wordsOnlyMinConfidence;
    for (const c of ranked) {
      if (out.length >= t.maxCauses) break;
      const score = final[c] as number;
      const p = confidence(score);
      // Every cause the text itself points to is listed; word statistics alone add a cause only
      // when it is still worth a look. "Nothing fits" stands alone otherwise.
      const pointedTo = this.#scored[c] === 1 && (this.#weights[c] as number[]).some((w) => w > 0) && score > 0;
      if (out.length > 0 && p < floor && !pointedTo) continue;
      out.push(this.#present(c, p, extracted.client));
    }
    return out;
  }

  #present(cause: number, confidence: number, client: ClientId | null): RankedCause {
    const info = this.#causes[cause];
    if (!info) throw new Error(`no content for cause ${CAUSE_IDS[cause]}`);
    const evidence = new Set<string>();
    for (const reason of this.#reasons[cause] as Reason[]) evidence.add(this.#describe(reason));
    return {
      id: info.id,
      confidence: Math.round(confidence * 1000) / 1000,
      title: info.title,
      explanation: info.explanation,
      fixes: this.#fixesFor(info, client),
      evidence: [...evidence].slice(0, 5),
    };
  }

  #fixesFor(info: CauseInfo, client: ClientId | null): string[] {
    let byClient = this.#fixes.get(info);
    if (!byClient) this.#fixes.set(info, (byClient = new Map()));
    let fixes = byClient.get(client);
    if (!fixes) byClient.set(client, (fixes = pickFixes(info, client)));
    // A copy: the answer is the caller's to change.
    return fixes.slice();
  }

  #describe(reason: Reason): string {
    switch (reason.kind) {
      case 'phrase': {
        let label = this.#labels.get(reason.match);
        if (label === undefined) {
          const { evidence, phrase } = reason.match;
          label = evidence.note ?? `"${phrase.replace(/\*/g, '…').replace(/ \.\. /g, ' … ')}"`;
          this.#labels.set(reason.match, label);
        }
        return label;
      }
      case 'code':
        return `${reason.code}: ${reason.meaning}`;
      case 'rule':
        return reason.text;
    }
  }
}

/**
 * A context pattern with the strings one of which its every match contains (literals.ts): most
 * texts hold none ("://", "socketType="), and a substring search costs a fraction of running the
 * pattern over the whole text. Some patterns only give strings most texts hold ("mail"); a test
 * that lets most texts through is dropped after a while, as it then only adds its own cost.
 */
class PatternTest {
  readonly #literal: ReturnType<typeof literalTest>;
  #tried = 0;
  #passed = 0;

  constructor(pattern: RegExp) {
    this.#literal = literalTest(pattern);
  }

  /** False only when the pattern cannot match `subject`; `lower` gives it lower-cased. */
  mayMatch(subject: string, lower: (s: string) => string): boolean {
    if (this.#literal === null || (this.#tried >= 64 && this.#passed * 2 > this.#tried)) return true;
    this.#tried++;
    const pass = this.#literal.test(this.#literal.lowerCase ? lower(subject) : subject);
    if (pass) this.#passed++;
    return pass;
  }
}

/** General fixes, plus the steps for the user's own app first when we know it. */
export function pickFixes(info: CauseInfo, client: ClientId | null): string[] {
  const known = client !== null && client !== 'other';
  const own = known ? info.fixes.filter((f) => f.client === client) : [];
  const general = info.fixes.filter((f) => f.client === undefined);
  const others = known ? [] : info.fixes.filter((f) => f.client !== undefined);
  return [...own, ...general, ...others].map((f) => f.text);
}
