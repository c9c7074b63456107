import type { App, SlashCommand } from '@slack/bolt';
import { AskError, buildAnswer, parseAsk, problem, type Ask } from '../../core/answer/index.js';
import { answerMessage } from '../blocks/answer-blocks.js';
import { slackTextToPlain } from '../blocks/slack-text.js';
import { answerContext, SLASH_COMMAND, type SlackDeps } from '../support/deps.js';
import { guarded } from '../support/guarded.js';
import { Progress } from '../support/progress.js';
import { responseUrlPoster, type ResponseUrlPoster } from '../support/response-url.js';
import { newShareId } from '../actions/share-in-channel.js';
import { guidedModal } from '../views/guided-modal.js';

/**
 * `/emailhelp …`: the subcommands of the command line, a bare address or domain for settings, any
 * other text to diagnose, nothing at all for the guided modal. Ack at once; the answer follows
 * through the response_url, ephemeral, replacing a "checking …" message when there was one.
 */
export function registerSlashCommand(app: App, deps: SlackDeps): void {
  app.command(SLASH_COMMAND, async ({ command, ack, client }) => {
    const respond = responseUrlPoster(command.response_url);
    let ask: Ask;
    try {
      ask = parseAsk(slackTextToPlain(command.text ?? ''));
    } catch (error) {
      if (!(error instanceof AskError)) throw error;
      await ack({ response_type: 'ephemeral', ...answerMessage(problem(null, error.message)) });
      return;
    }
    await ack();
    if (ask.kind === 'guided') {
      // The trigger_id is valid for 3 seconds: open the modal before anything else.
      await guarded(deps.logger, 'slash:modal', async () => {
        await client.views.open({ trigger_id: command.trigger_id, view: guidedModal({ channelId: command.channel_id }) });
      }, (text) => respond({ response_type: 'ephemeral', text }));
      return;
    }
    // The answer waits for the event loop's next turn: requests that arrived meanwhile are read and
    // acknowledged first, so an ack never queues behind another command's answer.
    await new Promise((resolve) => setImmediate(resolve));
    await guarded(deps.logger, 'slash', () => answerByResponseUrl(ask, command, respond, deps), (text) => respond({ response_type: 'ephemeral', text }));
  });
}

async function answerByResponseUrl(ask: Ask, command: SlashCommand, respond: ResponseUrlPoster, deps: SlackDeps): Promise<void> {
  const progress = new Progress((message) => respond({ response_type: 'ephemeral', ...message }));
  const actor = { team: command.team_id ?? null, user: command.user_id, surface: 'slash' };
  const answer = await buildAnswer(ask, answerContext(deps, actor, progress.step));
  await progress.settled();
  const shareId = newShareId();
  const message = answerMessage(answer, { shareId });
  deps.shareable.set(shareId, { answer, threadTs: null });
  await respond({ response_type: 'ephemeral', replace_original: progress.shown, ...message });
}
