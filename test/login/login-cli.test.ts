import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import ipaddr from 'ipaddr.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LoginReport } from '../../src/core/login/index.js';
import { echoForms } from '../../src/core/login/scrub.js';
import { defaultConfig } from '../../src/load-config.js';
import { Secret } from '../../src/secret.js';
import { parseArgs } from '../../src/terminal/args.js';
import { firstLine, PasswordCancelled, promptHidden } from '../../src/terminal/password.js';
import { runCli, type CliIo } from '../../src/terminal/run.js';
import { startDnsServer, type DnsServer } from '../support/dns-server.js';
import { startHostileServer } from '../support/hostile-servers.js';
import { startScriptedServer, type ScriptedServer, type ScriptOptions } from '../support/login-script-server.js';
import { makeTestPki, type TestPki } from '../support/pki.js';

/**
 * `emailhelp probe --login USER …` on the command line: off unless enabled, the password from a
 * prompt or stdin (never argv), and a password that shows up nowhere the program writes.
 */

let pki: TestPki;
let dns: DnsServer;
const servers: { close(): Promise<void> }[] = [];
const CANARY = `canary-${Math.random().toString(36).slice(2)}-pw`;
const USER = 'anna@good.test';
const FORMS = () => echoForms(USER, CANARY);

beforeAll(async () => {
  pki = await makeTestPki();
  dns = await startDnsServer({ 'imap.good.test': { A: ['127.0.0.1'] }, 'pop.good.test': { A: ['127.0.0.1'] }, 'smtp.good.test': { A: ['127.0.0.1'] }, 'expired.test': { A: ['127.0.0.1'] } });
}, 60_000);
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await dns?.close();
});

async function scripted(options: Omit<ScriptOptions, 'pki'>): Promise<ScriptedServer> {
  const server = await startScriptedServer({ ...options, pki });
  servers.push(server);
  return server;
}

function io(options: { allow?: boolean; stdin?: string; prompt?: boolean } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const calls = { stdin: 0, prompt: 0 };
  const cli: CliIo = {
    readStdin: async () => {
      calls.stdin++;
      return options.stdin ?? `${CANARY}\nthe rest of stdin is ignored\n`;
    },
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    config: {
      ...defaultConfig(),
      allowLoginTest: options.allow ?? true,
      probeTimeoutMs: 1500,
      probeAllowNetworks: [ipaddr.parseCIDR('127.0.0.0/8')],
      dnsServers: [{ host: dns.host, port: dns.port }],
    },
    extraCa: [pki.caCert],
    ...(options.prompt
      ? {
          readPassword: async () => {
            calls.prompt++;
            return new Secret(CANARY);
          },
        }
      : {}),
  };
  return { cli, calls, out: () => out.join(''), err: () => err.join('') };
}

describe('probe --login: usage', () => {
  it('parses --login as the user name of the probe command', () => {
    expect(parseArgs(['probe', '--login', USER, '--protocol', 'smtp', '--port=587', 'smtp.good.test'])).toEqual({
      command: 'probe',
      json: false,
      args: ['smtp.good.test'],
      options: { login: USER, protocol: 'smtp', port: '587' },
    });
  });

  it('off unless ALLOW_LOGIN_TEST=true: exit 2, one line saying how to enable it, no password read, nothing sent', async () => {
    const server = await scripted({ protocol: 'imap', security: 'tls', login: 'accept' });
    const t = io({ allow: false, prompt: true });
    expect(await runCli(['probe', '--login', USER, '--port', String(server.port), 'imap.good.test'], t.cli)).toBe(2);
    expect(t.out()).toBe('');
    expect(t.err()).toBe('emailhelp: the login test is switched off: set ALLOW_LOGIN_TEST=true (in the environment or .env) to enable it\n');
    expect(t.calls).toEqual({ stdin: 0, prompt: 0 });
    expect(server.connections()).toBe(0);
  });

  it.each([
    [['probe', '--login', USER, '--password', CANARY, 'imap.good.test'], /unknown option "--password"/],
    [['probe', '--login', USER, '--protocol', 'all', 'imap.good.test'], /--protocol with --login must be imap, pop3, smtp/],
    [['probe', '--login', USER], /needs the server/],
    [['probe', '--login', USER, '--port', '0', 'imap.good.test'], /--port must be/],
    [['probe', '--login', `${USER}\r\nDELE 1`, 'imap.good.test'], /control characters/],
  ])('%o is a usage error (exit 2), found before the password is asked for', async (argv, message) => {
    const t = io({ prompt: true });
    expect(await runCli(argv, t.cli)).toBe(2);
    expect(t.err().split('\n')[0]).toMatch(message);
    expect(t.calls).toEqual({ stdin: 0, prompt: 0 });
    // A password typed on the command line by mistake is not repeated back.
    expect(t.err()).not.toContain(CANARY);
  });
});

