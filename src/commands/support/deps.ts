import type { Config } from '../../config.js';
import type { AnswerContext } from '../../core/answer/index.js';
import type { Answer } from '../../core/answer/index.js';
import { AnswerWorker } from './answer-worker/host.js';
import { BoundedMap } from './bounded-map.js';
import type { AppLogger } from './logger.js';
import { ProbeLimits, type ProbeActor, type ProbeLimitsOptions } from './probe-limits.js';

/** What every Slack surface shares: configuration, the log, the limits and the app's short memory. */
export interface SlackDeps {
  config: Config;
  logger: AppLogger;
  limits: ProbeLimits;
  /**
   * Ephemeral answers that a "Share in channel" button may post, by share id; slash-command
   * answers are kept by the answer worker instead (answers.shared).
   */
  shareable: BoundedMap<string, SharedAnswer>;
  /** Event ids already answered: Slack retries an event it thinks was not received. */
  seenEvents: BoundedMap<string, true>;
  /** Extra trusted CA certificates for probes (a lab's CA); none normally. */
  extraCa?: readonly string[];
  /** Builds and posts slash-command answers off the main thread; started and stopped with the app. */
  answers: AnswerWorker;
}

export interface SharedAnswer {
  /** Rendered only when someone shares it: most answers never are. */
  answer: Answer;
  /** The thread the answer belongs to, when it was asked in one. */
  threadTs: string | null;
}

export const SLASH_COMMAND = '/emailhelp';

export interface SlackDepsOptions {
  logger: AppLogger;
  extraCa?: readonly string[];
  probeLimits?: ProbeLimitsOptions;
}

export function createDeps(config: Config, options: SlackDepsOptions): SlackDeps {
  const limits = new ProbeLimits(options.logger, options.probeLimits);
  // An ephemeral message's response_url lives 30 minutes; a share after that could not replace it anyway.
  const shareable = new BoundedMap<string, SharedAnswer>(1000, 30 * 60_000);
  return {
    config,
    logger: options.logger,
    limits,
    shareable,
    answers: new AnswerWorker({ config, logger: options.logger, limits, ...(options.extraCa ? { extraCa: options.extraCa } : {}) }),
    // Slack retries a few times over about five minutes (https://api.slack.com/apis/events-api#retries).
    seenEvents: new BoundedMap(10_000, 60 * 60_000),
    ...(options.extraCa ? { extraCa: options.extraCa } : {}),
  };
}

/** The answer builder's context for one request by one user on one surface. */
export function answerContext(deps: SlackDeps, actor: ProbeActor, onProgress?: (step: string) => void): AnswerContext {
  return answerContextWith(deps, deps.limits.guardFor(actor), onProgress);
}

/** answerContext with the probe guard given: the answer worker's comes from across threads. */
export function answerContextWith(
  base: { config: Config; extraCa?: readonly string[] | null | undefined },
  guardProbe: NonNullable<AnswerContext['guardProbe']>,
  onProgress?: (step: string) => void,
): AnswerContext {
  const context: AnswerContext = { config: base.config, command: SLASH_COMMAND, guardProbe };
  if (base.extraCa) context.extraCa = base.extraCa;
  if (onProgress) context.onProgress = onProgress;
  return context;
}
