import type { App } from '@slack/bolt';
import { AskError, parseAsk, problem, type Answer, type Ask } from '../../core/answer/index.js';
import { slackTextToPlain, withoutMention } from '../blocks/slack-text.js';
import type { SlackDeps } from '../support/deps.js';
import { guarded } from '../support/guarded.js';
import { replyInThread } from '../support/thread-reply.js';

/**
 * `@emailhelp …` in a channel: the same words as the slash command, answered in the thread of the
 * mention. Slack retries an event when it thinks it went unanswered; the event id makes sure one
 * mention gets one answer.
 */
export function registerAppMention(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, body, client, context }) => {
    const eventId = (body as { event_id?: string }).event_id ?? `${event.channel}:${event.ts}`;
    if (deps.seenEvents.has(eventId)) return;
    deps.seenEvents.set(eventId, true);

    const where = { channel: event.channel, threadTs: event.thread_ts ?? event.ts };
    const actor = { team: (body as { team_id?: string }).team_id ?? null, user: event.user ?? 'unknown', surface: 'mention' };
    await guarded(deps.logger, 'mention', async () => {
      let ask: Ask | Answer;
      try {
        ask = parseAsk(slackTextToPlain(withoutMention(event.text, context.botUserId)));
      } catch (error) {
        if (!(error instanceof AskError)) throw error;
        ask = problem(null, error.message);
      }
      // A bare mention has no modal to open: tell how to ask instead.
      if ('kind' in ask && ask.kind === 'guided') ask = { kind: 'help', topic: null };
      await replyInThread(client, deps, where, ask, actor);
    }, (text) => client.chat.postMessage({ channel: where.channel, thread_ts: where.threadTs, text }));
  });
}
