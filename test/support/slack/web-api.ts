import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { blockKitProblems } from './block-kit.js';
import { SLACK_IDS, STAND_IN_TOKENS, messageTs, newTriggerId } from './payloads.js';
import { createSocketModeServer, type SocketModeServer } from './socket-mode.js';

/*
 * A local stand-in for Slack's side of an app, on one loopback port:
 *   POST /api/<method>      the Web API (point `clientOptions.slackApiUrl` / SLACK_API_URL here)
 *   POST /response/<id>     response_url endpoints (what Bolt's respond() posts to)
 *   GET  /link/?ticket=…    Socket Mode links handed out by apps.connections.open
 * Answers are Slack-shaped (HTTP 200 with `{ok:false,error}` for failures; 429 + Retry-After for rate
 * limits, the only other status the Web API client treats as meaningful). Everything is recorded.
 */

const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** Slack: a response_url works up to 5 times within 30 minutes. */
const RESPONSE_URL_MAX_USES = 5;
const RESPONSE_URL_LIFETIME_MS = 30 * 60 * 1000;
/** Slack: a trigger_id expires 3 s after it was issued, and opens one view. */
const TRIGGER_LIFETIME_MS = 3000;
const DEFAULT_WAIT_MS = 5000;

/** Form fields the Web API client JSON-encodes (objects inside a form); parsed back so tests see objects. */
const JSON_FORM_FIELDS = new Set(['blocks', 'attachments', 'view', 'metadata', 'unfurls', 'user_auth_blocks']);

/** One Web API call as received. */
export interface RecordedCall {
  kind: 'call';
  method: string;
  /** The token used: the Bearer header, else a `token` form field; null when none. */
  token: string | null;
  /** Form or JSON body; JSON-in-form fields (blocks, view, attachments…) already parsed. */
  body: Record<string, unknown>;
  /** What the stand-in answered. */
  answer: Record<string, unknown>;
  at: number;
}

/** One POST to a response_url. */
export interface RecordedResponse {
  kind: 'response';
  /** The `<id>` of `/response/<id>`. */
  id: string;
  body: Record<string, unknown>;
  /** HTTP status answered (200, or 404/410 for expired and used-up URLs, 400 for invalid blocks). */
  status: number;
  at: number;
}

/** Anything the stand-in records. */
export type Recorded = RecordedCall | RecordedResponse;

/** Settings for `startSlackStandIn`; every field is optional. */
export interface StandInOptions {
  /** The bot token to accept (default STAND_IN_TOKENS.bot). */
  botToken?: string;
  /** The app-level token to accept for apps.connections.open (default STAND_IN_TOKENS.app). */
  appToken?: string;
  /** Channels where the bot is not a member: chat.postMessage / postEphemeral answer `not_in_channel`. */
  notInChannel?: Iterable<string>;
  /** Answer Slack's `invalid_blocks` / `invalid_arguments` when blockKitProblems finds something (default true). */
  rejectInvalidBlocks?: boolean;
  /** Uses allowed per response_url (default 5) and its lifetime (default 30 min). */
  responseUrlMaxUses?: number;
  responseUrlLifetimeMs?: number;
  /** Status for a used-up response_url (default 404 with body `used_url`; Slack's exact status is not documented). */
  usedUpStatus?: number;
  /** Socket Mode server ping interval (default 5000 ms) and ack timeout for send() (default 3000 ms). */
  pingIntervalMs?: number;
  ackTimeoutMs?: number;
}

/** Per-URL settings for `responseUrl()`. */
export interface ResponseUrlOptions {
  maxUses?: number;
  /** Already expired: every POST answers 404 `expired_url`. */
  expired?: boolean;
}

