import { checkServerIdentity, rootCertificates, type ConnectionOptions } from 'node:tls';

/**
 * TLS for a login: verification on, always. Unlike the probe (which accepts any certificate long
 * enough to report on it, and old TLS versions so it can warn about them), a login sends a
 * password, so a certificate a mail app would refuse ends the session before anything is sent,
 * and TLS below 1.2 is not offered.
 */
export function strictTlsOptions(hostname: string | null, address: string, extraCa?: readonly string[]): ConnectionOptions {
  return {
    // An IP target gets no SNI (RFC 6066 forbids an address there); the certificate must name the address.
    servername: hostname ?? undefined,
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2',
    // Without extra roots, Node's default store (which honours NODE_EXTRA_CA_CERTS) is used as it is.
    ca: extraCa && extraCa.length > 0 ? [...rootCertificates, ...extraCa] : undefined,
    // The name the user typed, never whatever the connection was opened to (a checked IP address).
    checkServerIdentity: (_host, cert) => checkServerIdentity(hostname ?? address, cert),
  };
}

/** Node's TLS error codes that mean "this certificate would be refused by a mail app". */
export function isCertificateError(code: string): boolean {
  return /CERT|SELF_SIGNED|ALTNAME|ISSUER|LEAF|HOSTNAME/.test(code);
}
