import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { atProcessEnd } from './free-port.js';
import type { TestPki } from './pki.js';

const run = promisify(execFile);

/**
 * A scripted HTTPS server for settings discovery: one certificate from the test CA for every name
 * the test serves (so a client trusts it only through the test CA, passed as an extra CA), and
 * answers chosen per host and path — a file, a redirect, a status, silence, or a body of any size
 * streamed without a Content-Length.
 */

export type HttpsRoute =
  | { body: string; status?: number; contentType?: string }
  | { redirect: string; status?: number }
  | { status: number }
  /** Accepts the request and never answers. */
  | { hang: true }
  /** Streams this many bytes of XML-looking filler, with no Content-Length. */
  | { streamBytes: number };

export interface HttpsRequestLog {
  host: string;
  /** Path and query, as requested. */
  url: string;
}

export interface HttpsServer {
  host: string;
  port: number;
  /** Every request received, in order. */
  requests: HttpsRequestLog[];
  /** Keyed by "host/path" (no query, no port), e.g. "autoconfig.acme.test/mail/config-v1.1.xml". */
  routes: Map<string, HttpsRoute>;
  /** Bytes actually written by streamed answers, summed (to see that a client stopped reading). */
  streamedBytes(): number;
  close(): Promise<void>;
}

/** A leaf certificate for `names`, signed by the test CA of `pki` with a fresh key. */
export async function issueCertificate(pki: TestPki, names: string[]): Promise<{ cert: string; key: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'emailhelp-https-'));
  const cleanup = atProcessEnd(() => rmSync(dir, { recursive: true, force: true }));
  const path = (f: string) => join(dir, f);
  const openssl = (...args: string[]) => run('openssl', args, { cwd: dir, env: { ...process.env, OPENSSL_CONF: path('openssl.cnf') } });
  try {
    writeFileSync(path('openssl.cnf'), '[ req ]\ndistinguished_name = dn\nprompt = no\n[ dn ]\nCN = placeholder\n');
    writeFileSync(
      path('leaf.ext'),
      [
        'basicConstraints = critical, CA:FALSE',
        'keyUsage = critical, digitalSignature',
        'extendedKeyUsage = serverAuth',
        `subjectAltName = ${names.map((n) => `DNS:${n}`).join(', ')}`,
        '',
      ].join('\n'),
    );
    await openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', path('leaf.key'));
    await openssl('req', '-new', '-key', path('leaf.key'), '-subj', `/CN=${names[0] ?? 'https.test'}`, '-out', path('leaf.csr'));
    await openssl(
      'x509', '-req', '-in', path('leaf.csr'), '-CA', pki.caCertPath, '-CAkey', join(pki.dir, 'ca.key'),
      '-set_serial', `0x${randomBytes(8).toString('hex')}`, '-days', '30', '-sha256', '-extfile', path('leaf.ext'), '-out', path('leaf.crt'),
    );
    return { cert: readFileSync(path('leaf.crt'), 'utf8'), key: readFileSync(path('leaf.key'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    cleanup();
  }
}

export async function startHttpsServer(options: { pki: TestPki; names: string[]; host?: string; routes?: Record<string, HttpsRoute> }): Promise<HttpsServer> {
  const host = options.host ?? '127.0.0.1';
  const { cert, key } = await issueCertificate(options.pki, options.names);
  const routes = new Map(Object.entries(options.routes ?? {}));
  const requests: HttpsRequestLog[] = [];
  const sockets = new Set<Socket>();
  let streamed = 0;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const hostName = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const url = req.url ?? '/';
    requests.push({ host: hostName, url });
    const route = routes.get(`${hostName}${url.split('?')[0] ?? ''}`);
    if (route === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    } else if ('hang' in route) {
      // Say nothing; the client must give up on its own.
    } else if ('redirect' in route) {
      res.writeHead(route.status ?? 302, { location: route.redirect }).end();
    } else if ('streamBytes' in route) {
      res.writeHead(200, { 'content-type': 'application/xml' });
      const chunk = Buffer.from(`<clientConfig>${'<!-- filler -->'.repeat(4096)}`);
      const pump = () => {
        while (streamed < route.streamBytes && !res.destroyed) {
          streamed += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        if (!res.destroyed) res.end();
      };
      res.on('error', () => undefined);
      pump();
    } else if ('body' in route) {
      res.writeHead(route.status ?? 200, { 'content-type': route.contentType ?? 'application/xml' }).end(route.body);
    } else {
      res.writeHead(route.status).end();
    }
  };

  const server: Server = createServer({ cert, key }, handle);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port: 0 }, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the HTTPS server has no port');
  let closing: Promise<void> | undefined;
  return {
    host,
    port: address.port,
    requests,
    routes,
    streamedBytes: () => streamed,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      });
      return closing;
    },
  };
}
