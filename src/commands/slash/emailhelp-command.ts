import type { App } from '@slack/bolt';
import { AskError, parseAsk, problem, type Ask } from '../../core/answer/index.js';
import { answerMessage } from '../blocks/answer-blocks.js';
import { slackTextToPlain } from '../blocks/slack-text.js';
import { SLASH_COMMAND, type SlackDeps } from '../support/deps.js';
import { guarded } from '../support/guarded.js';
import { responseUrlPoster } from '../support/response-url.js';
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
    // The answer is built and posted on the answer worker's thread: this one only reads and
    // acknowledges requests, so an ack never waits behind another command's answer.
    const job = { ask, actor: { team: command.team_id ?? null, user: command.user_id, surface: 'slash' }, responseUrl: command.response_url, shareId: newShareId() };
    await guarded(deps.logger, 'slash', () => deps.answers.answer(job), (text) => respond({ response_type: 'ephemeral', text }));
  });
}
