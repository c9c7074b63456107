import { App } from '@slack/bolt';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SLACK_IDS,
  STAND_IN_TOKENS,
  appMentionEvent,
  blockAction,
  slashCommand,
  startSlackStandIn,
  type SlackStandIn,
} from '../support/slack/index.js';
import { quietLogger } from './quiet-logger.js';

/*
 * The Socket Mode side against a real Bolt 5 app (`socketMode: true`): the app finds the socket through
 * apps.connections.open at SLACK_API_URL, gets `hello`, and acks envelopes on the socket.
 */

let slack: SlackStandIn;
let app: App;
const retriesSeen: (number | undefined)[] = [];

beforeAll(async () => {
  slack = await startSlackStandIn();
  app = new App({ token: STAND_IN_TOKENS.bot, appToken: STAND_IN_TOKENS.app, socketMode: true, clientOptions: { slackApiUrl: slack.url }, logger: quietLogger() });
  app.command('/emailhelp', async ({ command, ack }) => {
    await ack({ response_type: 'ephemeral', text: `Socket answer: ${command.text}` });
  });
  // A link button still sends block_actions; an empty ack is what keeps the user from seeing an error.
  app.action('open_help', async ({ ack }) => {
    await ack();
  });
  app.event('app_mention', async ({ event, context, client }) => {
    retriesSeen.push(context.retryNum);
    await client.chat.postMessage({ channel: event.channel, thread_ts: event.ts, text: 'Answer via socket' });
  });
  await app.start();
});

afterAll(async () => {
  // The app first, so its client does not try to reconnect to a stand-in that is going away.
  await app?.stop();
  await slack?.close();
});

describe('Bolt Socket Mode against the Slack stand-in', () => {
  it('opens the socket through apps.connections.open at SLACK_API_URL with the app token', () => {
    const [open] = slack.callsTo('apps.connections.open');
    expect(open?.token).toBe(STAND_IN_TOKENS.app);
    expect(open?.answer).toMatchObject({ ok: true, url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/link\/\?ticket=/) });
    expect(slack.socket.openConnections).toBe(1);
  });

  it('delivers a slash_commands envelope and returns the ack payload through send()', async () => {
    const ack = await slack.socket.send('slash_commands', slashCommand({ text: 'explain ports' }));
    expect(ack.payload).toEqual({ response_type: 'ephemeral', text: 'Socket answer: explain ports' });
    expect(ack.ms).toBeLessThan(3000);
  });

  it('returns an empty ack payload for an interactive envelope', async () => {
    const ack = await slack.socket.send('interactive', blockAction({ action_id: 'open_help', url: 'https://support.google.com/mail' }));
    expect(ack.payload).toEqual({});
  });

  it('acks events itself, passes retry_attempt on as context.retryNum, and the listener reaches the Web API', async () => {
    const mention = appMentionEvent({ text: `<@${SLACK_IDS.botUserId}> help` });
    const ts = (mention.event as { ts: string }).ts;
    await expect(slack.socket.send('events_api', mention, { retryAttempt: 1, retryReason: 'timeout' })).resolves.toMatchObject({ payload: {} });
    await slack.waitForCall('chat.postMessage', (c) => c.body.thread_ts === ts);
    expect(retriesSeen).toContain(1);
  });

  it('rejects send() when nothing acks in time', async () => {
    // No listener for this command: Bolt never acks, which Slack would show the user as a failure.
    await expect(slack.socket.send('slash_commands', slashCommand({ command: '/unknown' }), { timeoutMs: 300 })).rejects.toThrow(/no ack/);
  });

  // Slow by design: the Node client waits clientPingTimeout (5 s, not settable through App) before reconnecting.
  it('reconnects after a disconnect message, fetching a new URL', async () => {
    const before = slack.callsTo('apps.connections.open').length;
    const reconnected = slack.socket.nextConnection();
    slack.socket.disconnect('refresh_requested');
    await reconnected;
    expect(slack.callsTo('apps.connections.open').length).toBe(before + 1);
    await expect(slack.socket.send('slash_commands', slashCommand({ text: 'after' }))).resolves.toMatchObject({ payload: { text: 'Socket answer: after' } });
  });
});

describe('Socket Mode server details', () => {
  it('greets with hello, pings the client, and refuses links without a ticket it issued', async () => {
    const fast = await startSlackStandIn({ pingIntervalMs: 50 });
    const open = (await (await fetch(`${fast.url}apps.connections.open`, { method: 'POST', headers: { authorization: `Bearer ${STAND_IN_TOKENS.app}` } })).json()) as { url: string };
    const ws = new WebSocket(open.url);
    try {
      const hello = await new Promise<unknown>((resolve) => ws.once('message', (data) => resolve(JSON.parse(data.toString()))));
      expect(hello).toMatchObject({ type: 'hello', num_connections: 1, connection_info: { app_id: SLACK_IDS.appId } });
      await new Promise<void>((resolve) => ws.once('ping', () => resolve()));
      const forged = new WebSocket(open.url.replace(/ticket=\w+/, 'ticket=forged'));
      // Ending a link that never opened makes ws emit an error; the refusal itself is what is checked.
      forged.on('error', () => undefined);
      const status = await new Promise<number>((resolve) => forged.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
      forged.terminate();
      expect(status).toBe(401);
    } finally {
      ws.terminate();
      await fast.close();
    }
  });

  it('refuses apps.connections.open without a Bearer app token', async () => {
    const call = async (headers: Record<string, string>, body = '') =>
      (await (await fetch(`${slack.url}apps.connections.open`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body })).json()) as { error?: string };
    // Slack does not take the app token as a POST parameter.
    expect((await call({}, `token=${STAND_IN_TOKENS.app}`)).error).toBe('not_authed');
    expect((await call({ authorization: `Bearer ${STAND_IN_TOKENS.bot}` })).error).toBe('not_allowed_token_type');
    expect((await call({ authorization: 'Bearer xapp-1-unknown' })).error).toBe('invalid_auth');
  });
});