/** The running stand-in. */
export interface SlackStandIn {
  /** Web API base URL for SLACK_API_URL / `clientOptions.slackApiUrl`, e.g. `http://127.0.0.1:PORT/api/`. */
  url: string;
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  /** A fresh response_url on this server (id random unless given). Unknown ids are accepted too, with default limits. */
  responseUrl(id?: string, options?: ResponseUrlOptions): string;
  /** A trigger id whose age views.open/push check (older than 3 s → `expired_trigger_id`; second use → `exchanged_trigger_id`). */
  triggerId(): string;
  /** Web API calls, in arrival order. */
  calls: RecordedCall[];
  /** response_url posts, in arrival order. */
  responses: RecordedResponse[];
  /** The calls to one method. */
  callsTo(method: string): RecordedCall[];
  /** Resolves with the first recorded call/response (past or future) matching `predicate`; rejects after `timeoutMs`. */
  waitFor(predicate: (entry: Recorded) => boolean, timeoutMs?: number): Promise<Recorded>;
  /** waitFor for a call to `method` whose body matches. */
  waitForCall(method: string, predicate?: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** waitFor for a response_url post. */
  waitForResponse(predicate?: (response: RecordedResponse) => boolean, timeoutMs?: number): Promise<RecordedResponse>;
  /** Makes the next call to `method` (whose body matches `match`) answer `{ok:false, error}`; `ratelimited` answers 429 + Retry-After: 1. */
  failNext(method: string, error: string, match?: (body: Record<string, unknown>) => boolean): void;
  /** Revokes (false) or restores (true) the bot token: every bot call answers `invalid_auth` while revoked. */
  setTokenValid(valid: boolean): void;
  /** Channels where the bot is not a member; change freely during a test. */
  notInChannel: Set<string>;
  /** The Socket Mode side (envelopes, acks, disconnects). */
  socket: SocketModeServer;
  /** Ends every link and connection and stops listening. */
  close(): Promise<void>;
}

type Answer = Record<string, unknown>;
const fail = (error: string, extra: Answer = {}): Answer => ({ ok: false, error, ...extra });

/** Starts the stand-in on 127.0.0.1 and a free port. */
export async function startSlackStandIn(options: StandInOptions = {}): Promise<SlackStandIn> {
  const botToken = options.botToken ?? STAND_IN_TOKENS.bot;
  const appToken = options.appToken ?? STAND_IN_TOKENS.app;
  const rejectInvalidBlocks = options.rejectInvalidBlocks ?? true;
  const socket = createSocketModeServer({
    appId: SLACK_IDS.appId,
    ...(options.pingIntervalMs === undefined ? {} : { pingIntervalMs: options.pingIntervalMs }),
    ...(options.ackTimeoutMs === undefined ? {} : { ackTimeoutMs: options.ackTimeoutMs }),
  });
  const calls: RecordedCall[] = [];
  const responses: RecordedResponse[] = [];
  const notInChannel = new Set(options.notInChannel ?? []);
  const failures: { method: string; error: string; match: (body: Record<string, unknown>) => boolean }[] = [];
  const responseUrls = new Map<string, { created: number; uses: number; maxUses: number; expired: boolean }>();
  const triggers = new Map<string, { issued: number; used: boolean }>();
  const watchers = new Set<(entry: Recorded) => void>();
  let tokenValid = true;
  let viewCounter = 0;
  let origin = '';

  const record = (entry: Recorded) => {
    if (entry.kind === 'call') calls.push(entry);
    else responses.push(entry);
    for (const watcher of [...watchers]) watcher(entry);
  };

  const dmChannel = (userId: string) => `D${userId.replace(/^[UW]/, '')}`;

  const blocksRejected = (body: Record<string, unknown>): Answer | undefined => {
    if (!rejectInvalidBlocks || body.blocks === undefined) return undefined;
    // Slack itself only warns about a missing fallback text, so a placeholder stands in for the check here.
    const text = typeof body.text === 'string' && body.text !== '' ? body.text : 'fallback';
    const problems = blockKitProblems({ ...body, text }, 'message');
    return problems.length > 0 ? fail('invalid_blocks', { errors: problems }) : undefined;
  };

  const viewRejected = (body: Record<string, unknown>, surface: 'modal' | 'home'): Answer | undefined => {
    if (!rejectInvalidBlocks) return undefined;
    const problems = blockKitProblems(body.view, surface);
    return problems.length > 0 ? fail('invalid_arguments', { response_metadata: { messages: problems.map((p) => `[ERROR] ${p}`) } }) : undefined;
  };

  const useTrigger = (triggerId: unknown): Answer | undefined => {
    if (typeof triggerId !== 'string' || triggerId === '') return fail('invalid_arguments', { response_metadata: { messages: ['[ERROR] missing required field: trigger_id'] } });
    const trigger = triggers.get(triggerId);
    // Trigger ids the stand-in did not issue (from payload builders) are taken on trust.
    if (trigger === undefined) return undefined;
    if (trigger.used) return fail('exchanged_trigger_id');
    if (Date.now() - trigger.issued > TRIGGER_LIFETIME_MS) return fail('expired_trigger_id');
    trigger.used = true;
    return undefined;
  };

  const asView = (view: unknown, extra: Answer = {}): Answer => {
    viewCounter += 1;
    const id = `V0STANDIN${viewCounter}`;
    return { id, team_id: SLACK_IDS.teamId, app_id: SLACK_IDS.appId, bot_id: SLACK_IDS.botId, state: { values: {} }, hash: `${Date.now()}.${id}`, root_view_id: id, ...(view as Answer), ...extra };
  };

  const postedMessage = (body: Record<string, unknown>, ts: string): Answer => {
    const message: Answer = { type: 'message', user: SLACK_IDS.botUserId, bot_id: SLACK_IDS.botId, app_id: SLACK_IDS.appId, team: SLACK_IDS.teamId, ts, text: body.text ?? '' };
    if (body.blocks !== undefined) message.blocks = body.blocks;
    if (body.thread_ts !== undefined) message.thread_ts = body.thread_ts;
    return message;
  };

  /** The Web API methods the app uses; anything else is `unknown_method`, as on slack.com. */
  const methods: Record<string, (body: Record<string, unknown>) => Answer> = {
    'auth.test': () => ({ ok: true, url: `https://${SLACK_IDS.teamDomain}.slack.com/`, team: 'Stand-in', user: 'emailhelp', team_id: SLACK_IDS.teamId, user_id: SLACK_IDS.botUserId, bot_id: SLACK_IDS.botId, is_enterprise_install: false }),
    'chat.postMessage': (body) => {
      const channel = String(body.channel ?? '');
      if (channel === '') return fail('channel_not_found');
      if (body.text === undefined && body.blocks === undefined && body.attachments === undefined) return fail('no_text');
      if (notInChannel.has(channel)) return fail('not_in_channel');
      const rejected = blocksRejected(body);
      if (rejected) return rejected;
      const ts = messageTs();
      const posted = /^[UW]/.test(channel) ? dmChannel(channel) : channel;
      return { ok: true, channel: posted, ts, message: postedMessage(body, ts) };
    },
    'chat.postEphemeral': (body) => {
      const channel = String(body.channel ?? '');
      if (channel === '') return fail('channel_not_found');
      if (typeof body.user !== 'string' || body.user === '') return fail('user_not_in_channel');
      if (body.text === undefined && body.blocks === undefined && body.attachments === undefined) return fail('no_text');
      if (notInChannel.has(channel)) return fail('not_in_channel');
      return blocksRejected(body) ?? { ok: true, message_ts: messageTs() };
    },
    'chat.update': (body) => {
      if (typeof body.channel !== 'string' || body.channel === '') return fail('channel_not_found');
      if (typeof body.ts !== 'string' || body.ts === '') return fail('message_not_found');
      return blocksRejected(body) ?? { ok: true, channel: body.channel, ts: body.ts, text: body.text ?? '', message: postedMessage(body, body.ts) };
    },
    'chat.delete': (body) => {
      if (typeof body.channel !== 'string' || body.channel === '') return fail('channel_not_found');
      if (typeof body.ts !== 'string' || body.ts === '') return fail('message_not_found');
      return { ok: true, channel: body.channel, ts: body.ts };
    },
    'views.open': (body) => useTrigger(body.trigger_id) ?? viewRejected(body, 'modal') ?? { ok: true, view: asView(body.view) },
    'views.push': (body) => useTrigger(body.trigger_id) ?? viewRejected(body, 'modal') ?? { ok: true, view: asView(body.view) },
    'views.update': (body) => {
      if (body.view_id === undefined && body.external_id === undefined) return fail('invalid_arguments', { response_metadata: { messages: ['[ERROR] view_id or external_id required'] } });
      return viewRejected(body, 'modal') ?? { ok: true, view: asView(body.view, body.view_id === undefined ? {} : { id: body.view_id }) };
    },
    'views.publish': (body) => {
      if (typeof body.user_id !== 'string' || body.user_id === '') return fail('invalid_arguments', { response_metadata: { messages: ['[ERROR] missing required field: user_id'] } });
      return viewRejected(body, 'home') ?? { ok: true, view: asView(body.view) };
    },
    'conversations.open': (body) => {
      const users = String(body.users ?? '').split(',').filter(Boolean);
      if (users.length !== 1 || users[0] === undefined) return fail(users.length === 0 ? 'users_list_not_supplied' : 'not_enough_users');
      return { ok: true, no_op: true, already_open: true, channel: { id: dmChannel(users[0]) } };
    },
  };

  const answerWebApi = (method: string, token: string | null, headerToken: boolean, body: Record<string, unknown>): Answer => {
    if (method === 'apps.connections.open') {
      // Slack takes the app token only from the Authorization header.
      if (!headerToken || token === null) return fail('not_authed');
      if (token.startsWith('xoxb-') || token.startsWith('xoxp-')) return fail('not_allowed_token_type');
      if (token !== appToken) return fail('invalid_auth');
      return { ok: true, url: `${origin.replace(/^http/, 'ws')}/link/?ticket=${socket.issueTicket()}&app_id=${SLACK_IDS.appId}` };
    }
    if (!(method in methods)) return fail('unknown_method');
    if (token === null) return fail('not_authed');
    if (token === appToken) return fail('not_allowed_token_type');
    if (token !== botToken || !tokenValid) return fail('invalid_auth');
    const handler = methods[method];
    return handler === undefined ? fail('unknown_method') : handler(body);
  };

  const send = (res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}) => {
    const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
    res.writeHead(status, { 'content-type': typeof payload === 'string' ? 'text/plain' : 'application/json; charset=utf-8', ...headers });
    res.end(text);
  };

