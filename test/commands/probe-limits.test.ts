import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/commands/support/logger.js';
import { ProbeLimits } from '../../src/commands/support/probe-limits.js';
import type { ProbeReport } from '../../src/core/probe/index.js';

const report = (target: string): ProbeReport => ({ target, addresses: [], checks: [], causes: [], summary: 'ok' });

function setup(options: { perUserPerMinute?: number; inFlight?: number }) {
  const lines: string[] = [];
  const limits = new ProbeLimits(createLogger({ write: (l) => lines.push(l) }), options);
  const events = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { limits, events };
}

describe('ProbeLimits', () => {
  it('refuses a probe while the app-wide ceiling of probes in flight is reached, and admits again after', async () => {
    const { limits, events } = setup({ inFlight: 1, perUserPerMinute: 100 });
    let release: () => void = () => undefined;
    const slow = limits.guardFor({ team: 'T1', user: 'U1', surface: 'slash' })('slow.example.com', () => new Promise<ProbeReport>((resolve) => (release = () => resolve(report('slow.example.com')))));
    const refused = await limits.guardFor({ team: 'T1', user: 'U2', surface: 'slash' })('other.example.com', async () => report('other.example.com'));
    expect(refused).toEqual({ refused: expect.stringMatching(/already running 1 checks/) });
    expect(limits.inFlight).toBe(1);
    release();
    await slow;
    expect(limits.inFlight).toBe(0);
    const admitted = await limits.guardFor({ team: 'T1', user: 'U2', surface: 'slash' })('other.example.com', async () => report('other.example.com'));
    expect(admitted).toMatchObject({ target: 'other.example.com' });
    expect(events().map((e) => e.outcome)).toEqual(['refused_busy', 'ok=0 warn=0 fail=0', 'ok=0 warn=0 fail=0']);
  });

  it('counts per user and per workspace, and frees the slot when a probe throws', async () => {
    const { limits } = setup({ perUserPerMinute: 1 });
    const guard = (team: string, user: string) => limits.guardFor({ team, user, surface: 'slash' });
    await expect(guard('T1', 'U1')('a.example.com', async () => report('a'))).resolves.toMatchObject({ target: 'a' });
    await expect(guard('T1', 'U1')('a.example.com', async () => report('a'))).resolves.toEqual({ refused: expect.stringMatching(/more than 1 server checks in a minute/) });
    await expect(guard('T2', 'U1')('a.example.com', async () => report('a'))).resolves.toMatchObject({ target: 'a' });
    await expect(guard('T1', 'U3')('a.example.com', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(limits.inFlight).toBe(0);
  });
});
