import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The README's Quick start, run as written: its two commands, and the console's pipe example
 * (the one the interface spec names). `npm ci` is not run here: CI ran it before this suite
 * (.ci/run), and reinstalling node_modules under a running suite would pull it from under it.
 * `npm test` built dist/ first (pretest), which is what `npm ci`'s prepare step does for a user.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const README = readFileSync(`${ROOT}/README.md`, 'utf8');
const CI_RUN = `${ROOT}/.ci/run`;

// No Slack credentials, so `npm start` opens the console. They are set empty rather than left out
// so that a developer's .env with real tokens cannot start the Slack app here (the real
// environment wins over .env, and an empty value counts as unset).
const NO_SLACK = { SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '' };
const ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? ROOT, ...NO_SLACK };

function section(heading: string): string {
  const start = README.indexOf(`\n## ${heading}\n`);
  expect(start, `README has a "## ${heading}" section`).toBeGreaterThanOrEqual(0);
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end < 0 ? undefined : end);
}

function shellBlocks(text: string): string[] {
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => (m[1] ?? '').trim());
}

function sh(command: string, input?: string) {
  return spawnSync('sh', ['-c', command], { cwd: ROOT, env: ENV, input, encoding: 'utf8', timeout: 60_000 });
}

const GMAIL_SETTINGS = /Settings for gmail\.com[\s\S]*IMAP\s+imap\.gmail\.com\s+993\s+SSL\/TLS[\s\S]*SMTP\s+smtp\.gmail\.com\s+465\s+SSL\/TLS/;

describe('README: Quick start', () => {
  const [start, tests, ...more] = shellBlocks(section('Quick start'));

  it('is two commands: install and start, install and test', () => {
    expect(more).toEqual([]);
    expect(start).toBe('npm ci && npm start');
    expect(tests).toBe('.ci/run');
  });

  it('the first, as written after its `npm ci`: npm start opens the console, which answers a request and exits 0', () => {
    const startCommand = (start ?? '').replace(/^npm ci && /, '');
    expect(startCommand).toBe('npm start');
    const r = sh(startCommand, 'settings someone@gmail.com\nquit\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(GMAIL_SETTINGS);
    expect(r.stderr).toContain('emailhelp: local console');
  });

  it('the second is the script CI runs, and it installs Dovecot and openssl, then runs npm ci, lint and the whole suite', () => {
    // Running it here would run this suite inside itself; what it runs is checked instead.
    expect(statSync(CI_RUN).mode & 0o111).not.toBe(0);
    const script = readFileSync(CI_RUN, 'utf8');
    const commands = script.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
    expect(commands).toEqual(expect.arrayContaining(['npm ci', 'npm run lint', 'npm test']));
    expect(commands.indexOf('npm ci')).toBeLessThan(commands.indexOf('npm test'));
    expect(script).toMatch(/apt-get install -y [^\n]*dovecot-imapd dovecot-pop3d openssl/);
  });
});

describe('README: the console reads a pipe', () => {
  it('`printf … | npm start`, as written: the Gmail settings on stdout, no prompt or escape codes, exit 0', () => {
    const example = shellBlocks(section('The local console')).find((block) => block.endsWith('| npm start'));
    expect(example).toBe("printf 'settings someone@gmail.com\\nquit\\n' | npm start");
    const r = sh(example ?? '');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(GMAIL_SETTINGS);
    expect(r.stdout).not.toContain('emailhelp>');
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it('node dist/main.js, the program behind npm start: stdout is the answer alone', () => {
    const r = spawnSync(process.execPath, ['dist/main.js'], { cwd: ROOT, env: ENV, input: 'settings someone@gmail.com\nquit\n', encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Settings for gmail\.com — Google/);
    expect(r.stdout).toMatch(GMAIL_SETTINGS);
    expect(r.stdout).toContain('  2. POP or IMAP?');
    // The mode line and the lookup step go to stderr.
    expect(r.stderr).toContain('emailhelp: local console');
    expect(r.stderr).toContain('looking up the settings for gmail.com…');
  });
});
