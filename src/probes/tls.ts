import type { Socket } from 'node:net';
import { checkServerIdentity, connect as tlsConnect, createSecureContext, rootCertificates, type PeerCertificate, type SecureContext, type TLSSocket } from 'node:tls';
import { ProbeError, toProbeError } from './probe-error.js';
import type { Deadline } from './deadline.js';
import type { CertificateInfo, TlsInfo } from './types.js';

/**
 * The TLS handshake and what the certificate says. The probe sends no secret, so it accepts any
 * certificate long enough to report on it (rejectUnauthorized: false) and decides "authorized"
 * itself: the chain verdict from OpenSSL plus tls.checkServerIdentity against the host name the
 * user typed (sent as SNI). TLS 1.0/1.1 and old ciphers are allowed so such servers are reported as
 * a warning instead of failing to connect.
 */

export interface TlsOptions {
  /** The name to send as SNI and check the certificate against; null for an IP target. */
  hostname: string | null;
  /** Extra trusted roots (a lab CA, a test CA), added to Node's bundled ones. */
  extraCa?: readonly string[];
  /** The address connected to: what the certificate must name when the target is an IP address. */
  address?: string;
}

export interface TlsResult {
  socket: TLSSocket;
  info: TlsInfo;
  /** For a fresh connection: milliseconds to the TCP connection, then to the end of the handshake. */
  connectMs: number | null;
  handshakeMs: number;
}

/** Implicit TLS on a fresh connection, or STARTTLS on an existing plain socket. */
export async function startTls(
  target: { address: string; port: number } | { socket: Socket },
  options: TlsOptions,
  deadline: Deadline,
): Promise<TlsResult> {
  const socket = tlsConnect({
    ...('socket' in target ? { socket: target.socket } : { host: target.address, port: target.port }),
    servername: options.hostname ?? undefined,
    rejectUnauthorized: false,
    secureContext: secureContextFor(options.extraCa),
  });
  const started = performance.now();
  let connectedAt: number | null = null;
  if (!('socket' in target)) socket.once('connect', () => (connectedAt = performance.now()));
  try {
    await deadline.step(
      'tls',
      new Promise<void>((resolve, reject) => {
        socket.once('secureConnect', resolve);
        socket.once('error', reject);
      }),
      () => socket.destroy(),
    );
  } catch (error) {
    socket.destroy();
    throw translateTlsError(error);
  }
  const done = performance.now();
  return {
    socket,
    info: describeTls(socket, options.hostname ?? options.address ?? null),
    connectMs: connectedAt === null ? null : Math.round(connectedAt - started),
    handshakeMs: Math.round(done - (connectedAt ?? started)),
  };
}

const contexts = new Map<string, SecureContext>();

/**
 * One TLS context per set of trusted roots, made once: building one parses every root
 * certificate, which costs more than the handshake itself.
 */
function secureContextFor(extraCa: readonly string[] | undefined): SecureContext {
  const key = extraCa?.join('\n') ?? '';
  let context = contexts.get(key);
  if (!context) {
    context = createSecureContext({
      ca: extraCa && extraCa.length > 0 ? [...rootCertificates, ...extraCa] : undefined,
      // The probe sends no secret, so old servers are let in to be reported, not refused.
      minVersion: 'TLSv1',
      ciphers: 'DEFAULT:@SECLEVEL=0',
    });
    contexts.set(key, context);
  }
  return context;
}

/** OpenSSL's reasons become the codes people search for (ERR_SSL_WRONG_VERSION_NUMBER, …). */
function translateTlsError(error: unknown): ProbeError {
  const e = toProbeError(error, 'tls');
  if (e.code === 'ECONNRESET' && /socket disconnected before secure TLS connection/i.test(e.message)) {
    return new ProbeError('TLS_HANDSHAKE_FAILED', 'tls', 'the server closed the connection during the TLS handshake', { cause: error });
  }
  return e;
}

/** `identity`: the host name (or, for an IP target, the address) the certificate must be valid for. */
export function describeTls(socket: TLSSocket, identity: string | null, now = new Date()): TlsInfo {
  const peer = socket.getPeerCertificate(true);
  const hasCert = peer && Object.keys(peer).length > 0;
  const certificate = hasCert ? describeCertificate(peer, identity, now) : null;
  const raw = socket.authorizationError ? String((socket.authorizationError as Error & { code?: string }).code ?? socket.authorizationError) : null;
  // Node folds its own name check into authorizationError; ours (against `identity`) decides that part.
  const chainError = raw === 'ERR_TLS_CERT_ALTNAME_INVALID' ? null : raw;
  const nameError = certificate && !certificate.hostnameMatch ? 'ERR_TLS_CERT_ALTNAME_INVALID' : null;
  const authorizationError = chainError ?? nameError;
  return {
    version: socket.getProtocol() ?? null,
    cipher: socket.getCipher()?.name ?? null,
    authorized: hasCert && authorizationError === null,
    authorizationError: hasCert ? authorizationError : 'NO_CERTIFICATE',
    certificate,
  };
}

function describeCertificate(cert: PeerCertificate, hostname: string | null, now: Date): CertificateInfo {
  const validTo = new Date(cert.valid_to);
  const names = certificateNames(cert);
  const hostnameMatch = hostname !== null && checkServerIdentity(hostname, cert) === undefined;
  return {
    subject: formatName(cert.subject),
    issuer: formatName(cert.issuer),
    validFrom: new Date(cert.valid_from).toISOString(),
    validTo: validTo.toISOString(),
    daysLeft: Math.floor((validTo.getTime() - now.getTime()) / 86_400_000),
    // Self-issued: the certificate names itself as issuer (a CA-issued leaf never does).
    selfSigned: formatName(cert.subject) === formatName(cert.issuer),
    hostnameMatch,
    names,
  };
}

function certificateNames(cert: PeerCertificate): string[] {
  const san = (cert.subjectaltname ?? '')
    .split(/,\s*/)
    .filter((entry) => entry.startsWith('DNS:'))
    .map((entry) => entry.slice(4));
  const cn = typeof cert.subject?.CN === 'string' ? cert.subject.CN : undefined;
  return san.length > 0 ? san : cn ? [cn] : [];
}

function formatName(name: PeerCertificate['subject'] | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`)
    .join(', ');
}
