import type { Diagnosis } from '../diagnosis/index.js';
import type { Explanation } from '../explain.js';
import type { ProbeReport } from '../probe/index.js';
import type { SettingsAnswer } from '../settings/types.js';
import type { Ask } from './ask.js';

/**
 * One answer, built once and rendered by each surface: Block Kit in Slack, text in the console.
 * It holds facts, never markup; the renderers decide how they look and keep within their limits.
 */

export type AnswerKind = 'diagnosis' | 'settings' | 'probe' | 'explanation' | 'help' | 'problem';

/** Something the reader can do next: a button in Slack, a numbered choice in the console. */
export type FollowUp =
  /** Ask emailhelp something else ("Probe imap.example.com", "POP or IMAP?"). */
  | { kind: 'ask'; label: string; ask: Ask }
  /** The opt-in, read-only login test against a server (only offered when it is enabled). */
  | { kind: 'login'; label: string; host: string; protocol: 'imap' | 'pop3' | 'smtp'; port: number }
  /** "Did this fix it?" after a diagnosis. */
  | { kind: 'feedback'; causeId: string }
  /** The provider's own help page, from emailhelp's bundled data (never from an online answer). */
  | { kind: 'link'; label: string; url: string };

export interface HelpSection {
  heading: string;
  /** Each line a command and what it does, or a sentence. */
  lines: string[];
}

export interface HelpPage {
  title: string;
  sections: HelpSection[];
}

export interface Answer {
  kind: AnswerKind;
  /** What was asked, as parsed; a follow-up can repeat it. */
  ask: Ask | null;
  diagnosis: Diagnosis | null;
  settings: SettingsAnswer | null;
  probe: ProbeReport | null;
  /** Why a probe that would have helped did not run: a limit was reached, the input was not a server. */
  probeNote: string | null;
  explanation: Explanation | null;
  help: HelpPage | null;
  /** The request could not be carried out; says how to ask instead. */
  problem: string | null;
  followUps: FollowUp[];
}

export function emptyAnswer(kind: AnswerKind, ask: Ask | null): Answer {
  return { kind, ask, diagnosis: null, settings: null, probe: null, probeNote: null, explanation: null, help: null, problem: null, followUps: [] };
}
