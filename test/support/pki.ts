import { execFile } from 'node:child_process';
import { randomBytes, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { atProcessEnd } from './free-port.js';

const run = promisify(execFile);

export interface TestCert {
  /** PEM text of the certificate. */
  cert: string;
  /** PEM text of its private key (unencrypted PKCS#8). */
  key: string;
  certPath: string;
  keyPath: string;
  /** The DNS names in its subjectAltName, in order. */
  names: string[];
  notBefore: Date;
  notAfter: Date;
}

export interface TestPki {
  /** The temporary directory holding every file; removed when the process exits. */
  dir: string;
  caCert: string;
  caCertPath: string;
  /** Trusted, valid for a year, for good.test and its mail host names. */
  good: TestCert;
  /** Trusted issuer, but its whole validity lies in the past. */
  expired: TestCert;
  /** Trusted and valid now, but only for five more days. */
  expiringSoon: TestCert;
  /** Trusted and valid, but for a hosting provider's names, not the names the tests probe. */
  wrongName: TestCert;
  /** Signed by its own key, not by the test CA. */
  selfSigned: TestCert;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * OpenSSL 3.0's `x509 -req` and `req -x509` only take `-days`, so they cannot backdate a certificate;
 * `openssl ca` takes explicit `-startdate/-enddate`, which is why every CA-signed certificate goes
 * through it. The date format is ASN.1 UTCTime (YYMMDDHHMMSSZ), fine until 2050.
 */
function asn1Time(date: Date): string {
  const iso = date.toISOString(); // 2025-11-26T09:00:00.000Z
  return `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/** X.509 validity has one-second precision; asking for milliseconds would only be truncated silently. */
function wholeSeconds(ms: number): Date {
  return new Date(Math.floor(ms / 1000) * 1000);
}

async function generate(): Promise<TestPki> {
  const dir = mkdtempSync(join(tmpdir(), 'emailhelp-pki-'));
  // The cache lives as long as the process (several test files may share it), so the files do too.
  atProcessEnd(() => rmSync(dir, { recursive: true, force: true }));

  const path = (name: string) => join(dir, name);
  const config = path('openssl.cnf');
  // Our own configuration, also through OPENSSL_CONF, so a distribution's openssl.cnf (policies,
  // default extensions, security level) cannot change what we make.
  const env = { ...process.env, OPENSSL_CONF: config };
  const openssl = async (...args: string[]) => {
    try {
      await run('openssl', args, { env, cwd: dir });
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? '';
      throw new Error(`openssl ${args.join(' ')} failed: ${stderr.trim() || String(error)}`, { cause: error });
    }
  };

  writeFileSync(
    config,
    [
      '[ ca ]',
      'default_ca = test_ca',
      '[ test_ca ]',
      `database = ${path('index.txt')}`,
      `serial = ${path('serial')}`,
      `new_certs_dir = ${dir}`,
      'default_md = sha256',
      'policy = policy_any',
      // The index is scratch: it must never refuse a certificate because it saw the subject before.
      'unique_subject = no',
      // Extensions come only from our -extfile, never from what a CSR asks for.
      'copy_extensions = none',
      '[ policy_any ]',
      'commonName = supplied',
      '[ req ]',
      'distinguished_name = req_dn',
      'prompt = no',
      '[ req_dn ]',
      'CN = placeholder',
      '[ ca_ext ]',
      'basicConstraints = critical, CA:TRUE',
      'keyUsage = critical, keyCertSign, cRLSign',
      'subjectKeyIdentifier = hash',
      '',
    ].join('\n'),
  );
  writeFileSync(path('index.txt'), '');
  // A random first serial, so two runs never hand out the same issuer+serial pair.
  writeFileSync(path('serial'), `${randomBytes(8).toString('hex').replace(/^0/, '1')}\n`);

  const newKey = (file: string) => openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', path(file));

  const now = Date.now();
  await newKey('ca.key');
  await openssl('req', '-new', '-config', config, '-key', path('ca.key'), '-subj', '/CN=emailhelp test CA', '-out', path('ca.csr'));
  // The CA's validity starts before the expired leaf's, so that leaf was issued within its issuer's life.
  await openssl(
    'ca', '-batch', '-config', config, '-selfsign', '-keyfile', path('ca.key'), '-in', path('ca.csr'), '-out', path('ca.crt'),
    '-notext', '-extensions', 'ca_ext',
    '-startdate', asn1Time(wholeSeconds(now - 400 * DAY)), '-enddate', asn1Time(wholeSeconds(now + 3 * 365 * DAY)),
  );

  const leafExtensions = (names: string[]) =>
    [
      'basicConstraints = critical, CA:FALSE',
      // EC keys sign; they never encipher, so keyEncipherment would be wrong here.
      'keyUsage = critical, digitalSignature',
      'extendedKeyUsage = serverAuth',
      `subjectAltName = ${names.map((n) => `DNS:${n}`).join(', ')}`,
      'subjectKeyIdentifier = hash',
      'authorityKeyIdentifier = keyid',
      '',
    ].join('\n');

  const read = (file: string) => readFileSync(path(file), 'utf8');
  // The dates reported are read back from the certificate, so they are exactly what a client will see.
  const described = (id: string, names: string[]): TestCert => {
    const cert = read(`${id}.crt`);
    const parsed = new X509Certificate(cert);
    return {
      cert,
      key: read(`${id}.key`),
      certPath: path(`${id}.crt`),
      keyPath: path(`${id}.key`),
      names,
      notBefore: new Date(parsed.validFrom),
      notAfter: new Date(parsed.validTo),
    };
  };

  const issue = async (id: string, names: string[], notBefore: Date, notAfter: Date): Promise<TestCert> => {
    const cn = names[0] ?? id;
    await newKey(`${id}.key`);
    await openssl('req', '-new', '-config', config, '-key', path(`${id}.key`), '-subj', `/CN=${cn}`, '-out', path(`${id}.csr`));
    writeFileSync(path(`${id}.ext`), leafExtensions(names));
    await openssl(
      'ca', '-batch', '-config', config, '-cert', path('ca.crt'), '-keyfile', path('ca.key'), '-in', path(`${id}.csr`),
      '-out', path(`${id}.crt`), '-notext', '-extfile', path(`${id}.ext`),
      '-startdate', asn1Time(notBefore), '-enddate', asn1Time(notAfter),
    );
    return described(id, names);
  };

  // `openssl ca` appends to one index and serial file, so CA-signed certificates are made one after another.
  // Current certificates start a minute early so a client whose clock lags slightly still accepts them.
  const good = await issue('good', ['good.test', 'mail.good.test', 'imap.good.test', 'pop.good.test', 'smtp.good.test'], wholeSeconds(now - 60_000), wholeSeconds(now + 365 * DAY));
  const expired = await issue('expired', ['expired.test'], wholeSeconds(now - 90 * DAY), wholeSeconds(now - 30 * DAY));
  const expiringSoon = await issue('soon', ['soon.test'], wholeSeconds(now - 60_000), wholeSeconds(now + 5 * DAY));
  const wrongName = await issue('wrongname', ['shared-host.example', '*.hosting.example'], wholeSeconds(now - 60_000), wholeSeconds(now + 365 * DAY));

  // `req -x509 -days` starts now, which is all a self-signed certificate needs; it never touches the CA.
  // -extensions names a section of -config, so the section is appended there first.
  writeFileSync(config, `${readFileSync(config, 'utf8')}[ self_ext ]\n${leafExtensions(['selfsigned.test'])}`);
  await newKey('selfsigned.key');
  await openssl(
    'req', '-x509', '-new', '-config', config, '-key', path('selfsigned.key'), '-subj', '/CN=selfsigned.test', '-days', '365',
    '-extensions', 'self_ext', '-out', path('selfsigned.crt'),
  );
  const selfSigned = described('selfsigned', ['selfsigned.test']);

  return { dir, caCert: read('ca.crt'), caCertPath: path('ca.crt'), good, expired, expiringSoon, wrongName, selfSigned };
}

/**
 * Generation takes a few hundred milliseconds, so one set serves the whole process. The cache sits on
 * globalThis rather than in a module variable because vitest may evaluate this module more than once in a
 * process. Parallel workers are separate processes: each makes its own set in its own directory, so they
 * never share or race on files.
 */
const CACHE = Symbol.for('emailhelp.test.pki');
type CacheHolder = { [CACHE]?: Promise<TestPki> };

export function makeTestPki(): Promise<TestPki> {
  const holder = globalThis as CacheHolder;
  let pending = holder[CACHE];
  if (pending === undefined) {
    pending = generate();
    holder[CACHE] = pending;
    // A failed attempt must not poison the cache for the next caller.
    pending.catch(() => {
      if (holder[CACHE] === pending) holder[CACHE] = undefined;
    });
  }
  return pending;
}
