import ipaddr from 'ipaddr.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain } from '../../src/core/explain.js';
import { startDovecot, type DovecotServer } from '../support/dovecot.js';
import { makeTestPki, type TestPki } from '../support/pki.js';
import { ANSI, pipe, startConsole } from './harness.js';

/**
 * A probe typed in the console against Debian's Dovecot on 127.0.0.2 (test/support/dovecot.ts),
 * as a lab's admin would set it up: PROBE_ALLOW_NETWORKS lets probes reach 127.0.0.0/8, and the
 * test CA is trusted as an extra CA. The ports are not the standard ones, so the user names the
 * protocol, as `probe` asks for.
 */

let pki: TestPki;
let dovecot: DovecotServer;

beforeAll(async () => {
  pki = await makeTestPki();
  dovecot = await startDovecot(pki);
}, 60_000);

afterAll(async () => {
  await dovecot?.stop();
});

const config = () => ({ probeAllowNetworks: [ipaddr.parseCIDR('127.0.0.0/8')], probeTimeoutMs: 5000 });

describe('console: probe of a local Dovecot', () => {
  it('on a pipe: the checklist on stdout, the step once on stderr; its follow-up explains what failed', async () => {
    const r = await pipe([`probe ${dovecot.host} --port ${dovecot.ports.imaps} --protocol imap`, '1'], { config: config(), extraCa: [pki.caCert] });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Probe of ${dovecot.host} (${dovecot.host}) — no login attempted`);
    expect(r.stdout).toMatch(new RegExp(`[✓⚠✗] IMAP ${dovecot.ports.imaps} `));
    // The server answered: TLS was set up with the test CA's certificate, whatever the name check says.
    expect(r.stdout).toMatch(/TLS: TLSv1\.[23]/);
    expect(r.stdout).toContain('certificate: CN=good.test');
    // The certificate names good.test, not the address typed: the probe says so and offers the topic.
    expect(r.stdout).toContain('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(r.stdout).toContain('  1. About certificates');
    expect(r.stdout).toContain(explain('certificates')?.title ?? 'missing topic');
    expect(r.stderr).toBe(`checking ${dovecot.host}…\n`);
    expect(r.stdout).not.toMatch(ANSI);
  });

  it('on a terminal: the spinner with the step while the probe runs, wiped before the answer', async () => {
    const c = startConsole({ isTTY: true, config: config(), extraCa: [pki.caCert] });
    await c.until('emailhelp> ');
    c.type(`probe ${dovecot.host} --port ${dovecot.ports.imap} --protocol imap`);
    const out = await c.until(/Probe of [\s\S]*emailhelp> /);
    const step = `checking ${dovecot.host}…`;
    expect(out).toMatch(new RegExp(`\\r\\x1b\\[2K[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] ${step.replace(/\./g, '\\.')}`));
    // The spinner's line is wiped, so the answer starts on a clean line.
    expect(out).toMatch(/\r\x1b\[2K(\x1b\[[\d;]*m)*Probe of /);
    expect(out).toContain('STARTTLS: offered');
    c.end();
    expect(await c.done).toBe(0);
  });
});
