import { request, type RequestOptions } from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { LookupAddress } from 'node:dns';
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import { parseAddress } from '../../probes/address-policy.js';
import { remainingMs } from './abortable.js';
import { describeBlocked, resolveAndJudge, type LookupLimits } from './checked-address.js';

/**
 * HTTPS GET for discovery's configuration files, treating every answer as hostile:
 * - only https: (autoconfig and ISPDB files carry server names a mail app will send a password
 *   to; over plain HTTP anyone on the path could swap them);
 * - every host name, the first and every redirect target, is resolved once with the probe's
 *   resolver and every address judged by the probe's address policy; the connection then goes
 *   to that checked address (the request's `lookup` hands it back, so Node never asks DNS again
 *   and a rebinding answer gets nowhere), with the name kept for SNI, the certificate and Host;
 * - at most MAX_REDIRECTS redirects, never from https to anything else;
 * - on a public address, port 443 only, as the probe keeps public servers to mail ports;
 * - the body is cut off at MAX_BODY_BYTES (a provider file is a few KiB);
 * - one deadline for everything (DNS, connect, TLS, every redirect, the body), and the caller's
 *   AbortSignal ends it at once.
 * The certificate is always verified; a lab or test CA is added with extraCa, never by turning
 * verification off.
 */

export const MAX_BODY_BYTES = 256 * 1024;
export const MAX_REDIRECTS = 3;
const HTTPS_PORT = 443;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface SafeFetchOptions extends LookupLimits {
  extraCa?: readonly string[];
  /** The port for an https URL that names none: 443, or a test server's. */
  httpsPort?: number;
  maxBytes?: number;
}

export interface SafeFetchResponse {
  /** The URL that answered, after redirects. */
  url: string;
  status: number;
  contentType: string | null;
  body: string;
}

export type SafeFetch = (url: string, options: SafeFetchOptions) => Promise<SafeFetchResponse>;

export type SafeFetchErrorCode =
  | 'BAD_URL'
  | 'NOT_HTTPS'
  | 'BLOCKED_ADDRESS'
  | 'BLOCKED_PORT'
  | 'DNS'
  | 'CONNECT'
  | 'TLS'
  | 'TIMEOUT'
  | 'ABORTED'
  | 'HTTP_STATUS'
  | 'TOO_MANY_REDIRECTS'
  | 'TOO_LARGE';

export class SafeFetchError extends Error {
  constructor(
    readonly code: SafeFetchErrorCode,
    /** The URL being fetched when it failed (a redirect target, possibly), without its query. */
    readonly url: string,
    message: string,
    readonly status: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SafeFetchError';
  }
}

/** A URL as it may appear in notes: the query of an autoconfig URL holds the user's address. */
export function displayUrl(url: string | URL): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(not a URL)';
  }
}

export const safeFetch: SafeFetch = async (url, options) => {
  let current: URL;
  try {
    current = new URL(url);
  } catch (error) {
    throw new SafeFetchError('BAD_URL', '(not a URL)', 'not a URL', null, { cause: error });
  }
  for (let redirects = 0; ; redirects++) {
    const response = await fetchOnce(current, options);
    if (response.redirect === null) return response.result;
    if (redirects >= MAX_REDIRECTS) {
      throw new SafeFetchError('TOO_MANY_REDIRECTS', displayUrl(current), `more than ${MAX_REDIRECTS} redirects`);
    }
    let next: URL;
    try {
      next = new URL(response.redirect, current);
    } catch (error) {
      throw new SafeFetchError('BAD_URL', displayUrl(current), 'a redirect to something that is not a URL', null, { cause: error });
    }
    current = next;
  }
};

interface Hop {
  redirect: string | null;
  result: SafeFetchResponse;
}

