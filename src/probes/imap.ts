import { MAX_CAPABILITIES, MAX_RESPONSE_LINES, type Dialogue } from './dialogue.js';
import { ProbeError } from './probe-error.js';
import type { Session } from './session.js';
import type { Stage } from './types.js';

/**
 * IMAP (RFC 9051 / RFC 3501): greeting, CAPABILITY, STARTTLS then CAPABILITY again on a plain
 * port, LOGOUT. LOGINDISABLED (RFC 3501 §6.2.3) before TLS is expected; without STARTTLS it means
 * no client can ever log in here.
 */
export const imapDialogue: Dialogue = async (session, spec, facts) => {
  const greeting = await session.readLine('greeting');
  facts.greeting = greeting.slice(0, 300);
  if (/^\* BYE\b/i.test(greeting)) throw new ProbeError('SERVER_BYE', 'greeting', `the server refused the connection: ${greeting.slice(0, 200)}`);
  if (!/^\* (OK|PREAUTH)\b/i.test(greeting)) throw new ProbeError('BAD_GREETING', 'greeting', `not an IMAP greeting: ${printable(greeting)}`);

  let caps = await capability(session, 'a1', 'capability');
  if (spec.security === 'starttls') {
    const offered = caps.includes('STARTTLS');
    facts.starttls = { offered, capabilitiesBefore: caps };
    if (!offered) {
      facts.capabilities = caps;
      facts.notes.push(caps.includes('LOGINDISABLED') ? 'LOGINDISABLED_WITHOUT_STARTTLS' : 'NO_STARTTLS');
      session.close('a9 LOGOUT');
      return;
    }
    session.send('a2 STARTTLS');
    const answer = await tagged(session, 'a2', 'starttls');
    if (!/^a2 OK\b/i.test(answer)) throw new ProbeError('STARTTLS_REFUSED', 'starttls', `the server refused STARTTLS: ${printable(answer)}`);
    facts.tls = await session.upgrade();
    caps = await capability(session, 'a3', 'capability');
  }
  facts.capabilities = caps;
  facts.authMechanisms = caps.filter((c) => c.startsWith('AUTH=')).map((c) => c.slice(5));
  if (caps.includes('LOGINDISABLED')) facts.notes.push('LOGINDISABLED_AFTER_TLS');
  session.close('a9 LOGOUT');
};

async function capability(session: Session, tag: string, stage: Stage): Promise<string[]> {
  session.send(`${tag} CAPABILITY`);
  const found = new Set<string>();
  for (let i = 0; i < MAX_RESPONSE_LINES; i++) {
    const line = await session.readLine(stage);
    const untagged = /^\* CAPABILITY (.*)$/i.exec(line);
    if (untagged) for (const c of (untagged[1] ?? '').split(' ')) if (c && found.size < MAX_CAPABILITIES) found.add(c.toUpperCase());
    if (line.toLowerCase().startsWith(`${tag} `)) {
      if (!/^\S+ OK\b/i.test(line)) throw new ProbeError('CAPABILITY_FAILED', stage, `CAPABILITY failed: ${printable(line)}`);
      return [...found];
    }
  }
  throw new ProbeError('RESPONSE_TOO_LONG', stage, 'no end to the CAPABILITY answer');
}

async function tagged(session: Session, tag: string, stage: Stage): Promise<string> {
  for (let i = 0; i < MAX_RESPONSE_LINES; i++) {
    const line = await session.readLine(stage);
    if (line.toLowerCase().startsWith(`${tag} `)) return line;
  }
  throw new ProbeError('RESPONSE_TOO_LONG', stage, `no answer to ${tag}`);
}

export function printable(line: string): string {
  return JSON.stringify(line.slice(0, 120));
}
