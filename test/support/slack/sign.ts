import { createHmac } from 'node:crypto';
import { request, type IncomingHttpHeaders } from 'node:http';

/*
 * Sends what Slack sends to an HTTP-mode app: signed POSTs to its events URL. Signing follows
 * https://api.slack.com/authentication/verifying-requests-from-slack: `v0=` + hex HMAC-SHA256 of
 * `v0:{timestamp}:{raw body}` keyed with the signing secret.
 */

/** How long a caller waits for an answer: longer than Bolt's 3001 ms unhandled-request timeout, so that 404 is observable. */
const REQUEST_TIMEOUT_MS = 10_000;

/** The two headers Slack signs a request with. */
export interface SlackSignatureHeaders {
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
}

/** Signs `body` as Slack would at `timestamp` (unix seconds, default now). */
export function signedRequest(secret: string, body: string, options: { timestamp?: number } = {}): SlackSignatureHeaders {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-signature': `v0=${signature}`, 'x-slack-request-timestamp': String(timestamp) };
}

/** What the app answered. */
export interface SlackPostResult {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** `body` parsed as JSON, or undefined when it is not JSON (e.g. Bolt's empty ack). */
  json: unknown;
  /** Time from sending to the complete answer. */
  ms: number;
}

/** Options for every signed post. */
export interface SignedPostOptions {
  /** Unix seconds to sign with (a stale one tests replay protection). */
  timestamp?: number;
  /** Extra or overriding headers, e.g. a forged `x-slack-signature`. */
  headers?: Record<string, string>;
}

/** `http://host:port` alone means Bolt's default endpoint `/slack/events`; a URL with a path is used as given. */
function eventsUrl(baseUrl: string): URL {
  const url = new URL(baseUrl);
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/slack/events';
  return url;
}

/** Signs and POSTs a raw body; the building block of the helpers below. */
export function postSigned(baseUrl: string, secret: string, body: string, contentType: string, options: SignedPostOptions = {}): Promise<SlackPostResult> {
  const url = eventsUrl(baseUrl);
  const headers = {
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(body)),
    ...signedRequest(secret, body, options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
    ...options.headers,
  };
  const started = performance.now();
  return new Promise((resolve, reject) => {
    // agent: false = one connection per request, closed afterwards, so no pooled socket outlives the test.
    const req = request(url, { method: 'POST', headers, agent: false, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text === '' ? undefined : JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, json, ms: Math.round(performance.now() - started) });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url.href} within ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** POSTs a slash command the way Slack does: form-encoded fields (see `slashCommand()`). */
export function postSlashCommand(baseUrl: string, secret: string, fields: Record<string, string>, options?: SignedPostOptions): Promise<SlackPostResult> {
  return postSigned(baseUrl, secret, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);
}

/** POSTs an interaction (block_actions, view_submission, message_action…): one form field `payload` holding JSON. */
export function postInteraction(baseUrl: string, secret: string, payload: object, options?: SignedPostOptions): Promise<SlackPostResult> {
  return postSigned(baseUrl, secret, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', options);
}

/** Retry headers Slack adds when it re-delivers an event that was not acked in 3 s. */
export interface EventRetryOptions extends SignedPostOptions {
  retryNum?: number;
  /** Default `http_timeout`, Slack's reason for an ack that came too late. */
  retryReason?: string;
}

/** POSTs an Events API body (e.g. `appMentionEvent()`) as JSON, optionally as Slack's retry number N. */
export function postEvent(baseUrl: string, secret: string, eventCallback: object, options: EventRetryOptions = {}): Promise<SlackPostResult> {
  const { retryNum, retryReason, ...rest } = options;
  const retryHeaders: Record<string, string> =
    retryNum === undefined ? {} : { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': retryReason ?? 'http_timeout' };
  return postSigned(baseUrl, secret, JSON.stringify(eventCallback), 'application/json', { ...rest, headers: { ...retryHeaders, ...rest.headers } });
}
