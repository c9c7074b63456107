import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The built `emailhelp` command as users run it: real process, real stdin, real exit codes.
 * `npm test` builds first (pretest), so dist/ is current.
 */
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function run(args: string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}) {
  const env = { PATH: process.env.PATH ?? '', ...options.env };
  return spawnSync(process.execPath, [CLI, ...args], { input: options.input, env, cwd: ROOT, encoding: 'utf8', timeout: 15_000 });
}

describe('emailhelp (built binary)', () => {
  beforeAll(() => {
    expect(existsSync(CLI), 'run npm run build first').toBe(true);
  });

  it('diagnoses text from argv and from stdin', () => {
    const a = run(['diagnose', '--json', 'Error: getaddrinfo ENOTFOUND imap.gmial.com']);
    expect(a.status).toBe(0);
    const doc = JSON.parse(a.stdout) as { causes: { id: string }[]; extracted: { host: string; code: string } };
    expect(doc.causes[0]?.id).toBe('host_not_found');
    expect(doc.extracted).toMatchObject({ host: 'imap.gmial.com', code: 'ENOTFOUND' });

    const b = run(['diagnose', '-'], { input: 'Verbindung mit Server mail.firma.de fehlgeschlagen; die Verbindung wurde verweigert.' });
    expect(b.status).toBe(0);
    expect(b.stdout).toContain('connection_refused');
  });

  it('takes 1 MB of binary on stdin without a crash', () => {
    const junk = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 131) % 256;
    const r = run(['diagnose', '--json', '-'], { input: junk });
    expect(r.status).toBe(0);
    expect(Array.isArray((JSON.parse(r.stdout) as { causes: unknown[] }).causes)).toBe(true);
    expect(r.stderr).toBe('');
  });

  it('exits 2 with one line for bad usage', () => {
    const r = run(['diagnose']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toMatch(/^emailhelp: diagnose needs the error text/);
  });

  it('exits 2 naming the variable for bad configuration, without echoing secrets', () => {
    const r = run(['diagnose', 'x'], { env: { PROBE_TIMEOUT_MS: 'soon' } });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('emailhelp: configuration: PROBE_TIMEOUT_MS: must be a whole number of milliseconds from 100 to 600000 (got "soon")');
    const s = run(['diagnose', 'x'], { env: { SLACK_BOT_TOKEN: 'xoxp-leaky-user-token', SLACK_APP_TOKEN: 'xapp-1' } });
    expect(s.status).toBe(2);
    expect(s.stderr).toContain('SLACK_BOT_TOKEN');
    expect(s.stderr).not.toContain('leaky');
  });
});
