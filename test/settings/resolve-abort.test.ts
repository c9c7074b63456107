import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Deadline } from '../../src/probes/deadline.js';
import { resolveTarget } from '../../src/probes/resolve.js';
import { resolveAndJudge } from '../../src/core/settings/checked-address.js';
import { discoveryResolver, query } from '../../src/core/settings/dns-records.js';
import { startDnsServer, type DnsServer } from '../support/dns-server.js';

/**
 * The probe's resolver takes an AbortSignal, so discovery's deadline ends its lookups at the root:
 * the c-ares queries are cancelled (they reject with ECANCELLED at once) instead of waiting on a
 * resolver that never answers. The loopback DNS server below drops every question for quiet.test,
 * like a firewalled resolver; the deadlines are ten minutes, so only the abort can end a lookup.
 * Each test checks the error's code and cause, never how long anything took.
 */

const LONG_MS = 600_000;
let dns: DnsServer;

beforeAll(async () => {
  dns = await startDnsServer({ 'quiet.test': { silent: true }, 'loud.test': { A: ['127.0.0.9'] } });
});
afterAll(async () => {
  await dns?.close();
});

const servers = () => [{ host: dns.host, port: dns.port }];

/** Resolves once the DNS server has logged a question for `name`, so the lookup is surely in flight. */
async function asked(name: string): Promise<void> {
  while (!dns.queries.some((q) => q.name === name)) await new Promise((resolve) => setImmediate(resolve));
}

describe('resolveTarget with an AbortSignal', () => {
  it('ends a lookup that a resolver never answers with ABORTED, the c-ares queries themselves cancelled', async () => {
    const controller = new AbortController();
    const lookup = resolveTarget('quiet.test', servers(), new Deadline(LONG_MS, LONG_MS), controller.signal);
    lookup.catch(() => undefined);
    await asked('quiet.test');
    controller.abort();
    const error: unknown = await lookup.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'ProbeError', code: 'ABORTED', stage: 'dns' });
    // ECANCELLED comes from c-ares: the query was taken off the channel, not merely left unanswered.
    expect((error as Error).cause).toMatchObject({ code: 'ECANCELLED' });
  });

  it('sends nothing when the signal has already fired', async () => {
    const before = dns.queries.filter((q) => q.name === 'loud.test').length;
    const controller = new AbortController();
    controller.abort();
    await expect(resolveTarget('loud.test', servers(), new Deadline(LONG_MS, LONG_MS), controller.signal)).rejects.toMatchObject({ code: 'ABORTED' });
    expect(dns.queries.filter((q) => q.name === 'loud.test').length).toBe(before);
  });

  it('still answers, and leaves the signal usable, when nothing aborts', async () => {
    const controller = new AbortController();
    await expect(resolveTarget('loud.test', servers(), new Deadline(LONG_MS, LONG_MS), controller.signal)).resolves.toEqual({ hostname: 'loud.test', addresses: ['127.0.0.9'] });
    controller.abort();
  });

  it('ends at the deadline with ETIMEDOUT when nothing aborts (the queries are cancelled then too)', async () => {
    const error: unknown = await resolveTarget('quiet.test', servers(), new Deadline(50, 50)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'ETIMEDOUT', stage: 'dns' });
  });

  it('leaves IP literals alone: no lookup to cancel', async () => {
    const controller = new AbortController();
    await expect(resolveTarget('127.0.0.1', servers(), new Deadline(LONG_MS, LONG_MS), controller.signal)).resolves.toEqual({ hostname: null, addresses: ['127.0.0.1'] });
  });
});

describe('discovery passes its deadline signal to every lookup', () => {
  it('resolveAndJudge (autoconfig, SRV targets, MX hosts, guesses) reports ABORTED once discovery aborts', async () => {
    const controller = new AbortController();
    const check = resolveAndJudge('quiet.test', { allowNetworks: [], dnsServers: servers(), signal: controller.signal, deadlineAt: performance.now() + LONG_MS });
    await asked('quiet.test');
    controller.abort();
    expect(await check).toEqual({ status: 'unresolved', code: 'ABORTED' });
  });

  it('the SRV/MX resolver cancels its queries on abort', async () => {
    const controller = new AbortController();
    const resolver = discoveryResolver(servers(), performance.now() + LONG_MS, controller.signal);
    const outcome = query(resolver.resolveMx('quiet.test'));
    await asked('quiet.test');
    controller.abort();
    expect(await outcome).toEqual({ status: 'failed', code: 'ECANCELLED' });
  });
});
