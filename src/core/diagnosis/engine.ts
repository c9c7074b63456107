import type {
  CauseId,
  CauseInfo,
  ClientId,
  CodeEvidence,
  ContextRule,
  Example,
  PhraseEvidence,
} from '../../content/types.js';
import { extract, type Extracted } from './extract.js';
import { clip, normalize } from './normalize.js';
import { PhraseMatcher } from './phrase-matcher.js';
import { ExampleIndex } from './similarity.js';

/**
 * The diagnosis engine: evidence (phrases and codes) plus similarity to real examples plus
 * context, turned into ranked causes. It knows nothing about any particular error: all of that
 * lives in src/content and reaches it through `Knowledge`.
 */

export interface Knowledge {
  causes: readonly CauseInfo[];
  phrases: readonly PhraseEvidence[];
  codes: readonly CodeEvidence[];
  examples: readonly Example[];
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

// Tuned on the development collection (never on the held-out set); see docs/diagnosis.md.
const TUNING = {
  /** Each further piece of evidence for one cause adds less: the 2nd counts half, the 3rd a quarter. */
  evidenceDecay: 0.5,
  neighbours: 7,
  /** Similarity below this is noise (shared common words). */
  minSimilarity: 0.18,
  similarityWeight: 4,
  /** Softmax temperature over scores; higher spreads confidence over more causes. */
  temperature: 1.3,
  /** The score "nothing fits" starts with; a cause must beat it to be named. */
  unknownBaseline: 1.6,
  maxCauses: 5,
  minConfidence: 0.04,
} as const;

interface Scored {
  score: number;
  evidence: string[];
  weights: number[];
}

export class DiagnosisEngine {
  readonly #knowledge: Knowledge;
  readonly #matcher: PhraseMatcher;
  readonly #index: ExampleIndex;
  readonly #codes: Map<string, CodeEvidence>;
  readonly #causes: Map<CauseId, CauseInfo>;

  constructor(knowledge: Knowledge) {
    this.#knowledge = knowledge;
    this.#matcher = new PhraseMatcher(knowledge.phrases);
    this.#index = new ExampleIndex(knowledge.examples);
    this.#codes = new Map(knowledge.codes.map((c) => [c.code.toUpperCase(), c]));
    this.#causes = new Map(knowledge.causes.map((c) => [c.id, c]));
  }

  diagnose(input: string): Diagnosis {
    const text = clip(input);
    const facts = extract(text);
    const normalized = normalize(text);
    const words = new Set(normalized.split(' '));
    const scores = new Map<CauseId, Scored>();
    const add = (cause: CauseId, weight: number, why: string) => {
      const s = scores.get(cause) ?? { score: 0, evidence: [], weights: [] };
      s.weights.push(weight);
      if (why && !s.evidence.includes(why)) s.evidence.push(why);
      scores.set(cause, s);
    };

    let evidenceClient: ClientId | null = null;
    for (const { evidence, phrase } of this.#matcher.match(` ${normalized}`, words)) {
      if (evidence.weight > 0) add(evidence.cause, evidence.weight, evidence.note ?? `"${phrase.replace(/\*/g, '…').replace(/ \.\. /g, ' … ')}"`);
      else add(evidence.cause, evidence.weight, '');
      if (evidence.client && evidence.weight >= 3 && !evidenceClient) evidenceClient = evidence.client;
    }
    for (const code of facts.codes) {
      const known = this.#codes.get(code.toUpperCase());
      if (!known) continue;
      for (const [cause, weight] of Object.entries(known.causes) as [CauseId, number][]) {
        add(cause, weight, `${code}: ${known.meaning}`);
      }
      if (known.client && !evidenceClient) evidenceClient = known.client;
    }

    for (const s of scores.values()) {
      // Counter-evidence ("sending quota" is not a full mailbox) subtracts in full.
      const against = s.weights.filter((w) => w < 0).reduce((sum, w) => sum + w, 0);
      s.score = s.weights
        .filter((w) => w > 0)
        .sort((a, b) => b - a)
        .reduce((sum, w, i) => sum + w * TUNING.evidenceDecay ** i, against);
    }

    for (const n of this.#index.nearest(normalized, TUNING.neighbours)) {
      if (n.similarity < TUNING.minSimilarity) continue;
      const s = scores.get(n.example.cause) ?? { score: 0, evidence: [], weights: [] };
      s.score += TUNING.similarityWeight * n.similarity * n.similarity;
      if (n.similarity > 0.5 && s.evidence.length < 4) s.evidence.push(`like a known ${n.example.source.split(/[:#]/)[0]} message`);
      scores.set(n.example.cause, s);
      if (n.similarity > 0.8 && !evidenceClient && n.example.client && n.example.client !== 'other') {
        evidenceClient = n.example.client;
      }
    }

    this.#applyContext(scores, facts, text);

    const extracted: Extracted = {
      host: facts.host,
      port: facts.port,
      protocol: facts.protocol,
      client: facts.client === 'other' || facts.client === null ? (evidenceClient ?? facts.client) : facts.client,
      code: facts.code,
      codes: facts.codes,
    };
    return { causes: this.#rank(scores, extracted), extracted };
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
    }
    // Boosts are computed from the scores before any rule ran, so rule order never matters.
    for (const [cause, boost, reason] of boosts) {
      const s = scores.get(cause) ?? { score: 0, evidence: [], weights: [] };
      s.score += boost;
      if (!s.evidence.includes(reason)) s.evidence.push(reason);
      scores.set(cause, s);
    }
  }

  #rank(scores: Map<CauseId, Scored>, extracted: Extracted): RankedCause[] {
    const candidates = [...scores].filter(([, s]) => s.score > 0);
    const unknownScore = Math.max(TUNING.unknownBaseline, scores.get('unknown')?.score ?? 0);
    const exp = (score: number) => Math.exp(score / TUNING.temperature);
    const total = candidates.reduce((sum, [id, s]) => sum + (id === 'unknown' ? 0 : exp(s.score)), exp(unknownScore));
    const ranked = candidates
      .filter(([id]) => id !== 'unknown')
      .map(([id, s]) => ({ id, confidence: exp(s.score) / total, evidence: s.evidence, score: s.score }))
      .sort((a, b) => b.score - a.score);

    const unknownConfidence = exp(unknownScore) / total;
    const best = ranked[0];
    const out: { id: CauseId; confidence: number; evidence: string[] }[] = [];
    if (!best || best.score < unknownScore) {
      out.push({ id: 'unknown', confidence: unknownConfidence, evidence: scores.get('unknown')?.evidence ?? [] });
    }
    // "Nothing fits" stands alone; when unknown won only narrowly, the runners-up still help.
    if (best && best.score >= unknownScore * 0.6) {
      for (const r of ranked) {
        if (out.length >= TUNING.maxCauses) break;
        if (out.length > 0 && r.confidence < TUNING.minConfidence) break;
        out.push(r);
      }
    }
    return out.map((r) => this.#present(r.id, r.confidence, r.evidence, extracted.client));
  }

  #present(id: CauseId, confidence: number, evidence: string[], client: ClientId | null): RankedCause {
    const info = this.#causes.get(id);
    if (!info) throw new Error(`no content for cause ${id}`);
    return {
      id,
      confidence: Math.round(confidence * 1000) / 1000,
      title: info.title,
      explanation: info.explanation,
      fixes: pickFixes(info, client),
      evidence: evidence.slice(0, 5),
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
