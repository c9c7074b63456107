import { afterEach, describe, expect, it, vi } from 'vitest';
import { NOTHING_TO_ANSWER } from '../../src/console/guided.js';
import { explain } from '../../src/core/explain.js';
import { startDnsServer } from '../support/dns-server.js';
import { ANSI, SGR, pipe, startConsole } from './harness.js';

/**
 * The local console through its stdin and stdout, in-process: what a user types, what they read.
 * Every request here is answered from bundled data or the diagnosis alone — no outside network —
 * except the guided test with an address, whose probe asks a DNS server of the test's own.
 */

const POP_VS_IMAP = explain('pop-vs-imap')?.title ?? 'missing topic';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('console on a pipe: one request a line, stdout only answers', () => {
  it('answers what one would type in Slack, with /emailhelp or without, and exits 0 at the end of input', async () => {
    const r = await pipe(['/emailhelp settings --offline someone@gmail.com', 'Authentication failed for user bob']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Settings for gmail\.com/);
    expect(r.stdout).toMatch(/IMAP\s+imap\.gmail\.com\s+993\s+SSL\/TLS/);
    expect(r.stdout).toContain('  1. Probe imap.gmail.com');
    expect(r.stdout).toMatch(/Most likely: .*\[auth_failed, \d+%\]/);
    // No prompt and no escape codes on a pipe: the output can be saved or parsed.
    expect(r.stdout).not.toContain('emailhelp>');
    expect(r.stdout).not.toMatch(ANSI);
  });

  it('a bare address means settings; its lookup step goes to stderr, once', async () => {
    const r = await pipe(['someone@gmail.com']);
    expect(r.stdout).toContain('Settings for gmail.com — Google');
    expect(r.stderr.match(/looking up the settings for gmail\.com…/g)).toHaveLength(1);
    expect(r.stdout).not.toContain('looking up');
  });

  it('a number runs the numbered follow-up of the last answer', async () => {
    const r = await pipe(['settings --offline gmail.com', '2']);
    expect(r.stdout).toContain('  2. POP or IMAP?');
    expect(r.stdout).toContain(POP_VS_IMAP);
  });

  it('"Fixed it" and "Not fixed" answer the "Did this fix it?" of a diagnosis', async () => {
    const c = startConsole();
    c.type('Authentication failed for user bob');
    const first = await c.until(/Did this fix it\?.*\n/);
    const fixed = /(\d+)\. Fixed it/.exec(first)?.[1];
    const notFixed = /(\d+)\. Not fixed/.exec(first)?.[1];
    expect(fixed).toBeDefined();
    c.type(fixed ?? '');
    await c.until('Glad that fixed it.');
    c.type(notFixed ?? '');
    await c.until('Sorry that did not fix it.');
    c.end();
    expect(await c.done).toBe(0);
  });

  it('a number with nothing to choose, or out of range, says so and goes on', async () => {
    const r = await pipe(['3', 'settings --offline gmail.com', '9', 'quit']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('! There is nothing numbered to choose now.');
    expect(r.stdout).toContain('! There is no choice 9: choose 1 to 2 under the last answer');
  });

  it('a bad command gets one clear line, and the next request is answered', async () => {
    const r = await pipe(['probe --port 99999 imap.example.com', 'explain nonsense', 'settings --offline gmail.com']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('! --port must be a port number from 1 to 65535');
    expect(r.stdout).toContain('! There is no topic "nonsense"');
    expect(r.stdout).toContain('Settings for gmail.com');
  });

  it('help lists the requests and the console\'s own words', async () => {
    const r = await pipe(['help']);
    expect(r.stdout).toMatch(/^emailhelp: email errors, server checks and settings/);
    expect(r.stdout).toContain('probe imap.example.com — checks the server');
    expect(r.stdout).toContain('/emailhelp alone — guided questions');
    expect(r.stdout).toContain('quit or exit (or Ctrl-D) — leave');
    // An empty line only prompts again here, so help must not promise questions for it.
    expect(r.stdout).not.toContain('an empty line');
  });

  it.each(['quit', 'exit', '/emailhelp QUIT'])('%s ends the console with 0; nothing after it is read', async (word) => {
    const r = await pipe([word, 'settings --offline gmail.com']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('lines of only whitespace are skipped; no input at all ends with 0', async () => {
    const r = await pipe(['   ', '', '\t', 'settings --offline gmail.com']);
    expect(r.stdout).toMatch(/^Settings for gmail\.com/);
    const empty = await pipe([]);
    expect(empty).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('each piped line is its own request, even lines that come together', async () => {
    const c = startConsole();
    c.send('Authentication failed for user bob\nsettings --offline gmail.com\n');
    c.end();
    expect(await c.done).toBe(0);
    expect(c.stdout().match(/Most likely:/g)).toHaveLength(1);
    expect(c.stdout()).toContain('Settings for gmail.com');
  });
});

describe('guided questions (/emailhelp alone)', () => {
  it('asks the error, the address and the mail app (questions on stderr on a pipe), and answers', async () => {
    const r = await pipe(['/emailhelp', 'Authentication failed', '', '1']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('The error message (Enter to skip):');
    expect(r.stderr).toContain('Email address or domain (Enter to skip):');
    expect(r.stderr).toMatch(/1\. Outlook\n {2}2\. Apple Mail \(Mac\)\n {2}3\. iPhone\/iPad Mail\n {2}4\. Thunderbird\n {2}5\. Gmail app\n {2}6\. Windows Mail\n {2}7\. Android mail app\n {2}8\. another app/);
    expect(r.stdout).toMatch(/Most likely: .*auth_failed/);
  });

  it('an unclear mail app is asked again; its name works as well as its number', async () => {
    const r = await pipe(['/emailhelp', 'Authentication failed', '', 'pigeon', 'thunder']);
    expect(r.stderr).toContain('Type a number from 1 to 8, the app\'s name, or press Enter to skip.');
    expect(r.stderr.match(/Mail app \(a number, Enter to skip\):/g)).toHaveLength(2);
    expect(r.stdout).toMatch(/Most likely: .*auth_failed/);
  });

  it('with neither the error nor the address: a clear message, and back to the prompt', async () => {
    const r = await pipe(['/emailhelp', '', '', 'settings --offline gmail.com']);
    expect(r.stdout).toContain(`! ${NOTHING_TO_ANSWER}`);
    expect(r.stdout).toContain('Settings for gmail.com');
    expect(r.stderr).not.toContain('Mail app');
  });

  it('with an address: its settings and a probe of its server, through the configured DNS server', async () => {
    // Knows no names: the probe stops at its DNS step here instead of reaching out to Google.
    const dns = await startDnsServer({});
    try {
      const r = await pipe(['/emailhelp', '', 'someone@gmail.com', ''], { config: { dnsServers: [{ host: dns.host, port: dns.port }], probeTimeoutMs: 2000 } });
      expect(r.stdout).toContain('Settings for gmail.com');
      expect(r.stdout).toMatch(/Probe of \S*gmail\.com/);
      expect(r.stdout).toMatch(/✗ IMAP 993 SSL\/TLS[^\n]*\n\s+dns: /);
      expect(r.stderr).toContain('checking imap.gmail.com…');
      expect(dns.queries.map((q) => q.name)).toContain('imap.gmail.com');
    } finally {
      await dns.close();
    }
  });

  it('the end of input during the questions ends the console with 0', async () => {
    const r = await pipe(['/emailhelp', 'Authentication failed']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });
});

describe('console on a terminal (in-process, isTTY)', () => {
  it('shows a prompt and colour, and answers', async () => {
    const c = startConsole({ isTTY: true });
    await c.until('emailhelp> ');
    c.type('settings --offline gmail.com');
    const out = await c.until('Type a number to choose.');
    expect(out).toContain('\x1b[1mSettings for gmail.com');
    expect(out).toMatch(SGR);
    c.end();
    expect(await c.done).toBe(0);
  });

  it('NO_COLOR keeps the prompt and drops the colour', async () => {
    vi.stubEnv('NO_COLOR', '1');
    const c = startConsole({ isTTY: true });
    await c.until('emailhelp> ');
    c.type('settings --offline gmail.com');
    const out = await c.until('Type a number to choose.');
    expect(out).toContain('Settings for gmail.com');
    expect(out).not.toMatch(SGR);
    c.end();
    expect(await c.done).toBe(0);
  });

  it('lines pasted together are one error text', async () => {
    const c = startConsole({ isTTY: true });
    await c.until('emailhelp> ');
    // One write, as a terminal delivers a paste: both lines arrive in the same chunk.
    c.send('Sending reported error (0x800CCC0F):\nThe connection to the server was interrupted.\n');
    await c.until('Type a number to choose.');
    c.type('quit');
    expect(await c.done).toBe(0);
    // Counted after the end: had the two lines been two requests, both answers would be here.
    expect(c.stdout().match(/Most likely:/g)).toHaveLength(1);
    expect(c.stdout()).toContain('codes 0x800CCC0F');
  });
});
