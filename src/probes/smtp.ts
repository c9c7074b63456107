import { MAX_CAPABILITIES, MAX_RESPONSE_LINES, type Dialogue } from './dialogue.js';
import { printable } from './imap.js';
import { ProbeError } from './probe-error.js';
import type { Session } from './session.js';
import type { Stage } from './types.js';

/**
 * SMTP submission (RFC 5321, RFC 3207 STARTTLS, RFC 4954 AUTH, RFC 8314): banner, EHLO, STARTTLS
 * then EHLO again on a plain port, QUIT. No MAIL FROM is ever sent.
 */

/** The name the probe gives in EHLO: .invalid (RFC 2606) says plainly it is no real host. */
const EHLO_NAME = 'emailhelp-probe.invalid';

export const smtpDialogue: Dialogue = async (session, spec, facts) => {
  const banner = await reply(session, 'greeting');
  facts.greeting = banner.lines.join(' | ').slice(0, 300);
  if (banner.code !== 220) {
    throw new ProbeError(banner.code >= 400 && banner.code < 600 ? String(banner.code) : 'BAD_GREETING', 'greeting', `the server did not greet with 220: ${printable(banner.lines[0] ?? '')}`);
  }
  let caps = await ehlo(session);
  if (spec.security === 'starttls') {
    const offered = caps.includes('STARTTLS');
    facts.starttls = { offered, capabilitiesBefore: caps };
    if (!offered) {
      facts.capabilities = caps;
      facts.authMechanisms = mechanisms(caps);
      facts.notes.push('NO_STARTTLS');
      session.close('QUIT');
      return;
    }
    session.send('STARTTLS');
    const answer = await reply(session, 'starttls');
    if (answer.code !== 220) throw new ProbeError('STARTTLS_REFUSED', 'starttls', `the server refused STARTTLS: ${printable(answer.lines[0] ?? '')}`);
    facts.tls = await session.upgrade();
    caps = await ehlo(session);
  }
  facts.capabilities = caps;
  facts.authMechanisms = mechanisms(caps);
  session.close('QUIT');
};

function mechanisms(caps: string[]): string[] {
  const auth = caps.find((c) => /^AUTH[ =]/.test(c));
  return auth ? auth.slice(5).split(' ').filter(Boolean) : [];
}

async function ehlo(session: Session): Promise<string[]> {
  session.send(`EHLO ${EHLO_NAME}`);
  const answer = await reply(session, 'capability');
  if (answer.code !== 250) throw new ProbeError(String(answer.code), 'capability', `EHLO refused: ${printable(answer.lines[0] ?? '')}`);
  // The first line is the server's name; the rest are extensions.
  return answer.lines.slice(1, MAX_CAPABILITIES + 1).map((l) => l.trim().toUpperCase());
}

/** A whole reply: "250-first", "250-more", "250 last" (RFC 5321 §4.2.1). */
async function reply(session: Session, stage: Stage): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  for (let i = 0; i < MAX_RESPONSE_LINES; i++) {
    const line = await session.readLine(stage);
    const m = /^(\d{3})([ -]?)(.*)$/.exec(line);
    if (!m) throw new ProbeError('BAD_GREETING', stage, `not an SMTP reply: ${printable(line)}`);
    lines.push(m[3] ?? '');
    if (m[2] !== '-') return { code: Number(m[1]), lines };
  }
  throw new ProbeError('RESPONSE_TOO_LONG', stage, 'no end to the SMTP reply');
}
