import type {
  CauseId,
  CauseInfo,
  ClientId,
  CodeEvidence,
  ContextRule,
  PhraseEvidence,
} from '../../content/types.js';
import { extract, type Extracted } from './extract.js';
import { clip, normalizeWords } from './normalize.js';
import { PhraseMatcher } from './phrase-matcher.js';
import { WordModel, type WordCounts } from './word-model.js';

/**
 * The diagnosis engine: hand-written evidence (phrases and codes) and context, plus what the words
 * of real, labelled messages say (WordModel), turned into ranked causes. It knows nothing about any particular error: all of that
 * lives in src/content and reaches it through `Knowledge`.
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
  | { kind: 'phrase'; evidence: PhraseEvidence; phrase: string }
  | { kind: 'code'; code: string; meaning: string }
  | { kind: 'rule'; text: string };

interface Scored {
  score: number;
  reasons: Reason[];
  weights: number[];
}

function describe(reason: Reason): string {
  switch (reason.kind) {
    case 'phrase':
      return reason.evidence.note ?? `"${reason.phrase.replace(/\*/g, '…').replace(/ \.\. /g, ' … ')}"`;
    case 'code':
      return `${reason.code}: ${reason.meaning}`;
    case 'rule':
      return reason.text;
  }
}

export class DiagnosisEngine {
  readonly #knowledge: Knowledge;
  readonly #matcher: PhraseMatcher;
  readonly #words: WordModel;
  readonly #codes: Map<string, CodeEvidence>;
  readonly #causes: Map<CauseId, CauseInfo>;

  readonly #tuning: Tuning;

  constructor(knowledge: Knowledge, tuning: Partial<Tuning> = {}) {
    this.#knowledge = knowledge;
    this.#tuning = { ...DEFAULT_TUNING, ...tuning };
    // Content phrases are validated by the test suite (test/diagnosis/phrase-matcher.test.ts).
    this.#matcher = new PhraseMatcher(knowledge.phrases, { validate: false });
    this.#words = new WordModel(knowledge.words);
    this.#codes = new Map(knowledge.codes.map((c) => [c.code.toUpperCase(), c]));
    this.#causes = new Map(knowledge.causes.map((c) => [c.id, c]));
  }

