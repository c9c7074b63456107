import type { Session } from './session.js';
import type { CheckSpec, StarttlsInfo, TlsInfo } from './types.js';

/** What a protocol dialogue found; it fills this as it goes, so a failure keeps what came before. */
export interface DialogueFacts {
  greeting: string | null;
  capabilities: string[];
  authMechanisms: string[];
  starttls: StarttlsInfo | null;
  /** The TLS facts after STARTTLS, when there was one. */
  tls: TlsInfo | null;
  notes: string[];
}

/** One protocol's conversation: greeting, capabilities, STARTTLS where the port wants it, goodbye. */
export type Dialogue = (session: Session, spec: CheckSpec, facts: DialogueFacts) => Promise<void>;

/** A server that lists thousands of capabilities is not telling us anything more. */
export const MAX_CAPABILITIES = 200;
/** Multi-line answers longer than this are cut off: a real server's capability list is short. */
export const MAX_RESPONSE_LINES = 500;

export function newFacts(): DialogueFacts {
  return { greeting: null, capabilities: [], authMechanisms: [], starttls: null, tls: null, notes: [] };
}