describe('probe --login: output', () => {
  it('--json: the report document, the password read once from the prompt', async () => {
    const server = await scripted({ protocol: 'imap', security: 'tls', login: ['NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)'] });
    const t = io({ prompt: true });
    // A port with no standard meaning: found out with a TLS hello that sends nothing.
    expect(await runCli(['probe', '--json', '--login', USER, '--port', String(server.port), 'imap.good.test'], t.cli)).toBe(0);
    const report = JSON.parse(t.out()) as LoginReport;
    expect(Object.keys(report).sort()).toEqual(
      ['address', 'causes', 'commands', 'error', 'input', 'loginTest', 'outcome', 'passwordSent', 'port', 'protocol', 'responseCode', 'security', 'serverReply', 'stage', 'summary', 'target', 'timingsMs', 'user'].sort(),
    );
    expect(report).toMatchObject({ loginTest: true, target: 'imap.good.test', protocol: 'imap', port: server.port, security: 'tls', user: USER, outcome: 'refused', stage: 'auth', causes: ['auth_failed'] });
    expect(report.timingsMs.total).toBeGreaterThanOrEqual(report.timingsMs.session ?? 0);
    expect(t.calls).toEqual({ stdin: 0, prompt: 1 });
    expect(server.attempts()).toBe(1);
  });

  it('text: a ticket note with what happened and what was sent; the password from stdin\'s first line', async () => {
    const server = await scripted({ protocol: 'pop3', security: 'tls', login: 'accept' });
    const t = io();
    expect(await runCli(['probe', '--login', USER, '--protocol', 'pop3', '--port', String(server.port), 'pop.good.test'], t.cli)).toBe(0);
    expect(t.out()).toMatch(/^Login test of anna@good\.test at pop\.good\.test:\d+ \(POP3, SSL\/TLS, 127\.0\.0\.1\) — read-only, one attempt\n/);
    expect(t.out()).toContain('✓ signed in; the mailbox answered a read-only check');
    expect(t.out()).toContain('password sent: yes, once, over TLS');
    expect(t.out()).toContain('commands: USER PASS STAT QUIT');
    expect(t.out()).toMatch(/Login worked: [\s\S]* the problem is in\s+the mail app/);
    expect(t.calls.stdin).toBe(1);
    // Only the first line of stdin was the password.
    expect(server.lines.filter((l) => l.startsWith('PASS '))).toEqual([`PASS ${CANARY}`]);
  });
});

