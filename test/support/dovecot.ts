import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { atProcessEnd, reservePorts, waitForPort } from './free-port.js';
import type { TestPki } from './pki.js';

/*
 * A real Debian Dovecot 2.3 (dovecot-imapd + dovecot-pop3d) run from a configuration in a temporary
 * directory: base_dir, state_dir, logs, users and mail all live there; nothing under /etc or /var is
 * read or written and no system service is involved.
 *
 * Why the default address is 127.0.0.2, not 127.0.0.1: Dovecot counts a connection whose client IP equals
 * the IP it was accepted on as "secured" (doc/wiki and conf.d/10-auth.conf: "connecting from the same
 * computer"), and then allows plaintext login without TLS — no LOGINDISABLED, AUTH=PLAIN before STARTTLS.
 * On Linux every 127/8 address is local, and a client connecting to 127.0.0.2 gets 127.0.0.1 as its source,
 * so Dovecot sees two different addresses and behaves like a server reached over a network. Verified here:
 * to 127.0.0.1 from 127.0.0.1 the greeting lists AUTH=PLAIN; to 127.0.0.2 it lists LOGINDISABLED.
 *
 * Users and privileges, verified with Dovecot 2.3.19.1 on Debian 12:
 * - as root (this machine and CI): the Debian package's own `dovecot` and `dovenull` users are the
 *   internal and login users, and mail processes run as `dovecot` (Dovecot refuses uid 0 for mail);
 * - as a normal user: every Dovecot process runs as that user, login processes are not chrooted
 *   (chroot needs root), and the test user's mail is owned by that user. Checked by running the smoke
 *   checks of startDovecot under `setpriv --reuid=nobody`.
 */

const run = promisify(execFile);
const DOVECOT = '/usr/sbin/dovecot';

export interface DovecotUser {
  name: string;
  password: string;
  /** Refused whatever the password (passwd-file `nologin`), like a disabled account. */
  disabled?: boolean;
}

/** What Dovecot 2.3 answers a `nologin` user (IMAP with [CONTACTADMIN], POP3 with [AUTH]). */
export const DISABLED_REPLY = 'Login disabled for this user';
/** Messages each user's INBOX holds from the start, so a read-only check has something to count. */
export const INBOX_MESSAGES = 1;

export interface DovecotOptions {
  /** Loopback address to listen on; see the note above for why it defaults to 127.0.0.2. */
  host?: string;
  /** How long to wait for the listeners, in ms. */
  startTimeoutMs?: number;
}

export interface DovecotServer {
  host: string;
  /** imap: plain with STARTTLS, imaps: implicit TLS, pop3: plain with STLS, pop3s: implicit TLS. */
  ports: { imap: number; imaps: number; pop3: number; pop3s: number };
  users: DovecotUser[];
  logPath: string;
  stop(): Promise<void>;
}

export interface PlainDovecotServer {
  host: string;
  /** Plain text only: `ssl = no`, so no STARTTLS/STLS and, with plaintext auth disabled, no way to log in. */
  ports: { imap: number; pop3: number };
  users: DovecotUser[];
  logPath: string;
  stop(): Promise<void>;
}

/** SNI names the TLS instance answers with a certificate other than the default `good` one. */
export const DOVECOT_SNI_NAMES = {
  expired: 'expired.test',
  expiringSoon: 'soon.test',
  selfSigned: 'selfsigned.test',
  wrongName: 'wrongname.test',
} as const;

/** Dovecot with TLS: default certificate `good`, other certificates chosen by SNI (see DOVECOT_SNI_NAMES). */
export async function startDovecot(pki: TestPki, options: DovecotOptions = {}): Promise<DovecotServer> {
  const started = await startInstance({ pki, host: options.host ?? '127.0.0.2', startTimeoutMs: options.startTimeoutMs ?? 15_000 });
  const [imap, imaps, pop3, pop3s] = started.ports;
  if (imap === undefined || imaps === undefined || pop3 === undefined || pop3s === undefined) throw new Error('missing Dovecot port');
  return { host: started.host, ports: { imap, imaps, pop3, pop3s }, users: started.users, logPath: started.logPath, stop: started.stop };
}

/**
 * Dovecot with `ssl = no` and Dovecot's default `disable_plaintext_auth = yes`: it advertises LOGINDISABLED
 * (IMAP) and no USER (POP3), and offers no STARTTLS/STLS, so a client can never log in safely.
 */
export async function startPlainDovecot(options: DovecotOptions = {}): Promise<PlainDovecotServer> {
  const started = await startInstance({ pki: null, host: options.host ?? '127.0.0.2', startTimeoutMs: options.startTimeoutMs ?? 15_000 });
  const [imap, pop3] = started.ports;
  if (imap === undefined || pop3 === undefined) throw new Error('missing Dovecot port');
  return { host: started.host, ports: { imap, pop3 }, users: started.users, logPath: started.logPath, stop: started.stop };
}

interface Identity {
  internalUser: string;
  internalGroup: string;
  loginUser: string;
  mailUid: number;
  mailGid: number;
  asRoot: boolean;
}

