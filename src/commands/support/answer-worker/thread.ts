import { parentPort, workerData } from 'node:worker_threads';
import { LogLevel } from '@slack/bolt';
import { diagnose } from '../../../core/diagnosis/index.js';
import type { ProbeReport } from '../../../core/probe/index.js';
import { answerSlashCommand, type SlashAnswerEnv } from '../../slash/slash-answer.js';
import type { Answer } from '../../../core/answer/index.js';
import { BoundedMap } from '../bounded-map.js';
import { describe, levelEnabled, type AppLogger } from '../logger.js';
import { runInSlot, type ProbeActor, type ProbeSlot } from '../probe-limits.js';
import { fromPlainConfig, type FromWorker, type ToWorker, type WorkerSetup } from './protocol.js';

/**
 * The answer worker's thread: builds, renders and posts slash-command answers, so that the main
 * thread's event loop only receives and acknowledges requests. What must be shared across the app
 * stays there and is asked for: probe slots (the per-user and in-flight limits), the log, and the
 * answers a "Share in channel" button may post.
 */

const port = parentPort;
if (!port) throw new Error('thread.ts runs as a worker thread');
const setup = workerData as WorkerSetup;
const post = (message: FromWorker): void => port.postMessage(message);

let level = setup.logLevel as LogLevel;
const plain = (l: 'debug' | 'info' | 'warn' | 'error') => (...msg: unknown[]) => {
  if (levelEnabled(l as LogLevel, level)) post({ type: 'log', level: l, text: msg.map(describe).join(' ') });
};
/** The main thread's log, by message: it redacts and writes every line. */
const logger: AppLogger = {
  debug: plain('debug'),
  info: plain('info'),
  warn: plain('warn'),
  error: plain('error'),
  setLevel: (l) => {
    level = l;
  },
  getLevel: () => level,
  setName: () => undefined,
  event: (l, name, fields) => post({ type: 'event', level: l, name, fields }),
};

const grants = new Map<number, (refused: string | null) => void>();
let nextRequest = 0;

/** ProbeLimits.acquire across threads: a slot from the main thread's limits, given back by message. */
async function remoteAcquire(actor: ProbeActor, target: string): Promise<ProbeSlot | { refused: string }> {
  const request = nextRequest++;
  const refused = await new Promise<string | null>((resolve) => {
    grants.set(request, resolve);
    post({ type: 'probe-acquire', request, actor, target });
  });
  if (refused !== null) return { refused };
  return { finish: (outcome) => post({ type: 'probe-finish', request, outcome }) };
}

function remoteGuard(actor: ProbeActor) {
  return (target: string, run: () => Promise<ProbeReport>): Promise<ProbeReport | { refused: string }> => runInSlot(remoteAcquire(actor, target), run);
}

// The answers a Share in channel button may post stay here until pressed (the main thread asks):
// kept on the main thread, a thousand answers' objects made every one of its garbage collections
// longer, and those pauses held up acknowledgements. Limits as for the main thread's (deps.ts).
const shareable = new BoundedMap<string, Answer>(1000, 30 * 60_000);

const env: SlashAnswerEnv = {
  config: fromPlainConfig(setup.config),
  logger,
  extraCa: setup.extraCa,
  guardProbe: remoteGuard,
  share: (shareId, answer) => shareable.set(shareId, answer),
};

port.on('message', (message: ToWorker) => {
  if (message.type === 'probe-grant') {
    grants.get(message.request)?.(message.refused);
    grants.delete(message.request);
    return;
  }
  if (message.type === 'shared') {
    post({ type: 'shared', request: message.request, answer: shareable.get(message.shareId) ?? null });
    return;
  }
  if (message.type === 'forget') {
    shareable.delete(message.shareId);
    return;
  }
  const { job } = message;
  void answerSlashCommand(job, env).finally(() => post({ type: 'done', id: job.id }));
});

// The first diagnosis compiles the engine's hot paths; better before the first user waits on it.
diagnose('warm up: connection refused on imap.example.com port 993');
post({ type: 'ready' });
