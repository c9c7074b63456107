import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTION_FEEDBACK_NO, ACTION_FEEDBACK_YES } from '../blocks/answer-blocks.js';
import type { SlackDeps } from '../support/deps.js';
import { CAUSE_IDS } from '../../content/types.js';

/**
 * "Did this fix it?": logged as a feedback event (which cause, helpful or not) so that the
 * knowledge can be judged against real tickets, and thanked privately.
 */
export function registerFeedback(app: App, deps: SlackDeps): void {
  for (const [actionId, helpful] of [
    [ACTION_FEEDBACK_YES, true],
    [ACTION_FEEDBACK_NO, false],
  ] as const) {
    app.action<BlockButtonAction>(new RegExp(`^${actionId}(:\\d+)?$`), async ({ ack, body, action, respond }) => {
      await ack();
      const cause = (CAUSE_IDS as readonly string[]).includes(action.value ?? '') ? action.value : 'unknown';
      deps.logger.event('info', 'feedback', { team: body.team?.id ?? null, user: body.user.id, cause, helpful });
      const text = helpful
        ? 'Glad that fixed it. Thanks for telling emailhelp.'
        : 'Sorry that did not fix it. Look at "Also possible" in the answer, check the server with /emailhelp probe <server>, or paste the newest error with /emailhelp.';
      await respond({ response_type: 'ephemeral', replace_original: false, text }).catch(() => undefined);
    });
  }
}