async function idOf(user: string): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', user]), run('id', ['-g', user])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

async function identity(): Promise<Identity> {
  const uid = process.getuid?.() ?? -1;
  if (uid === 0) {
    const dovecot = await idOf('dovecot').catch(() => {
      throw new Error('running as root needs the `dovecot` system user that Debian’s dovecot-core package creates');
    });
    return { internalUser: 'dovecot', internalGroup: 'dovecot', loginUser: 'dovenull', mailUid: dovecot.uid, mailGid: dovecot.gid, asRoot: true };
  }
  const me = userInfo();
  // Dovecot hands some sockets to this group, and only root may chown to a group it is not in.
  const group = (await run('id', ['-gn'])).stdout.trim();
  return { internalUser: me.username, internalGroup: group, loginUser: me.username, mailUid: me.uid, mailGid: me.gid, asRoot: false };
}

interface Started {
  host: string;
  ports: number[];
  users: DovecotUser[];
  logPath: string;
  stop(): Promise<void>;
}

interface InstanceSpec {
  pki: TestPki | null;
  host: string;
  startTimeoutMs: number;
}

function configText(spec: InstanceSpec, dir: string, who: Identity, ports: number[]): string {
  const [imap, second, third, fourth] = ports;
  const tls = spec.pki !== null;
  // Built-in defaults declare imap/imaps/pop3/pop3s listeners on 143/993/110/995; each one is named here
  // so none of them ever binds a well-known port (port 0 disables a listener).
  const imapPort = imap ?? 0;
  const imapsPort = tls ? (second ?? 0) : 0;
  const pop3Port = tls ? (third ?? 0) : (second ?? 0);
  const pop3sPort = tls ? (fourth ?? 0) : 0;
  const noChroot = who.asRoot ? '' : '  chroot =\n';
  const lines = [
    `# Written by test/support/dovecot.ts for one test run.`,
    `base_dir = ${join(dir, 'run')}`,
    `state_dir = ${join(dir, 'state')}`,
    `instance_name = emailhelp-test-${randomBytes(4).toString('hex')}`,
    `log_path = ${join(dir, 'dovecot.log')}`,
    `info_log_path = ${join(dir, 'dovecot.log')}`,
    `debug_log_path = ${join(dir, 'dovecot.log')}`,
    `protocols = imap pop3`,
    `listen = ${spec.host}`,
    `disable_plaintext_auth = yes`,
    `auth_mechanisms = plain login`,
    `auth_verbose = yes`,
    // Login tests refuse passwords on purpose, many times a run: Dovecot's 2 s delay per failure and
    // its growing per-IP penalty (2, 4, 8, 15 s) would only make them slow. Both are anti-brute-force
    // measures a real server keeps.
    `auth_failure_delay = 0`,
    `default_internal_user = ${who.internalUser}`,
    `default_internal_group = ${who.internalGroup}`,
    `default_login_user = ${who.loginUser}`,
    `first_valid_uid = ${who.mailUid}`,
    `last_valid_uid = 0`,
    `first_valid_gid = ${who.mailGid === 0 ? 1 : who.mailGid}`,
    `mail_location = maildir:~/Maildir`,
    `passdb {`,
    `  driver = passwd-file`,
    `  args = scheme=PLAIN username_format=%u ${join(dir, 'users')}`,
    `}`,
    `userdb {`,
    `  driver = passwd-file`,
    `  args = username_format=%u ${join(dir, 'users')}`,
    `}`,
    `service imap-login {`,
    `  inet_listener imap {`,
    `    port = ${imapPort}`,
    `  }`,
    `  inet_listener imaps {`,
    `    port = ${imapsPort}`,
    `    ssl = yes`,
    `  }`,
    noChroot,
    `}`,
    `service pop3-login {`,
    `  inet_listener pop3 {`,
    `    port = ${pop3Port}`,
    `  }`,
    `  inet_listener pop3s {`,
    `    port = ${pop3sPort}`,
    `    ssl = yes`,
    `  }`,
    noChroot,
    `}`,
  ];
  // Authentication penalty tracking off (doc.dovecot.org, "Authentication penalty support").
  lines.push(`service anvil {`, `  unix_listener anvil-auth-penalty {`, `    mode = 0`, `  }`, `}`);
  if (!who.asRoot) {
    // These default to chrooting or to root, neither of which an unprivileged master can do.
    lines.push(`service anvil {`, noChroot, `}`, `service auth-worker {`, `  user = $default_internal_user`, `}`);
  }
  if (spec.pki === null) {
    lines.push(`ssl = no`);
  } else {
    const pki = spec.pki;
    // `<path` makes Dovecot's config process read the PEM file itself.
    lines.push(`ssl = yes`, `ssl_cert = <${pki.good.certPath}`, `ssl_key = <${pki.good.keyPath}`);
    const byName = [
      [DOVECOT_SNI_NAMES.expired, pki.expired],
      [DOVECOT_SNI_NAMES.expiringSoon, pki.expiringSoon],
      [DOVECOT_SNI_NAMES.selfSigned, pki.selfSigned],
      [DOVECOT_SNI_NAMES.wrongName, pki.wrongName],
    ] as const;
    for (const [name, cert] of byName) {
      lines.push(`local_name ${name} {`, `  ssl_cert = <${cert.certPath}`, `  ssl_key = <${cert.keyPath}`, `}`);
    }
  }
  return `${lines.filter((l) => l !== '').join('\n')}\n`;
}

