import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { ProbeReport } from '../../core/probe/index.js';
import type { AppLogger } from './logger.js';

/**
 * Probes open connections to other people's servers on a user's say-so, so they are limited: a
 * few per user per minute (rate-limiter-flexible's in-memory limiter, the library's well-tested
 * sliding window rather than a hand-written one), and a ceiling on probes running at once across
 * the whole app. Each probe leaves one audit line: who, where, what came out.
 */

export const PROBES_PER_USER_PER_MINUTE = 6;
export const PROBES_IN_FLIGHT = 8;

export interface ProbeActor {
  team: string | null;
  user: string;
  surface: string;
}

export interface ProbeLimitsOptions {
  perUserPerMinute?: number;
  inFlight?: number;
}

export class ProbeLimits {
  readonly #perUser: RateLimiterMemory;
  readonly #maxInFlight: number;
  #inFlight = 0;

  constructor(
    private readonly logger: AppLogger,
    options: ProbeLimitsOptions = {},
  ) {
    this.#perUser = new RateLimiterMemory({ points: options.perUserPerMinute ?? PROBES_PER_USER_PER_MINUTE, duration: 60 });
    this.#maxInFlight = options.inFlight ?? PROBES_IN_FLIGHT;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** A guard for the answer builder: runs the probe within the limits, or says why not. */
  guardFor(actor: ProbeActor): (target: string, run: () => Promise<ProbeReport>) => Promise<ProbeReport | { refused: string }> {
    return (target, run) => runInSlot(this.acquire(actor, target), run);
  }

  /**
   * A slot for one probe, or why there is none. The holder must call `finish` exactly once: it
   * frees the slot and writes the audit line. (guardFor for probes run here; the answer worker
   * holds slots across threads with it.)
   */
  async acquire(actor: ProbeActor, target: string): Promise<ProbeSlot | { refused: string }> {
    if (this.#inFlight >= this.#maxInFlight) {
      this.audit(actor, target, 'refused_busy', null);
      return { refused: `Not checking ${target} now: emailhelp is already running ${this.#maxInFlight} checks. Try again in a minute.` };
    }
    // The slot is taken before the first await: two requests arriving together must not both
    // pass the check above.
    this.#inFlight++;
    try {
      await this.#perUser.consume(`${actor.team ?? '-'}:${actor.user}`);
    } catch (error) {
      this.#inFlight--;
      if (!(error instanceof RateLimiterRes)) throw error;
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      this.audit(actor, target, 'refused_rate_limit', null);
      return { refused: `Not checking ${target} now: that is more than ${this.#perUser.points} server checks in a minute. Try again in ${seconds} s.` };
    }
    const started = performance.now();
    let finished = false;
    return {
      finish: (outcome) => {
        if (finished) return;
        finished = true;
        this.#inFlight--;
        this.audit(actor, target, outcome, Math.round(performance.now() - started));
      },
    };
  }

  private audit(actor: ProbeActor, target: string, outcome: string, ms: number | null): void {
    this.logger.event('info', 'probe', { team: actor.team, user: actor.user, surface: actor.surface, target, outcome, ms });
  }
}

export interface ProbeSlot {
  /** Frees the slot and audits the probe's outcome (summarize(report), or 'error'); once. */
  finish(outcome: string): void;
}

/**
 * Runs a probe in a slot once it is granted and gives the slot back with the outcome; a refusal is
 * the answer. The slot comes from ProbeLimits.acquire, here or across threads (the answer worker).
 */
export async function runInSlot(slot: Promise<ProbeSlot | { refused: string }>, run: () => Promise<ProbeReport>): Promise<ProbeReport | { refused: string }> {
  const granted = await slot;
  if ('refused' in granted) return granted;
  try {
    const report = await run();
    granted.finish(summarize(report));
    return report;
  } catch (error) {
    granted.finish('error');
    throw error;
  }
}

/** ok / warn / fail counts and the causes: enough to see in the audit log what a probe found. */
function summarize(report: ProbeReport): string {
  const count = (s: string) => report.checks.filter((c) => c.status === s).length;
  const causes = report.causes.length > 0 ? ` causes=${report.causes.join(',')}` : '';
  return `ok=${count('ok')} warn=${count('warn')} fail=${count('fail')}${causes}`;
}
