import { Worker } from 'node:worker_threads';
import type { Config } from '../../../config.js';
import type { Answer } from '../../../core/answer/index.js';
import type { AppLogger } from '../logger.js';
import type { ProbeLimits, ProbeSlot } from '../probe-limits.js';
import { toPlainConfig, type AnswerJob, type FromWorker, type ToWorker, type WorkerSetup } from './protocol.js';

export interface AnswerWorkerOptions {
  config: Config;
  logger: AppLogger;
  limits: ProbeLimits;
  extraCa?: readonly string[];
  /** The thread's module; thread.ts next to this file unless a test stands another in. */
  entry?: URL;
}

export class AnswerWorkerError extends Error {
  readonly code = 'ANSWER_WORKER';
}

/**
 * The main thread's side of the answer worker (thread.ts). A slash command's answer costs ~3× the
 * CPU of its acknowledgement (diagnosis, rendering, the post); on the main thread it held up the
 * acks of the requests behind it, so it runs on another thread. Started with the app; a worker that
 * dies fails its jobs (each becomes the usual message with a reference) and the next job starts a
 * new one.
 */
export class AnswerWorker {
  readonly #options: AnswerWorkerOptions;
  #worker: Worker | null = null;
  #ready: Promise<Worker> | null = null;
  #nextId = 0;
  readonly #jobs = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  readonly #sharedAsks = new Map<number, (answer: Answer | null) => void>();
  /** Probe slots the worker holds, by its request number. */
  readonly #slots = new Map<number, ProbeSlot>();

  constructor(options: AnswerWorkerOptions) {
    this.#options = options;
  }

  /** Starts the thread (and waits until it has loaded and warmed up); answer() does it when needed. */
  async start(): Promise<void> {
    await this.#started();
  }

  /** Answers a slash command through its response_url; settles when the answer (or its failure message) is posted. */
  async answer(job: Omit<AnswerJob, 'id'>): Promise<void> {
    const worker = await this.#started();
    const id = this.#nextId++;
    const done = new Promise<void>((resolve, reject) => this.#jobs.set(id, { resolve, reject }));
    this.#send(worker, { type: 'job', job: { ...job, id } });
    return done;
  }

  /**
   * The answer a slash command's Share in channel button stands for, while the worker keeps it
   * (null once too old, or when the worker that kept it is gone).
   */
  async shared(shareId: string): Promise<Answer | null> {
    const worker = this.#worker;
    if (worker === null) return null;
    const request = this.#nextId++;
    return new Promise((resolve) => {
      this.#sharedAsks.set(request, resolve);
      this.#send(worker, { type: 'shared', request, shareId });
    });
  }

  /** Lets go of a shared answer once it is posted. */
  forget(shareId: string): void {
    if (this.#worker) this.#send(this.#worker, { type: 'forget', shareId });
  }

  /** The worker thread's event-loop use since it started (Node's measure), or null before it has. */
  utilization(): { active: number; idle: number } | null {
    const elu = this.#worker?.performance.eventLoopUtilization();
    return elu ? { active: elu.active, idle: elu.idle } : null;
  }

  async stop(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    this.#ready = null;
    if (worker) {
      worker.removeAllListeners('exit');
      await worker.terminate();
      this.#abandon(worker, 'the app is stopping');
    }
  }

  #started(): Promise<Worker> {
    this.#ready ??= this.#spawn();
    return this.#ready;
  }

  #spawn(): Promise<Worker> {
    const { config, logger, extraCa } = this.#options;
    const setup: WorkerSetup = { config: toPlainConfig(config), extraCa: extraCa ?? null, logLevel: logger.getLevel() };
    const worker = workerFor(this.#options.entry ?? new URL(`./thread${extension()}`, import.meta.url), setup);
    this.#worker = worker;
    return new Promise<Worker>((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          logger.event('info', 'answer_worker_started', { thread: worker.threadId });
          // From here the HTTP server or the socket keeps the process alive; a worker alone must
          // not (until now it is what the start waits on).
          worker.unref();
          resolve(worker);
        } else this.#receive(worker, message);
      });
      worker.on('error', (error) => {
        logger.event('error', 'answer_worker_error', { error: error.name, message: error.message });
        reject(new AnswerWorkerError(`the answer worker failed to start: ${error.message}`));
      });
      worker.on('exit', (code) => {
        // Only an unexpected end comes here (stop() removes this listener first).
        logger.event('error', 'answer_worker_exit', { code });
        if (this.#worker === worker) {
          this.#worker = null;
          this.#ready = null;
        }
        this.#abandon(worker, `the answer worker stopped (exit code ${code})`);
        reject(new AnswerWorkerError(`the answer worker stopped (exit code ${code})`));
      });
    });
  }

  #receive(worker: Worker, message: FromWorker): void {
    const { logger, limits } = this.#options;
    switch (message.type) {
      case 'done':
        this.#jobs.get(message.id)?.resolve();
        this.#jobs.delete(message.id);
        return;
      case 'shared':
        this.#sharedAsks.get(message.request)?.(message.answer);
        this.#sharedAsks.delete(message.request);
        return;
      case 'event':
        logger.event(message.level, message.name, message.fields);
        return;
      case 'log':
        logger[message.level](message.text);
        return;
      case 'probe-acquire':
        void limits.acquire(message.actor, message.target).then(
          (slot) => {
            if ('refused' in slot) return this.#send(worker, { type: 'probe-grant', request: message.request, refused: slot.refused });
            this.#slots.set(message.request, slot);
            this.#send(worker, { type: 'probe-grant', request: message.request, refused: null });
          },
          (error: unknown) => {
            logger.event('error', 'probe_limit_error', { message: error instanceof Error ? error.message : String(error) });
            this.#send(worker, { type: 'probe-grant', request: message.request, refused: 'Not checking the server now: the probe limits could not be read. Try again in a minute.' });
          },
        );
        return;
      case 'probe-finish':
        this.#slots.get(message.request)?.finish(message.outcome);
        this.#slots.delete(message.request);
        return;
      case 'ready':
        return;
    }
  }

  #send(worker: Worker, message: ToWorker): void {
    worker.postMessage(message);
  }

  /** A worker that ended answers nothing more: its jobs fail and its probe slots are freed. */
  #abandon(worker: Worker, why: string): void {
    if (this.#worker !== null && this.#worker !== worker) return;
    for (const job of this.#jobs.values()) job.reject(new AnswerWorkerError(why));
    this.#jobs.clear();
    for (const slot of this.#slots.values()) slot.finish('error');
    this.#slots.clear();
    for (const ask of this.#sharedAsks.values()) ask(null);
    this.#sharedAsks.clear();
  }
}

/** '.js' when running the build, '.ts' when the sources run directly (the tests, through tsx). */
function extension(): string {
  return import.meta.url.endsWith('.ts') ? '.ts' : '.js';
}

function workerFor(entry: URL, setup: WorkerSetup): Worker {
  if (entry.pathname.endsWith('.js')) return new Worker(entry, { workerData: setup });
  // TypeScript sources: a worker starts without the parent's loader hooks, so it registers tsx's
  // before importing the entry (tsx is a dev dependency: only the tests run sources).
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`, { eval: true, workerData: setup });
}
