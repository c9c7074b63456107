import type { ProbeReport } from '../../core/probe/index.js';
import { buildAnswer, type Answer } from '../../core/answer/index.js';
import type { Config } from '../../config.js';
import { answerMessage } from '../blocks/answer-blocks.js';
import { answerContextWith } from '../support/deps.js';
import { guarded } from '../support/guarded.js';
import type { AppLogger } from '../support/logger.js';
import { Progress } from '../support/progress.js';
import { responseUrlPoster } from '../support/response-url.js';
import type { AnswerJob } from '../support/answer-worker/protocol.js';

/** What answering a slash command needs besides the job: it runs in the answer worker. */
export interface SlashAnswerEnv {
  config: Config;
  logger: AppLogger;
  extraCa: readonly string[] | null;
  guardProbe: (actor: AnswerJob['actor']) => (target: string, run: () => Promise<ProbeReport>) => Promise<ProbeReport | { refused: string }>;
  /** Keeps the answer for its "Share in channel" button; called before the answer is posted. */
  share: (shareId: string, answer: Answer) => void;
}

/**
 * The answer to `/emailhelp …` (after its ack): built, rendered and posted ephemeral to the
 * command's response_url, replacing the "checking …" message when a probe or lookup showed one.
 * A failure becomes a short message with a reference (guarded), never silence.
 */
export async function answerSlashCommand(job: AnswerJob, env: SlashAnswerEnv): Promise<void> {
  const respond = responseUrlPoster(job.responseUrl);
  await guarded(
    env.logger,
    'slash',
    async () => {
      const progress = new Progress((message) => respond({ response_type: 'ephemeral', ...message }));
      const answer = await buildAnswer(job.ask, answerContextWith(env, env.guardProbe(job.actor), progress.step));
      await progress.settled();
      const message = answerMessage(answer, { shareId: job.shareId });
      env.share(job.shareId, answer);
      await respond({ response_type: 'ephemeral', replace_original: progress.shown, ...message });
    },
    (text) => respond({ response_type: 'ephemeral', text }),
  );
}