  diagnose(input: string): Diagnosis {
    const text = clip(input);
    const wordList = normalizeWords(text);
    const words = new Set(wordList);
    const normalized = wordList.join(' ');
    const facts = extract(text, words);
    const scores = new Map<CauseId, Scored>();
    const add = (cause: CauseId, weight: number, reason: Reason | null) => {
      let s = scores.get(cause);
      if (!s) scores.set(cause, (s = { score: 0, reasons: [], weights: [] }));
      s.weights.push(weight);
      if (reason) s.reasons.push(reason);
    };

    let evidenceClient: ClientId | null = null;
    for (const { evidence, phrase } of this.#matcher.match(` ${normalized}`, words)) {
      add(evidence.cause, evidence.weight, evidence.weight > 0 ? { kind: 'phrase', evidence, phrase } : null);
      if (evidence.client && evidence.weight >= 3 && !evidenceClient) evidenceClient = evidence.client;
    }
    for (const code of facts.codes) {
      const known = this.#codes.get(code.toUpperCase());
      if (!known) continue;
      for (const [cause, weight] of Object.entries(known.causes) as [CauseId, number][]) {
        add(cause, weight, { kind: 'code', code, meaning: known.meaning });
      }
      if (known.client && !evidenceClient) evidenceClient = known.client;
    }

    for (const s of scores.values()) {
      // Counter-evidence ("sending quota" is not a full mailbox) subtracts in full.
      const against = s.weights.filter((w) => w < 0).reduce((sum, w) => sum + w, 0);
      s.score = s.weights
        .filter((w) => w > 0)
        .sort((a, b) => b - a)
        .reduce((sum, w, i) => sum + w * this.#tuning.evidenceDecay ** i, against);
    }

    this.#applyContext(scores, facts, text);

    const final = new Map<CauseId, number>();
    for (const [cause, s] of scores) if (s.score > 0) final.set(cause, s.score);
    const anyEvidence = final.size > 0;
    for (const [cause, logOdds] of this.#words.score(wordList)) {
      // "Unknown" examples share no wording (anything that is not a settings problem), so word
      // statistics say nothing for it; only its own evidence (sending limits, …) counts.
      if (cause === 'unknown') continue;
      const hand = final.get(cause);
      const words = this.#tuning.wordWeight * logOdds;
      final.set(cause, hand === undefined ? words - this.#tuning.noEvidencePenalty : hand + words);
    }

    const extracted: Extracted = {
      host: facts.host,
      port: facts.port,
      protocol: facts.protocol,
      client: facts.client === 'other' || facts.client === null ? (evidenceClient ?? facts.client) : facts.client,
      code: facts.code,
      codes: facts.codes,
    };
    return { causes: this.#rank(final, scores, extracted, anyEvidence), extracted };
  }

  #applyContext(scores: Map<CauseId, Scored>, facts: Extracted, text: string): void {
    const boosts: [CauseId, number, string][] = [];
    for (const rule of this.#knowledge.rules) {
      const strongest = Math.max(0, ...rule.from.map((c) => scores.get(c)?.score ?? 0));
      if (strongest === 0) continue;
      const { provider, port, protocol, text: textPattern } = rule.when;
      if (provider && !provider.test(facts.host ?? text)) continue;
      if (port && (facts.port === null || !port.includes(facts.port))) continue;
      if (protocol && (facts.protocol === null || !protocol.includes(facts.protocol))) continue;
      if (textPattern && !textPattern.test(text)) continue;
      for (const [cause, share] of Object.entries(rule.to) as [CauseId, number][]) {
        boosts.push([cause, strongest * share, rule.reason]);
      }
      if (rule.keep !== undefined) {
        for (const cause of rule.from) {
          const s = scores.get(cause);
          if (s && s.score > 0) boosts.push([cause, -s.score * (1 - rule.keep), '']);
        }
      }
    }
    // Boosts are computed from the scores before any rule ran, so rule order never matters.
    for (const [cause, boost, reason] of boosts) {
      let s = scores.get(cause);
      if (!s) scores.set(cause, (s = { score: 0, reasons: [], weights: [] }));
      s.score += boost;
      if (reason) s.reasons.push({ kind: 'rule', text: reason });
    }
  }

  #rank(final: Map<CauseId, number>, scores: Map<CauseId, Scored>, extracted: Extracted, anyEvidence: boolean): RankedCause[] {
    const t = this.#tuning;
    // With no evidence at all, word statistics alone must be clear before a cause is named.
    const baseline = anyEvidence ? t.unknownBaseline : Math.max(t.unknownBaseline, t.wordsOnlyMinimum);
    const unknownScore = Math.max(baseline, final.get('unknown') ?? -Infinity);
    const ranked = [...final]
      .filter(([id]) => id !== 'unknown')
      .sort((a, b) => b[1] - a[1]);
    // Softmax over the named causes and "nothing fits"; scores are shifted for numeric safety.
    const top = Math.max(unknownScore, ranked[0]?.[1] ?? -Infinity);
    const exp = (score: number) => Math.exp((score - top) / t.temperature);
    const total = ranked.reduce((sum, [, score]) => sum + exp(score), exp(unknownScore));
    const confidence = (score: number) => exp(score) / total;

    const out: { id: CauseId; confidence: number }[] = [];
    const best = ranked[0];
    if (!best || best[1] < unknownScore) {
      out.push({ id: 'unknown', confidence: confidence(unknownScore) });
    }
    // When nothing in the text points anywhere, word statistics must stand out to be listed at all.
    const floor = anyEvidence ? t.minConfidence : t.wordsOnlyMinConfidence;
    for (const [id, score] of ranked) {
      if (out.length >= t.maxCauses) break;
      const c = confidence(score);
      // Every cause the text itself points to is listed; word statistics alone add a cause only
      // when it is still worth a look. "Nothing fits" stands alone otherwise.
      const pointedTo = (scores.get(id)?.weights.some((w) => w > 0) ?? false) && score > 0;
      if (out.length > 0 && c < floor && !pointedTo) continue;
      out.push({ id, confidence: c });
    }
    return out.map((r) => this.#present(r.id, r.confidence, scores.get(r.id)?.reasons ?? [], extracted.client));
  }

  #present(id: CauseId, confidence: number, reasons: Reason[], client: ClientId | null): RankedCause {
    const info = this.#causes.get(id);
    if (!info) throw new Error(`no content for cause ${id}`);
    return {
      id,
      confidence: Math.round(confidence * 1000) / 1000,
      title: info.title,
      explanation: info.explanation,
      fixes: pickFixes(info, client),
      evidence: [...new Set(reasons.map(describe))].slice(0, 5),
    };
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
