import { spawn } from 'node:child_process';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { runConsole } from '../../src/console/index.js';
import { defaultConfig } from '../../src/load-config.js';

/**
 * `npm start | head`: the reader of stdout goes away while the console still answers. The console
 * stops quietly with 0 instead of dying on EPIPE with a stack trace.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

it('stdout closed by its reader: exit 0, no EPIPE trace', async () => {
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));

  child.stdin.write('settings --offline gmail.com\n');
  // The first answer arrives; then the reader closes, like `head -1`, and more is asked.
  await new Promise((resolve) => child.stdout.once('data', resolve));
  child.stdout.destroy();
  child.stdin.end('help\nhelp\nsettings --offline yahoo.com\n');

  expect(await exit).toBe(0);
  expect(stderr).not.toMatch(/EPIPE|Unhandled|internal error/);
});

it('an EPIPE reported after the console has ended is swallowed too', async () => {
  // A failed write reports its error on a later tick, possibly after the last line was answered.
  const output = new PassThrough();
  const status = await runConsole(defaultConfig(), { input: Readable.from(['help\n']), output, errorOutput: new PassThrough(), isTTY: false });
  expect(status).toBe(0);
  expect(() => output.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))).not.toThrow();
});
