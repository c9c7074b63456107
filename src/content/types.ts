/**
 * Types for emailhelp's knowledge. Everything in src/content is plain typed data: adding an error
 * string, a fix or a topic is adding an entry, never code.
 */

/** Cause ids are public interface (../shared/spec/causes.md): never rename one. */
export const CAUSE_IDS = [
  'auth_failed',
  'app_password_required',
  'oauth_required',
  'protocol_disabled',
  'security_block',
  'host_not_found',
  'connection_refused',
  'timeout',
  'tls_mismatch',
  'certificate_problem',
  'plaintext_auth_disabled',
  'connection_limit',
  'quota_exceeded',
  'server_error',
  'pop_removes_from_server',
  'folder_sync',
  'smtp_auth_required',
  'recipient_rejected',
  'unknown',
] as const;
export type CauseId = (typeof CAUSE_IDS)[number];

export const CLIENT_IDS = [
  'outlook',
  'apple_mail',
  'ios_mail',
  'thunderbird',
  'gmail',
  'windows_mail',
  'android',
  'other',
] as const;
export type ClientId = (typeof CLIENT_IDS)[number];

export type Protocol = 'imap' | 'pop3' | 'smtp';

/** One step the reader can take. A fix tied to a client names that client's real menu path. */
export interface Fix {
  text: string;
  /** Shown only when the error came from this client (or when the client is not known). */
  client?: ClientId;
}

export interface CauseInfo {
  id: CauseId;
  /** Short, plain title (≤ 80 characters). */
  title: string;
  /** What is going on, in words the person with the problem understands (2–4 sentences). */
  explanation: string;
  /** What the helpdesk engineer should check or know (1–3 sentences). */
  engineerNote: string;
  /** Ordered: the most likely fix first. */
  fixes: Fix[];
  /** Where the facts come from: RFC sections, vendor help pages. */
  sources: string[];
}

export interface Topic {
  /** The name used on the command line: `emailhelp explain <id>`. */
  id: string;
  title: string;
  /** Plain text, paragraphs separated by blank lines; lists as lines starting with "- ". */
  text: string;
  /** Other words users type for this topic ("pop", "imap", "ssl", "tls", …). */
  aliases: string[];
  sources: string[];
}

export type Lang = 'en' | 'de' | 'es' | 'fr' | 'pt' | 'it';

/**
 * Words that point to a cause. `phrases` use a small pattern language over normalised text
 * (lower case, no accents, punctuation dropped):
 * - words separated by spaces must follow each other;
 * - ` .. ` lets up to four other words sit in between, and splits the phrase into parts;
 * - within a part, `a b|c d` offers alternatives ("a b" or "c d"): `password .. incorrect|not accepted`;
 * - `(a|b c)` offers alternatives for one place inside a part: "(could not|unable to) connect";
 * - `word*` matches any ending ("refus*" → refused, refusee).
 */
export interface PhraseEvidence {
  cause: CauseId;
  phrases: string[];
  /**
   * 1 = a hint, 2 = typical wording, 3 = the cause's own error string, 4 = decisive on its own.
   * Negative: counter-evidence ("sending quota" speaks against a full mailbox).
   */
  weight: number;
  lang: Lang;
  /** The app whose message this is, when the wording is that app's own. */
  client?: ClientId;
  protocol?: Protocol;
  source: string;
  /** Shown with the diagnosis when this evidence matched: a fact the generic explanation lacks. */
  note?: string;
}

/** What one error code says. Codes are matched case-insensitively, exactly as extracted. */
export interface CodeEvidence {
  code: string;
  causes: Partial<Record<CauseId, number>>;
  meaning: string;
  client?: ClientId;
  protocol?: Protocol;
  source: string;
}

/** A real message, labelled: the catalog that similarity ranking compares new text with. */
export interface Example {
  text: string;
  cause: CauseId;
  client: ClientId | null;
  lang: Lang;
  source: string;
}

/**
 * Where the situation changes the odds: the same "authentication failed" means an app password at
 * Gmail and OAuth at Microsoft 365 far more often than a typo. When the condition holds and one of
 * the `from` causes has evidence, each `to` cause gains that share of the strongest `from` score.
 */
export interface ContextRule {
  id: string;
  from: CauseId[];
  when: {
    /** Tested against the extracted host, or the raw text when no host was extracted. */
    provider?: RegExp;
    port?: number[];
    protocol?: Protocol[];
    /** Tested against the raw text. */
    text?: RegExp;
  };
  to: Partial<Record<CauseId, number>>;
  /** The share of the `from` causes' own score they keep when the rule fires (1 when absent). */
  keep?: number;
  reason: string;
  source: string;
}

/**
 * How often each term appears in the catalog's messages of each cause: everything the diagnosis
 * engine's word model is computed from. Counted by scripts/build-examples.ts into
 * src/content/word-counts.ts, so that starting the program does not re-read the whole catalog.
 */
export interface WordCounts {
  /** The cause order of `counts` (CAUSE_IDS when counted). */
  causes: readonly CauseId[];
  /** Terms counted per cause, over all terms (kept ones or not). */
  termsPerCause: number[];
  /** Kept stems. */
  stems: string[];
  /** Kept pairs of adjacent stems, flat: [first stem's index, second stem's index, …]. */
  pairs: number[];
  /** For each stem, then each pair, a flat list of [cause index, number of messages, …]. */
  counts: number[][];
}
