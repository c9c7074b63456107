/**
 * What a probe reports: plain facts in the JSON shape of the spec ("emailhelp probe"). Whether
 * those facts are good news (status) and what they mean (cause ids) is decided in src/core.
 */

export type MailProtocol = 'imap' | 'pop3' | 'smtp';
/** `tls`: implicit TLS from the first byte ("SSL/TLS"); `starttls`: plain, then upgraded; `none`. */
export type Security = 'tls' | 'starttls' | 'none';
export type Stage = 'dns' | 'blocked' | 'connect' | 'tls' | 'greeting' | 'capability' | 'starttls';

export interface CheckSpec {
  protocol: MailProtocol;
  port: number;
  /** `auto` (a port with no standard meaning): a TLS handshake is tried first, then plain text. */
  security: Security | 'auto';
}

export interface CertificateInfo {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  daysLeft: number;
  selfSigned: boolean;
  hostnameMatch: boolean;
  /** The DNS names the certificate is valid for (subjectAltName, else its CN). */
  names: string[];
}

export interface TlsInfo {
  version: string | null;
  cipher: string | null;
  /** The chain verifies against the trusted roots and the certificate is valid for the host name. */
  authorized: boolean;
  /** Why not: Node/OpenSSL's code (CERT_HAS_EXPIRED, DEPTH_ZERO_SELF_SIGNED_CERT, ERR_TLS_CERT_ALTNAME_INVALID, …). */
  authorizationError: string | null;
  certificate: CertificateInfo | null;
}

export interface ProbeErrorInfo {
  code: string;
  message: string;
}

export interface StarttlsInfo {
  offered: boolean;
  /** The capabilities the server showed before the upgrade. */
  capabilitiesBefore: string[];
}

export interface TimingsMs {
  dns?: number;
  connect?: number;
  tls?: number;
  greeting?: number;
  capability?: number;
  starttls?: number;
  total: number;
}

/** One check before judgement: the facts, and the stage it stopped at if it failed. */
export interface CheckFacts extends Omit<CheckSpec, 'security'> {
  /** The security probed: for an `auto` spec, what the server turned out to speak. */
  security: Security;
  address: string | null;
  failedStage: Stage | null;
  error: ProbeErrorInfo | null;
  tls: TlsInfo | null;
  greeting: string | null;
  /** Read after STARTTLS where there is one: servers hide AUTH mechanisms before it. */
  capabilities: string[];
  authMechanisms: string[];
  starttls: StarttlsInfo | null;
  /** What the dialog noticed that is worth a warning or a cause (e.g. LOGINDISABLED with no STARTTLS). */
  notes: string[];
  timingsMs: TimingsMs;
}

export interface SweepFacts {
  target: string;
  addresses: string[];
  checks: CheckFacts[];
}
