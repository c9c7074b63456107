import { App, type webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reservePorts } from '../support/free-port.js';
import {
  SLACK_IDS,
  STAND_IN_TOKENS,
  appMentionEvent,
  blockAction,
  messageShortcut,
  postEvent,
  postInteraction,
  postSlashCommand,
  slashCommand,
  startSlackStandIn,
  viewSubmission,
  type RecordedCall,
  type SlackStandIn,
} from '../support/slack/index.js';
import { quietLogger } from './quiet-logger.js';

/*
 * The stand-in against a real Bolt 5 app in HTTP mode: if these pass, a test of emailhelp's app that
 * uses the stand-in sees what Slack would show it, and Slack sees what the app really sends.
 */

const SECRET = 'stand-in-signing-secret';

let slack: SlackStandIn;
let app: App;
let base: string;
const commandsSeen: string[] = [];
const logger = quietLogger();

beforeAll(async () => {
  slack = await startSlackStandIn();
  const [port = 0] = await reservePorts(1);
  app = new App({ token: STAND_IN_TOKENS.bot, signingSecret: SECRET, clientOptions: { slackApiUrl: slack.url }, logger });

  app.command('/emailhelp', async ({ command, ack, respond }) => {
    commandsSeen.push(command.text);
    await ack({ response_type: 'ephemeral', text: `Looking at: ${command.text}` });
    await respond({ response_type: 'ephemeral', text: 'Here is the answer.' });
  });
  app.event('app_mention', async ({ event, client }) => {
    await client.chat.postMessage({
      channel: event.channel,
      thread_ts: event.thread_ts ?? event.ts,
      text: 'Answer in the thread',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Answer in the thread' } }],
    });
  });
  // The shape the spec asks for: answer in the thread, or ephemerally through response_url when not a member.
  app.shortcut('diagnose_message', async ({ shortcut, ack, client, respond }) => {
    await ack();
    if (shortcut.type !== 'message_action') return;
    try {
      await client.chat.postMessage({ channel: shortcut.channel.id, thread_ts: shortcut.message.thread_ts ?? shortcut.message_ts, text: 'Diagnosis' });
    } catch (error) {
      const code = (error as webApi.WebAPIPlatformError).data?.error;
      await respond({ response_type: 'ephemeral', text: `Could not post in the thread (${code}); invite the app with /invite.` });
    }
  });

  app.view('diagnose_modal', async ({ view, ack }) => {
    const value = view.state.values.error_block?.error?.value;
    await ack({ response_action: 'errors', errors: { error_block: `got ${value}` } });
  });
  app.action('open_help', async ({ ack }) => {
    await ack();
  });

  await app.start(port);
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await app?.stop();
  await slack?.close();
});

describe('Bolt HTTP mode against the Slack stand-in', () => {
  it('checks the bot token with auth.test against SLACK_API_URL at construction', async () => {
    const call = await slack.waitForCall('auth.test');
    expect(call.token).toBe(STAND_IN_TOKENS.bot);
    expect(call.answer).toMatchObject({ ok: true, user_id: SLACK_IDS.botUserId, bot_id: SLACK_IDS.botId });
  });

  it('delivers a signed slash command to the listener and returns its ack in the HTTP answer', async () => {
    const responseUrl = slack.responseUrl('cmd1');
    const result = await postSlashCommand(base, SECRET, slashCommand({ text: 'settings someone@gmail.com', response_url: responseUrl }));
    expect(result.status).toBe(200);
    expect(result.json).toEqual({ response_type: 'ephemeral', text: 'Looking at: settings someone@gmail.com' });
    expect(result.ms).toBeLessThan(3000);
    const response = await slack.waitForResponse((r) => r.id === 'cmd1');
    expect(response).toMatchObject({ status: 200, body: { response_type: 'ephemeral', text: 'Here is the answer.' } });
  });

  it.each([
    ['a forged signature', { headers: { 'x-slack-signature': `v0=${'0'.repeat(64)}` } }],
    ['a timestamp 6 minutes old', { timestamp: Math.floor(Date.now() / 1000) - 360 }],
  ])('rejects %s with 401 before any listener runs', async (_name, options) => {
    const before = commandsSeen.length;
    const result = await postSlashCommand(base, SECRET, slashCommand({ text: 'should not arrive' }), options);
    expect(result.status).toBe(401);
    expect(commandsSeen.length).toBe(before);
  });

  it('rejects a request signed with another secret', async () => {
    const result = await postSlashCommand(base, 'not-the-secret', slashCommand({ text: 'x' }));
    expect(result.status).toBe(401);
  });

  it('delivers a view_submission built by viewSubmission() and returns the response_action ack', async () => {
    const payload = viewSubmission({ callback_id: 'diagnose_modal', values: { error_block: { error: '535 5.7.8' } } });
    const result = await postInteraction(base, SECRET, payload);
    expect(result.status).toBe(200);
    expect(result.json).toEqual({ response_action: 'errors', errors: { error_block: 'got 535 5.7.8' } });
  });

  it('delivers a link button click built by blockAction() and answers with an empty 200', async () => {
    const result = await postInteraction(base, SECRET, blockAction({ action_id: 'open_help', url: 'https://support.google.com/mail' }));
    expect([result.status, result.body]).toEqual([200, '']);
  });

  it('records chat.postMessage from an event listener with its thread_ts, token and parsed blocks', async () => {
    const mention = appMentionEvent({ text: `<@${SLACK_IDS.botUserId}> outlook 0x800CCC0E` });
    const event = mention.event as { ts: string };
    const result = await postEvent(base, SECRET, mention);
    expect(result.status).toBe(200);
    const call = await slack.waitForCall('chat.postMessage', (c) => c.body.thread_ts === event.ts);
    expect(call.token).toBe(STAND_IN_TOKENS.bot);
    expect(call.body).toMatchObject({ channel: SLACK_IDS.channelId, text: 'Answer in the thread' });
    // Bolt's client sends blocks as a JSON string inside the form; the stand-in hands tests the objects.
    expect(call.body.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'Answer in the thread' } }]);
    expect(call.answer).toMatchObject({ ok: true, channel: SLACK_IDS.channelId });
  });

  it('answers not_in_channel for a channel the bot is not in, so the app can fall back to response_url', async () => {
    slack.notInChannel.add('C0PRIVATE1');
    const shortcut = messageShortcut({ callback_id: 'diagnose_message', text: '<!here> my mail is broken', channel_id: 'C0PRIVATE1', response_url: slack.responseUrl('sc1') });
    const result = await postInteraction(base, SECRET, shortcut);
    expect(result.status).toBe(200);
    const response = await slack.waitForResponse((r) => r.id === 'sc1');
    expect(response.body.text).toContain('not_in_channel');
    const failed = slack.callsTo('chat.postMessage').find((c) => c.body.channel === 'C0PRIVATE1') as RecordedCall;
    expect(failed.answer).toEqual({ ok: false, error: 'not_in_channel' });
  });
});