function killGroupNow(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function tail(path: string, extra: string): string {
  const log = existsSync(path) ? readFileSync(path, 'utf8') : '';
  return `${log}${extra}`.split('\n').slice(-30).join('\n');
}

async function startInstance(spec: InstanceSpec): Promise<Started> {
  if (!existsSync(DOVECOT)) {
    throw new Error(`${DOVECOT} is missing: install Debian's dovecot-imapd and dovecot-pop3d (see .ci/run)`);
  }
  const who = await identity();
  let lastError: unknown;
  // A reserved port can be taken by someone else before Dovecot binds it; then Dovecot exits and we retry.
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await startOnce(spec, who);
    } catch (error) {
      lastError = error;
      if (!String(error).includes('Address already in use')) throw error;
    }
  }
  throw lastError;
}

async function startOnce(spec: InstanceSpec, who: Identity): Promise<Started> {
  const dir = mkdtempSync(join(tmpdir(), 'emailhelp-dovecot-'));
  // Dovecot's unprivileged processes (auth as `dovecot`, mail as the test user) must reach files in here.
  chmodSync(dir, 0o755);
  const logPath = join(dir, 'dovecot.log');
  const ports = await reservePorts(spec.pki === null ? 2 : 4, spec.host);

  const users: DovecotUser[] = [
    { name: 'tester@good.test', password: `pw-${randomBytes(9).toString('base64url')}` },
    { name: 'disabled@good.test', password: `pw-${randomBytes(9).toString('base64url')}`, disabled: true },
  ];
  const mailRoot = join(dir, 'mail');
  mkdirSync(mailRoot);
  const userLines = users.map((user) => {
    const home = join(mailRoot, user.name);
    const maildir = join(home, 'Maildir');
    for (const sub of ['new', 'cur', 'tmp']) mkdirSync(join(maildir, sub), { recursive: true });
    writeFileSync(join(maildir, 'new', `1700000000.M1P1.emailhelp-test`), 'From: a@good.test\r\nTo: b@good.test\r\nSubject: kept\r\n\r\nThis message must survive every login test.\r\n');
    if (who.asRoot) {
      for (const path of [home, maildir, ...['new', 'cur', 'tmp'].map((sub) => join(maildir, sub)), join(maildir, 'new', `1700000000.M1P1.emailhelp-test`)]) {
        chownSync(path, who.mailUid, who.mailGid);
      }
    }
    // passwd-file extra fields (the 8th column): `nologin` refuses the login even with the right
    // password. (A `reason=` would replace Dovecot's words, but passwd-file cuts values at spaces.)
    const extra = user.disabled ? 'nologin' : '';
    return `${user.name}:{PLAIN}${user.password}:${who.mailUid}:${who.mailGid}::${home}::${extra}`;
  });
  writeFileSync(join(dir, 'users'), `${userLines.join('\n')}\n`, { mode: 0o644 });
  const configPath = join(dir, 'dovecot.conf');
  writeFileSync(configPath, configText(spec, dir, who, ports));

  // Its own process group, so stop() (and the exit hook) can take down every child Dovecot forks.
  const child = spawn(DOVECOT, ['-F', '-c', configPath], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  // If the test process dies before stop() (a crash, a timeout in afterAll), Dovecot and its files go with it.
  const cancelHook = atProcessEnd(() => {
    killGroupNow(child);
    rmSync(dir, { recursive: true, force: true });
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = `${output}${chunk.toString('utf8')}`.slice(-8192);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        child.kill('SIGTERM');
        // Dovecot's master needs about a second to shut its services down; past the grace period, force it.
        const timer = new Promise<'late'>((resolve) => {
          const t = setTimeout(() => resolve('late'), 5000);
          void exited.then(() => clearTimeout(t));
        });
        if ((await Promise.race([exited.then(() => 'done' as const), timer])) === 'late') killGroupNow(child);
        await exited;
      }
      // Any child that outlived the master (it should not) goes with the group.
      killGroupNow(child);
      cancelHook();
      rmSync(dir, { recursive: true, force: true });
    })();
    return stopping;
  };

  const deadline = Date.now() + spec.startTimeoutMs;
  try {
    const alive = () => spawnError === undefined && child.exitCode === null && child.signalCode === null;
    for (const port of ports) await waitForPort(spec.host, port, deadline, alive);
  } catch (error) {
    // Let Dovecot finish writing why it stopped before reading the log.
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 200))]);
    const why = tail(logPath, output);
    await stop();
    throw new Error(`Dovecot did not start (${spawnError?.message ?? String(error)}):\n${why}`, { cause: error });
  }
  return { host: spec.host, ports, users, logPath, stop };
}
