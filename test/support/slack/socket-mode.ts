import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

/*
 * The server side of Socket Mode (docs.slack.dev/apis/events-api/using-socket-mode): the app's client
 * connects to the URL `apps.connections.open` handed out, gets `hello`, then receives envelopes and answers
 * each with `{ envelope_id, payload }`. No signing happens on the socket. The HTTP server belongs to the
 * Web API stand-in (web-api.ts), which passes upgrades for `/link/` here.
 */

/** The Node client drops a link after 30 s without a server ping (serverPingTimeout); ping well inside that. */
const DEFAULT_PING_INTERVAL_MS = 5000;
/** Slack's own limit: an envelope not acked within 3 s counts as failed for the user. */
const DEFAULT_ACK_TIMEOUT_MS = 3000;
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** The three kinds of envelope Slack sends over the socket. */
export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

/** What the app sent back for one envelope, and how long it took. */
export interface SocketAck {
  envelope_id: string;
  /** The ack's payload (`{}` for a bare `ack()`; the Node SDK always sends one). */
  payload: Record<string, unknown>;
  ms: number;
}

/** Options for one envelope. */
export interface SendOptions {
  /** Events only: Slack's redelivery count and reason (`retry_attempt`, `retry_reason`). */
  retryAttempt?: number;
  retryReason?: string;
  /** Default: true for commands and interactions, false for events, as Slack sends them. */
  acceptsResponsePayload?: boolean;
  /** How long to wait for the ack; default 3000 ms, Slack's limit. */
  timeoutMs?: number;
}

/** Disconnect reasons Slack sends before it closes a link. */
export type DisconnectReason = 'warning' | 'refresh_requested' | 'link_disabled';

/** Socket Mode as Slack serves it, for one app. */
export interface SocketModeServer {
  /** A fresh ticket for an `apps.connections.open` answer; only links carrying a known ticket are accepted. */
  issueTicket(): string;
  /** Takes over an HTTP upgrade for `/link/?ticket=…` (called by the Web API stand-in). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Open links right now. */
  readonly openConnections: number;
  /** Every link opened so far (a reconnect adds one). */
  readonly connectionsOpened: number;
  /** Every envelope sent, in order. */
  readonly envelopes: ReadonlyArray<{ envelope_id: string; type: EnvelopeType; payload: unknown; at: number }>;
  /** Resolves once a link is open and has been greeted with `hello` (at once if one already is). */
  connected(timeoutMs?: number): Promise<void>;
  /** Resolves when the next new link (e.g. the reconnect after `disconnect()`) has been greeted. */
  nextConnection(timeoutMs?: number): Promise<void>;
  /** Sends an envelope on the newest open link and resolves with the app's ack; rejects without an ack in time. */
  send(type: EnvelopeType, payload: object, options?: SendOptions): Promise<SocketAck>;
  /** Sends Slack's `{"type":"disconnect"}` on every open link; the client closes it and reconnects. */
  disconnect(reason?: DisconnectReason): void;
  /** Ends every link and stops pinging. */
  close(): Promise<void>;
}

/** Settings for `createSocketModeServer`. */
export interface SocketModeServerOptions {
  appId: string;
  pingIntervalMs?: number;
  ackTimeoutMs?: number;
}