describe('the password appears nowhere', () => {
  it('not in stdout, stderr, JSON, errors, or anything written to the console, whatever the outcome', async () => {
    const written: string[] = [];
    const capture = (...args: unknown[]) => void written.push(args.map(String).join(' '));
    const spies = [
      ...(['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((m) => vi.spyOn(console, m).mockImplementation(capture)),
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => (capture(chunk), true)),
      vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => (capture(chunk), true)),
    ];
    const outputs: string[] = [];
    try {
      const echo = await scripted({ protocol: 'pop3', security: 'tls', login: [`-ERR [AUTH] bad password ${CANARY} for ${USER}`] });
      const ok = await scripted({ protocol: 'imap', security: 'starttls', login: 'accept' });
      const plainSmtp = await scripted({ protocol: 'smtp', security: 'plain', login: 'accept' });
      const silentAfter = await scripted({ protocol: 'smtp', security: 'tls', login: 'silent' });
      const silent = await startHostileServer('silent');
      servers.push(silent);
      const runs: [string[], boolean][] = [
        [['--protocol', 'pop3', '--port', String(echo.port), 'pop.good.test'], true],
        [['--protocol', 'imap', '--port', String(ok.port), 'imap.good.test'], false],
        [['--protocol', 'smtp', '--port', String(plainSmtp.port), 'smtp.good.test'], true],
        [['--protocol', 'smtp', '--port', String(silentAfter.port), 'smtp.good.test'], false],
        [['--protocol', 'imap', '--port', String(silent.port), 'imap.good.test'], true],
        [['--protocol', 'imap', '--port', '1', 'imap.good.test'], false],
        [['--protocol', 'imap', 'nosuch.good.test'], true],
      ];
      for (const [args, json] of runs) {
        for (const prompt of [false, true]) {
          const t = io({ prompt });
          const code = await runCli(['probe', ...(json ? ['--json'] : []), '--login', USER, ...args], t.cli);
          expect(code).toBe(0);
          outputs.push(t.out(), t.err());
        }
      }
      // The servers did get it: the test would prove nothing if the password never went anywhere.
      expect(echo.lines.some((l) => l.includes(CANARY))).toBe(true);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const everything = [...outputs, ...written].join('\n');
    expect(outputs.join('')).toContain('"outcome"');
    for (const form of FORMS()) expect(everything).not.toContain(form);
  });
});

describe('reading the password', () => {
  function fakeTty() {
    const input = Object.assign(new EventEmitter(), {
      isTTY: true,
      raw: [] as boolean[],
      setRawMode(mode: boolean) {
        input.raw.push(mode);
      },
      setEncoding: () => undefined,
      resume: () => undefined,
      pause: () => undefined,
    });
    const shown: string[] = [];
    return { input, output: { write: (t: string) => void shown.push(t) }, shown };
  }

  it('from a terminal: raw mode (no echo) while typing, backspace works, only the prompt is shown', async () => {
    const { input, output, shown } = fakeTty();
    const read = promptHidden('Password: ', input, output);
    input.emit('data', `${CANARY}x`);
    input.emit('data', '\u007f\r');
    expect((await read).reveal()).toBe(CANARY);
    expect(input.raw).toEqual([true, false]);
    expect(shown.join('')).toBe('Password: \n');
  });

  it('Ctrl-C cancels without a password', async () => {
    const { input, output } = fakeTty();
    const read = promptHidden('Password: ', input, output);
    input.emit('data', 'abc\u0003');
    await expect(read).rejects.toBeInstanceOf(PasswordCancelled);
    expect(input.raw).toEqual([true, false]);
  });

  it('from stdin: the first line, without its line end', () => {
    expect(firstLine(`${CANARY}\r\nmore`).reveal()).toBe(CANARY);
    expect(String(firstLine(CANARY))).toBe('[redacted]');
  });
});

describe('emailhelp probe --login (built binary)', () => {
  const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
  const run = (args: string[], env: Record<string, string>, stdin: string) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
      child.stdin.end(stdin);
    });
  const env = (allow: boolean) => ({
    ...(allow ? { ALLOW_LOGIN_TEST: 'true' } : {}),
    PROBE_ALLOW_NETWORKS: '127.0.0.0/8',
    DNS_SERVERS: `127.0.0.1:${dns.port}`,
    PROBE_TIMEOUT_MS: '2000',
    // The process trusts the test CA the way an administrator would add a lab CA.
    NODE_EXTRA_CA_CERTS: pki.caCertPath,
  });

  it('disabled: exit 2 with one line; enabled: reads stdin, answers, and never prints the password', async () => {
    const server = await scripted({ protocol: 'smtp', security: 'starttls', login: ['535 5.7.139 Authentication unsuccessful, basic authentication is disabled.'] });
    const args = ['probe', '--json', '--login', USER, '--protocol', 'smtp', '--port', String(server.port), 'smtp.good.test'];
    const off = await run(args, env(false), `${CANARY}\n`);
    expect(off.status).toBe(2);
    expect(off.stderr).toBe('emailhelp: the login test is switched off: set ALLOW_LOGIN_TEST=true (in the environment or .env) to enable it\n');
    expect(server.connections()).toBe(0);

    const on = await run(args, env(true), `${CANARY}\n`);
    expect(on.status).toBe(0);
    const report = JSON.parse(on.stdout) as LoginReport;
    expect(report).toMatchObject({ outcome: 'refused', responseCode: '535 5.7.139', causes: ['oauth_required'], passwordSent: true });
    expect(on.stderr).toBe('');
    for (const form of FORMS()) expect(on.stdout + on.stderr).not.toContain(form);
    expect(server.attempts()).toBe(1);
  });
});
