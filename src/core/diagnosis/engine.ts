import {
  CAUSE_IDS,
  CLIENT_IDS,
  type CauseId,
  type CauseInfo,
  type ClientId,
  type CodeEvidence,
  type ContextRule,
  type PhraseEvidence,
  type Protocol,
} from '../../content/types.js';
import { EXTRACTION_WORDS, extract, type Extracted } from './extract.js';
import { Lexicon } from './lexicon.js';
import { gateIds, LITERALS } from './literal-finder.js';
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

/**
 * Why a cause scored, kept as references and put into words only for the causes shown: a phrase
 * match (the matcher's own object, the same for every text), a known code as the text spells it,
 * or a context rule's reason. No wrapper per reason: a text has a dozen, and most are never shown.
 */
type Reason = PhraseMatch | CodeReason | string;

class CodeReason {
  /** How it is shown: the code as the text spells it, and what it means. */
  readonly label: string;

  constructor(code: string, meaning: string) {
    this.label = `${code}: ${meaning}`;
  }
}

const CAUSES = CAUSE_IDS.length;
const UNKNOWN = CAUSE_IDS.indexOf('unknown');
const CAUSE_INDEX = new Map<CauseId, number>(CAUSE_IDS.map((id, i) => [id, i]));

function causeIndex(id: CauseId): number {
  const i = CAUSE_INDEX.get(id);
  if (i === undefined) throw new Error(`unknown cause ${id}`);
  return i;
}

/** Fixes are kept per cause and client: one slot per client, and one for none. */
const CLIENT_SLOTS = CLIENT_IDS.length + 1;
const CLIENT_SLOT = new Map<ClientId, number>(CLIENT_IDS.map((id, i) => [id, i]));

/** The client's slot, -1 for a client the list lacks (its fixes are then not kept). */
function clientSlot(client: ClientId | null): number {
  return client === null ? CLIENT_IDS.length : (CLIENT_SLOT.get(client) ?? -1);
}

/**
 * A code's evidence with its causes as indexes, so a text's codes cost no object walk, and what
 * the engine reads of it beside them (the entries differ in which optional fields they have).
 */
interface KnownCode {
  meaning: string;
  client: ClientId | null;
  causes: number[];
  weights: number[];
}

/** A known code as one text spelled it, with the reason it gives. */
interface SpelledCode extends KnownCode {
  reason: CodeReason;
}

const MAX_SPELLINGS = 4096;

/**
 * The evidence entry with every field present, in one order. Entries are written with and without
 * `client`, `protocol` and `note`, so a text's matches would reach the engine as objects of a dozen
 * shapes, and reading their fields in the hot loop would go through V8's slowest (megamorphic)
 * property lookup, ~10× the cost of reading one shape.
 */
function sameShape(e: PhraseEvidence): IndexedEvidence {
  return {
    causeIndex: causeIndex(e.cause),
    cause: e.cause,
    phrases: e.phrases,
    weight: e.weight,
    lang: e.lang,
    client: e.client,
    protocol: e.protocol,
    source: e.source,
    note: e.note,
  };
}

/**
 * Evidence as the engine hands it to the matcher: its cause as an index, so a match costs no map
 * lookup. The matcher reports the very objects it was given, so every match's evidence is one.
 */
interface IndexedEvidence extends PhraseEvidence {
  readonly causeIndex: number;
}

/** A context rule read once, so a text costs no destructuring, `Object.entries` or `1 - keep`. */
interface Rule {
  from: number[];
  to: number[];
  shares: number[];
  port: readonly number[] | null;
  protocol: readonly Protocol[] | null;
  /** Indexes into #contextTests, -1 for no such condition. */
  provider: number;
  text: number;
  /** The share of the `from` scores a firing rule takes away (1 - keep); null when they keep all. */
  lose: number | null;
  reason: string;
}

/** A context pattern in one role: providers are tested against the host when there is one. */
interface ContextTest {
  pattern: RegExp;
  gate: PatternTest;
  onHost: boolean;
}

