import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInPty } from './pty.js';

/**
 * `node dist/main.js` without Slack credentials in a real pseudo-terminal: what a person sees.
 * `npm test` builds dist/ first (pretest). The working directory is an empty temporary one, so
 * that a developer's .env with Slack tokens cannot turn the console into the Slack app.
 */

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const SGR = /\x1b\[[\d;]*m/;
const FRAME = '[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]';

let cwd: string;
let silent: Server;
let released = false;
const held: Socket[] = [];

beforeAll(async () => {
  cwd = mkdtempSync(join(tmpdir(), 'emailhelp-console-'));
  // A mail server that accepts and never greets: the probe waits on it until the test lets go,
  // so the spinner turns for as long as the test needs to see it, however fast the machine.
  silent = createServer((socket) => {
    if (released) socket.destroy();
    else held.push(socket);
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  held.forEach((s) => s.destroy());
  await new Promise((resolve) => silent?.close(resolve));
  rmSync(cwd, { recursive: true, force: true });
});

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // No SLACK_* at all: the console, not the Slack app.
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? cwd, TERM: 'xterm-256color', ...extra };
}

function silentPort(): number {
  const address = silent.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('console in a pseudo-terminal', () => {
  it('prompt and colour, a spinner with the step during a probe, a paste read as one error, Ctrl-D exits 0', async () => {
    const pty = startInPty([process.execPath, MAIN], {
      cwd,
      env: env({ PROBE_ALLOW_NETWORKS: '127.0.0.0/8', PROBE_TIMEOUT_MS: '20000' }),
    });
    try {
      const start = await pty.until('emailhelp> ');
      expect(start).toContain('type an error message, an email address or a server name');
      expect(start).toMatch(SGR);

      let from = pty.screen().length;
      pty.keys(`probe 127.0.0.1 --port ${silentPort()} --protocol imap\r`);
      // Two different frames before the same step: the spinner turns while the probe waits.
      const step = 'checking 127\\.0\\.0\\.1…';
      await pty.until(new RegExp(`\\r\\x1b\\[2K(${FRAME}) ${step}[\\s\\S]*\\r\\x1b\\[2K(?!\\1)${FRAME} ${step}`), from);
      released = true;
      held.splice(0).forEach((s) => s.destroy());
      const probed = (await pty.until(/Probe of 127\.0\.0\.1[\s\S]*emailhelp> /, from)).slice(from);
      expect(probed).toMatch(/✗[^\n]* IMAP \d+/);

      from = pty.screen().length;
      // One write, as a terminal delivers a paste; Enter is \r on a terminal.
      pty.keys('Sending reported error (0x800CCC0F):\rThe connection to the server was interrupted.\r');
      await pty.until(/Type a number to choose\.[\s\S]*emailhelp> /, from);
      pty.keys('\x04');
      expect(await pty.exit).toBe(0);
      // Counted after the exit: had the two lines been two requests, both answers would be here.
      const pasted = pty.screen().slice(from);
      expect(pasted.match(/Most likely:/g)).toHaveLength(1);
      expect(pasted).toContain('codes 0x800CCC0F');
    } finally {
      pty.kill();
    }
  });

  it('Ctrl-C clears a half-typed line; during a probe it ends the console at once, as SIGINT does', async () => {
    released = false;
    const pty = startInPty([process.execPath, MAIN], { cwd, env: env({ PROBE_ALLOW_NETWORKS: '127.0.0.0/8', PROBE_TIMEOUT_MS: '20000' }) });
    try {
      await pty.until('emailhelp> ');
      pty.keys('half typed');
      await pty.until('half typed');
      pty.keys('\x03');
      let from = pty.screen().length;
      // Had the line not been cleared, this would be "half typedhelp": a diagnosis, not the help.
      pty.keys('help\r');
      await pty.until(/In this console[\s\S]*emailhelp> /, from);

      from = pty.screen().length;
      pty.keys(`probe 127.0.0.1 --port ${silentPort()} --protocol imap\r`);
      await pty.until('checking 127.0.0.1…', from);
      pty.keys('\x03');
      // The probe would wait 20 s for a greeting; the terminal's Ctrl-C ends the process instead.
      expect(await pty.exit).toBe(130);
    } finally {
      pty.kill();
      held.splice(0).forEach((s) => s.destroy());
    }
  });

  it('NO_COLOR: the same prompt and answer without colour; quit exits 0', async () => {
    const pty = startInPty([process.execPath, MAIN], { cwd, env: env({ NO_COLOR: '1' }) });
    try {
      await pty.until('emailhelp> ');
      pty.keys('settings --offline gmail.com\r');
      const screen = await pty.until(/Type a number to choose\.[\s\S]*emailhelp> /);
      expect(screen).toContain('Settings for gmail.com');
      expect(screen).not.toMatch(SGR);
      pty.keys('quit\r');
      expect(await pty.exit).toBe(0);
    } finally {
      pty.kill();
    }
  });
});