async function fetchOnce(url: URL, options: SafeFetchOptions): Promise<Hop> {
  const shown = displayUrl(url);
  if (url.protocol !== 'https:') throw new SafeFetchError('NOT_HTTPS', shown, `${shown} is not HTTPS`);
  if (url.username !== '' || url.password !== '') throw new SafeFetchError('BAD_URL', shown, 'a URL with credentials in it');
  const name = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = url.port === '' ? (options.httpsPort ?? HTTPS_PORT) : Number(url.port);

  const check = await resolveAndJudge(name, options);
  if (check.status === 'unresolved') {
    throw new SafeFetchError(check.code === 'ABORTED' ? 'ABORTED' : 'DNS', shown, `${name} does not resolve (${check.code})`);
  }
  if (check.status === 'blocked') {
    const what = parseAddress(name) === null ? `${name} resolves to ${describeBlocked(check)}` : `${check.address} is a ${check.range} address`;
    throw new SafeFetchError('BLOCKED_ADDRESS', shown, `${what}, which discovery may not reach`);
  }
  if (!check.allowListed && port !== HTTPS_PORT) {
    throw new SafeFetchError('BLOCKED_PORT', shown, `port ${port} on a public address; discovery fetches only from port ${HTTPS_PORT}`);
  }
  const isLiteral = parseAddress(name) !== null;
  const pinned = check.addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  // Node asks `lookup` for one address or (with autoSelectFamily) all; it only ever gets the checked ones.
  const lookup = (_host: string, lookupOptions: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (lookupOptions.all) callback(null, pinned satisfies LookupAddress[]);
    else callback(null, pinned[0]?.address, pinned[0]?.family);
  };
  // https.request hands every option on to tls.connect, which takes a ready-made secureContext.
  const requestOptions: RequestOptions & { secureContext?: SecureContext } = {
    host: name,
    port,
    path: `${url.pathname}${url.search}`,
    method: 'GET',
    servername: isLiteral ? undefined : name,
    lookup: lookup as unknown as RequestOptions['lookup'],
    secureContext: secureContextFor(options.extraCa),
    agent: false,
    headers: { accept: 'application/xml, text/xml;q=0.9, */*;q=0.1', 'user-agent': 'emailhelp-settings-discovery' },
  };
  return exchange(requestOptions, url, shown, options);
}

const contexts = new Map<string, SecureContext>();

/**
 * One TLS context per set of trusted roots, made once: parsing Node's ~150 root certificates for
 * every request costs more than the whole loopback exchange. Verification stays on (the default).
 */
function secureContextFor(extraCa: readonly string[] | undefined): SecureContext | undefined {
  if (!extraCa || extraCa.length === 0) return undefined;
  const key = extraCa.join('\n');
  let context = contexts.get(key);
  if (!context) {
    context = createSecureContext({ ca: [...rootCertificates, ...extraCa] });
    contexts.set(key, context);
  }
  return context;
}

function exchange(requestOptions: RequestOptions, url: URL, shown: string, options: SafeFetchOptions): Promise<Hop> {
  const maxBytes = options.maxBytes ?? MAX_BODY_BYTES;
  return new Promise<Hop>((resolve, reject) => {
    let settled = false;
    const req = request(requestOptions);
    const finish = (error: SafeFetchError | null, hop?: Hop) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      req.destroy();
      if (error) reject(error);
      else if (hop) resolve(hop);
    };
    const onAbort = () => finish(new SafeFetchError('ABORTED', shown, 'discovery had already answered or ran out of time'));
    const timer = setTimeout(() => finish(new SafeFetchError('TIMEOUT', shown, `no complete answer from ${url.host} in time`)), remainingMs(options.deadlineAt));
    if (options.signal.aborted) return onAbort();
    options.signal.addEventListener('abort', onAbort, { once: true });

    req.on('error', (error: Error & { code?: string }) => {
      const code = error.code ?? '';
      const tls = /CERT|SSL|TLS|SELF_SIGNED|ALTNAME|ISSUER|LEAF|EPROTO/.test(code);
      finish(new SafeFetchError(tls ? 'TLS' : 'CONNECT', shown, `${url.host}: ${code || error.message}`, null, { cause: error }));
    });
    req.on('response', (res: IncomingMessage) => {
      const status = res.statusCode ?? 0;
      if (REDIRECT_STATUSES.has(status)) {
        const location = res.headers.location;
        res.resume();
        if (!location) return finish(new SafeFetchError('HTTP_STATUS', shown, `HTTP ${status} without a Location`, status));
        return finish(null, { redirect: location, result: { url: url.href, status, contentType: null, body: '' } });
      }
      if (status < 200 || status > 299) {
        res.resume();
        return finish(new SafeFetchError('HTTP_STATUS', shown, `HTTP ${status}`, status));
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        return finish(new SafeFetchError('TOO_LARGE', shown, `the answer is ${declared} bytes; at most ${maxBytes} are read`, status));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        // Counted as it arrives: a server that lies about its length, or sends none, is cut off here.
        if (size > maxBytes) return finish(new SafeFetchError('TOO_LARGE', shown, `more than ${maxBytes} bytes; the rest was not read`, status));
        chunks.push(chunk);
      });
      res.on('end', () => {
        const contentType = typeof res.headers['content-type'] === 'string' ? res.headers['content-type'] : null;
        finish(null, { redirect: null, result: { url: url.href, status, contentType, body: Buffer.concat(chunks).toString('utf8') } });
      });
      res.on('error', (error) => finish(new SafeFetchError('CONNECT', shown, `${url.host}: the answer broke off`, status, { cause: error })));
      res.on('aborted', () => finish(new SafeFetchError('CONNECT', shown, `${url.host}: the answer broke off`, status)));
    });
    req.end();
  });
}