export class DiagnosisEngine {
  readonly #lexicon: Lexicon;
  readonly #tokens: Tokens;
  readonly #matcher: PhraseMatcher;
  readonly #words: WordModel;
  readonly #codes: Map<string, KnownCode>;
  /** Codes as texts spell them (#knownCode). */
  readonly #spelled = new Map<string, SpelledCode | null>();
  readonly #causes: (CauseInfo | undefined)[];
  readonly #rules: Rule[];
  /**
   * Per cause, a bit for each rule with the cause among its `from`, in words of 32 rules
   * (cause * #ruleWords + rule / 32): a text's few positive causes name the rules worth a look.
   */
  readonly #rulesFrom: Int32Array;
  readonly #ruleWords: number;
  readonly #candidates: Int32Array;
  readonly #contextTests: ContextTest[] = [];
  readonly #tuning: Tuning;
  readonly #labels = new Map<PhraseMatch, string>();
  /** Fixes per cause and client (#fixesFor), worked out once. */
  readonly #fixes: (string[] | undefined)[] = new Array<string[] | undefined>(CAUSES * CLIENT_SLOTS);
  /** `evidenceDecay ** i`, as many as a cause has had pieces of evidence so far. */
  readonly #decayPowers: number[] = [];

  // Scratch for one call. Lists are kept with a count and overwritten, never shrunk: setting an
  // array's length is a call into the runtime. A cause enters `#order` when first scored, and
  // that order breaks ties in the ranking.
  /** Evidence weights in the order found, with their causes. */
  readonly #evidenceCause: number[] = [];
  readonly #evidenceWeight: number[] = [];
  #evidenceCount = 0;
  /** Reasons in the order found, with their causes. */
  readonly #reasonCause: number[] = [];
  readonly #reason: Reason[] = [];
  #reasonCount = 0;
  readonly #score = new Float64Array(CAUSES);
  readonly #scored = new Uint8Array(CAUSES);
  /** Whether the text itself points to the cause (some positive evidence weight). */
  readonly #pointedTo = new Uint8Array(CAUSES);
  readonly #order = new Int32Array(CAUSES);
  #orderCount = 0;
  /** Whether the cause's score is positive after the context rules: its evidence counts. */
  readonly #positive = new Uint8Array(CAUSES);
  readonly #wordScores = new Float64Array(CAUSES);
  /**
   * The causes the word model speaks for, in index order. "Unknown" examples share no wording
   * (anything that is not a settings problem), so word statistics say nothing for it; only its
   * own evidence (sending limits, …) counts.
   */
  readonly #wordCauses: Int32Array;
  readonly #isWordCause = new Uint8Array(CAUSES);
  readonly #sorted: number[] = [];
  /** The ranked causes, best first, with their final scores and softmax terms by rank. */
  readonly #ranked = new Int32Array(CAUSES);
  readonly #rankedScore = new Float64Array(CAUSES);
  /** Whether any cause had positive evidence; "unknown"'s final score, -Infinity for none. */
  #anyEvidence = false;
  #unknownFinal = -Infinity;
  readonly #exps = new Float64Array(CAUSES);
  // Boosts of the context rules, side by side: cause, amount, reason ('' for none).
  readonly #boostCause: number[] = [];
  readonly #boostAmount: number[] = [];
  readonly #boostReason: string[] = [];
  /** Per context test, the call that last tested it, and whether it held then. */
  readonly #testedIn: Uint32Array;
  readonly #held: Uint8Array;
  #call = 0;

