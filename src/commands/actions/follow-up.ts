import type { App, BlockButtonAction } from '@slack/bolt';
import { AskError, buildAnswer, parseAsk, problem, type Ask } from '../../core/answer/index.js';
import { ACTION_FOLLOW_UP, answerMessage } from '../blocks/answer-blocks.js';
import { answerContext, type SlackDeps } from '../support/deps.js';
import { guarded } from '../support/guarded.js';
import { Progress } from '../support/progress.js';
import { responseUrlPoster } from '../support/response-url.js';
import { newShareId } from './share-in-channel.js';

/**
 * A follow-up button ("Probe imap.example.com", "Settings for example.com", "POP or IMAP?"): the
 * request it carries is answered privately to whoever clicked, like a slash command, with its
 * own "Share in channel".
 */

/** Ask kinds a button may carry; anything else in a value is refused. */
const BUTTON_ASKS = new Set(['diagnose', 'settings', 'probe', 'explain', 'help']);

/**
 * A button's value back into a request. Values come from emailhelp's own messages, but the request
 * is rebuilt through the same parser as typed text so that nothing unchecked reaches a probe.
 */
export function askFromButton(value: string): Ask {
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch {
    throw new AskError('That button no longer works. Ask again with /emailhelp.');
  }
  const r = raw as Record<string, unknown> | null;
  if (r === null || typeof r !== 'object' || typeof r.kind !== 'string' || !BUTTON_ASKS.has(r.kind)) {
    throw new AskError('That button no longer works. Ask again with /emailhelp.');
  }
  const word = (v: unknown) => (typeof v === 'string' && /^[^\s]{1,320}$/.test(v) ? v : null);
  switch (r.kind) {
    case 'probe': {
      const input = word(r.input);
      const protocol = word(r.protocol);
      const port = typeof r.port === 'number' && Number.isInteger(r.port) ? r.port : null;
      if (input === null) break;
      return parseAsk(['probe', input, ...(protocol ? ['--protocol', protocol] : []), ...(port !== null ? ['--port', String(port)] : [])].join(' '));
    }
    case 'settings': {
      const input = word(r.input);
      if (input === null) break;
      return parseAsk(`settings ${input}${r.offline === true ? ' --offline' : ''}`);
    }
    case 'explain':
      if (typeof r.topic === 'string' && r.topic.length <= 60) return parseAsk(`explain ${r.topic}`);
      break;
    case 'help':
      return { kind: 'help', topic: null };
    case 'diagnose':
      if (typeof r.text === 'string' && r.text.trim() !== '' && r.text.length <= 3000) return { kind: 'diagnose', text: r.text };
      break;
  }
  throw new AskError('That button no longer works. Ask again with /emailhelp.');
}

export function registerFollowUp(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(new RegExp(`^${ACTION_FOLLOW_UP}(:\\d+)?$`), async ({ ack, body, action }) => {
    await ack();
    const respond = responseUrlPoster(body.response_url);
    const tell = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
    await guarded(deps.logger, 'follow_up', async () => {
      let ask: Ask;
      try {
        ask = askFromButton(action.value ?? '');
      } catch (error) {
        if (!(error instanceof AskError)) throw error;
        await respond({ response_type: 'ephemeral', replace_original: false, ...answerMessage(problem(null, error.message)) });
        return;
      }
      const progress = new Progress((message) => respond({ response_type: 'ephemeral', replace_original: false, ...message }));
      const actor = { team: body.team?.id ?? null, user: body.user.id, surface: 'button' };
      const answer = await buildAnswer(ask, answerContext(deps, actor, progress.step));
      await progress.settled();
      const shareId = newShareId();
      const threadTs = (body.container as { thread_ts?: string }).thread_ts ?? null;
      deps.shareable.set(shareId, { answer, threadTs });
      // A response_url reply with replace_original replaces the message that holds the button
      // (or the progress note, when there was one): the progress note is the one to replace.
      await respond({ response_type: 'ephemeral', replace_original: progress.shown, ...answerMessage(answer, { shareId }) });
    }, tell);
  });
}