  const handleWebApi = (req: IncomingMessage, res: ServerResponse, method: string, raw: string) => {
    const body = parseBody(raw, req.headers['content-type']);
    const header = req.headers.authorization;
    const bearer = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice('Bearer '.length) : null;
    const token = bearer ?? (typeof body.token === 'string' ? body.token : null);
    const failureIndex = failures.findIndex((f) => f.method === method && f.match(body));
    let answer: Answer;
    if (failureIndex >= 0) {
      const [failure] = failures.splice(failureIndex, 1);
      answer = fail(failure?.error ?? 'fatal_error');
    } else {
      answer = answerWebApi(method, token, bearer !== null, body);
    }
    record({ kind: 'call', method, token, body, answer, at: Date.now() });
    if (answer.error === 'ratelimited') return send(res, 429, answer, { 'retry-after': '1' });
    send(res, 200, answer);
  };

  const handleResponseUrl = (res: ServerResponse, id: string, raw: string) => {
    const body = parseBody(raw, 'application/json');
    let entry = responseUrls.get(id);
    if (entry === undefined) {
      entry = { created: Date.now(), uses: 0, maxUses: options.responseUrlMaxUses ?? RESPONSE_URL_MAX_USES, expired: false };
      responseUrls.set(id, entry);
    }
    entry.uses += 1;
    let status = 200;
    let answer = 'ok';
    if (entry.expired || Date.now() - entry.created > (options.responseUrlLifetimeMs ?? RESPONSE_URL_LIFETIME_MS)) [status, answer] = [404, 'expired_url'];
    else if (entry.uses > entry.maxUses) [status, answer] = [options.usedUpStatus ?? 404, 'used_url'];
    else if (rejectInvalidBlocks && body.blocks !== undefined && blockKitProblems({ ...body, text: 'fallback' }, 'message').length > 0) [status, answer] = [400, 'invalid_blocks'];
    record({ kind: 'response', id, body, status, at: Date.now() });
    send(res, status, answer);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return send(res, 413, 'request_too_large');
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
      const api = /^\/api\/([\w.]+)$/.exec(path);
      const response = /^\/response\/([\w.-]+)$/.exec(path);
      if (req.method === 'POST' && api?.[1] !== undefined) return handleWebApi(req, res, api[1], raw);
      if (req.method === 'POST' && response?.[1] !== undefined) return handleResponseUrl(res, response[1], raw);
      send(res, 404, 'not_found');
    });
  });
  server.on('upgrade', (req, sock, head) => {
    if (new URL(req.url ?? '/', 'http://stand-in').pathname === '/link/') return socket.handleUpgrade(req, sock, head);
    sock.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const waitFor = (predicate: (entry: Recorded) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<Recorded> => {
    const seen = [...calls, ...responses].sort((a, b) => a.at - b.at).find(predicate);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const watcher = (entry: Recorded) => {
        if (!predicate(entry)) return;
        clearTimeout(timer);
        watchers.delete(watcher);
        resolve(entry);
      };
      const timer = setTimeout(() => {
        watchers.delete(watcher);
        const seenSoFar = [...calls.map((c) => c.method), ...responses.map((r) => `response ${r.id}`)].join(', ') || 'nothing';
        reject(new Error(`Slack stand-in: nothing matching arrived within ${timeoutMs} ms (seen: ${seenSoFar})`));
      }, timeoutMs);
      watchers.add(watcher);
    });
  };

  return {
    url: `${origin}/api/`,
    origin,
    responseUrl(id = randomBytes(8).toString('hex'), urlOptions = {}) {
      responseUrls.set(id, { created: Date.now(), uses: 0, maxUses: urlOptions.maxUses ?? options.responseUrlMaxUses ?? RESPONSE_URL_MAX_USES, expired: urlOptions.expired ?? false });
      return `${origin}/response/${id}`;
    },
    triggerId() {
      const id = newTriggerId();
      triggers.set(id, { issued: Date.now(), used: false });
      return id;
    },
    calls,
    responses,
    callsTo: (method) => calls.filter((call) => call.method === method),
    waitFor,
    waitForCall: async (method, predicate = () => true, timeoutMs) =>
      (await waitFor((entry) => entry.kind === 'call' && entry.method === method && predicate(entry), timeoutMs)) as RecordedCall,
    waitForResponse: async (predicate = () => true, timeoutMs) => (await waitFor((entry) => entry.kind === 'response' && predicate(entry), timeoutMs)) as RecordedResponse,
    failNext(method, error, match = () => true) {
      failures.push({ method, error, match });
    },
    setTokenValid(valid) {
      tokenValid = valid;
    },
    notInChannel,
    socket,
    async close() {
      await socket.close();
      // Web API clients keep connections alive; drop them so close() does not wait for their idle timeout.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Form (with JSON-encoded object fields) or JSON, into one object. */
function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { _json: parsed };
    } catch {
      return { _raw: raw };
    }
  }
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (JSON_FORM_FIELDS.has(key)) {
      try {
        body[key] = JSON.parse(value);
        continue;
      } catch {
        // Not JSON after all: keep the string, as Slack would then reject it.
      }
    }
    body[key] = value;
  }
  return body;
}
