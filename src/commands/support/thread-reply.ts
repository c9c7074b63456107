import type { App } from '@slack/bolt';
import { buildAnswer, type Answer, type AnswerContext, type Ask } from '../../core/answer/index.js';
import { answerMessage, type SlackMessage } from '../blocks/answer-blocks.js';
import { answerContext, type SlackDeps } from './deps.js';
import type { ProbeActor } from './probe-limits.js';
import { Progress } from './progress.js';

type WebClient = App['client'];

/**
 * Answers in a thread for everyone there: a "checking …" reply first when the work is slow, then
 * the answer in its place (chat.update), or the answer straight away. Throws Slack's error (e.g.
 * not_in_channel) so that the caller can choose another way to answer.
 */
export async function replyInThread(client: WebClient, deps: SlackDeps, where: { channel: string; threadTs: string }, ask: Ask | Answer, actor: ProbeActor): Promise<SlackMessage> {
  const progress = new Progress(async (message) => {
    const posted = await client.chat.postMessage({ channel: where.channel, thread_ts: where.threadTs, ...message, unfurl_links: false, unfurl_media: false });
    return posted.ts;
  });
  // Whether the app may post here is known before the slow work starts.
  const answer = 'kind' in ask && 'followUps' in ask ? ask : await buildAnswer(ask, answerContext(deps, actor, progress.step) satisfies AnswerContext);
  const message = answerMessage(answer);
  const progressTs = await progress.settled();
  if (progressTs) {
    await client.chat.update({ channel: where.channel, ts: progressTs, ...message });
  } else {
    await client.chat.postMessage({ channel: where.channel, thread_ts: where.threadTs, ...message, unfurl_links: false, unfurl_media: false });
  }
  return message;
}