  /**
   * `tables`: `knowledge` already compiled (src/content/engine-tables.generated.ts), which spares a
   * fresh process the work. Its word model stands in for `knowledge.words`; its phrases are used
   * only when they are exactly `knowledge.phrases`, else those are compiled here.
   */
  constructor(knowledge: Knowledge, tuning: Partial<Tuning> = {}, tables?: EngineTables) {
    this.#tuning = { ...DEFAULT_TUNING, ...tuning };
    const lexicon = tables ? Lexicon.fromWords(tables.lexicon, tables.hashes) : new Lexicon();
    // Content phrases are validated by the test suite (test/diagnosis/phrase-matcher.test.ts).
    this.#matcher = new PhraseMatcher(knowledge.phrases.map(sameShape), lexicon, { validate: false, tables: tables?.phrases });
    this.#words = new WordModel(tables ? tables.words : knowledge.words, lexicon);
    this.#wordCauses = Int32Array.from(CAUSE_IDS.keys()).filter((c) => c !== UNKNOWN && this.#words.knows(c));
    for (const c of this.#wordCauses) this.#isWordCause[c] = 1;
    for (const w of EXTRACTION_WORDS) lexicon.add(w);
    this.#lexicon = lexicon;
    this.#tokens = new Tokens(lexicon);
    this.#codes = new Map(
      knowledge.codes.map((c) => [
        c.code.toUpperCase(),
        {
          meaning: c.meaning,
          client: c.client ?? null,
          causes: (Object.keys(c.causes) as CauseId[]).map(causeIndex),
          weights: Object.values(c.causes),
        },
      ]),
    );
    this.#causes = CAUSE_IDS.map((id) => knowledge.causes.find((c) => c.id === id));
    this.#rules = knowledge.rules.map((rule) => this.#compileRule(rule));
    this.#ruleWords = Math.ceil(this.#rules.length / 32);
    this.#rulesFrom = new Int32Array(CAUSES * this.#ruleWords);
    this.#candidates = new Int32Array(this.#ruleWords);
    this.#rules.forEach((rule, r) => {
      for (const c of rule.from) {
        const i = c * this.#ruleWords + (r >>> 5);
        this.#rulesFrom[i] = (this.#rulesFrom[i] as number) | (1 << (r & 31));
      }
    });
    this.#testedIn = new Uint32Array(this.#contextTests.length);
    this.#held = new Uint8Array(this.#contextTests.length);
  }

  /**
   * What the engine knows of `code` as the text spells it, with its reason ready: codes recur from
   * text to text, and upper-casing one and making its reason cost more than the rest of its use.
   */
  #knownCode(code: string): SpelledCode | null {
    let spelled = this.#spelled.get(code);
    if (spelled === undefined) {
      const known = this.#codes.get(code.toUpperCase());
      spelled = known ? { ...known, reason: new CodeReason(code, known.meaning) } : null;
      // Bounded: a paste of thousands of made-up codes must not grow memory without limit.
      if (this.#spelled.size >= MAX_SPELLINGS) this.#spelled.clear();
      this.#spelled.set(code, spelled);
    }
    return spelled;
  }

  #compileRule(rule: ContextRule): Rule {
    const to = Object.entries(rule.to) as [CauseId, number][];
    const { provider, port, protocol, text } = rule.when;
    return {
      from: rule.from.map(causeIndex),
      to: to.map(([id]) => causeIndex(id)),
      shares: to.map(([, share]) => share),
      port: port ?? null,
      protocol: protocol ?? null,
      provider: provider ? this.#contextTest(provider, true) : -1,
      text: text ? this.#contextTest(text, false) : -1,
      lose: rule.keep === undefined ? null : 1 - rule.keep,
      reason: rule.reason,
    };
  }

  /** The index of `pattern`'s test in its role; rules sharing a pattern share its verdict. */
  #contextTest(pattern: RegExp, onHost: boolean): number {
    const tests = this.#contextTests;
    const i = tests.findIndex((t) => t.pattern === pattern && t.onHost === onHost);
    if (i >= 0) return i;
    const gate = tests.find((t) => t.pattern === pattern)?.gate ?? new PatternTest(pattern);
    return tests.push({ pattern, gate, onHost }) - 1;
  }

  /** What this engine compiled its knowledge to, for scripts/build-engine-tables.ts. */
  tables(): EngineTables {
    return tablesOf(this.#lexicon, this.#matcher.tables(), this.#words.tables());
  }

  /** Enters `cause` into the scored causes, in the order first scored. */
  #touch(cause: number): void {
    if (this.#scored[cause] === 0) {
      this.#scored[cause] = 1;
      this.#order[this.#orderCount++] = cause;
    }
  }

  #add(cause: number, weight: number, reason: Reason | null): void {
    this.#touch(cause);
    this.#evidenceCause[this.#evidenceCount] = cause;
    this.#evidenceWeight[this.#evidenceCount++] = weight;
    if (weight > 0) this.#pointedTo[cause] = 1;
    if (reason !== null) this.#addReason(cause, reason);
  }

  #addReason(cause: number, reason: Reason): void {
    this.#reasonCause[this.#reasonCount] = cause;
    this.#reason[this.#reasonCount++] = reason;
  }

  #reset(): void {
    for (let i = 0; i < this.#orderCount; i++) {
      const c = this.#order[i] as number;
      this.#scored[c] = 0;
      this.#pointedTo[c] = 0;
      this.#positive[c] = 0;
      this.#score[c] = 0;
    }
    this.#orderCount = 0;
    this.#evidenceCount = 0;
    this.#reasonCount = 0;
  }

  diagnose(input: string): Diagnosis {
    const text = clip(input);
    const tokens = this.#tokens;
    tokens.read(text);
    const facts = extract(text, tokens.wordSet);
    this.#reset();

    let evidenceClient: ClientId | null = null;
    const matches = this.#matcher.match(tokens);
    for (let i = 0; i < matches.length; i++) {
      const match = matches[i] as PhraseMatch;
      const evidence = match.evidence;
      this.#add((evidence as IndexedEvidence).causeIndex, evidence.weight, evidence.weight > 0 ? match : null);
      if (evidence.client && evidence.weight >= 3 && !evidenceClient) evidenceClient = evidence.client;
    }
    for (const code of facts.codes) {
      const known = this.#knownCode(code);
      if (known === null) continue;
      const reason = known.reason;
      for (let k = 0; k < known.causes.length; k++) this.#add(known.causes[k] as number, known.weights[k] as number, reason);
      if (known.client !== null && !evidenceClient) evidenceClient = known.client;
    }

    for (let i = 0; i < this.#orderCount; i++) {
      const c = this.#order[i] as number;
      this.#score[c] = this.#evidenceScore(c);
    }

    this.#applyContext(facts, text);
    const count = this.#rankCauses(this.#words.score(tokens, this.#wordScores));

    const extracted: Extracted = {
      host: facts.host,
      port: facts.port,
      protocol: facts.protocol,
      client: facts.client === 'other' || facts.client === null ? (evidenceClient ?? facts.client) : facts.client,
      code: facts.code,
      codes: facts.codes,
    };
    return { causes: this.#rank(count, extracted.client), extracted };
  }

  /**
   * One cause's score from its evidence weights. Counter-evidence ("sending quota" is not a full
   * mailbox) subtracts in full; each further piece of evidence adds less, the strongest first.
   * The few weights are sorted by insertion, and the additions keep their order: scores must not
   * move by a rounding.
   */
  #evidenceScore(cause: number): number {
    let score = 0;
    const sorted = this.#sorted;
    const causes = this.#evidenceCause;
    const weights = this.#evidenceWeight;
    let n = 0;
    for (let k = 0; k < this.#evidenceCount; k++) {
      if (causes[k] !== cause) continue;
      const w = weights[k] as number;
      if (w < 0) score += w;
      else if (w > 0) {
        let j = n++;
        for (; j > 0 && (sorted[j - 1] as number) < w; j--) sorted[j] = sorted[j - 1] as number;
        sorted[j] = w;
      }
    }
    const powers = this.#decayPowers;
    for (let i = powers.length; i < n; i++) powers.push(this.#tuning.evidenceDecay ** i);
    for (let i = 0; i < n; i++) score += (sorted[i] as number) * (powers[i] as number);
    return score;
  }

  #applyContext(facts: Extracted & { read: string }, text: string): void {
    // Verdicts are stamped with the call; before the stamp wraps around, every one is cleared.
    if (this.#call === 0xffffffff) {
      this.#testedIn.fill(0);
      this.#call = 0;
    }
    this.#call++;
    const score = this.#score;
    const boostCause = this.#boostCause;
    const boostAmount = this.#boostAmount;
    const boostReason = this.#boostReason;
    // A rule does anything only when one of its `from` causes has a positive score, and only
    // scored causes have one: their rules, in rule order, are the candidates.
    const words = this.#ruleWords;
    const candidates = this.#candidates;
    candidates.fill(0);
    let any = 0;
    for (let i = 0; i < this.#orderCount; i++) {
      const c = this.#order[i] as number;
      if ((score[c] as number) <= 0) continue;
      for (let w = 0; w < words; w++) {
        const bits = (candidates[w] as number) | (this.#rulesFrom[c * words + w] as number);
        candidates[w] = bits;
        any |= bits;
      }
    }
    if (any === 0) return;
    let boosts = 0;
    for (let w = 0; w < words; w++) {
      for (let bits = candidates[w] as number; bits !== 0; bits &= bits - 1) {
        boosts = this.#applyRule(this.#rules[w * 32 + 31 - Math.clz32(bits & -bits)] as Rule, facts, text, boosts);
      }
    }
    // Boosts are computed from the scores before any rule ran, so rule order never matters.
    for (let k = 0; k < boosts; k++) {
      const cause = boostCause[k] as number;
      this.#touch(cause);
      score[cause] = (score[cause] as number) + (boostAmount[k] as number);
      const reason = boostReason[k] as string;
      if (reason !== '') this.#addReason(cause, reason);
    }
  }

  /** Adds `rule`'s boosts after the first `boosts` when it fires, and says how many there are. */
  #applyRule(rule: Rule, facts: Extracted & { read: string }, text: string, boosts: number): number {
    const score = this.#score;
    const boostCause = this.#boostCause;
    const boostAmount = this.#boostAmount;
    const boostReason = this.#boostReason;
    const from = rule.from;
    // The cheap conditions first; a pattern shared by rules is run once per text.
    if (rule.port !== null && (facts.port === null || !rule.port.includes(facts.port))) return boosts;
    if (rule.protocol !== null && (facts.protocol === null || !rule.protocol.includes(facts.protocol))) return boosts;
    if (rule.provider >= 0 && !this.#holds(rule.provider, facts.host, text, facts.read)) return boosts;
    if (rule.text >= 0 && !this.#holds(rule.text, facts.host, text, facts.read)) return boosts;
    let strongest = 0;
    for (let k = 0; k < from.length; k++) if ((score[from[k] as number] as number) > strongest) strongest = score[from[k] as number] as number;
    for (let k = 0; k < rule.to.length; k++) {
      boostCause[boosts] = rule.to[k] as number;
      boostAmount[boosts] = strongest * (rule.shares[k] as number);
      boostReason[boosts++] = rule.reason;
    }
    if (rule.lose !== null) {
      for (let k = 0; k < from.length; k++) {
        const c = from[k] as number;
        if (this.#scored[c] === 1 && (score[c] as number) > 0) {
          boostCause[boosts] = c;
          boostAmount[boosts] = -(score[c] as number) * rule.lose;
          boostReason[boosts++] = '';
        }
      }
    }
    return boosts;
  }

  /** Whether context test `i` holds for this text, worked out once per text. */
  #holds(i: number, host: string | null, text: string, read: string): boolean {
    if (this.#testedIn[i] !== this.#call) {
      const { pattern, gate, onHost } = this.#contextTests[i] as ContextTest;
      const subject = onHost ? (host ?? text) : text;
      // A host is a few characters: the pattern costs less than looking for its strings.
      this.#held[i] = (subject !== text || gate.mayMatch(read)) && pattern.test(subject) ? 1 : 0;
      this.#testedIn[i] = this.#call;
    }
    return this.#held[i] === 1;
  }


  /** The answer's causes from the `count` ranked ones (#rankCauses). */
  #rank(count: number, client: ClientId | null): RankedCause[] {
    const t = this.#tuning;
    const anyEvidence = this.#anyEvidence;
    // With no evidence at all, word statistics alone must be clear before a cause is named.
    const baseline = anyEvidence ? t.unknownBaseline : Math.max(t.unknownBaseline, t.wordsOnlyMinimum);
    const unknownScore = Math.max(baseline, this.#unknownFinal);
    const ranked = this.#ranked;
    const scores = this.#rankedScore;
    // Softmax over the named causes and "nothing fits"; scores are shifted for numeric safety.
    const bestScore = count > 0 ? (scores[0] as number) : -Infinity;
    const top = Math.max(unknownScore, bestScore);
    const temperature = t.temperature;
    const exps = this.#exps;
    const unknownExp = Math.exp((unknownScore - top) / temperature);
    let total = unknownExp;
    for (let i = 0; i < count; i++) total += exps[i] = Math.exp(((scores[i] as number) - top) / temperature);

    const slot = clientSlot(client);
    const out: RankedCause[] = [];
    if (count === 0 || bestScore < unknownScore) out.push(this.#present(UNKNOWN, unknownExp / total, slot, client));
    // When nothing in the text points anywhere, word statistics must stand out to be listed at all.
    const floor = anyEvidence ? t.minConfidence : t.wordsOnlyMinConfidence;
    for (let i = 0; i < count && out.length < t.maxCauses; i++) {
      const c = ranked[i] as number;
      const p = (exps[i] as number) / total;
      // Every cause the text itself points to is listed; word statistics alone add a cause only
      // when it is still worth a look. "Nothing fits" stands alone otherwise.
      const pointedTo = this.#pointedTo[c] === 1 && (scores[i] as number) > 0;
      if (out.length > 0 && p < floor && !pointedTo) continue;
      out.push(this.#present(c, p, slot, client));
    }
    return out;
  }

  /**
   * Works out the final scores and puts every cause with one but "unknown" into #ranked, best
   * first, its score into #rankedScore, and says how many; "unknown"'s goes to #unknownFinal.
   * A cause's positive evidence score counts, plus what the words say (`withWords`: the word
   * model scored this text into #wordScores); a cause without has the words' alone.
   */
  #rankCauses(withWords: boolean): number {
    const score = this.#score;
    const positive = this.#positive;
    const wordScores = this.#wordScores;
    const { wordWeight, noEvidencePenalty } = this.#tuning;
    let count = 0;
    this.#anyEvidence = false;
    this.#unknownFinal = -Infinity;
    for (let i = 0; i < this.#orderCount; i++) {
      const c = this.#order[i] as number;
      const evidence = score[c] as number;
      if (!(evidence > 0)) continue;
      positive[c] = 1;
      this.#anyEvidence = true;
      if (c === UNKNOWN) this.#unknownFinal = evidence;
      else count = this.#insert(count, c, withWords && this.#isWordCause[c] === 1 ? evidence + wordWeight * (wordScores[c] as number) : evidence);
    }
    if (withWords) {
      const wordCauses = this.#wordCauses;
      for (let i = 0; i < wordCauses.length; i++) {
        const c = wordCauses[i] as number;
        if (positive[c] === 0) count = this.#insert(count, c, wordWeight * (wordScores[c] as number) - noEvidencePenalty);
      }
    }
    return count;
  }

  /**
   * Inserts `cause` with `score` among the `count` ranked ones and says how many there are now.
   * Equal scores keep the order of insertion: the order in which causes were first scored, those
   * with evidence before the words' alone (a stable insertion sort: there are a few dozen at most).
   */
  #insert(count: number, cause: number, score: number): number {
    const ranked = this.#ranked;
    const scores = this.#rankedScore;
    let j = count;
    for (; j > 0 && (scores[j - 1] as number) < score; j--) {
      ranked[j] = ranked[j - 1] as number;
      scores[j] = scores[j - 1] as number;
    }
    ranked[j] = cause;
    scores[j] = score;
    return count + 1;
  }

  #present(cause: number, confidence: number, slot: number, client: ClientId | null): RankedCause {
    const info = this.#causes[cause];
    if (!info) throw new Error(`no content for cause ${CAUSE_IDS[cause]}`);
    return {
      id: info.id,
      confidence: Math.round(confidence * 1000) / 1000,
      title: info.title,
      explanation: info.explanation,
      fixes: this.#fixesFor(cause, info, slot, client),
      evidence: this.#evidence(cause),
    };
  }

  /** The first five distinct descriptions of what pointed to `cause`, in the order found. */
  #evidence(cause: number): string[] {
    const out: string[] = [];
    for (let k = 0; k < this.#reasonCount; k++) {
      if (this.#reasonCause[k] !== cause) continue;
      const label = this.#describe(this.#reason[k] as Reason);
      if (out.includes(label)) continue;
      if (out.push(label) === 5) break;
    }
    return out;
  }

  /** `slot`: clientSlot(client). */
  #fixesFor(cause: number, info: CauseInfo, slot: number, client: ClientId | null): string[] {
    if (slot < 0) return pickFixes(info, client);
    const i = cause * CLIENT_SLOTS + slot;
    let fixes = this.#fixes[i];
    if (fixes === undefined) this.#fixes[i] = fixes = pickFixes(info, client);
    // A copy: the answer is the caller's to change.
    return fixes.slice();
  }

  #describe(reason: Reason): string {
    if (typeof reason === 'string') return reason;
    if (reason instanceof CodeReason) return reason.label;
    let label = this.#labels.get(reason);
    if (label === undefined) {
      const { evidence, phrase } = reason;
      label = evidence.note ?? `"${phrase.replace(/\*/g, '…').replace(/ \.\. /g, ' … ')}"`;
      this.#labels.set(reason, label);
    }
    return label;
  }
}

/**
 * A context pattern with the strings one of which its every match contains (literals.ts): most
 * texts hold none ("gmail", "://", "2fa"), and all gates' strings are found in one pass over the
 * text (LiteralFinder), which costs a fraction of running the patterns over it.
 */
class PatternTest {
  readonly #strings: Int32Array | null;

  constructor(pattern: RegExp) {
    this.#strings = gateIds(pattern);
  }

  /**
   * False only when the pattern cannot match the text `read` was made from (the extractor's copy,
   * blank runs collapsed): every match holds one of the strings, ASCII letters in either case, and
   * each survives the collapsing as it is (literals.ts).
   */
  mayMatch(read: string): boolean {
    return this.#strings === null || LITERALS.holdsAny(read, this.#strings);
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
