import { connect as netConnect, type Socket } from 'node:net';
import { Deadline } from '../../probes/deadline.js';
import { newFacts } from '../../probes/dialogue.js';
import { toProbeError } from '../../probes/probe-error.js';
import { DIALOGUES } from '../../probes/protocols.js';
import { Session } from '../../probes/session.js';
import { startTls } from '../../probes/tls.js';
import type { MailProtocol, TlsInfo } from '../../probes/types.js';
import { remainingMs } from './abortable.js';

/**
 * Confirms a guessed server with the probe's own dialogue (greeting, capabilities, STARTTLS where
 * the port starts plain; never a login): it counts only when the server speaks the protocol and a
 * mail app would accept its certificate for this name. Unlike the probe's sweep, the sockets are
 * discovery's own, so discovery can cut them the moment its answer is decided: a guessed name on a
 * firewalled web host would otherwise hold the process until its timeout.
 * The caller has already resolved the name and judged every address.
 */

export interface ServerToConfirm {
  host: string;
  addresses: readonly string[];
  protocol: MailProtocol;
  port: number;
  security: 'tls' | 'starttls';
}

export type Confirmation =
  | { confirmed: true }
  /** `note`: worth telling the user (a certificate for other names, no STARTTLS); null for "nothing there". */
  | { confirmed: false; note: string | null };

const GOODBYE: Record<MailProtocol, string> = { imap: 'a9 LOGOUT', pop3: 'QUIT', smtp: 'QUIT' };

export async function confirmServer(server: ServerToConfirm, options: { extraCa?: readonly string[]; signal: AbortSignal; deadlineAt: number }): Promise<Confirmation> {
  const budget = remainingMs(options.deadlineAt);
  if (budget <= 0 || options.signal.aborted) return { confirmed: false, note: null };
  const deadline = new Deadline(budget, budget);
  const sockets = new Set<Socket>();
  // Destroying the TCP socket with an error also ends a TLS socket layered on it, and wakes every
  // read and handshake waiting on either; their deadline timers are cleared as they return.
  const onAbort = () => {
    for (const s of sockets) s.destroy(Object.assign(new Error('discovery finished'), { code: 'ABORTED' }));
  };
  options.signal.addEventListener('abort', onAbort, { once: true });
  const where = `${server.host} port ${server.port}`;
  try {
    let socket: Socket | null = null;
    let address: string | undefined;
    for (const candidate of server.addresses) {
      try {
        socket = await connectAbortable(candidate, server.port, deadline, sockets);
        address = candidate;
        break;
      } catch (error) {
        if (!['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH'].includes(toProbeError(error, 'connect').code)) throw error;
      }
    }
    if (!socket) return { confirmed: false, note: null };
    const tlsOptions = { hostname: server.host, extraCa: options.extraCa, address };
    let tls: TlsInfo | null = null;
    if (server.security === 'tls') {
      const opened = await startTls({ socket }, tlsOptions, deadline);
      socket = opened.socket;
      tls = opened.info;
    }
    const session = new Session(socket, deadline, tlsOptions);
    const facts = newFacts();
    const spec = { protocol: server.protocol, port: server.port, security: server.security };
    try {
      await DIALOGUES[server.protocol](session, spec, facts);
    } finally {
      session.close(GOODBYE[server.protocol]);
    }
    if (server.security === 'starttls' && !facts.starttls?.offered) {
      return { confirmed: false, note: `${where} answers ${server.protocol.toUpperCase()} but offers no STARTTLS, so a password would cross the network unencrypted: not suggested.` };
    }
    const info = facts.tls ?? tls;
    if (!info?.authorized) {
      const names = info?.certificate?.names.slice(0, 4).join(', ');
      const problem = info?.certificate && !info.certificate.hostnameMatch ? `is valid for ${names || 'other names'}, not ${server.host}` : `is not trusted (${info?.authorizationError ?? 'no certificate'})`;
      return { confirmed: false, note: `${where} answers ${server.protocol.toUpperCase()}, but its certificate ${problem}; mail apps would refuse it: not suggested.` };
    }
    if (info.version === 'TLSv1' || info.version === 'TLSv1.1') {
      return { confirmed: false, note: `${where} answers ${server.protocol.toUpperCase()}, but only with ${info.version}, which current mail apps refuse: not suggested.` };
    }
    return { confirmed: true };
  } catch {
    // Nothing listening, silence, another protocol: an unconfirmed guess is simply not suggested.
    onAbort();
    return { confirmed: false, note: null };
  } finally {
    options.signal.removeEventListener('abort', onAbort);
  }
}

async function connectAbortable(address: string, port: number, deadline: Deadline, sockets: Set<Socket>): Promise<Socket> {
  const socket = netConnect({ host: address, port });
  // A destroyed socket may still emit 'error'; without a listener that would end the process.
  socket.on('error', () => undefined);
  sockets.add(socket);
  await deadline.step(
    'connect',
    new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
      socket.once('close', () => reject(Object.assign(new Error('closed'), { code: 'ECONNRESET' })));
    }),
    () => socket.destroy(),
  );
  socket.setNoDelay(true);
  return socket;
}
