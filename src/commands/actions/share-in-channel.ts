import { randomUUID } from 'node:crypto';
import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTION_SHARE, answerMessage, context, fitMessage } from '../blocks/answer-blocks.js';
import { LIMITS } from '../blocks/limits.js';
import type { SlackDeps } from '../support/deps.js';
import { guarded, slackErrorCode } from '../support/guarded.js';

/**
 * "Share in channel": posts an ephemeral answer for everyone to see and removes the ephemeral
 * copy. Ephemeral messages cannot be read back through the API, so the answer was kept (for the
 * life of its response_url) under the id the button carries.
 */

export function newShareId(): string {
  return randomUUID();
}

export function registerShareInChannel(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTION_SHARE, async ({ ack, body, action, respond, client }) => {
    await ack();
    await guarded(deps.logger, 'share', async () => {
      const shareId = action.value ?? '';
      const kept = deps.shareable.get(shareId);
      const fromWorker = kept ? null : await deps.answers.shared(shareId);
      const shared = kept ?? (fromWorker ? { answer: fromWorker, threadTs: null } : undefined);
      const channel = body.channel?.id ?? body.container?.channel_id;
      if (!shared || channel === undefined) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: 'This answer is too old to share. Ask again and share the new answer.' });
        return;
      }
      // The sharer's own id, which Slack gave us: the only mention emailhelp ever writes.
      const rendered = answerMessage(shared.answer);
      const blocks = [...rendered.blocks, context(`Shared by <@${body.user.id}> with /emailhelp`)];
      const message = fitMessage({ text: rendered.text, blocks }, LIMITS.messageBlocks);
      try {
        await client.chat.postMessage({ channel, ...message, ...(shared.threadTs ? { thread_ts: shared.threadTs } : {}), unfurl_links: false, unfurl_media: false });
      } catch (error) {
        if (slackErrorCode(error) !== 'not_in_channel' && slackErrorCode(error) !== 'channel_not_found') throw error;
        await respond({ response_type: 'ephemeral', replace_original: false, text: 'emailhelp is not a member of this channel, so it cannot post here. Invite it with /invite @emailhelp, then share again.' });
        return;
      }
      if (kept) deps.shareable.delete(shareId);
      else deps.answers.forget(shareId);
      await respond({ delete_original: true });
    }, (text) => respond({ response_type: 'ephemeral', replace_original: false, text }));
  });
}
