import type { Socket } from 'node:net';
import { connectTcp } from './connect.js';
import { Deadline } from './deadline.js';
import { newFacts } from './dialogue.js';
import { toProbeError } from './probe-error.js';
import { DIALOGUES } from './protocols.js';
import { Session } from './session.js';
import { startTls, type TlsOptions } from './tls.js';
import type { CheckFacts, CheckSpec, Security, TimingsMs, TlsInfo } from './types.js';

export type CheckOptions = TlsOptions;

/**
 * On a plain port the greeting may use this share of the time left; the rest tells a silent
 * server from one that waits for TLS.
 */
const PLAIN_GREETING_SHARE = 0.7;

/**
 * Runs one (protocol, port) check against already resolved and already allowed addresses, under
 * the sweep's deadline (shared by every check of the sweep: they run side by side).
 */
export async function runCheck(requested: CheckSpec, addresses: readonly string[], options: CheckOptions, deadline: Deadline): Promise<CheckFacts> {
  const spec: CheckSpec & { security: Security } =
    requested.security === 'auto'
      ? { ...requested, security: (await speaksTlsQuickly(addresses, requested.port, options, deadline)) ? 'tls' : 'starttls' }
      : { ...requested, security: requested.security };
  const started = performance.now();
  const timings: TimingsMs = { total: 0 };
  const facts = newFacts();
  let session: Session | null = null;
  let address: string | null = null;
  let tls: TlsInfo | null = null;
  try {
    let socket: Socket | null = null;
    let lastError: unknown = null;
    // Addresses in the resolver's order; the next one only when a connection cannot be made at all.
    for (const candidate of addresses) {
      if (deadline.expired()) break;
      try {
        address = candidate;
        const before = performance.now();
        socket = await connectTcp(candidate, spec.port, deadline);
        timings.connect = Math.round(performance.now() - before);
        if (spec.security === 'tls') {
          const opened = await startTls({ socket }, { ...options, address: candidate }, deadline);
          socket = opened.socket;
          tls = opened.info;
          timings.tls = opened.handshakeMs;
        }
        break;
      } catch (error) {
        socket?.destroy();
        socket = null;
        lastError = error;
        const code = toProbeError(error, 'connect').code;
        // Only "nothing there" moves on to the next address; a TLS or protocol failure is the answer.
        if (!['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL'].includes(code)) break;
      }
    }
    if (!socket) throw lastError ?? new Error('no address to connect to');
    session = new Session(socket, deadline, { ...options, address: address ?? undefined });
    if (spec.security !== 'tls') session.greetingShare = PLAIN_GREETING_SHARE;
    await DIALOGUES[spec.protocol](session, spec, facts);
    return finish(null);
  } catch (error) {
    const e = toProbeError(error, 'connect');
    // Silence on a plain port is often a server waiting for a TLS ClientHello ("SSL/TLS" on 143):
    // one TLS handshake on a fresh connection tells the two apart.
    if (e.stage === 'greeting' && e.code === 'ETIMEDOUT' && spec.security !== 'tls' && address !== null && !deadline.expired()) {
      if (await speaksTls(address, spec.port, options, deadline)) {
        return finish({ stage: 'greeting', code: 'TLS_ON_PLAIN_PORT', message: `port ${spec.port} expects SSL/TLS from the start, not plain text or STARTTLS` });
      }
    }
    return finish({ stage: e.stage, code: e.code, message: e.message });
  }

  function finish(failure: { stage: CheckFacts['failedStage']; code: string; message: string } | null): CheckFacts {
    timings.total = Math.round(performance.now() - started);
    for (const [stage, ms] of Object.entries(session?.timings ?? {})) {
      if (stage === 'greeting' || stage === 'capability' || stage === 'starttls') timings[stage] = ms;
    }
    return {
      ...spec,
      address,
      failedStage: failure?.stage ?? null,
      error: failure ? { code: failure.code, message: failure.message } : null,
      tls: facts.tls ?? tls,
      greeting: facts.greeting,
      capabilities: facts.capabilities,
      authMechanisms: facts.authMechanisms,
      starttls: facts.starttls,
      notes: facts.notes,
      timingsMs: timings,
    };
  }
}

async function speaksTls(address: string, port: number, options: CheckOptions, deadline: Deadline): Promise<boolean> {
  try {
    const { socket } = await startTls({ address, port }, options, deadline);
    socket.destroy();
    return true;
  } catch {
    return false;
  }
}

/** At most this long, or a quarter of the time left, to find out whether an unknown port speaks TLS. */
const AUTO_DETECT_MS = 1500;

/**
 * For a port with no standard meaning: a plain-text server answers a TLS ClientHello with its
 * greeting, which fails the handshake at once; a TLS server completes it. Silence counts as plain.
 */
async function speaksTlsQuickly(addresses: readonly string[], port: number, options: CheckOptions, deadline: Deadline): Promise<boolean> {
  const address = addresses[0];
  if (address === undefined) return false;
  const budget = Math.min(AUTO_DETECT_MS, deadline.remaining() / 4);
  return speaksTls(address, port, options, new Deadline(budget, budget));
}
