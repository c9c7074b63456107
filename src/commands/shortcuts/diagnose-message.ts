import type { App, MessageShortcut } from '@slack/bolt';
import { buildAnswer, isAddressOrDomain, type Ask } from '../../core/answer/index.js';
import { answerMessage, context, fitMessage } from '../blocks/answer-blocks.js';
import { LIMITS } from '../blocks/limits.js';
import { slackTextToPlain } from '../blocks/slack-text.js';
import { answerContext, type SlackDeps } from '../support/deps.js';
import { guarded, slackErrorCode } from '../support/guarded.js';
import { replyInThread } from '../support/thread-reply.js';

/**
 * The message shortcut "Diagnose with emailhelp" on a user's post: diagnoses the post's text and
 * answers in its thread. Where the app may not post (not a member of the channel), the engineer
 * who used the shortcut gets the answer privately, with how to invite the app.
 */

export const DIAGNOSE_MESSAGE = 'diagnose_message';

const INVITE_HINT = 'emailhelp is not in this channel, so only you can see this answer. To answer in threads here, invite it: /invite @emailhelp';

/** A post is an error to diagnose, unless it is nothing but an address or a domain. */
export function askForPost(text: string): Ask | null {
  const plain = slackTextToPlain(text).trim();
  if (plain === '') return null;
  return isAddressOrDomain(plain) ? { kind: 'settings', input: plain, offline: false } : { kind: 'diagnose', text: plain };
}

export function registerDiagnoseMessage(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>(DIAGNOSE_MESSAGE, async ({ ack, shortcut, respond, client }) => {
    await ack();
    const tell = (text: string) => respond({ response_type: 'ephemeral', text });
    await guarded(deps.logger, 'shortcut', async () => {
      const ask = askForPost(shortcut.message.text ?? '');
      if (ask === null) {
        await tell('That message has no text to diagnose. Use the shortcut on the message with the error in it, or type /emailhelp followed by the error.');
        return;
      }
      const actor = { team: shortcut.team?.id ?? null, user: shortcut.user.id, surface: 'shortcut' };
      const where = { channel: shortcut.channel.id, threadTs: shortcut.message.thread_ts ?? shortcut.message_ts };
      try {
        await replyInThread(client, deps, where, ask, actor);
      } catch (error) {
        const code = slackErrorCode(error);
        if (code !== 'not_in_channel' && code !== 'channel_not_found') throw error;
        const answer = await buildAnswer(ask, answerContext(deps, actor));
        const message = answerMessage(answer);
        await respond({ response_type: 'ephemeral', ...fitMessage({ text: message.text, blocks: [context(INVITE_HINT), ...message.blocks] }, LIMITS.messageBlocks) });
      }
    }, tell);
  });
}
