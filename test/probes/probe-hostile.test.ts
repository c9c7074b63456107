import ipaddr from 'ipaddr.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probe, type ProbeContext } from '../../src/core/probe/index.js';
import type { CheckSpec } from '../../src/probes/types.js';
import { startDnsServer, type DnsServer } from '../support/dns-server.js';
import { startHostileServer, type HostileKind, type HostileServer } from '../support/hostile-servers.js';
import { makeTestPki, type TestPki } from '../support/pki.js';

/**
 * Hostile or broken servers: every one ends as a clean, explained `fail` (or a `warn` for a server
 * that works but is outdated) within the check's deadline, reading a bounded number of bytes.
 */

const STEP_MS = 1200;
/** The whole sweep shares one deadline of PROBE_TIMEOUT_MS; the margin is for a slow machine. */
const CHECK_LIMIT_MS = STEP_MS * 1.1 + 300;

let pki: TestPki;
const servers: HostileServer[] = [];
let context: ProbeContext;
let dns: DnsServer;

beforeAll(async () => {
  pki = await makeTestPki();
  // The hostile servers present the `good` certificate, so they are probed by its name.
  dns = await startDnsServer({ 'good.test': { A: ['127.0.0.1'] } });
  context = {
    config: { probeTimeoutMs: STEP_MS, probeAllowNetworks: [ipaddr.parseCIDR('127.0.0.0/8')], dnsServers: [{ host: dns.host, port: dns.port }] },
    extraCa: [pki.caCert],
  };
});

afterAll(async () => {
  await Promise.all([...servers.map((s) => s.close()), dns?.close()]);
});

async function against(kind: HostileKind, security: CheckSpec['security']) {
  const server = await startHostileServer(kind, { pki });
  servers.push(server);
  const started = performance.now();
  const report = await probe({ input: 'good.test', checks: [{ protocol: 'imap', port: server.port, security }] }, context);
  const elapsed = performance.now() - started;
  const check = report.checks[0];
  if (!check) throw new Error('no check');
  return { report, check, elapsed, server };
}

describe('probe: hostile and broken servers', () => {
  it.each([
    // kind, the port's expected security, failed stage, error code, cause
    ['silent', 'starttls', 'greeting', 'ETIMEDOUT', 'timeout'],
    ['huge-line', 'starttls', 'greeting', 'LINE_TOO_LONG', 'server_error'],
    ['trickle', 'starttls', 'greeting', 'ETIMEDOUT', 'timeout'],
    ['garbage', 'starttls', 'greeting', 'BINARY_GARBAGE', 'connection_refused'],
    ['http', 'starttls', 'greeting', 'ETIMEDOUT', 'timeout'],
    ['plain-imap', 'tls', 'tls', /WRONG_VERSION_NUMBER|EPROTO|PACKET_LENGTH/, 'tls_mismatch'],
    ['tls-imap', 'starttls', 'greeting', 'TLS_ON_PLAIN_PORT', 'tls_mismatch'],
    ['reset-mid-greeting', 'starttls', 'greeting', 'ECONNRESET', 'timeout'],
    ['starttls-injection', 'starttls', 'starttls', 'STARTTLS_INJECTION', null],
  ] as const)('%s (expecting %s) fails at %s with %s', async (kind, security, stage, code, cause) => {
    const { check, report, elapsed } = await against(kind, security);
    expect(check.status).toBe('fail');
    expect(check.failedStage).toBe(stage);
    if (typeof code === 'string') expect(check.error?.code).toBe(code);
    else expect(check.error?.code).toMatch(code);
    expect(check.error?.message.length).toBeGreaterThan(10);
    if (cause) expect(report.causes).toContain(cause);
    // Bounded by the deadline, whatever the server does.
    expect(elapsed).toBeLessThan(CHECK_LIMIT_MS);
    // Nothing the server sent is echoed back unbounded.
    expect(JSON.stringify(report).length).toBeLessThan(20_000);
  });

  it('an old TLS 1.0/1.1 server works, with a warning', async () => {
    const { check } = await against('tls10', 'tls');
    expect(check.status).toBe('warn');
    expect(check.tls?.version).toMatch(/^TLSv1(\.1)?$/);
    expect(check.warnings.join(' ')).toMatch(/TLSv1/);
  });
});
