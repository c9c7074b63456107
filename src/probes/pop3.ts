import { MAX_CAPABILITIES, MAX_RESPONSE_LINES, type Dialogue } from './dialogue.js';
import { printable } from './imap.js';
import { ProbeError } from './probe-error.js';
import type { Session } from './session.js';
import type { Stage } from './types.js';

/**
 * POP3 (RFC 1939, RFC 2449 CAPA, RFC 2595 STLS): greeting, CAPA, STLS then CAPA again on a plain
 * port, QUIT. The SASL line lists the mechanisms; USER says plain USER/PASS is offered.
 */
export const pop3Dialogue: Dialogue = async (session, spec, facts) => {
  const greeting = await session.readLine('greeting');
  facts.greeting = greeting.slice(0, 300);
  if (/^-ERR\b/i.test(greeting)) throw new ProbeError('SERVER_REFUSED', 'greeting', `the server refused the connection: ${greeting.slice(0, 200)}`);
  if (!/^\+OK\b/i.test(greeting)) throw new ProbeError('BAD_GREETING', 'greeting', `not a POP3 greeting: ${printable(greeting)}`);

  let caps = await capa(session, 'capability');
  if (spec.security === 'starttls') {
    const offered = caps.includes('STLS');
    facts.starttls = { offered, capabilitiesBefore: caps };
    if (!offered) {
      facts.capabilities = caps;
      facts.notes.push('NO_STARTTLS');
      session.close('QUIT');
      return;
    }
    session.send('STLS');
    const answer = await session.readLine('starttls');
    if (!/^\+OK\b/i.test(answer)) throw new ProbeError('STARTTLS_REFUSED', 'starttls', `the server refused STLS: ${printable(answer)}`);
    facts.tls = await session.upgrade();
    caps = await capa(session, 'capability');
  }
  facts.capabilities = caps;
  const sasl = caps.find((c) => c.startsWith('SASL'));
  facts.authMechanisms = sasl ? sasl.split(' ').slice(1) : [];
  session.close('QUIT');
};

/** CAPA's lines, upper-cased; an empty list when the server has no CAPA (RFC 1939-only servers). */
async function capa(session: Session, stage: Stage): Promise<string[]> {
  session.send('CAPA');
  const first = await session.readLine(stage);
  if (/^-ERR\b/i.test(first)) return [];
  if (!/^\+OK\b/i.test(first)) throw new ProbeError('CAPABILITY_FAILED', stage, `CAPA failed: ${printable(first)}`);
  const caps: string[] = [];
  for (let i = 0; i < MAX_RESPONSE_LINES; i++) {
    const line = await session.readLine(stage);
    if (line === '.') return caps;
    if (caps.length < MAX_CAPABILITIES) caps.push(line.trim().toUpperCase());
  }
  throw new ProbeError('RESPONSE_TOO_LONG', stage, 'no end to the CAPA answer');
}