/** Creates the Socket Mode side; web-api.ts wires it to its HTTP server. */
export function createSocketModeServer(options: SocketModeServerOptions): SocketModeServer {
  const pingIntervalMs = options.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS;
  const ackTimeoutMs = options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS;
  const wss = new WebSocketServer({ noServer: true });
  const tickets = new Set<string>();
  const open: WebSocket[] = [];
  const envelopes: { envelope_id: string; type: EnvelopeType; payload: unknown; at: number }[] = [];
  const pendingAcks = new Map<string, (ack: Record<string, unknown>) => void>();
  let opened = 0;
  let greetedWaiters: (() => void)[] = [];

  const greet = (ws: WebSocket) => {
    opened += 1;
    open.push(ws);
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: open.length,
        debug_info: { host: 'applink-stand-in', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: options.appId },
      }),
    );
    // Pings keep the client's serverPingTimeout from firing; `ws` answers the client's own pings by itself.
    const pinger = setInterval(() => ws.ping(), pingIntervalMs);
    pinger.unref();
    ws.on('close', () => {
      clearInterval(pinger);
      open.splice(open.indexOf(ws), 1);
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      let message: unknown;
      try {
        message = JSON.parse(data.toString());
      } catch {
        return;
      }
      if (typeof message !== 'object' || message === null) return;
      const { envelope_id: id, payload } = message as { envelope_id?: unknown; payload?: unknown };
      if (typeof id !== 'string') return;
      pendingAcks.get(id)?.(typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {});
    });
    const waiters = greetedWaiters;
    greetedWaiters = [];
    for (const wake of waiters) wake();
  };

  const waitForGreeting = (timeoutMs: number, what: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        greetedWaiters = greetedWaiters.filter((waiter) => waiter !== wake);
        reject(new Error(`Socket Mode stand-in: ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      greetedWaiters.push(wake);
    });

  return {
    issueTicket() {
      const ticket = randomBytes(12).toString('hex');
      tickets.add(ticket);
      return ticket;
    },
    handleUpgrade(request, socket, head) {
      const ticket = new URL(request.url ?? '/', 'http://stand-in').searchParams.get('ticket');
      if (ticket === null || !tickets.has(ticket)) {
        socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      wss.handleUpgrade(request, socket, head, greet);
    },
    get openConnections() {
      return open.length;
    },
    get connectionsOpened() {
      return opened;
    },
    envelopes,
    connected(timeoutMs = DEFAULT_CONNECT_TIMEOUT_MS) {
      return open.length > 0 ? Promise.resolve() : waitForGreeting(timeoutMs, 'no app connected');
    },
    nextConnection(timeoutMs = DEFAULT_CONNECT_TIMEOUT_MS) {
      return waitForGreeting(timeoutMs, 'no new connection');
    },
    send(type, payload, sendOptions = {}) {
      const ws = open.at(-1);
      if (ws === undefined) return Promise.reject(new Error(`Socket Mode stand-in: no open connection to send ${type} on`));
      const envelopeId = randomUUID();
      const envelope: Record<string, unknown> = {
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: sendOptions.acceptsResponsePayload ?? type !== 'events_api',
      };
      if (type === 'events_api') {
        envelope.retry_attempt = sendOptions.retryAttempt ?? 0;
        envelope.retry_reason = sendOptions.retryReason ?? '';
      }
      const timeoutMs = sendOptions.timeoutMs ?? ackTimeoutMs;
      const started = performance.now();
      envelopes.push({ envelope_id: envelopeId, type, payload, at: Date.now() });
      return new Promise<SocketAck>((resolve, reject) => {
        const timer = setTimeout(() => {
          pendingAcks.delete(envelopeId);
          reject(new Error(`Socket Mode stand-in: no ack for ${type} envelope ${envelopeId} within ${timeoutMs} ms`));
        }, timeoutMs);
        pendingAcks.set(envelopeId, (ackPayload) => {
          clearTimeout(timer);
          pendingAcks.delete(envelopeId);
          resolve({ envelope_id: envelopeId, payload: ackPayload, ms: Math.round(performance.now() - started) });
        });
        ws.send(JSON.stringify(envelope));
      });
    },
    disconnect(reason = 'refresh_requested') {
      const message = JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-stand-in' } });
      for (const ws of open) ws.send(message);
    },
    async close() {
      // Close frames first so a still-running client sees a clean end; terminate whatever does not answer at once.
      await Promise.all(
        [...open].map(
          (ws) =>
            new Promise<void>((resolve) => {
              const force = setTimeout(() => ws.terminate(), 500);
              ws.once('close', () => {
                clearTimeout(force);
                resolve();
              });
              ws.close(1001, 'stand-in closing');
            }),
        ),
      );
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
