import http from 'node:http';
import https from 'node:https';

/**
 * Posts to a Slack response_url over kept-alive connections. Bolt's respond() does the same with
 * the global fetch, which costs ~0.9 ms more CPU per post on this machine (measured: 1.24 ms
 * against 0.36 ms, a 4 kB answer to a loopback server); every slash-command answer goes through
 * here, so that is most of the app's CPU per command (docs/benchmarks.md, "Slack").
 */

export class ResponseUrlError extends Error {
  readonly code = 'RESPONSE_URL_FAILED';
  constructor(
    message: string,
    readonly statusCode: number | null,
  ) {
    super(message);
    this.name = 'ResponseUrlError';
  }
}

/** Slack answers within a second; a response_url that hangs must not hold a request forever. */
const TIMEOUT_MS = 10_000;
const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 16 }), https: new https.Agent({ keepAlive: true, maxSockets: 16 }) };

export type ResponseUrlPoster = (message: object) => Promise<void>;

/** A poster for one response_url; rejects with ResponseUrlError on a non-2xx answer or a network error. */
export function responseUrlPoster(responseUrl: string | undefined): ResponseUrlPoster {
  // Never throws here: the caller makes it before its ack, which must not be kept from Slack.
  const url = URL.canParse(responseUrl ?? '') ? new URL(responseUrl ?? '') : null;
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    return () => Promise.reject(new ResponseUrlError('the request carried no usable response_url', null));
  }
  const client = url.protocol === 'https:' ? https : http;
  const agent = url.protocol === 'https:' ? agents.https : agents.http;
  return (message) =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify(message);
      const request = client.request(url, { method: 'POST', agent, timeout: TIMEOUT_MS, headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) } }, (response) => {
        response.resume();
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
          else reject(new ResponseUrlError(`the response_url answered HTTP ${status}`, status));
        });
        response.on('error', (error) => reject(new ResponseUrlError(`the response_url answer broke off: ${error.message}`, null)));
      });
      request.on('timeout', () => request.destroy(new Error(`no answer in ${TIMEOUT_MS} ms`)));
      request.on('error', (error) => reject(new ResponseUrlError(`could not post to the response_url: ${error.message}`, null)));
      request.end(body);
    });
}
