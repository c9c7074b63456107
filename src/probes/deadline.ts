import { ProbeError } from './probe-error.js';
import type { Stage } from './types.js';

/**
 * One deadline per check, shared by every step (DNS, connect, TLS, each protocol line), plus a
 * limit per step. It never resets when bytes arrive, so a server that trickles one byte a second
 * is cut off like one that says nothing. Every expiry becomes the same ETIMEDOUT with its stage.
 */
export class Deadline {
  readonly #end: number;

  constructor(
    readonly totalMs: number,
    readonly stepMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.#end = now() + totalMs;
  }

  /** Milliseconds the next step may take. */
  stepBudget(): number {
    return Math.max(0, Math.min(this.stepMs, this.#end - this.now()));
  }

  /** Milliseconds left of the whole deadline. */
  remaining(): number {
    return Math.max(0, this.#end - this.now());
  }

  expired(): boolean {
    return this.now() >= this.#end;
  }

  /**
   * Runs `work` under the step budget. On expiry `onTimeout` runs (to destroy a socket) and the
   * promise rejects with ETIMEDOUT for `stage`.
   */
  async step<T>(stage: Stage, work: Promise<T>, onTimeout?: () => void, capMs = Infinity): Promise<T> {
    const budget = Math.min(this.stepBudget(), capMs);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        onTimeout?.();
        reject(new ProbeError('ETIMEDOUT', stage, `no answer within ${Math.round(budget)} ms (${stage})`));
      }, budget);
    });
    // The losing side of the race may still reject later; that is expected, not unhandled.
    work.catch(() => undefined);
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
