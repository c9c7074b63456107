import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/load-config.js';
import type { SettingsAnswer } from '../../src/core/settings/types.js';
import { parseArgs, UsageError } from '../../src/terminal/args.js';
import { renderSettings } from '../../src/terminal/render.js';
import { runCli, type CliIo } from '../../src/terminal/run.js';
import { startDnsServer, type DnsServer } from '../support/dns-server.js';

/**
 * `emailhelp settings` as the spec has it: --json gives the SettingsAnswer document, otherwise a
 * table per direction and the notes; exit 0 whatever was found (provider null when nothing), 2
 * with one line for bad input. Online runs here use a loopback DNS server that knows no names,
 * so nothing leaves the machine.
 */

let dns: DnsServer;

beforeAll(async () => {
  dns = await startDnsServer({});
});

afterAll(async () => {
  await dns?.close();
});

function io(online = false) {
  const out: string[] = [];
  const err: string[] = [];
  const config = defaultConfig();
  if (online) {
    config.dnsServers = [{ host: dns.host, port: dns.port }];
    config.probeTimeoutMs = 1500;
  }
  const cli: CliIo = { readStdin: async () => '', stdout: (t) => out.push(t), stderr: (t) => err.push(t), config };
  return { cli, out: () => out.join(''), err: () => err.join('') };
}

describe('settings: arguments', () => {
  it.each([
    [['settings', '--offline', 'gmail.com', '--json'], { command: 'settings', json: true, args: ['gmail.com'], options: {}, flags: ['offline'] }],
    [['settings', 'anna@example.com'], { command: 'settings', json: false, args: ['anna@example.com'], options: {} }],
    [['settings', '--help'], { command: 'help', json: false, args: ['settings'], options: {} }],
  ])('%o', (argv, expected) => {
    expect(parseArgs(argv)).toEqual(expected);
  });

  it.each([[['diagnose', '--offline', 'x']], [['probe', '--offline', 'imap.example.com']], [['settings', '--protocol', 'imap', 'x.com']]])('rejects %o', (argv) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
  });
});

describe('settings: runCli', () => {
  it('settings --offline gmail.com --json prints the spec\'s document', async () => {
    const t = io();
    expect(await runCli(['settings', '--offline', 'gmail.com', '--json'], t.cli)).toBe(0);
    const doc = JSON.parse(t.out()) as SettingsAnswer;
    expect(Object.keys(doc)).toEqual(['domain', 'provider', 'source', 'incoming', 'outgoing', 'notes']);
    expect(doc).toMatchObject({ domain: 'gmail.com', provider: { id: 'google' }, source: 'bundled' });
    expect(doc.incoming[0]).toEqual({ protocol: 'imap', host: 'imap.gmail.com', port: 993, security: 'tls', username: 'email' });
    expect(doc.outgoing[0]).toMatchObject({ protocol: 'smtp', host: 'smtp.gmail.com', port: 465, security: 'tls' });
    expect(t.err()).toBe('');
  });

  it('a readable answer: a table per direction, then the notes', async () => {
    const t = io();
    expect(await runCli(['settings', '--offline', 'someone@gmx.de'], t.cli)).toBe(0);
    const text = t.out();
    expect(text).toMatch(/^Settings for gmx\.de — /);
    expect(text).toMatch(/Incoming mail \(IMAP recommended: the first line\)\n {2}protocol +server +port +encryption +user name\n {2}IMAP +imap\.gmx\.net +993 +SSL\/TLS +whole email address/);
    expect(text).toMatch(/Outgoing mail\n {2}protocol .*\n {2}SMTP +mail\.gmx\.net/);
    expect(text).toMatch(/Notes:\n {2}- /);
    expect(text.split('\n').every((line) => line.length <= 80)).toBe(true);
  });

  it('an unknown domain offline: exit 0, provider null, what to try', async () => {
    const t = io();
    expect(await runCli(['settings', '--offline', '--json', 'nobody-knows-this.example'], t.cli)).toBe(0);
    const doc = JSON.parse(t.out()) as SettingsAnswer;
    expect(doc).toMatchObject({ provider: null, incoming: [], outgoing: [] });
    expect(doc.notes.join(' ')).toMatch(/without --offline/);
  });

  it('an unknown domain online: exit 0, provider null, notes; the readable form says so', async () => {
    const t = io(true);
    const started = performance.now();
    expect(await runCli(['settings', '--json', 'anna@unknown-domain.test'], t.cli)).toBe(0);
    expect(performance.now() - started).toBeLessThan(1500);
    const doc = JSON.parse(t.out()) as SettingsAnswer;
    expect(doc).toMatchObject({ domain: 'unknown-domain.test', provider: null, incoming: [], outgoing: [] });
    expect(doc.notes[0]).toMatch(/does not exist in DNS/);
    expect(JSON.stringify(doc)).not.toContain('anna');
    const r = io(true);
    expect(await runCli(['settings', 'unknown-domain.test'], r.cli)).toBe(0);
    expect(r.out()).toMatch(/^No settings found for unknown-domain\.test\.\n\nNotes:\n/);
  });

  it.each([
    [['settings'], /settings needs an email address or a domain/],
    [['settings', 'a.com', 'b.com'], /takes one email address or domain/],
    [['settings', 'not a domain'], /not an email address|not a domain/],
    [['settings', '--offline', '@example.com'], /needs a name before the @/],
    [['settings', 'http://example.com/'], /not a domain name/],
    [['diagnose', '--offline', 'x'], /--offline does not apply to diagnose/],
  ])('%o: exit 2, one clear line', async (argv, message) => {
    const t = io();
    expect(await runCli(argv, t.cli)).toBe(2);
    expect(t.out()).toBe('');
    const [first] = t.err().split('\n');
    expect(first).toMatch(/^emailhelp: /);
    expect(first).toMatch(message);
  });

  it('renderSettings shows literal user name patterns and unencrypted servers as they are', () => {
    const text = renderSettings({
      domain: 'x.test',
      provider: { id: 'x.test', name: 'x.test' },
      source: 'srv',
      incoming: [{ protocol: 'pop3', host: 'pop.x.test', port: 110, security: 'none', username: '%EMAILLOCALPART%.x' }],
      outgoing: [],
      notes: [],
    });
    expect(text).toMatch(/\(from the domain's DNS SRV records\)/);
    expect(text).toMatch(/POP3 +pop\.x\.test +110 +none \(unencrypted\) +%EMAILLOCALPART%\.x/);
  });
});

describe('settings: the built command', () => {
  const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
  const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', timeout: 15_000 });

  it('emailhelp settings --offline gmail.com --json', () => {
    const r = run(['settings', '--offline', 'gmail.com', '--json']);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as SettingsAnswer).provider?.id).toBe('google');
  });

  it('bad input exits 2 with the reason on the first line', () => {
    const r = run(['settings', '--offline', 'no spaces@exa mple.com']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toMatch(/^emailhelp: That is not an email address/);
  });
});
