import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerWorker, AnswerWorkerError } from '../../src/commands/support/answer-worker/host.js';
import { fromPlainConfig, toPlainConfig } from '../../src/commands/support/answer-worker/protocol.js';
import { createLogger } from '../../src/commands/support/logger.js';
import { ProbeLimits } from '../../src/commands/support/probe-limits.js';
import { parseConfig } from '../../src/config.js';
import { startSlackStandIn, type SlackStandIn } from '../support/slack/index.js';

const config = parseConfig({ PROBE_ALLOW_NETWORKS: '127.0.0.0/8, 10.1.0.0/16', PROBE_TIMEOUT_MS: '2000', DNS_SERVERS: '127.0.0.1:53' });
const actor = { team: 'T0001', user: 'U0001', surface: 'slash' };

function setup(entry?: URL) {
  const lines: string[] = [];
  const logger = createLogger({ write: (line) => lines.push(line) });
  const limits = new ProbeLimits(logger);
  const worker = new AnswerWorker({ config, logger, limits, ...(entry ? { entry } : {}) });
  const events = (name: string) => lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => e.event === name);
  return { worker, limits, events };
}

let standIn: SlackStandIn;
beforeAll(async () => {
  standIn = await startSlackStandIn();
});
afterAll(async () => {
  await standIn.close();
});

describe('the answer worker', () => {
  it('carries the configuration across without its secrets', () => {
    const withSecrets = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1234-abcdef', SLACK_SIGNING_SECRET: 'signing-secret-value', PROBE_ALLOW_NETWORKS: '10.1.0.0/16,fd00::/8' });
    const plain = toPlainConfig(withSecrets);
    expect(JSON.stringify(plain)).not.toMatch(/xoxb|signing-secret-value/);
    const back = fromPlainConfig(structuredClone(plain));
    expect(back.slack.botToken).toBeNull();
    expect(back.probeAllowNetworks.map(([a, bits]) => `${a.toString()}/${bits}`)).toEqual(['10.1.0.0/16', 'fd00::/8']);
    expect(back.probeTimeoutMs).toBe(withSecrets.probeTimeoutMs);
  });

  it('builds and posts answers on its own thread, and keeps each for Share in channel', async () => {
    const { worker, events } = setup();
    try {
      await worker.start();
      const thread = events('answer_worker_started')[0]?.thread;
      expect(typeof thread === 'number' && thread > 0).toBe(true);
      const before = worker.utilization()?.active ?? 0;
      const ids = Array.from({ length: 5 }, (_, i) => `aw-${i}-${Date.now()}`);
      await Promise.all(ids.map((id, i) => worker.answer({ ask: { kind: 'diagnose', text: `Outlook: 0x800CCC0E cannot connect to the server (${i})` }, actor, responseUrl: standIn.responseUrl(id), shareId: `share-${id}` })));
      for (const id of ids) {
        const posted = standIn.responses.filter((r) => r.id === id).at(-1);
        expect(posted?.body.response_type).toBe('ephemeral');
        expect(JSON.stringify(posted?.body.blocks)).toContain('0x800CCC0E');
        expect((await worker.shared(`share-${id}`))?.kind).toBe('diagnosis');
      }
      worker.forget(`share-${ids[0]}`);
      expect(await worker.shared(`share-${ids[0]}`)).toBeNull();
      expect(await worker.shared('never-given')).toBeNull();
      // The diagnosing and rendering happened on the worker's event loop, not this one.
      expect((worker.utilization()?.active ?? 0) - before).toBeGreaterThan(0);
    } finally {
      await worker.stop();
    }
  });

  it('forwards its failures to the main log, with the reference the user is given', async () => {
    const { worker, events } = setup();
    try {
      const id = `aw-gone-${Date.now()}`;
      const url = standIn.responseUrl(id, { expired: true });
      await worker.answer({ ask: { kind: 'explain', topic: 'ports' }, actor, responseUrl: url, shareId: 'x' });
      const failures = events('handler_error');
      expect(failures.map((e) => e.surface)).toEqual(['slash', 'slash:notify']);
      expect(failures[0]?.reference).toBe(failures[1]?.reference);
      expect(String(failures[0]?.message)).toMatch(/HTTP 404/);
    } finally {
      await worker.stop();
    }
  });

  it('a worker that dies fails its job, frees its probe slot, and the next job gets a new worker', async () => {
    const { worker, limits, events } = setup(new URL('../support/crashing-answer-worker.ts', import.meta.url));
    try {
      const job = { ask: { kind: 'probe', input: 'imap.example.com' } as const, actor, responseUrl: standIn.responseUrl(), shareId: 'y' };
      await expect(worker.answer(job)).rejects.toThrow(AnswerWorkerError);
      expect(limits.inFlight).toBe(0);
      expect(events('answer_worker_exit')[0]?.code).toBe(3);
      expect(events('probe').map((e) => e.outcome)).toEqual(['error']);
      await expect(worker.answer(job)).rejects.toThrow(/exit code 3/);
      const threads = events('answer_worker_started').map((e) => e.thread);
      expect(threads).toHaveLength(2);
      expect(threads[0]).not.toBe(threads[1]);
    } finally {
      await worker.stop();
    }
  });
});