describe('Web API answers', () => {
  it('fails the next matching call once with failNext, then answers normally', async () => {
    slack.failNext('chat.postMessage', 'is_archived', (body) => body.channel === 'C0ARCHIVED');
    await expect(app.client.chat.postMessage({ channel: SLACK_IDS.channelId, text: 'unaffected' })).resolves.toMatchObject({ ok: true });
    await expect(app.client.chat.postMessage({ channel: 'C0ARCHIVED', text: 'x' })).rejects.toMatchObject({ data: { error: 'is_archived' } });
    await expect(app.client.chat.postMessage({ channel: 'C0ARCHIVED', text: 'x' })).resolves.toMatchObject({ ok: true });
  });

  it('answers invalid_auth for a revoked or unknown token and unknown_method for anything unimplemented', async () => {
    slack.setTokenValid(false);
    await expect(app.client.auth.test()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
    slack.setTokenValid(true);
    await expect(app.client.auth.test({ token: 'xoxb-unknown' })).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
    await expect(app.client.apiCall('emoji.list')).rejects.toMatchObject({ data: { error: 'unknown_method' } });
  });

  it('opens a view once per fresh trigger_id and rejects reused, stale or over-long ones', async () => {
    const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'emailhelp' }, blocks: [] };
    const trigger = slack.triggerId();
    const opened = await app.client.views.open({ trigger_id: trigger, view });
    expect(opened.view?.id).toMatch(/^V/);
    await expect(app.client.views.open({ trigger_id: trigger, view })).rejects.toMatchObject({ data: { error: 'exchanged_trigger_id' } });
    const longTitle = { ...view, title: { type: 'plain_text' as const, text: 'A title longer than 24 chars' } };
    await expect(app.client.views.open({ trigger_id: slack.triggerId(), view: longTitle })).rejects.toMatchObject({ data: { error: 'invalid_arguments' } });
  });

  it('answers conversations.open, chat.postEphemeral, chat.update, chat.delete and views.publish in Slack shape', async () => {
    const dm = await app.client.conversations.open({ users: SLACK_IDS.userId });
    expect(dm.channel?.id).toMatch(/^D/);
    const ephemeral = await app.client.chat.postEphemeral({ channel: SLACK_IDS.channelId, user: SLACK_IDS.userId, text: 'only you' });
    expect(ephemeral.message_ts).toMatch(/^\d+\.\d{6}$/);
    const posted = await app.client.chat.postMessage({ channel: SLACK_IDS.channelId, text: 'v1' });
    await expect(app.client.chat.update({ channel: SLACK_IDS.channelId, ts: posted.ts as string, text: 'v2' })).resolves.toMatchObject({ ok: true, ts: posted.ts });
    await expect(app.client.chat.delete({ channel: SLACK_IDS.channelId, ts: posted.ts as string })).resolves.toMatchObject({ ok: true });
    await expect(app.client.views.publish({ user_id: SLACK_IDS.userId, view: { type: 'home', blocks: [] } })).resolves.toMatchObject({ ok: true });
  });
});

describe('response_url endpoint', () => {
  const post = (url: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'hi' }) });

  it('answers 200 ok five times, then refuses the used-up URL', async () => {
    const url = slack.responseUrl();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await post(url)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 404]);
  });

  it('answers 404 expired_url for an expired URL and a custom status for a used-up one', async () => {
    const expired = await post(slack.responseUrl(undefined, { expired: true }));
    expect([expired.status, await expired.text()]).toEqual([404, 'expired_url']);
    const custom = await startSlackStandIn({ usedUpStatus: 410, responseUrlMaxUses: 1 });
    try {
      const url = custom.responseUrl();
      expect((await post(url)).status).toBe(200);
      expect((await post(url)).status).toBe(410);
    } finally {
      await custom.close();
    }
  });
});
